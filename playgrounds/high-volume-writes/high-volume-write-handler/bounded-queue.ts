/**
 * A bounded in-memory queue on the virtual clock, like Python's queue.Queue(maxsize): put() waits while
 * the queue is full (backpressure) and gives up after a timeout; get() waits for an item or a timeout.
 */
import { after, now, type Timer } from '../../kit/clock';

interface Putter<T> {
  readonly item: T;
  readonly since: number;
  readonly timer: Timer;
  readonly resolve: (accepted: boolean) => void;
}

interface Getter<T> {
  readonly timer: Timer | undefined;
  readonly resolve: (item: T | undefined) => void;
}

export class BoundedQueue<T> {
  /** Puts that had to wait, puts that gave up, time spent waiting, the fullest the queue got. */
  readonly stats = { blocked: 0, rejected: 0, waitedMs: 0, peak: 0 };
  private readonly items: T[] = [];
  private readonly putters: Putter<T>[] = [];
  private readonly getters: Getter<T>[] = [];
  private closed = false;

  constructor(readonly maxsize: number) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds `item`, waiting up to `timeoutMs` for room: true if queued, false if the queue stayed full. */
  put(item: T, timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.items.length < this.maxsize && this.putters.length === 0) {
      this.push(item);
      return Promise.resolve(true);
    }
    this.stats.blocked += 1;
    return new Promise((resolve) => {
      const putter: Putter<T> = {
        item,
        since: now(),
        resolve,
        timer: after(timeoutMs, () => {
          this.putters.splice(this.putters.indexOf(putter), 1);
          this.stats.rejected += 1;
          resolve(false);
        }),
      };
      this.putters.push(putter);
    });
  }

  /**
   * The next item, or undefined if none arrived within `timeoutMs` (Python raises queue.Empty) or the
   * queue was closed. `Infinity` waits without a timer.
   */
  get(timeoutMs: number): Promise<T | undefined> {
    if (this.items.length > 0) {
      const item = this.items.shift()!;
      this.admitWaitingPutter();
      return Promise.resolve(item);
    }
    if (this.closed || timeoutMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const getter: Getter<T> = {
        resolve,
        timer:
          timeoutMs === Infinity
            ? undefined
            : after(timeoutMs, () => {
                this.getters.splice(this.getters.indexOf(getter), 1);
                resolve(undefined);
              }),
      };
      this.getters.push(getter);
    });
  }

  /** No more puts; waiting gets return undefined once the queue is empty. */
  close(): void {
    this.closed = true;
    for (const putter of this.putters.splice(0)) {
      putter.timer.cancel();
      putter.resolve(false);
    }
    for (const getter of this.getters.splice(0)) {
      getter.timer?.cancel();
      getter.resolve(undefined);
    }
  }

  private push(item: T): void {
    const getter = this.getters.shift();
    if (getter) {
      getter.timer?.cancel(); // someone is waiting: hand the item over directly
      getter.resolve(item);
      return;
    }
    this.items.push(item);
    this.stats.peak = Math.max(this.stats.peak, this.items.length);
  }

  private admitWaitingPutter(): void {
    const putter = this.putters.shift();
    if (!putter) return;
    putter.timer.cancel();
    this.stats.waitedMs += now() - putter.since;
    this.push(putter.item);
    putter.resolve(true);
  }
}
