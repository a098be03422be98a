// The same price quote computed in one process and as a chain of five network calls. Each hop is fast
// and reliable on its own; the chain is not. Change the constants and press Run.
import { concurrently, now } from '../../kit/clock';
import { Histogram } from '../../kit/metrics';
import { Service, ServiceError } from '../../kit/service';
import {
  addTax,
  applyDiscounts,
  authenticate,
  loadCart,
  priceCart,
  quoteInProcess,
  type Quote,
  type QuoteRequest,
} from './price-quote';

const REQUESTS = 200;
/** Each hop's latency: half the calls under p50, 1% over p99. */
const HOP_LATENCY = { p50: 5, p99: 50 };
/** Each hop's chance of failing (a 503, a reset connection…). */
const HOP_ERROR_RATE = 0.01;

const requests: QuoteRequest[] = Array.from({ length: REQUESTS }, (_, i) => ({ token: `token-${i + 1}` }));

console.log('--- in-process: five function calls ---');
const inProcess = new Histogram();
const expected = new Map<string, Quote>();
let inProcessFailed = 0;
for (const request of requests) {
  const started = now();
  try {
    const quote = quoteInProcess(request); // microseconds: no network, nothing to fail but the code
    expected.set(quote.customerId, quote);
  } catch {
    inProcessFailed += 1;
  }
  inProcess.observe(now() - started);
}
console.log(`${REQUESTS} quotes: p50=${inProcess.p50} ms p99=${inProcess.p99} ms, ${inProcessFailed} failed`);

console.log('--- the same five steps as five services ---');
const options = { latency: HOP_LATENCY, errorRate: HOP_ERROR_RATE };
const auth = new Service({ name: 'auth', ...options, handler: authenticate });
const carts = new Service({ name: 'carts', ...options, handler: loadCart });
const pricing = new Service({ name: 'pricing', ...options, handler: priceCart });
const discounts = new Service({ name: 'discounts', ...options, handler: applyDiscounts });
const tax = new Service({ name: 'tax', ...options, handler: addTax });
const HOPS = 5;

/** Latency after hop k (of the requests that got that far), and requests failed by hop k. */
const afterHop = Array.from({ length: HOPS }, () => new Histogram());
const failedAtHop = Array.from({ length: HOPS }, () => 0);
let sameAnswer = 0;

async function quoteOverNetwork(request: QuoteRequest): Promise<void> {
  const started = now();
  let hop = 0;
  const passed = () => afterHop[hop++]!.observe(now() - started);
  try {
    const customerId = await auth.call(request);
    passed();
    const cart = await carts.call(customerId);
    passed();
    const priced = await pricing.call(cart);
    passed();
    const discounted = await discounts.call(priced);
    passed();
    const quote = await tax.call(discounted);
    passed();
    if (quote.totalCents === expected.get(quote.customerId)?.totalCents) sameAnswer += 1;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    failedAtHop[hop]! += 1; // the caller gets an error for the whole feature
  }
}
await concurrently(REQUESTS, (i) => quoteOverNetwork(requests[i]!));

const percent = (fraction: number) => Number((100 * fraction).toFixed(1));
const rows: Record<string, Record<string, number>> = {};
let failedSoFar = 0;
for (let k = 0; k < HOPS; k++) {
  failedSoFar += failedAtHop[k]!;
  const hops = k + 1;
  rows[`${hops} hop${hops === 1 ? '' : 's'}`] = {
    'p50 ms': afterHop[k]!.p50,
    'p99 ms': afterHop[k]!.p99,
    'failed %': percent(failedSoFar / REQUESTS),
    'expected %': percent(1 - (1 - HOP_ERROR_RATE) ** hops), // every hop must succeed
  };
}
console.table(rows);
// A request is slow if any hop is: the chain's p99 sits in the hops' tails, not at their sum of p50s.
console.log(
  `${percent(1 - 0.99 ** HOPS)}% of requests meet some hop's slowest 1% (1-0.99^${HOPS}): chain p99 ${afterHop[HOPS - 1]!.p99} ms vs a hop's ${HOP_LATENCY.p99} ms`,
);
console.log(`${sameAnswer} of ${REQUESTS} network quotes arrived, each equal to its in-process quote`);

console.log('--- what the split bought ---');
console.log(
  `p99 ${inProcess.p99} ms → ${afterHop[HOPS - 1]!.p99} ms, failures ${inProcessFailed} → ${failedSoFar} of ${REQUESTS}: the same answer, with complexity the problem never asked for`,
);
