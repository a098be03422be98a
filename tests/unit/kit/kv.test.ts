import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, now, resetClock, sleep } from '../../../playgrounds/kit/clock';
import { Kv, KvError } from '../../../playgrounds/kit/kv';

beforeEach(() => resetClock());

describe('Kv races', () => {
  it('loses updates when two tasks GET then SET, but not with INCR', async () => {
    const redis = new Kv({ latency: 1 });
    await redis.set('views', 0);
    await concurrently(2, async () => {
      const views = Number(await redis.get('views'));
      await redis.set('views', views + 1);
    });
    expect(await redis.get('views')).toBe('1'); // two increments, one survived

    await redis.set('views', 0);
    await concurrently(2, () => redis.incr('views'));
    expect(await redis.get('views')).toBe('2');
  });

  it('interleaves at every await even with no latency', async () => {
    const redis = new Kv();
    await redis.set('views', 0);
    await concurrently(3, async () => {
      const views = Number(await redis.get('views'));
      await redis.set('views', views + 1);
    });
    expect(await redis.get('views')).toBe('1');
    expect(now()).toBe(0);
  });

  it('lets exactly one of many tasks take a SET NX lock', async () => {
    const redis = new Kv({ latency: { p50: 1, p99: 5 } });
    const winners = await concurrently(10, async (i) =>
      (await redis.set('lock:job', `worker-${i}`, { nx: true, px: 5000 })) === 'OK' ? i : -1,
    );
    expect(winners.filter((w) => w >= 0)).toHaveLength(1);
  });
});

describe('Kv commands', () => {
  it('expires keys at exactly their TTL (EX, PX, SETEX, EXPIRE)', async () => {
    const redis = new Kv();
    await redis.set('a', 'x', { ex: 10 });
    await redis.set('b', 'y', { px: 1500 });
    await redis.setex('c', 2, 'z');
    await redis.set('d', 'w');
    await redis.expire('d', 3);
    expect(await redis.ttl('a')).toBe(10);
    expect(await redis.pttl('b')).toBe(1500);
    await sleep(1499);
    expect(await redis.get('b')).toBe('y');
    await sleep(1);
    expect(await redis.get('b')).toBeNull();
    expect(await redis.ttl('b')).toBe(-2);
    await sleep(500); // t=2000
    expect(await redis.mget('a', 'b', 'c', 'd')).toEqual(['x', null, null, 'w']);
    await sleep(8000); // t=10000
    expect(await redis.exists('a', 'd')).toBe(0);
    expect(now()).toBe(10_000);
  });

  it('SET replaces the TTL unless KEEPTTL; XX only updates; PERSIST removes the TTL', async () => {
    const redis = new Kv();
    await redis.set('k', 1, { ex: 5 });
    await redis.set('k', 2, { keepTtl: true });
    expect(await redis.ttl('k')).toBe(5);
    await redis.set('k', 3);
    expect(await redis.ttl('k')).toBe(-1);
    expect(await redis.set('missing', 1, { xx: true })).toBeNull();
    expect(await redis.set('k', 4, { xx: true })).toBe('OK');
    expect(await redis.set('k', 5, { nx: true })).toBeNull();
    await redis.expire('k', 5);
    expect(await redis.persist('k')).toBe(1);
    expect(await redis.persist('k')).toBe(0);
    expect(await redis.expire('nope', 5)).toBe(0);
    expect(await redis.expire('k', 0)).toBe(1);
    expect(await redis.get('k')).toBeNull();
  });

  it('counts with INCR/INCRBY/DECR/DECRBY, keeping the TTL, and rejects non-integers', async () => {
    const redis = new Kv();
    expect(await redis.incr('n')).toBe(1);
    expect(await redis.incrby('n', 10)).toBe(11);
    expect(await redis.decr('n')).toBe(10);
    expect(await redis.decrby('n', 4)).toBe(6);
    await redis.expire('n', 60);
    await redis.incr('n');
    expect(await redis.ttl('n')).toBe(60);
    await redis.set('text', 'abc');
    await expect(redis.incr('text')).rejects.toThrow(KvError);
    await expect(redis.incr('text')).rejects.toThrow('ERR value is not an integer or out of range');
  });

  it('deletes, deletes only your own lock, lists keys, flushes', async () => {
    const redis = new Kv();
    await redis.set('lock:a', 'me');
    await redis.set('lock:b', 'other');
    await redis.set('user:1', 'x');
    expect(await redis.keys('lock:*')).toEqual(['lock:a', 'lock:b']);
    expect(await redis.keys('user:?')).toEqual(['user:1']);
    expect(await redis.delifeq('lock:b', 'me')).toBe(0);
    expect(await redis.delifeq('lock:a', 'me')).toBe(1);
    expect(await redis.del('lock:a', 'lock:b', 'nope')).toBe(1);
    expect(redis.peek()).toEqual({ 'user:1': 'x' });
    await redis.flushall();
    expect(await redis.exists('user:1')).toBe(0);
  });

  it('waits its latency per command and counts commands', async () => {
    const redis = new Kv({ name: 'cache', latency: 2 });
    await redis.get('a');
    await redis.set('a', 1);
    await redis.get('a');
    expect(now()).toBe(6);
    expect(redis.calls()).toBe(3);
    expect(redis.calls('get')).toBe(2);
    expect(redis.calls(['get', 'set'])).toBe(3);
    expect(redis.stats).toEqual({ calls: 3, get: 2, set: 1 });
    redis.latency = 10;
    await redis.get('a');
    expect(now()).toBe(16);
  });
});
