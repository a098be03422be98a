/**
 * The page's DatabaseOptimizer in TypeScript: cache-aside reads from Redis and a read replica, writes to
 * the primary, and a batch read that fetches every uncached user in one query.
 */
import type { Database, Replica } from '../../kit/db';
import type { Kv } from '../../kit/kv';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export interface Tables {
  users: User;
}

export type UserChanges = Partial<Omit<User, 'id'>>;

const CACHE_TTL_SECONDS = 300;

export class DatabaseOptimizer {
  /** Cache hits and misses, for the hit ratio. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    protected readonly cache: Kv,
    protected readonly primaryDb: Database<Tables>,
    protected readonly readReplica: Replica<Tables>,
  ) {}

  /** Get user with caching and read replica; `requireFresh` reads the primary (strong consistency). */
  async getUser(userId: string, requireFresh = false): Promise<User | undefined> {
    if (!requireFresh) {
      // Check cache first
      const cached = await this.cache.get(`user:${userId}`);
      if (cached !== null) {
        this.stats.hits += 1;
        return JSON.parse(cached) as User;
      }
      this.stats.misses += 1;
    }

    // SELECT * FROM users WHERE id = $1: the replica when eventual consistency is fine, else the primary
    const user = await this.freshSource(requireFresh).get('users', userId);
    if (user === undefined) return undefined;

    // Cache result
    await this.cache.setex(`user:${userId}`, CACHE_TTL_SECONDS, JSON.stringify(user));
    return user;
  }

  /** Update with cache invalidation */
  async updateUser(userId: string, data: UserChanges): Promise<void> {
    // Write to primary (strong consistency)
    await this.primaryDb.update('users', userId, data);

    // Invalidate cache
    await this.cache.del(`user:${userId}`);

    // Refill it from the primary: getUser caches what it reads, so no extra setex is needed
    await this.getUser(userId, true);
  }

  /** Batch read to reduce queries: users in the order asked, undefined for ids that don't exist. */
  async batchGetUsers(userIds: readonly string[]): Promise<(User | undefined)[]> {
    // Check cache first: one MGET round trip for every id
    const cachedUsers = new Map<string, User>();
    const uncachedIds: string[] = [];
    const cached = await this.cache.mget(...userIds.map((id) => `user:${id}`));
    userIds.forEach((userId, i) => {
      const hit = cached[i];
      if (hit !== null && hit !== undefined) cachedUsers.set(userId, JSON.parse(hit) as User);
      else uncachedIds.push(userId);
    });
    this.stats.hits += cachedUsers.size;
    this.stats.misses += uncachedIds.length;

    // Batch query for uncached: SELECT * FROM users WHERE id = ANY($1), one query for all of them
    if (uncachedIds.length > 0) {
      const users = await this.readReplica.select('users', (u) => uncachedIds.includes(u.id));
      for (const user of users) {
        cachedUsers.set(user.id, user);
        await this.cache.setex(`user:${user.id}`, CACHE_TTL_SECONDS, JSON.stringify(user));
      }
    }

    // A missing id (a deleted user) gives undefined instead of a KeyError
    return userIds.map((userId) => cachedUsers.get(userId));
  }

  /** Where getUser reads from the database. */
  protected freshSource(requireFresh: boolean): Pick<Replica<Tables>, 'get'> {
    return requireFresh ? this.primaryDb : this.readReplica;
  }
}

/** get_user as the Python sample wrote it: require_fresh skips the cache but still reads the replica. */
export class DatabaseOptimizerAsWritten extends DatabaseOptimizer {
  protected override freshSource(): Replica<Tables> {
    return this.readReplica;
  }
}
