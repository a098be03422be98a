import { beforeEach, describe, expect, it } from 'vitest';
import {
  after,
  ClockLimitError,
  concurrently,
  every,
  formatTime,
  idle,
  now,
  pendingTimers,
  resetClock,
  setTimerLimit,
  sleep,
  timeout,
  TimeoutError,
} from '../../../playgrounds/kit/clock';

beforeEach(() => resetClock());

describe('virtual time', () => {
  it('sleeps instantly in real time and advances now() exactly', async () => {
    const started = performance.now();
    expect(now()).toBe(0);
    await sleep(1500);
    expect(now()).toBe(1500);
    await sleep(60 * 60 * 1000);
    expect(now()).toBe(3_601_500);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('wakes tasks in virtual-time order, ties in scheduling order', async () => {
    const woke: string[] = [];
    const task = async (name: string, ms: number) => {
      await sleep(ms);
      woke.push(`${name}@${now()}`);
    };
    await Promise.all([task('a', 30), task('b', 10), task('c', 20), task('d', 10), task('e', 0)]);
    expect(woke).toEqual(['e@0', 'b@10', 'd@10', 'c@20', 'a@30']);
  });

  it('interleaves tasks for real at every await', async () => {
    const trace: string[] = [];
    const worker = async (name: string) => {
      for (let step = 1; step <= 3; step++) {
        trace.push(`${name}${step}`);
        await sleep(10);
      }
    };
    await Promise.all([worker('a'), worker('b')]);
    expect(trace).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
    expect(now()).toBe(30);
  });

  it('only moves time when every task is blocked on the clock', async () => {
    const trace: string[] = [];
    const sleeper = async () => {
      await sleep(1);
      trace.push(`sleeper woke at ${now()}`);
    };
    const busy = async () => {
      for (let i = 0; i < 2000; i++) await Promise.resolve(); // lots of work, no sleeping
      trace.push(`busy done at ${now()}`);
    };
    await Promise.all([sleeper(), busy()]);
    expect(trace).toEqual(['busy done at 0', 'sleeper woke at 1']);
  });

  it('keeps times to the microsecond so fractions add up', async () => {
    await sleep(0.1);
    await sleep(0.2);
    expect(now()).toBe(0.3);
  });

  it('rejects delays that are not numbers and treats negative ones as 0', async () => {
    expect(() => sleep(Number.NaN)).toThrow(RangeError);
    expect(() => sleep(Infinity)).toThrow('sleep(ms) needs a finite number of milliseconds, got Infinity');
    await sleep(-5);
    expect(now()).toBe(0);
  });

  it('formats times as seconds', () => {
    expect(formatTime(1250)).toBe('1.250s');
    expect(formatTime(0)).toBe('0.000s');
  });
});

describe('timeout()', () => {
  it('rejects with a TimeoutError when the work is too slow, at exactly the limit', async () => {
    const error = await timeout(
      sleep(500).then(() => 'late'),
      200,
      'slow call',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('slow call timed out after 200 ms');
    expect((error as TimeoutError).ms).toBe(200);
    expect(now()).toBe(200);
  });

  it('resolves with the result when fast enough and leaves no timer behind', async () => {
    expect(
      await timeout(
        sleep(50).then(() => 'ok'),
        200,
      ),
    ).toBe('ok');
    expect(now()).toBe(50);
    expect(pendingTimers()).toBe(0);
  });

  it('passes the work’s own rejection through', async () => {
    await expect(timeout(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
    expect(pendingTimers()).toBe(0);
  });
});

describe('timers and tasks', () => {
  it('after() runs a callback at a virtual time unless cancelled', async () => {
    const fired: number[] = [];
    after(100, () => void fired.push(now()));
    const cancelled = after(50, () => void fired.push(-1));
    expect(cancelled.at).toBe(50);
    expect(cancelled.cancel()).toBe(true);
    expect(cancelled.cancel()).toBe(false);
    await idle();
    expect(fired).toEqual([100]);
  });

  it('every() runs at a fixed rate, never overlapping, until stopped', async () => {
    const runs: number[] = [];
    const ticker = every(100, async (run) => {
      runs.push(now());
      if (run === 2) await sleep(150); // overruns: the run due at 300 starts when it ends
    });
    await sleep(450);
    await ticker.stop();
    expect(runs).toEqual([100, 200, 350, 400]);
    expect(ticker.runs).toBe(4);
    expect(pendingTimers()).toBe(0);
  });

  it('concurrently() starts tasks together, or staggered', async () => {
    const starts = await concurrently(3, async (i) => {
      const at = now();
      await sleep(10);
      return `${i}@${at}`;
    });
    expect(starts).toEqual(['0@0', '1@0', '2@0']);
    const staggered = await concurrently(3, async (i) => `${i}@${now()}`, { staggerMs: 100 });
    expect(staggered).toEqual(['0@10', '1@110', '2@210']);
  });

  it('idle() waits until no timer is pending', async () => {
    let done = false;
    void sleep(5000).then(() => (done = true));
    await idle();
    expect(done).toBe(true);
    expect(now()).toBe(5000);
  });

  it('stops a runaway loop with a ClockLimitError', async () => {
    setTimerLimit(50);
    const loop = async () => {
      for (;;) await sleep(1000);
    };
    const error = await loop().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockLimitError);
    expect((error as Error).message).toContain('the virtual clock stopped after 50 timers at t=50.000s');
    await expect(sleep(1)).rejects.toBeInstanceOf(ClockLimitError);
    resetClock();
    await sleep(1);
    expect(now()).toBe(1);
  });
});
