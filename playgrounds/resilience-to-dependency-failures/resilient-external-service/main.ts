// The corrected ResilientExternalService in front of a flaky exchange-rate provider: retries under one
// idempotency key, a client error that is not retried, then a two-minute outage during which the
// breaker opens and callers get stale cached rates or a reference rate. All in virtual time.
import { after, formatTime, now, sleep } from '../../kit/clock';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { Service, ServiceError } from '../../kit/service';
import { ResilientExternalService, type PostRequest } from './resilient-external-service';

const SEED = 9; // try another seed for another run of bad luck
const ERROR_RATE = 0.2; // part 1: share of calls answered 503
const LOST_RESPONSE_RATE = 0.2; // part 1: the provider converts, but the answer never arrives
const OUTAGE_MS = 120_000; // part 3: the provider answers 503 to everything for two minutes
const REQUEST_EVERY_MS = 2_000; // part 3: one request every 2 s…
const REQUESTS = 90; // …for three minutes

interface Pair {
  readonly base: string;
  readonly quote: string;
}
interface Rate {
  readonly rate: number;
  /** When the provider quoted it, or 'yesterday' for a reference rate. */
  readonly asOf: string;
}
const ENDPOINT = 'https://rates.example.com/convert';
const LIVE_RATES: Readonly<Record<string, number>> = {
  'EUR:USD': 1.0832,
  'EUR:GBP': 0.8571,
  'USD:JPY': 151.2,
  'GBP:USD': 1.2638,
  'USD:CHF': 0.9012,
  'EUR:SEK': 11.43,
};
const REFERENCE_RATES: Readonly<Record<string, Rate>> = { 'EUR:SEK': { rate: 11.4, asOf: 'yesterday' } }; // yesterday's published rates

random.reseed(SEED); // the backoff jitter
const processed = new Map<string, Rate>(); // the provider's idempotency store
let duplicates = 0;
const ratesApi = new Service<PostRequest<Pair>, Rate>({
  name: 'rates-api',
  latency: { p50: 60, p99: 300 },
  errorRate: ERROR_RATE,
  lostResponseRate: LOST_RESPONSE_RATE,
  seed: SEED,
  handler: ({ json, headers }) => {
    const key = headers['X-Idempotency-Key'];
    const earlier = processed.get(key);
    if (earlier) {
      duplicates += 1; // a retry of a request already processed: same answer, not billed again
      return earlier;
    }
    const rate = LIVE_RATES[`${json.base}:${json.quote}`];
    if (rate === undefined) throw new ServiceError(400, `unknown currency pair ${json.base}/${json.quote}`);
    const answer = { rate, asOf: `t=${formatTime(now())}` };
    processed.set(key, answer);
    return answer;
  },
});

let verbose = true;
const rates = new ResilientExternalService(ratesApi, {
  onStateChange: (from, to, why) => log(`breaker: ${from} → ${to} (${why})`),
  onRetry: (attempt, error, delayMs) => {
    if (verbose) log(`  attempt ${attempt} failed (${error.message}), retry in ${delayMs} ms`);
  },
});
const show = (pair: Pair, rate: Rate | undefined) =>
  rate ? `${pair.base}→${pair.quote} ${rate.rate} (as of ${rate.asOf})` : `${pair.base}→${pair.quote}: no rate`;

console.log('--- 1. a flaky provider: 503s and lost responses are retried under one idempotency key ---');
const pairs: Pair[] = ['EUR:USD', 'EUR:GBP', 'USD:JPY', 'GBP:USD', 'USD:CHF'].map((p) => ({
  base: p.slice(0, 3),
  quote: p.slice(4),
}));
for (const pair of pairs) {
  const callsBefore = ratesApi.stats.calls;
  const rate = await rates.callWithFallback(ENDPOINT, pair);
  log(`${show(pair, rate)} after ${ratesApi.stats.calls - callsBefore} attempt(s)`);
}
log(
  `provider: ${ratesApi.stats.handled} requests handled, ${duplicates} recognised as retries by their key: ${processed.size} conversions billed, not ${ratesApi.stats.handled}`,
);

console.log('--- 2. a client error (400) is not retried and does not trip the breaker ---');
ratesApi.errorRate = 0;
ratesApi.lostResponseRate = 0;
const badPair = { base: 'EUR', quote: 'XXX' };
const callsBefore = ratesApi.stats.calls;
const bad = await rates.callWithFallback(ENDPOINT, badPair);
log(
  `${show(badPair, bad)} after ${ratesApi.stats.calls - callsBefore} attempt(s); breaker ${rates.breaker.state}, ${rates.breaker.failureCount} failures`,
);

console.log(`--- 3. ten minutes later (the cache has expired), a ${OUTAGE_MS / 1000} s outage ---`);
verbose = false;
await sleep(600_000 - now());
const outageStart = now();
ratesApi.addOutage({ from: outageStart, to: outageStart + OUTAGE_MS, status: 503 });
const callsAtStart = ratesApi.stats.calls;
let callsDuringOutage = 0;
after(OUTAGE_MS, () => {
  callsDuringOutage = ratesApi.stats.calls - callsAtStart;
  log('the provider is back');
});
const servedBefore = { ...rates.served };
const traffic: Pair[] = [pairs[0]!, { base: 'EUR', quote: 'SEK' }]; // EUR→SEK was never fetched: no stale copy
const requests: Promise<void>[] = [];
const duringOutage = new Map<string, string>(); // the last answer per pair while the provider was down
for (let i = 0; i < REQUESTS; i++) {
  const pair = traffic[i % traffic.length]!;
  requests.push(
    rates.callWithFallback(ENDPOINT, pair, REFERENCE_RATES[`${pair.base}:${pair.quote}`]).then((rate) => {
      if (ratesApi.outageAt()) duringOutage.set(`${pair.base}:${pair.quote}`, show(pair, rate));
    }),
  );
  await sleep(REQUEST_EVERY_MS);
}
await Promise.all(requests);

console.log('--- outcome ---');
console.log(`breaker: ${rates.breaker.history.join(' → ')}`);
const served = Object.fromEntries(
  Object.entries(rates.served).map(([source, n]) => [source, n - servedBefore[source as keyof typeof servedBefore]]),
);
console.log(
  `${REQUESTS} requests, all answered: ${served['api']} live, ${served['cache']} fresh from the cache, ${served['stale']} stale, ${served['fallback']} reference rate`,
);
console.log(`during the outage callers got: ${[...duringOutage.values()].join(' | ')}`);
console.log(
  `rates-api calls during the outage: ${callsDuringOutage} (without the breaker: ${(OUTAGE_MS / REQUEST_EVERY_MS) * 3})`,
);
