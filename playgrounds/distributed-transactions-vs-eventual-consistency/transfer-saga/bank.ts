/**
 * A bank with its accounts and a ledger in its own database (kit/db). Every change is ONE local
 * transaction that commits at once: nothing stays locked between the steps of a saga. The ledger entry's
 * id is the idempotency key: the same entry applied twice changes the balance once.
 */
import { Database } from '../../kit/db';

export interface Account {
  readonly id: string;
  readonly balance: number;
  readonly closed: boolean;
}

export interface LedgerEntry {
  /** The idempotency key, e.g. "tx-1:debit". */
  readonly id: string;
  readonly accountId: string;
  readonly amount: number;
}

/** What apply() answers: the entry, and whether it had already been applied (a retry). */
export interface Applied extends LedgerEntry {
  readonly replayed: boolean;
}

type Tables = { accounts: Account; ledger: LedgerEntry };

/** The bank refused the change (a business "no": retrying will not help). */
export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export class Bank {
  readonly db: Database<Tables>;

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

  /** Adds `amount` (negative: takes it) to the account, once per entry id, in one local transaction. */
  apply(entryId: string, accountId: string, amount: number): Promise<Applied> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.get('ledger', entryId);
      if (existing) return { ...existing, replayed: true }; // a retry: already applied, answer the same
      const account = await tx.getForUpdate('accounts', accountId);
      if (!account) throw new AccountError(`${this.name} has no account ${accountId}`);
      if (account.closed) throw new AccountError(`${accountId}'s account is closed`);
      if (account.balance + amount < 0)
        throw new AccountError(`insufficient funds: ${accountId} has ${account.balance}`);
      await tx.update('accounts', accountId, { balance: account.balance + amount });
      const entry: LedgerEntry = { id: entryId, accountId, amount };
      await tx.insert('ledger', entry); // a concurrent duplicate fails here on the primary key and rolls back
      return { ...entry, replayed: false };
    });
  }

  balanceOf(accountId: string): number {
    return this.db.peek('accounts').find((a) => a.id === accountId)?.balance ?? 0;
  }

  /** The ledger, for printing: "tx-2:debit -100, tx-2:refund +100". */
  ledger(): string {
    return (
      this.db
        .peek('ledger')
        .map((e) => `${e.id} ${e.amount > 0 ? '+' : ''}${e.amount}`)
        .join(', ') || '(empty)'
    );
  }
}
