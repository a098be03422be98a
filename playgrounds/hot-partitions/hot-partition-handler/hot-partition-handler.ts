/**
 * The page's HotPartitionHandler in TypeScript: stable hash sharding, hot-key detection with a Redis
 * counter per minute, salting for hot users, and cache + throttle + replica for hot reads.
 */
import type { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { Random, stableHash } from '../../kit/random';

/** What a shard stores under a key: fields merged on write, as Python's dict.update. */
export type UserData = Record<string, string>;

/** The request rate of a partition key is over the throttle threshold. */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
}

/** One database shard (in memory), counting the reads and writes it serves. */
export class DBShard {
  reads = 0;
  writes = 0;
  private readonly rows = new Map<string, UserData>();

  constructor(readonly index: number) {}

  async getUser(key: string): Promise<UserData | undefined> {
    this.reads += 1;
    const row = this.rows.get(key);
    return row && { ...row };
  }

  async saveUser(key: string, data: UserData): Promise<void> {
    this.writes += 1;
    const row = this.rows.get(key);
    if (row) Object.assign(row, data);
    else this.rows.set(key, { ...data });
  }
}

export interface HotPartitionOptions {
  readonly shards?: number;
  /** How many keys a hot user's data is spread over. */
  readonly saltPartitions?: number;
  /** Requests per window above which a user is hot (and gets salted). */
  readonly hotThreshold?: number;
  /** Requests per window above which an uncached hot read is refused. */
  readonly throttleThreshold?: number;
  readonly windowSeconds?: number;
  readonly cacheTtlSeconds?: number;
}

export class HotPartitionHandler {
  readonly dbShards: DBShard[];
  readonly saltPartitions: number;
  readonly hotThreshold: number;
  readonly throttleThreshold: number;
  /** Users known to be salted: a local copy of the stored decision, which never flips back. */
  private readonly hotUserCache = new Set<string>();
  private readonly windowSeconds: number;
  private readonly cacheTtlSeconds: number;
  private readonly random = new Random(7); // picks a salt for each write

  constructor(
    private readonly cache: Kv,
    private readonly readReplica: DBShard,
    options: HotPartitionOptions = {},
  ) {
    this.dbShards = Array.from({ length: options.shards ?? 10 }, (_, i) => new DBShard(i));
    this.saltPartitions = options.saltPartitions ?? 3;
    this.hotThreshold = options.hotThreshold ?? 1000;
    this.throttleThreshold = options.throttleThreshold ?? 5000;
    this.windowSeconds = options.windowSeconds ?? 60;
    this.cacheTtlSeconds = options.cacheTtlSeconds ?? 60;
  }

  /** Distribute users across shards with a stable hash: every process, every restart agrees. */
  getShard(userId: string): DBShard {
    return this.dbShards[stableHash(userId) % this.dbShards.length]!;
  }

  /** Handle hot users with salting: read the plain key and, for a salted user, every salt, and merge. */
  async getUserWithSalting(userId: string): Promise<UserData | undefined> {
    await this.isHotUser(userId);
    // The layout comes from the stored decision, not from the live rate, so reads and writes agree
    const keys = (await this.isSalted(userId)) ? [userId, ...this.saltedKeys(userId)] : [userId];
    let userData: UserData | undefined;
    for (const key of keys) {
      const data = await this.getShard(key).getUser(key);
      if (data) userData = { ...userData, ...data };
    }
    return userData;
  }

  /** A write goes to the plain key, or to one random salt once the user is salted. */
  async saveUserWithSalting(userId: string, data: UserData): Promise<void> {
    await this.isHotUser(userId);
    const key = (await this.isSalted(userId)) ? `${userId}:${this.random.int(0, this.saltPartitions - 1)}` : userId;
    await this.getShard(key).saveUser(key, data);
  }

  /** Detect hot users based on request rate; the first time one crosses the threshold, salt it for good. */
  async isHotUser(userId: string): Promise<boolean> {
    const requestCount = await this.countRequest(userId);
    const hot = requestCount > this.hotThreshold;
    if (hot && !this.hotUserCache.has(userId) && (await this.cache.set(`salted:${userId}`, 1, { nx: true })) === 'OK') {
      this.hotUserCache.add(userId);
      const placement = this.saltedKeys(userId).map((key) => `${key} → shard ${this.getShard(key).index}`);
      log(`hot key: ${userId} made ${requestCount} requests in the window → salted: ${placement.join(', ')}`);
    }
    return hot;
  }

  /** Mitigate a hot partition: cache, then throttle, then the read replica. */
  async handleHotPartition(partitionKey: string): Promise<UserData | undefined> {
    // 1. Cache aggressively
    const cached = await this.cache.get(`hot:${partitionKey}`);
    if (cached !== null) return (JSON.parse(cached) as UserData | null) ?? undefined;

    // 2. Throttle if needed
    if ((await this.getRequestRate(partitionKey)) > this.throttleThreshold) {
      throw new RateLimitError(`Partition ${partitionKey} overloaded`);
    }

    // 3. Use read replica
    const data = await this.readReplica.getUser(partitionKey);

    // 4. Cache result
    await this.cache.setex(`hot:${partitionKey}`, this.cacheTtlSeconds, JSON.stringify(data ?? null));
    return data;
  }

  /** Requests in the current window: the counter isHotUser increments. */
  async getRequestRate(partitionKey: string): Promise<number> {
    return Number((await this.cache.get(`requests:${partitionKey}`)) ?? 0);
  }

  /** Whether the user's data is salted: the stored decision (a local copy first, then Redis). */
  async isSalted(userId: string): Promise<boolean> {
    if (this.hotUserCache.has(userId)) return true;
    if ((await this.cache.get(`salted:${userId}`)) === null) return false;
    this.hotUserCache.add(userId);
    return true;
  }

  saltedKeys(userId: string): string[] {
    return Array.from({ length: this.saltPartitions }, (_, salt) => `${userId}:${salt}`);
  }

  /** INCR, and EXPIRE on the first request only: a fixed window that closes even under steady traffic. */
  private async countRequest(key: string): Promise<number> {
    const count = await this.cache.incr(`requests:${key}`);
    if (count === 1) await this.cache.expire(`requests:${key}`, this.windowSeconds);
    return count;
  }
}
