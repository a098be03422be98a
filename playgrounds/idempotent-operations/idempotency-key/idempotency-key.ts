/**
 * The page's process_payment(idempotency_key, amount) in TypeScript, with the same four helpers. The
 * seed's check-then-act order is kept as processPaymentCheckThenAct, to compare; processPayment is the
 * fix: it claims the key with one atomic SET NX before charging, so only one request can charge.
 */
import type { Kv } from '../../kit/kv';
import { ServiceError, type Service } from '../../kit/service';

/** Money in integer cents: floats can't hold 0.10 exactly. */
export interface ChargeRequest {
  readonly amountCents: number;
}

/** What the payment provider answers. */
export interface Payment {
  readonly paymentId: string;
  readonly amountCents: number;
}

export type PaymentResult =
  /** This request charged the card. */
  | { readonly status: 'charged'; readonly payment: Payment }
  /** An earlier request with the same key did: the same answer again, no new charge. */
  | { readonly status: 'replayed'; readonly payment: Payment }
  /** An earlier request with the same key is still running: answer 409, the client retries later. */
  | { readonly status: 'in-progress' };

/** How long a key is remembered: the window in which a client may retry. */
const KEY_TTL_S = 24 * 60 * 60;
const IN_FLIGHT = 'in-flight:';

export function createPaymentApi(store: Kv, provider: Service<ChargeRequest, Payment>) {
  const keyOf = (idempotencyKey: string) => `idem:${idempotencyKey}`;
  let requests = 0;

  async function keyExists(idempotencyKey: string): Promise<boolean> {
    return (await store.exists(keyOf(idempotencyKey))) === 1;
  }

  /** The stored result; undefined while the key is only claimed (or gone). */
  async function getCachedResult(idempotencyKey: string): Promise<Payment | undefined> {
    const value = await store.get(keyOf(idempotencyKey));
    return value === null || value.startsWith(IN_FLIGHT) ? undefined : (JSON.parse(value) as Payment);
  }

  function executePayment(amountCents: number): Promise<Payment> {
    return provider.call({ amountCents });
  }

  async function storeResult(idempotencyKey: string, result: Payment): Promise<void> {
    await store.set(keyOf(idempotencyKey), JSON.stringify(result), { ex: KEY_TTL_S });
  }

  /** The seed's order, kept to compare: check, then act. Two requests can both pass the check. */
  async function processPaymentCheckThenAct(idempotencyKey: string, amountCents: number): Promise<PaymentResult> {
    if (await keyExists(idempotencyKey)) {
      const cached = await getCachedResult(idempotencyKey);
      return cached ? { status: 'replayed', payment: cached } : { status: 'in-progress' };
    }
    const result = await executePayment(amountCents); // a second request can be here too
    await storeResult(idempotencyKey, result);
    return { status: 'charged', payment: result };
  }

  /** The fix: claim the key atomically (SET NX, an in-flight marker), then charge. */
  async function processPayment(idempotencyKey: string, amountCents: number): Promise<PaymentResult> {
    const marker = `${IN_FLIGHT}${++requests}`;
    if ((await store.set(keyOf(idempotencyKey), marker, { nx: true, ex: KEY_TTL_S })) === null) {
      const cached = await getCachedResult(idempotencyKey);
      return cached ? { status: 'replayed', payment: cached } : { status: 'in-progress' };
    }
    let result: Payment;
    try {
      result = await executePayment(amountCents);
    } catch (error) {
      // A clear refusal (503, 402…) charged nothing: release our claim so that a retry can charge.
      // A timeout or 504 may have charged: keep the claim; retries get 'in-progress' until reconciled.
      if (error instanceof ServiceError && error.status !== 504) await store.delifeq(keyOf(idempotencyKey), marker);
      throw error;
    }
    await storeResult(idempotencyKey, result);
    return { status: 'charged', payment: result };
  }

  return { processPayment, processPaymentCheckThenAct };
}
