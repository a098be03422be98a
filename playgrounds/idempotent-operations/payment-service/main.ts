// The page's PaymentService, seed version and fixed version, through the same story: a retry, a new key,
// a double submit, and a retry after the cache has forgotten the key. Count the payments per key.
import { concurrently, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import {
  CACHE_TTL_S,
  CheckThenActPaymentService,
  PaymentService,
  type PaymentOutcome,
  type PaymentTables,
} from './payment-service';

const AMOUNT_CENTS = 2_500;
/** Requests with one key arriving together (a double click, a retry racing the first attempt). */
const CONCURRENT_REQUESTS = 2;
/** Each statement, and each COMMIT, takes this long. */
const DB_LATENCY_MS = 5;

type Service = CheckThenActPaymentService | PaymentService;
const show = ({ payment, via }: PaymentOutcome) => `payment #${payment.id} (${via})`;

async function story(
  name: string,
  service: Service,
  db: Database<PaymentTables>,
): Promise<Record<string, string | number>> {
  console.log(`--- ${name} ---`);
  log(`key-A: ${show(await service.processPayment('key-A', AMOUNT_CENTS))}`);
  log(`key-A retried: ${show(await service.processPayment('key-A', AMOUNT_CENTS))}`);
  log(`key-B: ${show(await service.processPayment('key-B', AMOUNT_CENTS))}`);
  const together = await concurrently(CONCURRENT_REQUESTS, () => service.processPayment('key-C', AMOUNT_CENTS));
  log(`key-C x${CONCURRENT_REQUESTS} at once: ${together.map(show).join(', ')}`);
  await sleep(CACHE_TTL_S * 1000); // the cache entry expires (or Redis restarts, or evicts it)
  log(`key-A retried after the cache TTL: ${show(await service.processPayment('key-A', AMOUNT_CENTS))}`);
  const payments = (key: string) => db.peek('payments').filter((p) => p.idempotencyKey === key).length;
  return { service: name, 'key-A': payments('key-A'), 'key-B': payments('key-B'), 'key-C': payments('key-C') };
}

function setup(uniqueKey: boolean): { cache: Kv; db: Database<PaymentTables> } {
  const cache = new Kv({ latency: 1 });
  // The fix needs the constraint: CREATE UNIQUE INDEX ON payments (idempotency_key).
  const db = new Database<PaymentTables>({
    latency: DB_LATENCY_MS,
    tables: uniqueKey ? { payments: { unique: ['idempotencyKey'] } } : {},
  });
  return { cache, db };
}

const seed = setup(false);
const seedRow = await story(
  'seed: cache check, then insert',
  new CheckThenActPaymentService(seed.cache, seed.db),
  seed.db,
);
const fixed = setup(true);
const fixedRow = await story(
  'fixed: unique key, cache after commit',
  new PaymentService(fixed.cache, fixed.db),
  fixed.db,
);

console.log('--- payments created per key (1 = charged once) ---');
console.table([seedRow, fixedRow]);
