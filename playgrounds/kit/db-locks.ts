/**
 * kit/db-locks — the row locks behind kit/db: exclusive locks that transactions hold until they
 * commit or roll back, waited for in virtual time, first come first served, with deadlock detection.
 *
 * You don't use this file directly: kit/db takes these locks for `getForUpdate`, `selectForUpdate`,
 * updates, deletes and inserts (and for unique values being inserted), and re-exports the errors:
 *
 *   import { DeadlockDetected, LockTimeout } from '../../kit/db';
 *   try { await db.transaction(transfer) } catch (e) { if (e instanceof DeadlockDetected) retry() }
 */
import { after, type Timer } from './clock';

/** Base class of the lock errors. The transaction that gets one should roll back (transaction() does). */
export class LockError extends Error {
  override readonly name: string = 'LockError';
}

/** Like PostgreSQL's "deadlock detected": waiting would close a cycle of transactions waiting on each other. */
export class DeadlockDetected extends LockError {
  override readonly name = 'DeadlockDetected';
}

/** The lock wait took longer than the transaction's `lockTimeoutMs` (PostgreSQL's lock_timeout). */
export class LockTimeout extends LockError {
  override readonly name = 'LockTimeout';
}

/** The row was locked and the query said NOWAIT. */
export class LockNotAvailable extends LockError {
  override readonly name = 'LockNotAvailable';
}

interface Waiter {
  readonly tx: number;
  readonly resolve: () => void;
  timer?: Timer;
}

export interface AcquireOptions {
  /** Fail with LockNotAvailable instead of waiting. */
  readonly nowait?: boolean;
  /** Fail with LockTimeout after waiting this long. */
  readonly timeoutMs?: number | undefined;
}

/** Exclusive locks on named resources ("accounts/1"), held by transaction ids. */
export class LockManager {
  /** How many lock requests had to wait. */
  waits = 0;
  /** How many deadlocks were detected. */
  deadlocks = 0;
  private readonly holders = new Map<string, number>();
  private readonly queues = new Map<string, Waiter[]>();
  /** What each waiting transaction waits for (a transaction waits for one lock at a time). */
  private readonly waitingFor = new Map<number, string>();

  /** True if another transaction holds `resource`. */
  isLockedByOther(resource: string, tx: number): boolean {
    const holder = this.holders.get(resource);
    return holder !== undefined && holder !== tx;
  }

  /** Takes the lock for `tx`, waiting behind earlier requests if another transaction holds it. */
  async acquire(resource: string, tx: number, options: AcquireOptions = {}): Promise<void> {
    const holder = this.holders.get(resource);
    if (holder === undefined) {
      this.holders.set(resource, tx);
      return;
    }
    if (holder === tx) return;
    if (options.nowait)
      throw new LockNotAvailable(`could not obtain lock on ${resource}: held by transaction ${holder}`);
    const cycle = this.cycleFrom(holder, tx);
    if (cycle) {
      this.deadlocks += 1;
      throw new DeadlockDetected(`deadlock detected: transaction ${tx} waits for ${resource}; ${cycle}`);
    }
    this.waits += 1;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { tx, resolve };
      if (options.timeoutMs !== undefined) {
        const ms = options.timeoutMs;
        waiter.timer = after(ms, () => {
          this.removeWaiter(resource, waiter);
          reject(
            new LockTimeout(
              `canceling statement due to lock timeout: transaction ${tx} waited ${ms} ms for ${resource}`,
            ),
          );
        });
      }
      const queue = this.queues.get(resource) ?? [];
      queue.push(waiter);
      this.queues.set(resource, queue);
      this.waitingFor.set(tx, resource);
    });
  }

  /** Releases `resources` held by `tx`; each goes to the transaction that has waited longest for it. */
  releaseAll(tx: number, resources: Iterable<string>): void {
    for (const resource of resources) {
      if (this.holders.get(resource) !== tx) continue;
      const next = this.queues.get(resource)?.shift();
      if (!next) {
        this.holders.delete(resource);
        continue;
      }
      next.timer?.cancel();
      this.holders.set(resource, next.tx);
      this.waitingFor.delete(next.tx);
      next.resolve();
    }
  }

  /**
   * Follows "holder waits for a lock held by…" from `holder`; if that leads back to `tx`, describes
   * the cycle ("transaction 1 holds it and waits for accounts/2, held by transaction 2").
   */
  private cycleFrom(holder: number, tx: number): string | undefined {
    const steps: string[] = [];
    const seen = new Set<number>();
    let current: number | undefined = holder;
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      const wanted = this.waitingFor.get(current);
      if (wanted === undefined) return undefined;
      const next = this.holders.get(wanted);
      steps.push(`transaction ${current} holds it and waits for ${wanted}, held by transaction ${next}`);
      if (next === tx) return steps.join('; ');
      current = next;
    }
    return undefined;
  }

  private removeWaiter(resource: string, waiter: Waiter): void {
    const queue = this.queues.get(resource);
    const index = queue?.indexOf(waiter) ?? -1;
    if (queue && index >= 0) queue.splice(index, 1);
    this.waitingFor.delete(waiter.tx);
  }
}
