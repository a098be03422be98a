/**
 * The page's transfer_money_saga, fixed, the MoneyTransferSaga it uses, and the seed's version as written.
 *
 * The fix: the debit result starts out undefined, and the debit is compensated only if it happened, so a
 * failed debit reports its own error instead of crashing in the except block (Python's
 * UnboundLocalError, TypeScript's "Cannot read properties of undefined").
 */
import { logger } from '../../kit/log';
import type { Applied, Bank, LedgerEntry } from './bank';

export interface AccountRef {
  readonly bank: Bank;
  readonly id: string;
}

export type TransferResult =
  | { readonly status: 'success' }
  | { readonly status: 'failed'; readonly reason: string } // the debit failed: nothing happened
  | { readonly status: 'compensated'; readonly reason: string }; // the credit failed: the debit was refunded

/** The saga's steps. Each is one local transaction, idempotent through its ledger entry id. */
export class MoneyTransferSaga {
  /** The debits this saga made, by id: what a compensation has to give back, and to whom. */
  private readonly debits = new Map<string, { readonly account: AccountRef; readonly entry: LedgerEntry }>();
  private readonly log: (line: string) => void;

  constructor(readonly transferId: string) {
    this.log = logger(transferId);
  }

  async debitAccount(account: AccountRef, amount: number): Promise<LedgerEntry> {
    const entry = await this.step(`debit ${account.id} -${amount}`, () =>
      account.bank.apply(`${this.transferId}:debit`, account.id, -amount),
    );
    this.debits.set(entry.id, { account, entry });
    return entry;
  }

  creditAccount(account: AccountRef, amount: number): Promise<LedgerEntry> {
    return this.step(`credit ${account.id} +${amount}`, () =>
      account.bank.apply(`${this.transferId}:credit`, account.id, amount),
    );
  }

  /** Gives the money back with an entry of its own (the ledger keeps both); applied once however often it is sent. */
  compensateDebit(debitId: string): Promise<LedgerEntry> {
    const debit = this.debits.get(debitId);
    if (!debit) throw new Error(`no debit ${debitId} in this saga`);
    const { account, entry } = debit;
    return this.step(`compensate: refund ${account.id} +${-entry.amount}`, () =>
      account.bank.apply(`${this.transferId}:refund`, account.id, -entry.amount),
    );
  }

  private async step(label: string, work: () => Promise<Applied>): Promise<LedgerEntry> {
    try {
      const entry = await work();
      this.log(`${label} ✓ (${entry.id}${entry.replayed ? ', already applied' : ''})`);
      return entry;
    } catch (error) {
      this.log(`${label} ✗ ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}

/** The page's transfer_money_saga, fixed. */
export async function transferMoneySaga(
  saga: MoneyTransferSaga,
  fromAccount: AccountRef,
  toAccount: AccountRef,
  amount: number,
): Promise<TransferResult> {
  let debitResult: LedgerEntry | undefined;
  try {
    // Step 1: Debit (idempotent)
    debitResult = await saga.debitAccount(fromAccount, amount);

    // Step 2: Credit (idempotent)
    await saga.creditAccount(toAccount, amount);

    return { status: 'success' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (debitResult === undefined) return { status: 'failed', reason }; // no debit, nothing to undo
    // Compensate (idempotent too, so it can be retried until it succeeds)
    await saga.compensateDebit(debitResult.id);
    return { status: 'compensated', reason };
  }
}

/** The seed's version as written. `let x!: T` tells TypeScript "trust me, it is assigned", as Python assumes. */
export async function transferMoneySagaAsWritten(
  saga: MoneyTransferSaga,
  fromAccount: AccountRef,
  toAccount: AccountRef,
  amount: number,
): Promise<TransferResult> {
  let debitResult!: LedgerEntry;
  try {
    debitResult = await saga.debitAccount(fromAccount, amount);
    await saga.creditAccount(toAccount, amount);
    return { status: 'success' };
  } catch (error) {
    await saga.compensateDebit(debitResult.id); // when the DEBIT failed, debitResult is undefined here
    throw error;
  }
}
