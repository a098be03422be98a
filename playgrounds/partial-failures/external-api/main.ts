// A flaky shipping API behind the corrected external_api.py: transient failures are retried with
// backoff and jitter, a client error is not, and during an outage the breaker opens and callers get
// a cached or default quote. Everything runs on virtual time: minutes of outage take milliseconds.
import { after, now, sleep } from '../../kit/clock';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { Service, ServiceError } from '../../kit/service';
import {
  ExternalApi,
  PermanentError,
  RetryableError,
  type ApiRequest,
  type Quote,
  type ShippingRequest,
  type Source,
} from './external-api';

const SEED = 7; // try another seed for another run of bad luck
const ERROR_RATE = 0.25; // part 1: share of calls answered 503
const HANG_RATE = 0.15; // part 1: share of calls that never answer (the client gives up after 5 s)
const OUTAGE_MS = 90_000; // part 3: the API answers 503 to everything for this long
const REQUEST_EVERY_MS = 1_000; // part 3: one request per second…
const REQUESTS = 150; // …for two and a half minutes

random.reseed(SEED); // the backoff jitter
const PER_KG: Readonly<Record<string, number>> = { DE: 1.2, FR: 1.5, US: 4 };
const shippingApi = new Service<ApiRequest, Quote>({
  name: 'shipping-api',
  latency: { p50: 80, p99: 400 },
  errorRate: ERROR_RATE,
  hangRate: HANG_RATE,
  seed: SEED,
  handler: ({ data }) => {
    const perKg = PER_KG[data.country];
    if (perKg === undefined) throw new ServiceError(422, `cannot ship to ${data.country}`);
    return { price: Math.round((3 + perKg * data.weightKg) * 100) / 100 };
  },
});

let verbose = true;
const client = new ExternalApi(shippingApi, {
  onStateChange: (from, to, why) => log(`breaker: ${from} → ${to} (${why})`),
  onRetry: (data, attempt, error, delayMs) => {
    if (verbose)
      log(
        `  ${data.country} ${data.weightKg} kg: attempt ${attempt} failed (${error.message}), retry in ${delayMs} ms`,
      );
  },
});

console.log('--- 1. transient failures: 5xx and timeouts are retried with backoff + jitter ---');
const orders: ShippingRequest[] = [
  { country: 'DE', weightKg: 2 },
  { country: 'FR', weightKg: 1 },
  { country: 'US', weightKg: 3 },
  { country: 'DE', weightKg: 5 },
  { country: 'FR', weightKg: 4 },
];
for (const order of orders) {
  const callsBefore = shippingApi.stats.calls;
  try {
    const { quote } = await client.processWithFallback(order);
    log(
      `${order.country} ${order.weightKg} kg: €${quote.price.toFixed(2)} after ${shippingApi.stats.calls - callsBefore} attempt(s)`,
    );
  } catch (error) {
    if (!(error instanceof RetryableError)) throw error;
    log(
      `${order.country} ${order.weightKg} kg: gave up after ${shippingApi.stats.calls - callsBefore} attempts (breaker failures: ${client.breaker.failureCount})`,
    );
  }
}

console.log('--- 2. a client error (4xx) is not retried and does not trip the breaker ---');
const callsBefore = shippingApi.stats.calls;
shippingApi.errorRate = 0;
shippingApi.hangRate = 0;
try {
  await client.processWithFallback({ country: 'XX', weightKg: 1 });
} catch (error) {
  if (!(error instanceof PermanentError)) throw error;
  log(
    `XX: ${error.status} after ${shippingApi.stats.calls - callsBefore} attempt(s); breaker ${client.breaker.state}, ${client.breaker.failureCount} failures`,
  );
}

console.log(`--- 3. a ${OUTAGE_MS / 1000} s outage, ${REQUESTS} requests, one every ${REQUEST_EVERY_MS / 1000} s ---`);
verbose = false;
const outageStart = now();
shippingApi.addOutage({ from: outageStart, to: outageStart + OUTAGE_MS, status: 503 });
const callsAtStart = shippingApi.stats.calls;
let callsDuringOutage = 0;
after(OUTAGE_MS, () => {
  callsDuringOutage = shippingApi.stats.calls - callsAtStart;
  log('the API is back');
});
const outcomes: Record<Source | 'error', number> = { api: 0, cache: 0, default: 0, error: 0 };
const traffic: ShippingRequest[] = [...orders.slice(0, 3), { country: 'US', weightKg: 7 }]; // the last one was never cached
const requests: Promise<void>[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const order = traffic[i % traffic.length]!;
  requests.push(
    client.processWithFallback(order).then(
      ({ source }) => void (outcomes[source] += 1),
      (error: unknown) => {
        if (!(error instanceof RetryableError)) throw error;
        outcomes.error += 1;
      },
    ),
  );
  await sleep(REQUEST_EVERY_MS);
}
await Promise.all(requests);

console.log('--- outcome ---');
console.log(`breaker: ${client.breaker.history.join(' → ')}`);
console.log(
  `${REQUESTS} requests: ${outcomes.api} from the API, ${outcomes.cache} from the cache, ${outcomes.default} default quotes, ${outcomes.error} errors (retries used up)`,
);
const withoutBreaker = (OUTAGE_MS / REQUEST_EVERY_MS) * 3;
console.log(
  `API calls during the outage: ${callsDuringOutage} (without the breaker: ${withoutBreaker}, 3 attempts per request)`,
);
