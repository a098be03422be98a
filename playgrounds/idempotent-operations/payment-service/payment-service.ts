/**
 * The page's PaymentService in TypeScript. The seed's version is kept as CheckThenActPaymentService, to
 * compare: it checks the cache, then inserts, and writes the cache inside the transaction. PaymentService
 * is the fix: a unique constraint on idempotencyKey decides who creates the payment, a loser returns the
 * existing one, and the cache is only a shortcut, written after the commit.
 */
import { now } from '../../kit/clock';
import { UniqueViolation, type Database, type Transaction } from '../../kit/db';
import type { Kv } from '../../kit/kv';

/** A row of the payments table. Money in integer cents, not floats. */
export interface Payment {
  readonly id: number;
  readonly idempotencyKey: string;
  readonly amountCents: number;
  readonly createdAt: number;
}

export interface PaymentTables {
  readonly payments: Payment;
}

/** The payment, and where it came from: created now, the cache, or the database (an earlier request). */
export interface PaymentOutcome {
  readonly payment: Payment;
  readonly via: 'created' | 'cache' | 'existing';
}

/** The seed's ttl=3600. */
export const CACHE_TTL_S = 3600;

const cacheKey = (idempotencyKey: string) => `payment:${idempotencyKey}`;

/** INSERT INTO payments (…): throws UniqueViolation if the table has the constraint and the key is taken. */
async function createPayment(
  tx: Transaction<PaymentTables>,
  db: Database<PaymentTables>,
  amountCents: number,
  idempotencyKey: string,
): Promise<Payment> {
  const payment: Payment = { id: db.nextId('payments'), idempotencyKey, amountCents, createdAt: now() };
  await tx.insert('payments', payment);
  return payment;
}

/** The seed's version, kept to compare. */
export class CheckThenActPaymentService {
  constructor(
    private readonly cache: Kv,
    private readonly db: Database<PaymentTables>,
  ) {}

  async processPayment(idempotencyKey: string, amountCents: number): Promise<PaymentOutcome> {
    // Check if already processed: two requests can both miss here.
    const cached = await this.cache.get(cacheKey(idempotencyKey));
    if (cached !== null) return { payment: JSON.parse(cached) as Payment, via: 'cache' };

    return this.db.transaction(async (tx) => {
      const payment = await createPayment(tx, this.db, amountCents, idempotencyKey);
      // Before the commit: if the commit failed, the cache would hold a payment that doesn't exist.
      await this.cache.set(cacheKey(idempotencyKey), JSON.stringify(payment), { ex: CACHE_TTL_S });
      return { payment, via: 'created' as const };
    });
  }
}

/** The fix. Needs the table's unique constraint on idempotencyKey. */
export class PaymentService {
  constructor(
    private readonly cache: Kv,
    private readonly db: Database<PaymentTables>,
  ) {}

  async processPayment(idempotencyKey: string, amountCents: number): Promise<PaymentOutcome> {
    // A shortcut only: the database is the source of truth.
    const cached = await this.cache.get(cacheKey(idempotencyKey));
    if (cached !== null) return { payment: JSON.parse(cached) as Payment, via: 'cache' };

    let payment: Payment;
    try {
      payment = await this.db.transaction((tx) => createPayment(tx, this.db, amountCents, idempotencyKey));
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      // Another request created it: concurrently, or before the cache forgot it. That payment is the answer.
      const [existing] = await this.db.select('payments', { idempotencyKey });
      if (!existing) throw error;
      return { payment: existing, via: 'existing' };
    }
    // Only after the commit: the cache never holds a payment the database doesn't.
    await this.cache.set(cacheKey(idempotencyKey), JSON.stringify(payment), { ex: CACHE_TTL_S });
    return { payment, via: 'created' };
  }
}
