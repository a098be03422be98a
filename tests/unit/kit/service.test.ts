import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, now, resetClock, sleep, TimeoutError } from '../../../playgrounds/kit/clock';
import { Service, ServiceError } from '../../../playgrounds/kit/service';

beforeEach(() => resetClock());

async function outcome<T>(call: Promise<T>): Promise<string> {
  try {
    return `ok ${JSON.stringify(await call)}`;
  } catch (error) {
    if (error instanceof ServiceError) return `${error.status}`;
    if (error instanceof TimeoutError) return 'timeout';
    throw error;
  }
}

describe('Service', () => {
  it('answers with the handler’s result after its latency', async () => {
    const svc = new Service({ name: 'inventory', latency: 25, handler: (sku: string) => ({ sku, stock: 3 }) });
    expect(await svc.call('a')).toEqual({ sku: 'a', stock: 3 });
    expect(now()).toBe(25);
    expect(svc.stats).toEqual({ calls: 1, ok: 1, errors: 0, timeouts: 0, handled: 1, byStatus: {} });
  });

  it('fails at its error rate, identically on every run', async () => {
    const run = async () => {
      resetClock();
      const svc = new Service({ name: 'payments', errorRate: 0.2, latency: { p50: 20, p99: 200 } });
      const results: string[] = [];
      for (let i = 0; i < 100; i++) results.push(await outcome(svc.call(i)));
      return { results, stats: svc.stats, end: now() };
    };
    const first = await run();
    expect(first.stats.errors).toBe(first.results.filter((r) => r === '503').length);
    expect(first.stats.errors).toBeGreaterThan(10);
    expect(first.stats.errors).toBeLessThan(30);
    expect(first.stats.byStatus).toEqual({ 503: first.stats.errors });
    expect(await run()).toEqual(first);
  });

  it('is down during an outage window', async () => {
    const svc = new Service({
      name: 'api',
      latency: 10,
      outages: [
        { from: 100, to: 300 },
        { from: 500, to: 600, status: 'hang' },
      ],
    });
    const timeline: string[] = [];
    for (let i = 0; i < 8; i++) {
      const started = now();
      timeline.push(`${started}:${await outcome(svc.call(i, { timeoutMs: 50 }))}`);
      await sleep(100 - (now() - started));
    }
    expect(timeline).toEqual([
      '0:ok undefined',
      '100:503',
      '200:503',
      '300:ok undefined',
      '400:ok undefined',
      '500:timeout',
      '600:ok undefined',
      '700:ok undefined',
    ]);
    expect(svc.stats).toMatchObject({ calls: 8, ok: 5, errors: 2, timeouts: 1 });
    expect(svc.outageAt(550)).toEqual({ from: 500, to: 600, status: 'hang' });
    svc.addOutage({ from: 800, to: 900, status: 500 });
    expect(await outcome(svc.call(9))).toBe('500');
  });

  it('hangs until hangMs without a client timeout, then answers 504', async () => {
    const svc = new Service({ name: 'slow', hangRate: 1, hangMs: 30_000 });
    const error = await svc.call(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toBe('slow: 504 no response');
    expect(now()).toBe(30_000);
  });

  it('does the work even when the caller gives up or the response is lost', async () => {
    let charged = 0;
    const slow = new Service({ name: 'psp', latency: 800, handler: () => void charged++ });
    expect(await outcome(slow.call(1, { timeoutMs: 500 }))).toBe('timeout');
    expect([now(), charged]).toEqual([500, 0]);
    await sleep(300);
    expect(charged).toBe(1); // charged after the caller had given up
    const lossy = new Service({ name: 'psp2', latency: 10, lostResponseRate: 1, handler: () => void charged++ });
    expect(await outcome(lossy.call(1, { timeoutMs: 1000 }))).toBe('timeout');
    expect(charged).toBe(2);
    expect(lossy.stats).toMatchObject({ calls: 1, ok: 0, timeouts: 1, handled: 1 });
  });

  it('queues calls beyond its concurrency limit', async () => {
    const svc = new Service({ name: 'db-api', latency: 100, concurrency: 2 });
    const doneAt = await concurrently(5, async () => {
      await svc.call(0);
      return now();
    });
    expect(doneAt).toEqual([100, 100, 200, 200, 300]);
    const busy = Promise.all([svc.call(0), svc.call(0), svc.call(0)]);
    await sleep(50);
    expect([svc.inFlight, svc.queued]).toEqual([2, 1]);
    await busy;
    expect([svc.inFlight, svc.queued]).toEqual([0, 0]);
  });

  it('turns handler errors into ServiceErrors: 4xx as thrown, anything else 500', async () => {
    const svc = new Service({
      name: 'cards',
      handler: (card: string) => {
        if (card === 'declined') throw new ServiceError(402, 'card declined');
        if (card === 'bug') throw new TypeError('x is undefined');
        return 'ok';
      },
    });
    const declined = (await svc.call('declined').catch((e: unknown) => e)) as ServiceError;
    expect([declined.status, declined.message, declined.retryable]).toEqual([402, 'cards: 402 card declined', false]);
    const bug = (await svc.call('bug').catch((e: unknown) => e)) as ServiceError;
    expect([bug.status, bug.message, bug.retryable]).toEqual([500, 'cards: 500 x is undefined', true]);
    expect(new ServiceError(503).message).toBe('503 Service Unavailable');
    expect(new ServiceError(429).retryable).toBe(true);
  });
});
