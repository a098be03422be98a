/**
 * kit/random — seeded randomness, so every run prints the same thing.
 *
 * `random` is a ready-made generator (seed 42). Create your own with `new Random(seed)`: the same seed
 * always gives the same sequence. The kit's components (services, databases, queues…) each own a
 * generator seeded from their name, so adding a `random.chance()` in your code doesn't change how a
 * service behaves.
 *
 *   import { random } from '../../kit/random';
 *   if (random.chance(0.1)) throw new Error('flaky!');      // 10% of the time
 *   const backoff = random.jitter(2 ** attempt * 100, 0.5);  // ±50% around the exponential delay
 *   const ms = random.latency({ p50: 20, p99: 250 });        // a realistic, long-tailed latency
 */

/**
 * How long something takes, in milliseconds:
 * - a number: always that long;
 * - `{ p50, p99 }`: long-tailed (log-normal) — half the calls take less than p50, 1% take more than p99;
 *   `max` caps the tail;
 * - a function: your own distribution, given the component's generator (`(r) => r.chance(0.05) ? 800 : 20`).
 */
export type Latency =
  number | { readonly p50: number; readonly p99: number; readonly max?: number } | ((random: Random) => number);

/** The z-score of the 99th percentile of a standard normal distribution. */
const Z99 = 2.3263478740408408;

/** A seeded pseudo-random generator (mulberry32): fast, small, and identical on every run. */
export class Random {
  private state: number;

  constructor(readonly seed: number = 42) {
    this.state = seed >>> 0;
  }

  /** Starts the sequence again from `seed`. */
  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1), like Math.random(). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** One of `items`, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A shuffled copy of `items` (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /**
   * `ms` give or take `fraction` of it, uniformly, in whole ms: jitter(1000, 0.2) is between 800 and 1200.
   * Full jitter, as in "sleep a random time up to the backoff", is `random.float(0, backoff)`.
   */
  jitter(ms: number, fraction = 0.2): number {
    return round(ms * (1 - fraction + 2 * fraction * this.next()));
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean: number, stdDev: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + stdDev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** An exponentially distributed number: the gaps between independent arrivals averaging `mean`. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A duration drawn from `latency` (see {@link Latency}), in whole milliseconds unless it is a fixed number. */
  latency(latency: Latency): number {
    if (typeof latency === 'number') return latency;
    if (typeof latency === 'function') return Math.max(0, round(latency(this)));
    const { p50, p99, max = Infinity } = latency;
    const sigma = p99 > p50 && p50 > 0 ? Math.log(p99 / p50) / Z99 : 0;
    return Math.min(max, round(p50 * Math.exp(sigma * this.normal(0, 1))));
  }

  /** An independent generator derived from this one's seed and `label` (this one's sequence is untouched). */
  fork(label: string): Random {
    return new Random((this.seed ^ stableHash(label)) >>> 0);
  }
}

/** Whole milliseconds: timelines read well, durations subtract exactly, and every JavaScript engine agrees. */
function round(ms: number): number {
  return Math.round(ms);
}

/**
 * A stable 32-bit hash of a string (FNV-1a): the same key always lands on the same partition or shard,
 * on every run and every machine. `stableHash(key) % partitions` picks a partition.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shared generator for playground code, seeded with 42. `random.reseed(7)` to try another run. */
export const random = new Random(42);
