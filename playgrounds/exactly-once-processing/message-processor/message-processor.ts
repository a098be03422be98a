/**
 * The page's MessageProcessor in TypeScript: a fast processed-message cache in front of a payment
 * store that deduplicates by idempotency key. The fixes: DuplicatePaymentError is defined (payments.ts);
 * the cache is read with one GET (not EXISTS then GET); and a duplicate is answered from the payment
 * store, the durable record, because the cache may not have the result yet (or any more).
 */
import type { Kv } from '../../kit/kv';
import { DuplicatePaymentError, type Payment, type PaymentStore } from './payments';

export interface PaymentMessage {
  readonly accountId: string;
  readonly amountCents: number;
}

/** The payment, and how this delivery got it. */
export interface ProcessResult {
  readonly payment: Payment;
  /** processed: this delivery applied it; cache: seen before; duplicate: the payment store already had it. */
  readonly via: 'processed' | 'cache' | 'duplicate';
}

/** The seed's ttl=86400: how long a message id is remembered in the cache. */
const PROCESSED_TTL_S = 86_400;

export class MessageProcessor {
  constructor(
    private readonly processedCache: Kv,
    private readonly payments: PaymentStore,
  ) {}

  async process(messageId: string, payload: PaymentMessage): Promise<ProcessResult> {
    // Check if already processed: one GET, so the key can't expire between a check and a read.
    const cached = await this.processedCache.get(`processed:${messageId}`);
    if (cached !== null) return { payment: JSON.parse(cached) as Payment, via: 'cache' };

    let result: ProcessResult;
    try {
      // The message id is the idempotency key: every delivery of this message carries the same one.
      result = { payment: await this.processPayment(messageId, payload), via: 'processed' };
    } catch (error) {
      if (!(error instanceof DuplicatePaymentError)) throw error;
      // Already processed (a concurrent delivery, or an earlier one that crashed before caching).
      const payment = await this.payments.findPayment(messageId);
      if (!payment) throw error;
      result = { payment, via: 'duplicate' };
    }
    // Mark as processed: a shortcut for later duplicates, not the source of truth.
    await this.processedCache.set(`processed:${messageId}`, JSON.stringify(result.payment), { ex: PROCESSED_TTL_S });
    return result;
  }

  private processPayment(idempotencyKey: string, payload: PaymentMessage): Promise<Payment> {
    return this.payments.processPayment(idempotencyKey, payload.accountId, payload.amountCents);
  }
}
