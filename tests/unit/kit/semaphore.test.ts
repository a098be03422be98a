import { beforeEach, describe, expect, it } from 'vitest';
import { now, resetClock, sleep } from '../../../playgrounds/kit/clock';
import { Semaphore } from '../../../playgrounds/kit/semaphore';

beforeEach(() => resetClock());

describe('Semaphore', () => {
  it('lets N tasks in at a time, the rest wait first come first served', async () => {
    const pool = new Semaphore(2);
    const trace: string[] = [];
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        pool.use(async () => {
          trace.push(`${name} in at ${now()}`);
          await sleep(100);
        }),
      ),
    );
    expect(trace).toEqual(['a in at 0', 'b in at 0', 'c in at 100', 'd in at 100']);
    expect(pool.available).toBe(2);
  });

  it('reports waiting tasks, refuses tryAcquire when full, and ignores double releases', async () => {
    const pool = new Semaphore(1);
    const release = await pool.acquire();
    expect(pool.tryAcquire()).toBeUndefined();
    const waiting = pool.acquire();
    expect(pool.waiting).toBe(1);
    release();
    release();
    const second = await waiting;
    expect(pool.available).toBe(0);
    second();
    expect(pool.available).toBe(1);
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
