import { describe, expect, it } from 'vitest';
import { Random, random, stableHash } from '../../../playgrounds/kit/random';

describe('Random', () => {
  it('is mulberry32: the same seed gives the same sequence', () => {
    const a = new Random(42);
    expect([a.next(), a.next(), a.next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const b = new Random(42);
    const c = new Random(43);
    const first = Array.from({ length: 5 }, () => b.next());
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    b.reseed(42);
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
  });

  it('draws integers, picks, shuffles and jitters deterministically', () => {
    const r = new Random(7);
    expect([1, 2, 3, 4, 5, 6].map(() => r.int(1, 6))).toEqual([1, 1, 6, 5, 4, 3]);
    expect(r.pick(['a', 'b', 'c'])).toBe('b');
    expect(r.shuffle([1, 2, 3, 4, 5])).toEqual([5, 1, 4, 3, 2]);
    expect(r.jitter(1000, 0.2)).toBe(862);
    expect([1, 2, 3].map(() => r.latency({ p50: 20, p99: 200 }))).toEqual([4, 13, 9]);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('keeps chance(), int() and jitter() within their ranges and near their rates', () => {
    const r = new Random(1);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      if (r.chance(0.1)) hits++;
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      const j = r.jitter(100, 0.5);
      expect(j >= 50 && j <= 150).toBe(true);
    }
    expect(hits).toBeGreaterThan(900);
    expect(hits).toBeLessThan(1100);
  });

  it('draws long-tailed latencies whose p50 and p99 match the request', () => {
    const r = new Random(1);
    const samples = Array.from({ length: 100_000 }, () => r.latency({ p50: 20, p99: 200 })).sort((a, b) => a - b);
    expect(samples[49_999]).toBe(20);
    expect(samples[98_999]).toBe(197);
    expect(r.latency(15)).toBe(15);
    expect(r.latency({ p50: 20, p99: 200, max: 25 })).toBeLessThanOrEqual(25);
    expect(r.latency((g) => (g.chance(1) ? 800 : 20))).toBe(800);
  });

  it('forks independent generators without disturbing the parent', () => {
    const parent = new Random(5);
    const untouched = new Random(5);
    const child = parent.fork('payments');
    expect(child.next()).toBe(new Random(5).fork('payments').next());
    expect(parent.next()).toBe(untouched.next());
  });

  it('has a shared generator seeded with 42', () => {
    const copy = new Random(42);
    random.reseed(42);
    expect(random.next()).toBe(copy.next());
  });
});

describe('stableHash', () => {
  it('is FNV-1a, stable across runs', () => {
    expect(stableHash('')).toBe(2166136261);
    expect(stableHash('a')).toBe(3826002220);
    expect(stableHash('account-7')).toBe(1017548732);
  });
});
