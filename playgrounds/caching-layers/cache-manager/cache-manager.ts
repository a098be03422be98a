/**
 * cache_manager.py in TypeScript: an in-process L1 (a Map per app instance) in front of a shared L2
 * (Redis, the kit's Kv), with a lock so that one request fetches a missing key while the others wait,
 * stale-while-revalidate for expired keys, and invalidation that reaches every instance's L1.
 */
import { now, sleep } from '../../kit/clock';
import type { Kv } from '../../kit/kv';

/** What goes into Redis: the data and when it stops being fresh (a logical expiry inside the value). */
interface Entry<T> {
  readonly data: T;
  readonly freshUntil: number;
}

/** Tells every subscribed instance to drop a key from its L1 (Redis pub/sub in production). */
export class InvalidationBus {
  private readonly subscribers = new Set<(key: string) => void>();

  subscribe(onInvalidate: (key: string) => void): void {
    this.subscribers.add(onInvalidate);
  }

  publish(key: string): void {
    for (const onInvalidate of this.subscribers) onInvalidate(key);
  }
}

export interface CacheManagerOptions {
  /** Instance name, used in lock tokens. */
  readonly name?: string;
  /** Broadcast invalidations to other instances' L1. Without it only this instance's L1 is cleared. */
  readonly bus?: InvalidationBus;
  /** How long a waiter polls for the value another request is fetching. Default 10 000 ms (the lock TTL). */
  readonly lockWaitMs?: number;
  /** How often it polls. Default 50 ms. */
  readonly pollMs?: number;
}

export class CacheManager {
  private readonly localCache = new Map<string, Entry<unknown>>(); // L1
  private tokens = 0;
  readonly stats = { l1Hits: 0, l2Hits: 0, staleServed: 0, fetches: 0, waited: 0 };

  constructor(
    private readonly redis: Kv,
    private readonly options: CacheManagerOptions = {},
  ) {
    options.bus?.subscribe((key) => this.localCache.delete(key));
  }

  /** ttl: how long data is fresh; staleTtl: how long Redis keeps it, to serve while one request refreshes. */
  async getWithFallback<T>(key: string, fetchFunc: () => Promise<T>, ttl = 300, staleTtl = 600): Promise<T> {
    // L1: check local cache
    const local = this.localCache.get(key) as Entry<T> | undefined;
    if (local && now() < local.freshUntil) {
      this.stats.l1Hits += 1;
      return local.data;
    }

    // L2: check Redis
    const cached = await this.redis.get(key);
    const entry = cached === null ? undefined : (JSON.parse(cached) as Entry<T>);
    if (entry && now() < entry.freshUntil) {
      this.localCache.set(key, entry); // populate L1, no fresher than L2 itself
      this.stats.l2Hits += 1;
      return entry.data;
    }

    // Missing or stale: only the request holding the lock fetches (a thundering herd otherwise)
    const lockKey = `lock:${key}`;
    const token = `${this.options.name ?? 'app'}:${++this.tokens}`; // ours alone, so we never delete another's lock
    if ((await this.redis.set(lockKey, token, { nx: true, ex: 10 })) === 'OK') {
      try {
        return await this.fetchAndStore(key, fetchFunc, ttl, staleTtl);
      } finally {
        await this.redis.delifeq(lockKey, token); // compare-and-delete: only our own lock
      }
    }
    if (entry) {
      // Stale-while-revalidate: another request is refreshing, serve the stale copy now.
      this.stats.staleServed += 1;
      return entry.data;
    }
    // Cold key: poll until the fetching request has stored the value, up to about the lock TTL.
    this.stats.waited += 1;
    const deadline = now() + (this.options.lockWaitMs ?? 10_000);
    while (now() < deadline) {
      await sleep(this.options.pollMs ?? 50);
      const filled = await this.redis.get(key);
      if (filled !== null) {
        const fresh = JSON.parse(filled) as Entry<T>;
        this.localCache.set(key, fresh);
        return fresh.data;
      }
    }
    return this.fetchAndStore(key, fetchFunc, ttl, staleTtl); // last resort: the fetcher took too long
  }

  /** Invalidate on update: Redis, this instance's L1, and (through the bus) every other instance's L1. */
  async invalidate(key: string): Promise<void> {
    this.localCache.delete(key);
    await this.redis.del(key);
    this.options.bus?.publish(key);
  }

  private async fetchAndStore<T>(key: string, fetchFunc: () => Promise<T>, ttl: number, staleTtl: number): Promise<T> {
    this.stats.fetches += 1;
    const data = await fetchFunc();
    const entry: Entry<T> = { data, freshUntil: now() + ttl * 1000 };
    // Store in both caches; Redis keeps it staleTtl so a stale copy exists while it is refreshed.
    await this.redis.setex(key, staleTtl, JSON.stringify(entry));
    this.localCache.set(key, entry);
    return data;
  }
}
