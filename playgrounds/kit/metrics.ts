/**
 * kit/metrics — counters and latency histograms (p50/p95/p99), optionally over a sliding window of
 * virtual time, as a dashboard would show them.
 *
 *   import { metrics } from '../../kit/metrics';
 *   metrics.counter('charges').inc();
 *   await metrics.histogram('payments_ms').time(() => payments.call(order)); // records the virtual duration
 *   metrics.print();   // charges 1 / payments_ms count=1 p50=… p95=… p99=… max=…
 *
 * `new Histogram({ windowMs: 10_000 })` only counts what was observed in the last 10 seconds (of virtual
 * time) — what a circuit breaker or a slow-service detector looks at.
 */
import { now } from './clock';

/** Options shared by counters and histograms. */
export interface WindowOptions {
  /** Only the last `windowMs` of virtual time counts; older observations are forgotten. */
  readonly windowMs?: number;
}

/** A number that only goes up: requests, errors, retries… */
export class Counter {
  private readonly windowMs: number;
  private readonly events: { at: number; by: number }[] = [];
  private total = 0;

  constructor(options: WindowOptions = {}) {
    this.windowMs = options.windowMs ?? Infinity;
  }

  /** Adds `by` (default 1). */
  inc(by = 1): void {
    this.total += by;
    if (this.windowMs !== Infinity) this.events.push({ at: now(), by });
  }

  /** The count (within the window, if the counter has one). */
  get value(): number {
    if (this.windowMs === Infinity) return this.total;
    prune(this.events, this.windowMs);
    return this.events.reduce((sum, e) => sum + e.by, 0);
  }

  toString(): string {
    return String(this.value);
  }
}

/** The numbers a {@link Histogram} reports. Percentiles and mean are NaN when nothing was observed. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** A distribution of values (usually latencies in ms) with percentiles. */
export class Histogram {
  private readonly windowMs: number;
  private readonly observations: { at: number; value: number }[] = [];

  constructor(options: WindowOptions = {}) {
    this.windowMs = options.windowMs ?? Infinity;
  }

  /** Records one value. */
  observe(value: number): void {
    this.observations.push({ at: now(), value });
  }

  /** Runs `work`, records how long it took in virtual ms (even if it throws), and returns its result. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = now();
    try {
      return await work();
    } finally {
      this.observe(round(now() - started));
    }
  }

  /** The values currently counted, oldest first. */
  values(): number[] {
    if (this.windowMs !== Infinity) prune(this.observations, this.windowMs);
    return this.observations.map((o) => o.value);
  }

  get count(): number {
    return this.values().length;
  }

  get sum(): number {
    return this.values().reduce((a, b) => a + b, 0);
  }

  get mean(): number {
    const values = this.values();
    return values.length === 0 ? NaN : round(values.reduce((a, b) => a + b, 0) / values.length);
  }

  get min(): number {
    const values = this.values();
    return values.length === 0 ? NaN : values.reduce((a, b) => Math.min(a, b));
  }

  get max(): number {
    const values = this.values();
    return values.length === 0 ? NaN : values.reduce((a, b) => Math.max(a, b));
  }

  /**
   * The nearest-rank percentile: the smallest value that at least `p`% of the values are less than or
   * equal to. percentile(50) of [1, 2, 3, 4] is 2; percentile(99) of 100 values is the 99th smallest.
   */
  percentile(p: number): number {
    const sorted = this.values().sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1]!;
  }

  get p50(): number {
    return this.percentile(50);
  }

  get p95(): number {
    return this.percentile(95);
  }

  get p99(): number {
    return this.percentile(99);
  }

  summary(): Summary {
    return { count: this.count, mean: this.mean, p50: this.p50, p95: this.p95, p99: this.p99, max: this.max };
  }

  /** "count=100 p50=21.3 p95=88 p99=240.5 max=310" */
  toString(): string {
    const s = this.summary();
    return `count=${s.count} p50=${s.p50} p95=${s.p95} p99=${s.p99} max=${s.max}`;
  }
}

/** Named counters and histograms, created on first use. */
export class Metrics {
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();

  /** The counter called `name` (created with `options` the first time). */
  counter(name: string, options: WindowOptions = {}): Counter {
    let counter = this.counters.get(name);
    if (!counter) this.counters.set(name, (counter = new Counter(options)));
    return counter;
  }

  /** The histogram called `name` (created with `options` the first time). */
  histogram(name: string, options: WindowOptions = {}): Histogram {
    let histogram = this.histograms.get(name);
    if (!histogram) this.histograms.set(name, (histogram = new Histogram(options)));
    return histogram;
  }

  /** One line per metric, in the order they were created: "retries 3", "latency_ms count=… p50=…". */
  lines(): string[] {
    return [
      ...[...this.counters].map(([name, c]) => `${name} ${c.value}`),
      ...[...this.histograms].map(([name, h]) => `${name} ${h.toString()}`),
    ];
  }

  /** Prints lines() to the console. */
  print(): void {
    for (const line of this.lines()) console.log(line);
  }

  /** Forgets every metric. */
  reset(): void {
    this.counters.clear();
    this.histograms.clear();
  }
}

/** The shared registry for playground code. */
export const metrics = new Metrics();

/** Drops observations older than the window. */
function prune(events: { at: number }[], windowMs: number): void {
  const cutoff = now() - windowMs;
  let stale = 0;
  while (stale < events.length && events[stale]!.at <= cutoff) stale += 1;
  events.splice(0, stale);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
