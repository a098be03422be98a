/**
 * A bank: one participant of two-phase commit, with its accounts in its own database (kit/db).
 * prepare() does the work in a local transaction and leaves it OPEN: the account row stays locked until
 * the coordinator's decision arrives. commit() and abort() finish it and are idempotent, so the
 * coordinator can safely send them again.
 */
import { Database, type Transaction } from '../../kit/db';

export interface Account {
  readonly id: string;
  readonly balance: number;
  readonly frozen: boolean;
}

type Tables = { accounts: Account };

export type Vote = { readonly vote: 'yes' } | { readonly vote: 'no'; readonly reason: string };

/** The network lost a message to the bank (it never arrived). */
export class MessageLost extends Error {
  override readonly name = 'MessageLost';
}

export class Bank {
  readonly db: Database<Tables>;
  /** Prepared transactions waiting for the decision, by global transaction id: each holds a row lock. */
  private readonly prepared = new Map<string, Transaction<Tables>>();
  private readonly finished = new Map<string, 'committed' | 'rolled back'>();
  private commitMessagesToLose = 0;

  private constructor(
    readonly name: string,
    latencyMs: number,
  ) {
    this.db = new Database<Tables>({ name, latency: latencyMs });
  }

  static async open(name: string, accounts: readonly Account[], latencyMs: number): Promise<Bank> {
    const bank = new Bank(name, latencyMs);
    await bank.db.insertMany('accounts', accounts);
    return bank;
  }

  /** Phase 1: apply the change in a transaction, keep it open (and the row locked), and vote. */
  async prepare(txId: string, accountId: string, operation: 'debit' | 'credit', amount: number): Promise<Vote> {
    const tx = this.db.begin();
    const account = await tx.getForUpdate('accounts', accountId);
    const balance = (account?.balance ?? 0) + (operation === 'debit' ? -amount : amount);
    const reason = !account
      ? 'no such account'
      : account.frozen
        ? 'account frozen'
        : balance < 0
          ? 'insufficient funds'
          : undefined;
    if (reason) {
      await tx.rollback();
      return { vote: 'no', reason };
    }
    await tx.update('accounts', accountId, { balance });
    this.prepared.set(txId, tx); // in doubt from now on: only the coordinator's decision ends it
    return { vote: 'yes' };
  }

  /** Phase 2, commit. Sent twice, it answers the same. */
  async commit(txId: string): Promise<'committed'> {
    if (this.commitMessagesToLose > 0) {
      this.commitMessagesToLose -= 1;
      throw new MessageLost(`commit for ${txId} never reached ${this.name}`);
    }
    const tx = this.prepared.get(txId);
    if (tx) {
      await tx.commit();
      this.prepared.delete(txId);
      this.finished.set(txId, 'committed');
    }
    if (this.finished.get(txId) !== 'committed')
      throw new Error(`${this.name} cannot commit ${txId}: it was never prepared`);
    return 'committed';
  }

  /** Phase 2, abort: rolls back a prepared transaction. A committed one cannot be undone any more. */
  async abort(txId: string): Promise<'rolled back' | 'already committed, cannot undo' | 'nothing to undo'> {
    const tx = this.prepared.get(txId);
    if (tx) {
      await tx.rollback();
      this.prepared.delete(txId);
      this.finished.set(txId, 'rolled back');
      return 'rolled back';
    }
    return this.finished.get(txId) === 'committed' ? 'already committed, cannot undo' : 'nothing to undo';
  }

  /** The next commit message(s) sent to this bank get lost on the way. */
  loseNextCommit(count = 1): void {
    this.commitMessagesToLose += count;
  }

  /** Transactions prepared here and still waiting for a decision (their rows are locked). */
  get inDoubt(): string[] {
    return [...this.prepared.keys()];
  }

  balanceOf(accountId: string): number {
    return this.db.peek('accounts').find((a) => a.id === accountId)?.balance ?? 0;
  }
}
