// Idempotency keys on a payment API: a retry with the same key must not charge the card again.
// The seed's check-then-act version is run next to the fix (an atomic SET NX claim). Change a number, Run.
import { concurrently, sleep } from '../../kit/clock';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { Service, ServiceError } from '../../kit/service';
import { createPaymentApi, type ChargeRequest, type Payment, type PaymentResult } from './idempotency-key';

const AMOUNT_CENTS = 2_500;
/** How long the provider takes to charge a card. */
const PROVIDER_LATENCY_MS = 120;
/** The first attempt plus the retries a client sends while it is still running. */
const CONCURRENT_REQUESTS = 2;
/** The client gives up waiting and retries after this long. */
const RETRY_AFTER_MS = 50;

const redis = new Kv({ latency: 1 });
let lastPayment = 0;
const provider = new Service<ChargeRequest, Payment>({
  name: 'payment-provider',
  latency: PROVIDER_LATENCY_MS,
  handler: ({ amountCents }) => ({ paymentId: `pay_${++lastPayment}`, amountCents }),
});
const { processPayment, processPaymentCheckThenAct } = createPaymentApi(redis, provider);

type Process = typeof processPayment;
const show = (result: PaymentResult) =>
  result.status === 'in-progress' ? '409 in progress' : `${result.status} ${result.payment.paymentId}`;

/** Card charges the provider made since `before`. */
const chargesSince = (before: number) => provider.stats.handled - before;

async function retries(process: Process, key: string): Promise<number> {
  const before = provider.stats.handled;
  await concurrently(
    CONCURRENT_REQUESTS,
    async (i) => log(`  request ${i + 1} (${key}): ${show(await process(key, AMOUNT_CENTS))}`),
    { staggerMs: RETRY_AFTER_MS },
  );
  return chargesSince(before);
}

console.log('--- 1. a retry with the same key ---');
let before = provider.stats.handled;
log(`key-A: ${show(await processPayment('key-A', AMOUNT_CENTS))}`);
log(`key-A again: ${show(await processPayment('key-A', AMOUNT_CENTS))}`);
log(`key-A charged ${chargesSince(before)} time(s)`);

console.log('--- 2. a new key is a new payment ---');
before = provider.stats.handled;
log(`key-B: ${show(await processPayment('key-B', AMOUNT_CENTS))}`);
log(`key-B charged ${chargesSince(before)} time(s)`);

console.log(`--- 3. seed check-then-act: ${CONCURRENT_REQUESTS} requests, a retry every ${RETRY_AFTER_MS} ms ---`);
const seedCharges = await retries(processPaymentCheckThenAct, 'key-C');
log(`check-then-act: key-C charged ${seedCharges} time(s)`);

console.log(`--- 4. SET NX in-flight marker: the same ${CONCURRENT_REQUESTS} requests ---`);
const fixedCharges = await retries(processPayment, 'key-D');
await sleep(RETRY_AFTER_MS);
log(`key-D, a later retry: ${show(await processPayment('key-D', AMOUNT_CENTS))}`);
log(`SET NX claim: key-D charged ${fixedCharges} time(s)`);

console.log('--- 5. a refused charge releases the key ---');
before = provider.stats.handled;
provider.errorRate = 1; // the provider answers 503 for a while
try {
  await processPayment('key-E', AMOUNT_CENTS);
} catch (error) {
  if (!(error instanceof ServiceError)) throw error;
  log(`key-E: ${error.message}; key released: ${redis.peek()['idem:key-E'] === undefined}`);
}
provider.errorRate = 0;
log(`key-E retried: ${show(await processPayment('key-E', AMOUNT_CENTS))}`);
log(`key-E charged ${chargesSince(before)} time(s)`);

console.log('--- outcome ---');
log(
  `provider made ${provider.stats.handled} charges for 5 keys: one per key + ${seedCharges - 1} double charge(s) by check-then-act`,
);
