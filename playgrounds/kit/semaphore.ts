/**
 * kit/semaphore — at most N tasks at a time; the others wait their turn (first come, first served).
 * A connection pool, a worker pool, a bulkhead around one dependency.
 *
 *   import { Semaphore } from '../../kit/semaphore';
 *   const pool = new Semaphore(2);                        // two connections
 *   const rows = await pool.use(() => db.select('orders')); // waits while both are busy
 *   if (pool.waiting > 10) throw new Error('shed load');  // a bulkhead rejects instead of queueing
 */

/** A counting semaphore whose waiters wait in virtual time. */
export class Semaphore {
  private inUse = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    /** How many holders at once. */
    readonly permits: number,
  ) {
    if (!(permits >= 1)) throw new RangeError('a Semaphore needs at least 1 permit');
  }

  /** Permits free right now. */
  get available(): number {
    return this.permits - this.inUse;
  }

  /** Tasks waiting for a permit. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Waits for a permit; call the returned function (once) to give it back. */
  acquire(): Promise<() => void> {
    const release = this.tryAcquire();
    if (release) return Promise.resolve(release);
    return new Promise((resolve) => this.queue.push(() => resolve(this.releaser())));
  }

  /** A permit if one is free right now, otherwise undefined (no waiting). */
  tryAcquire(): (() => void) | undefined {
    if (this.inUse >= this.permits) return undefined;
    this.inUse += 1;
    return this.releaser();
  }

  /** Runs `work` holding a permit, and gives the permit back however `work` ends. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next)
        next(); // the permit goes straight to the next in line
      else this.inUse -= 1;
    };
  }
}
