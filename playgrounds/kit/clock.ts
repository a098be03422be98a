/**
 * kit/clock — virtual time, shared by every sleep, timer, TTL, timeout and latency in the kit.
 *
 * Virtual time only moves when every task is waiting on the clock: it then jumps straight to the
 * earliest timer (timers due at the same moment fire in the order they were set). So a 30-second
 * backoff costs no real time, and every run prints exactly the same timeline. Tasks are ordinary
 * async functions; run several at once and they really interleave at each `await`.
 *
 *   import { now, sleep, timeout, concurrently } from '../../kit/clock';
 *   await sleep(1500);                                // now() === 1500, instantly
 *   await timeout(slowCall(), 200, 'slowCall');       // rejects with a TimeoutError 200 ms later
 *   await concurrently(3, (i) => buyTicket(`user-${i}`)); // three tasks racing each other
 *
 * Use sleep() and after() from here, not setTimeout: real timers don't move virtual time.
 */

/** Thrown (rejected) by {@link timeout} when the work takes longer than allowed. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    /** What timed out, e.g. "payments.call". */
    readonly label: string,
    /** The time limit, in virtual milliseconds. */
    readonly ms: number,
  ) {
    super(`${label} timed out after ${ms} ms`);
  }
}

/** Rejects every pending sleep when a run sets more timers than {@link setTimerLimit} allows. */
export class ClockLimitError extends Error {
  override readonly name = 'ClockLimitError';
}

/** A callback scheduled with {@link after}. */
export interface Timer {
  /** The virtual time it fires at. */
  readonly at: number;
  /** Stops it from firing; false if it already fired or was cancelled. */
  cancel(): boolean;
}

/** A repeating callback started with {@link every}. */
export interface Ticker {
  /** How many times the callback has run so far. */
  readonly runs: number;
  /** Stops the ticker; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  readonly fail?: (error: Error) => void;
}

const DEFAULT_TIMER_LIMIT = 100_000;

let current = 0;
let seq = 0;
/** Pending timers, ordered by time and then by scheduling order. */
let queue: Entry[] = [];
let idleWaiters: (() => void)[] = [];
let fired = 0;
let timerLimit = DEFAULT_TIMER_LIMIT;
let stoppedBy: ClockLimitError | undefined;
let hopScheduled = false;
/** Bumped by resetClock() so that a hop already on its way does nothing. */
let generation = 0;

/** The current virtual time in milliseconds since the run started. */
export function now(): number {
  return current;
}

/** Formats milliseconds as seconds for timelines: 1250 → "1.250s". */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** Waits `ms` virtual milliseconds. `sleep(0)` lets every other task due now run first. */
export function sleep(ms: number): Promise<void> {
  const delay = delayOf(ms, 'sleep');
  return new Promise((resolve, reject) => {
    schedule(delay, () => resolve(), reject);
  });
}

/** Runs `callback` after `ms` virtual milliseconds, unless cancelled first. Errors it throws are reported as uncaught. */
export function after(ms: number, callback: () => void | Promise<void>): Timer {
  const entry = schedule(delayOf(ms, 'after'), () => void runCallback(callback));
  return {
    at: entry.at,
    cancel: () => unschedule(entry),
  };
}

/**
 * Resolves with `work`'s result, or rejects with a {@link TimeoutError} if it hasn't settled within `ms`.
 * The work itself carries on (a request that timed out on the client may still succeed on the server).
 */
export function timeout<T>(work: Promise<T>, ms: number, label = 'operation'): Promise<T> {
  const delay = delayOf(ms, 'timeout');
  return new Promise<T>((resolve, reject) => {
    const entry = schedule(delay, () => reject(new TimeoutError(label, ms)));
    work.then(
      (value) => {
        unschedule(entry);
        resolve(value);
      },
      (error: unknown) => {
        unschedule(entry);
        reject(error);
      },
    );
  });
}

/**
 * Runs `callback` every `ms` (at ms, 2·ms, 3·ms… from now) until stopped. A run that takes longer than
 * `ms` delays the next one: runs never overlap. Stop every ticker when done: otherwise the run goes
 * on until the timer limit (see setTimerLimit) stops the clock.
 */
export function every(ms: number, callback: (run: number) => void | Promise<void>): Ticker {
  const interval = delayOf(ms, 'every');
  if (interval <= 0) throw new RangeError('every(ms) needs ms > 0');
  let runs = 0;
  let stopped = false;
  let running: Promise<void> | undefined;
  let nextAt = current + interval;
  let entry: Entry | undefined;
  const tick = () => {
    entry = undefined;
    runs += 1;
    running = runCallback(() => callback(runs)).then(
      () => {
        running = undefined;
        if (stopped) return;
        nextAt += interval;
        entry = schedule(Math.max(0, nextAt - current), tick);
      },
      (error: unknown) => {
        running = undefined;
        stopped = true; // a failing ticker stops, and its error is reported as uncaught
        throw error;
      },
    );
  };
  entry = schedule(interval, tick);
  return {
    get runs() {
      return runs;
    },
    stop: async () => {
      stopped = true;
      if (entry) unschedule(entry);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * Starts `count` tasks at once (`task(0)`, `task(1)`…) and resolves with their results in order, like
 * Promise.all. With `staggerMs`, task i starts i·staggerMs later: arrivals spread over time.
 */
export function concurrently<T>(
  count: number,
  task: (index: number) => Promise<T>,
  options: { readonly staggerMs?: number } = {},
): Promise<T[]> {
  const stagger = options.staggerMs ?? 0;
  return Promise.all(
    Array.from({ length: count }, (_, i) => (i > 0 && stagger > 0 ? sleep(i * stagger).then(() => task(i)) : task(i))),
  );
}

/** Resolves once no timer is pending: every task has finished or waits on something other than the clock. */
export function idle(): Promise<void> {
  return new Promise((resolve) => {
    idleWaiters.push(resolve);
    scheduleHop();
  });
}

/** How many timers are waiting to fire (sleeps, timeouts, latencies…). */
export function pendingTimers(): number {
  return queue.length;
}

/**
 * A safety net against runaway loops (a ticker never stopped, `while (true) await sleep(…)`): after `limit`
 * timers (100,000 by default) the clock stops and every pending sleep rejects with a ClockLimitError.
 */
export function setTimerLimit(limit: number): void {
  timerLimit = limit;
}

/** Back to t=0 with no timers (pending sleeps are dropped). For tests; each playground run starts fresh anyway. */
export function resetClock(): void {
  generation += 1;
  current = 0;
  seq = 0;
  queue = [];
  idleWaiters = [];
  fired = 0;
  timerLimit = DEFAULT_TIMER_LIMIT;
  stoppedBy = undefined;
  hopScheduled = false;
  releaseKeepAlive();
}

// ---- Internals ------------------------------------------------------------------------------------

/** Validates a delay; negative delays count as 0, as with setTimeout. */
function delayOf(ms: number, what: string): number {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms === Infinity) {
    throw new RangeError(`${what}(ms) needs a finite number of milliseconds, got ${String(ms)}`);
  }
  return Math.max(0, ms);
}

function runCallback(callback: () => void | Promise<void>): Promise<void> {
  return (async () => callback())();
}

function schedule(ms: number, fire: () => void, fail?: (error: Error) => void): Entry {
  // Times are kept to the microsecond so that 0.1 + 0.2 lands on 0.3.
  const entry: Entry = { at: Math.round((current + ms) * 1000) / 1000, seq: seq++, fire, ...(fail ? { fail } : {}) };
  if (stoppedBy) {
    fail?.(stoppedBy);
    return entry;
  }
  // Binary search for the first entry due later: equal times keep their scheduling order.
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (queue[mid]!.at <= entry.at) low = mid + 1;
    else high = mid;
  }
  queue.splice(low, 0, entry);
  scheduleHop();
  return entry;
}

function unschedule(entry: Entry): boolean {
  const index = queue.indexOf(entry);
  if (index < 0) return false;
  queue.splice(index, 1);
  return true;
}

/**
 * One hop: a real macrotask, so every microtask (every task that can still run) has run before it.
 * It then fires the earliest timer, moving virtual time to it, and books the next hop.
 */
function hop(expected: number): void {
  if (expected !== generation) return;
  hopScheduled = false;
  const entry = queue.shift();
  if (entry) {
    fired += 1;
    if (fired > timerLimit) {
      queue.unshift(entry);
      stopClock();
    } else {
      current = Math.max(current, entry.at);
      entry.fire();
    }
  } else {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
  if (queue.length > 0 || idleWaiters.length > 0) scheduleHop();
  else releaseKeepAlive();
}

function stopClock(): void {
  stoppedBy = new ClockLimitError(
    `the virtual clock stopped after ${timerLimit.toLocaleString('en-US')} timers at t=${formatTime(current)}: ` +
      'is a loop still running (a ticker never stopped, a polling while-loop)? Stop it when done, or raise the limit with setTimerLimit().',
  );
  const dropped = queue;
  queue = [];
  for (const entry of dropped) entry.fail?.(stoppedBy);
  // Only plain callbacks (tickers, after()) were pending: no rejection will tell the reader, so say it.
  if (!dropped.some((entry) => entry.fail)) console.warn(`${stoppedBy.name}: ${stoppedBy.message}`);
}

// The fastest real macrotask available: setImmediate in Node, a MessageChannel in browsers and workers,
// setTimeout(0) elsewhere. The runner ends a run when no real timer is pending, so while hops travel
// through a MessageChannel a long real timer (the keep-alive) stays pending until the clock is idle.

const macrotask: { post: (hop: () => void) => void; needsKeepAlive: boolean } = (() => {
  if (typeof setImmediate === 'function')
    return { post: (fn: () => void) => void setImmediate(fn), needsKeepAlive: false };
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const pending: (() => void)[] = [];
    channel.port1.onmessage = () => pending.shift()?.();
    (channel.port1 as { unref?: () => void }).unref?.();
    return {
      post: (fn: () => void) => {
        pending.push(fn);
        channel.port2.postMessage(null);
      },
      needsKeepAlive: true,
    };
  }
  return { post: (fn: () => void) => void setTimeout(fn, 0), needsKeepAlive: false };
})();

let keepAlive: ReturnType<typeof setTimeout> | undefined;

function scheduleHop(): void {
  if (hopScheduled) return;
  hopScheduled = true;
  if (macrotask.needsKeepAlive && keepAlive === undefined) keepAlive = setTimeout(() => undefined, 2 ** 30);
  const expected = generation;
  macrotask.post(() => hop(expected));
}

function releaseKeepAlive(): void {
  if (keepAlive === undefined) return;
  clearTimeout(keepAlive);
  keepAlive = undefined;
}
