// A checkout calls two services through a ServiceMonitor each. Pricing degrades, then crawls, then
// recovers: watch its percentiles per window, the moment it is flagged slow and isolated (checkout
// falls back to cached prices and stays fast), and the trial call that brings it back.
import { after, every, sleep, TimeoutError } from '../../kit/clock';
import { log } from '../../kit/log';
import { Histogram, metrics } from '../../kit/metrics';
import { Service } from '../../kit/service';
import { CircuitOpenError, ServiceMonitor, type MonitorEvent } from './service-monitor';

const TIMEOUT_MS = 1_000; // pricing's deadline; slow means > 80% of it
const WINDOW_MS = 5_000; // percentiles per 5 s window, as a dashboard shows them
const CHECKOUT_EVERY_MS = 250; // one checkout every 250 ms…
const RUN_MS = 45_000; // …for 45 s
const DEGRADE_AT_MS = 10_000; // pricing gets slower…
const CRAWL_AT_MS = 20_000; // …then crawls…
const RECOVER_AT_MS = 32_000; // …then is fixed

const pricing = new Service<string, number>({ name: 'pricing', latency: { p50: 40, p99: 150 }, handler: () => 19.99 });
const inventory = new Service<string, number>({ name: 'inventory', latency: { p50: 20, p99: 60 }, handler: () => 7 });
after(DEGRADE_AT_MS, () => void (pricing.latency = { p50: 150, p99: 1_200 }));
after(CRAWL_AT_MS, () => void (pricing.latency = { p50: 1_500, p99: 4_000 }));
after(RECOVER_AT_MS, () => void (pricing.latency = { p50: 40, p99: 150 }));

let slowWarnings = 0;
const onEvent = (service: string, event: MonitorEvent) => {
  if (event.kind === 'slow' || event.kind === 'timeout') slowWarnings += 1; // logger.warning in the seed: counted, not printed
  if (event.kind === 'opened')
    log(`>>> ${service} flagged slow (${event.slowCount} slow requests in a row): circuit open, failing fast`);
  if (event.kind === 'trial')
    log(
      `>>> ${service} trial call took ${event.durationMs} ms: ${event.closed ? 'circuit closed, back in service' : 'still slow, stays open'}`,
    );
};
const pricingMonitor = new ServiceMonitor('pricing', {
  timeoutMs: TIMEOUT_MS,
  cooldownMs: 5_000,
  windowMs: WINDOW_MS,
  onEvent,
});
const inventoryMonitor = new ServiceMonitor('inventory', { timeoutMs: TIMEOUT_MS, windowMs: WINDOW_MS, onEvent });

const checkoutLatency = new Histogram({ windowMs: WINDOW_MS });
let cachedPrices = 0;
async function checkout(sku: string): Promise<void> {
  await checkoutLatency.time(async () => {
    const [price] = await Promise.all([
      pricingMonitor
        .callService(() => pricing.call(sku))
        .catch((error: unknown) => {
          if (!(error instanceof CircuitOpenError || error instanceof TimeoutError)) throw error;
          cachedPrices += 1; // isolate: degrade to the cached price list instead of waiting
          return 19.99;
        }),
      inventoryMonitor.callService(() => inventory.call(sku)),
    ]);
    return price;
  });
}

console.log(`--- pricing per ${WINDOW_MS / 1000} s window (timeout ${TIMEOUT_MS} ms) ---`);
let windowStart = 0;
let timeoutsBefore = 0;
let failedFastBefore = 0;
const dashboard = every(WINDOW_MS, () => {
  const h = pricingMonitor.requestDuration;
  const timeouts = pricingMonitor.requestErrors.value - timeoutsBefore;
  const failedFast = pricingMonitor.failedFast.value - failedFastBefore;
  log(
    `${windowStart / 1000}–${(windowStart + WINDOW_MS) / 1000} s: pricing p50 ${h.p50} p95 ${h.p95} p99 ${h.p99} ms, ` +
      `${h.count} calls, ${timeouts} timeouts, ${failedFast} failed fast | checkout p50 ${checkoutLatency.p50} p99 ${checkoutLatency.p99} ms`,
  );
  windowStart += WINDOW_MS;
  timeoutsBefore += timeouts;
  failedFastBefore += failedFast;
});

const checkouts: Promise<void>[] = [];
for (let i = 0; i < RUN_MS / CHECKOUT_EVERY_MS; i++) {
  checkouts.push(checkout(`sku-${i % 10}`));
  await sleep(CHECKOUT_EVERY_MS);
}
await Promise.all(checkouts);
await dashboard.stop();

console.log('--- outcome ---');
console.log(
  `${checkouts.length} checkouts, ${cachedPrices} priced from the cache while pricing was slow or isolated; ${slowWarnings} slow-request warnings`,
);
console.log(
  `pricing calls: ${pricing.stats.calls} of ${checkouts.length} (the open circuit spared it ${pricingMonitor.failedFast.value})`,
);
metrics.print();
