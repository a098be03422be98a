// A tour of the simulation kit: virtual time, a real race on Redis, a TTL, and a flaky service.
// Everything runs on a virtual clock: the timeline below spans seconds but the run takes milliseconds,
// and it prints the same thing every time. Change a number and press Run.
import { concurrently, now, sleep, TimeoutError } from '../../kit/clock';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { Histogram } from '../../kit/metrics';
import { Service, ServiceError } from '../../kit/service';

log('start');
await sleep(2000);
log('slept 2 s of virtual time');

// Two buyers read the stock, then write it back minus one: the second write overwrites the first.
const redis = new Kv({ latency: 1 });
await redis.set('stock', 10);
await concurrently(2, async () => {
  const stock = Number(await redis.get('stock'));
  await redis.set('stock', stock - 1);
});
log(`two buyers later, stock is ${await redis.get('stock')} (not 8: a lost update)`);
await redis.set('stock', 10);
await concurrently(2, () => redis.decr('stock'));
log(`with DECR it is ${await redis.get('stock')}`);

// A lock with a TTL frees itself.
log(`lock taken: ${await redis.set('lock', 'worker-1', { nx: true, ex: 5 })}`);
log(`second try: ${await redis.set('lock', 'worker-2', { nx: true, ex: 5 })}`);
await sleep(5000);
log(`after 5 s the lock is ${await redis.get('lock')}`);

// A payment provider that is down for 400 ms, called every 50 ms with a 150 ms timeout.
const start = now();
const payments = new Service({
  name: 'payments',
  latency: { p50: 40, p99: 300 },
  outages: [{ from: start + 200, to: start + 600 }],
});
const latency = new Histogram();
const seen = { ok: 0, unavailable: 0, timeout: 0 };
for (let i = 0; i < 20; i++) {
  try {
    await latency.time(() => payments.call(i, { timeoutMs: 150 }));
    seen.ok++;
  } catch (error) {
    if (error instanceof ServiceError) seen.unavailable++;
    else if (error instanceof TimeoutError) seen.timeout++;
    else throw error;
  }
  await sleep(50);
}
log('20 payment calls:', seen);
log(`latency ms: ${latency.toString()}`);
log(`redis commands: ${redis.calls()}`);
