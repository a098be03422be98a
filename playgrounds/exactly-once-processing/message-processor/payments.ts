/**
 * The payment side the page's MessageProcessor calls: process_payment(idempotency_key, amount). The
 * payment row (unique on idempotencyKey) and the balance change commit in one transaction, so a
 * payment is applied at most once per key, whatever the consumer does.
 */
import { UniqueViolation, type Database } from '../../kit/db';

/** Money in integer cents. */
export interface Payment {
  readonly id: number;
  readonly idempotencyKey: string;
  readonly accountId: string;
  readonly amountCents: number;
}

export interface Account {
  readonly id: string;
  readonly balanceCents: number;
}

export interface PaymentTables {
  readonly payments: Payment;
  readonly accounts: Account;
}

/** A payment with this idempotency key already exists (the seed raised it but never defined it). */
export class DuplicatePaymentError extends Error {
  override readonly name = 'DuplicatePaymentError';
  constructor(readonly idempotencyKey: string) {
    super(`a payment with idempotency key ${idempotencyKey} already exists`);
  }
}

export class PaymentStore {
  /** The database needs `payments: { unique: ['idempotencyKey'] }`. */
  constructor(private readonly db: Database<PaymentTables>) {}

  /** Records the payment and credits the account, in one transaction; DuplicatePaymentError if the key is taken. */
  async processPayment(idempotencyKey: string, accountId: string, amountCents: number): Promise<Payment> {
    try {
      return await this.db.transaction(async (tx) => {
        const payment: Payment = { id: this.db.nextId('payments'), idempotencyKey, accountId, amountCents };
        await tx.insert('payments', payment); // a concurrent insert of the same key waits, then fails
        await tx.update('accounts', accountId, (a) => ({ balanceCents: a.balanceCents + amountCents }));
        return payment;
      });
    } catch (error) {
      if (error instanceof UniqueViolation) throw new DuplicatePaymentError(idempotencyKey);
      throw error;
    }
  }

  /** The payment made with this key: the durable record of what was done. */
  async findPayment(idempotencyKey: string): Promise<Payment | undefined> {
    const [payment] = await this.db.select('payments', { idempotencyKey });
    return payment;
  }
}
