/**
 * The page's transfer_money over two-phase commit, fixed, with the coordinator it needs, and the seed's
 * version as written for comparison.
 *
 * The fix: abort only when the PREPARE phase fails. Once every participant voted yes, the coordinator
 * writes the decision "commit" to its durable log and resends the commit until each participant has
 * acknowledged it; a restarted coordinator reads the log and finishes the job (recover()).
 */
import { sleep } from '../../kit/clock';
import type { Kv } from '../../kit/kv';
import { logger } from '../../kit/log';
import type { Bank } from './bank';

export interface AccountRef {
  readonly bank: Bank;
  readonly id: string;
}

export type TransferResult = { readonly status: 'success' } | { readonly status: 'aborted'; readonly reason: string };

/** A participant voted no in the prepare phase. */
export class VotedNo extends Error {
  override readonly name = 'VotedNo';
}

/** Simulates the coordinator's process dying (nothing after it runs). */
export class CoordinatorCrashed extends Error {
  override readonly name = 'CoordinatorCrashed';
}

export interface CoordinatorOptions {
  /** Die right after writing the decision, before telling any participant. */
  readonly crashAfterDecision?: boolean;
  /** false: send each commit once and fail if it is lost (what the seed's except then aborts). */
  readonly resendCommits?: boolean;
  /** Wait between two sends of a lost commit. */
  readonly resendAfterMs?: number;
}

const log = logger('coordinator');

export class TransactionCoordinator {
  private readonly participants: Bank[] = [];

  constructor(
    readonly txId: string,
    /** Survives a crash (Redis with persistence, a table…): decisions and participants. */
    private readonly durableLog: Kv,
    private readonly options: CoordinatorOptions = {},
  ) {}

  /** Phase 1 for one participant: it applies the change, locks the row and votes. A "no" throws VotedNo. */
  async prepare(account: AccountRef, operation: 'debit' | 'credit', amount: number): Promise<void> {
    // Remember the participant BEFORE asking: after a crash, recovery must know whom to tell.
    this.participants.push(account.bank);
    await this.durableLog.set(`2pc:${this.txId}:participants`, this.participants.map((b) => b.name).join(','));
    const answer = await account.bank.prepare(this.txId, account.id, operation, amount);
    log(
      `${this.txId} prepare ${operation} ${account.id} ${amount} at ${account.bank.name} → ${answer.vote === 'yes' ? 'yes' : `no (${answer.reason})`}`,
    );
    if (answer.vote === 'no') throw new VotedNo(`${account.bank.name} voted no: ${answer.reason}`);
  }

  /** Phase 2: the decision is commit. Logged first (the point of no return), then delivered to everyone. */
  async commitAll(): Promise<void> {
    await this.durableLog.set(`2pc:${this.txId}:decision`, 'commit');
    log(`${this.txId} decision: commit (written to the log)`);
    if (this.options.crashAfterDecision)
      throw new CoordinatorCrashed(`coordinator died before sending the commit for ${this.txId}`);
    await this.deliverCommits();
  }

  async abortAll(): Promise<void> {
    await this.durableLog.set(`2pc:${this.txId}:decision`, 'abort');
    log(`${this.txId} decision: abort`);
    for (const bank of this.participants) log(`${this.txId} abort → ${bank.name}: ${await bank.abort(this.txId)}`);
  }

  /** A restarted coordinator finishes an in-doubt transaction from its log: commit if decided, else abort. */
  static async recover(
    txId: string,
    durableLog: Kv,
    banks: readonly Bank[],
    options: CoordinatorOptions = {},
  ): Promise<void> {
    const names = (await durableLog.get(`2pc:${txId}:participants`))?.split(',') ?? [];
    const decision = await durableLog.get(`2pc:${txId}:decision`);
    log(`restarted: the log says ${txId} → ${decision ?? 'no decision'}, participants ${names.join(', ')}`);
    const coordinator = new TransactionCoordinator(txId, durableLog, options);
    coordinator.participants.push(...banks.filter((b) => names.includes(b.name)));
    // No decision written means nobody can have committed: aborting is safe ("presumed abort").
    if (decision === 'commit') await coordinator.deliverCommits();
    else await coordinator.abortAll();
  }

  /** Sends the commit to every participant until each one acknowledges it. */
  private async deliverCommits(): Promise<void> {
    for (const bank of this.participants) {
      for (;;) {
        try {
          log(`${this.txId} commit → ${bank.name}: ${await bank.commit(this.txId)}`);
          break;
        } catch (error) {
          log(`${this.txId} commit → ${bank.name}: ✗ ${error instanceof Error ? error.message : String(error)}`);
          if (this.options.resendCommits === false) throw error;
          await sleep(this.options.resendAfterMs ?? 200); // the decision stands: send it again
        }
      }
    }
  }
}

/** The page's transfer_money, fixed: only a failed prepare phase aborts. */
export async function transferMoney(
  coordinator: TransactionCoordinator,
  fromAccount: AccountRef,
  toAccount: AccountRef,
  amount: number,
): Promise<TransferResult> {
  try {
    // Phase 1: Prepare
    await coordinator.prepare(fromAccount, 'debit', amount);
    await coordinator.prepare(toAccount, 'credit', amount);
  } catch (error) {
    await coordinator.abortAll();
    return { status: 'aborted', reason: error instanceof Error ? error.message : String(error) };
  }
  // Phase 2: Commit. Past this point there is no going back, only forward: commitAll() retries.
  await coordinator.commitAll();
  return { status: 'success' };
}

/** The seed's version as written: its single except also aborts when the COMMIT phase fails. */
export async function transferMoneyAsWritten(
  coordinator: TransactionCoordinator,
  fromAccount: AccountRef,
  toAccount: AccountRef,
  amount: number,
): Promise<TransferResult> {
  try {
    await coordinator.prepare(fromAccount, 'debit', amount);
    await coordinator.prepare(toAccount, 'credit', amount);
    await coordinator.commitAll();
    return { status: 'success' };
  } catch (error) {
    await coordinator.abortAll();
    throw error;
  }
}
