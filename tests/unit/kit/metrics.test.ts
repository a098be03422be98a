import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetClock, sleep } from '../../../playgrounds/kit/clock';
import { log, logger, timestamp } from '../../../playgrounds/kit/log';
import { Counter, Histogram, metrics } from '../../../playgrounds/kit/metrics';

beforeEach(() => {
  resetClock();
  metrics.reset();
});

describe('Histogram', () => {
  it('computes nearest-rank percentiles exactly', () => {
    const h = new Histogram();
    for (let v = 1; v <= 100; v++) h.observe(v);
    expect(h.summary()).toEqual({ count: 100, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(h.min).toBe(1);
    expect(h.sum).toBe(5050);
    expect(h.percentile(100)).toBe(100);
    expect(h.percentile(0)).toBe(1);
    const small = new Histogram();
    [4, 1, 3, 2].forEach((v) => small.observe(v));
    expect(small.p50).toBe(2);
    expect(small.p99).toBe(4);
    expect(String(small)).toBe('count=4 p50=2 p95=4 p99=4 max=4');
  });

  it('reports NaN percentiles when empty', () => {
    const h = new Histogram();
    expect(h.count).toBe(0);
    expect(h.p99).toBeNaN();
    expect(h.mean).toBeNaN();
  });

  it('times async work in virtual milliseconds, even when it throws', async () => {
    const h = new Histogram();
    expect(await h.time(async () => (await sleep(120), 'done'))).toBe('done');
    await expect(h.time(async () => (await sleep(30), Promise.reject(new Error('x'))))).rejects.toThrow('x');
    expect(h.values()).toEqual([120, 30]);
  });

  it('forgets observations older than its window', async () => {
    const h = new Histogram({ windowMs: 1000 });
    h.observe(500); // t=0
    await sleep(600);
    h.observe(10); // t=600
    expect(h.count).toBe(2);
    await sleep(400); // t=1000: the first one is now 1000 ms old
    expect(h.values()).toEqual([10]);
    expect(h.p99).toBe(10);
  });
});

describe('Counter', () => {
  it('counts, optionally over a window', async () => {
    const total = new Counter();
    const recent = new Counter({ windowMs: 100 });
    total.inc();
    recent.inc();
    await sleep(50);
    total.inc(2);
    recent.inc(2);
    expect([total.value, recent.value]).toEqual([3, 3]);
    await sleep(50);
    expect([total.value, recent.value]).toEqual([3, 2]);
    await sleep(50);
    expect(recent.value).toBe(0);
  });
});

describe('metrics registry', () => {
  it('creates metrics on first use and prints one line each', () => {
    metrics.counter('retries').inc(3);
    metrics.counter('retries').inc();
    metrics.histogram('latency_ms').observe(12);
    expect(metrics.lines()).toEqual(['retries 4', 'latency_ms count=1 p50=12 p95=12 p99=12 max=12']);
  });
});

describe('log', () => {
  it('prefixes lines with the virtual time', async () => {
    const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await sleep(1250);
    log('charged %d time(s)', 1);
    log({ ok: true });
    logger('worker-1')('retrying');
    expect(timestamp()).toBe('[t=1.250s]');
    expect(spy.mock.calls).toEqual([
      ['[t=1.250s] charged %d time(s)', 1],
      ['[t=1.250s]', { ok: true }],
      ['[t=1.250s] worker-1: retrying'],
    ]);
    spy.mockRestore();
  });
});
