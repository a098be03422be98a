/**
 * kit/kv — an in-memory Redis: strings with TTLs on the virtual clock, atomic commands, call counting.
 *
 *   import { Kv } from '../../kit/kv';
 *   const redis = new Kv({ latency: 1 });                            // every command takes 1 ms
 *   const gotLock = await redis.set('lock:order-7', 'worker-1', { nx: true, px: 5000 }); // 'OK' or null
 *   await redis.incr('requests');  console.log(redis.calls('get'));   // count commands
 *
 * Each command waits its latency and then runs atomically, as a Redis server runs one command at a
 * time. Two tasks doing GET then SET can interleave between the two commands — a lost update — while
 * INCR or SET NX cannot. Keys expire at exactly their TTL (a key set with EX 10 at t=0 is gone at t=10s).
 */
import { now, sleep } from './clock';
import { Random, stableHash, type Latency } from './random';

/** A Redis error reply, e.g. INCR on a value that is not a number. */
export class KvError extends Error {
  override readonly name = 'KvError';
}

/** Options of {@link Kv.set}, as in `SET key value [NX | XX] [EX s | PX ms] [KEEPTTL]`. */
export interface SetOptions {
  /** Only set if the key does not exist (a lock, an idempotency key). */
  readonly nx?: boolean;
  /** Only set if the key already exists. */
  readonly xx?: boolean;
  /** Expire after this many seconds. */
  readonly ex?: number;
  /** Expire after this many milliseconds. */
  readonly px?: number;
  /** Keep the key's current TTL (a plain SET removes it). */
  readonly keepTtl?: boolean;
}

export interface KvOptions {
  /** Shown in stats; also seeds the latency randomness. Default "redis". */
  readonly name?: string;
  /** How long each command takes (see Latency in kit/random). Default 0. */
  readonly latency?: Latency;
  /** Seed for latency randomness. Default: derived from the name. */
  readonly seed?: number;
}

/** Every command the Kv understands, as counted by {@link Kv.calls}. */
export type KvCommand =
  | 'get'
  | 'mget'
  | 'set'
  | 'setex'
  | 'incr'
  | 'incrby'
  | 'decr'
  | 'decrby'
  | 'del'
  | 'delifeq'
  | 'exists'
  | 'expire'
  | 'pexpire'
  | 'ttl'
  | 'pttl'
  | 'persist'
  | 'keys'
  | 'flushall';

interface Entry {
  value: string;
  /** Virtual time the key disappears at; undefined: never. */
  expiresAt: number | undefined;
}

/** An in-memory Redis server. Create one per playground (or one per shard). */
export class Kv {
  readonly name: string;
  /** How long each command takes; change it at any time to simulate a slow Redis. */
  latency: Latency;
  private readonly random: Random;
  private readonly data = new Map<string, Entry>();
  private readonly counts = new Map<KvCommand, number>();

  constructor(options: KvOptions = {}) {
    this.name = options.name ?? 'redis';
    this.latency = options.latency ?? 0;
    this.random = new Random(options.seed ?? stableHash(this.name));
  }

  /** GET: the value, or null if the key is missing or expired. */
  async get(key: string): Promise<string | null> {
    await this.command('get');
    return this.live(key)?.value ?? null;
  }

  /** MGET: values in the order of `keys`, null for missing ones. */
  async mget(...keys: string[]): Promise<(string | null)[]> {
    await this.command('mget');
    return keys.map((key) => this.live(key)?.value ?? null);
  }

  /** SET: 'OK', or null when NX/XX prevented it. Numbers are stored as strings, as Redis does. */
  async set(key: string, value: string | number, options: SetOptions = {}): Promise<'OK' | null> {
    await this.command('set');
    const existing = this.live(key);
    if (options.nx && existing) return null;
    if (options.xx && !existing) return null;
    const ttlMs = options.px ?? (options.ex !== undefined ? options.ex * 1000 : undefined);
    const expiresAt = ttlMs !== undefined ? now() + ttlMs : options.keepTtl ? existing?.expiresAt : undefined;
    this.data.set(key, { value: String(value), expiresAt });
    return 'OK';
  }

  /** SETEX: SET with a TTL in seconds. */
  async setex(key: string, seconds: number, value: string | number): Promise<'OK'> {
    await this.command('setex');
    this.data.set(key, { value: String(value), expiresAt: now() + seconds * 1000 });
    return 'OK';
  }

  /** INCR: adds 1 atomically and returns the new value (a missing key counts as 0; the TTL is kept). */
  incr(key: string): Promise<number> {
    return this.add('incr', key, 1);
  }

  /** INCRBY: adds `by` atomically and returns the new value. */
  incrby(key: string, by: number): Promise<number> {
    return this.add('incrby', key, by);
  }

  /** DECR: subtracts 1 atomically and returns the new value. */
  decr(key: string): Promise<number> {
    return this.add('decr', key, -1);
  }

  /** DECRBY: subtracts `by` atomically and returns the new value. */
  decrby(key: string, by: number): Promise<number> {
    return this.add('decrby', key, -by);
  }

  /** DEL: removes keys; returns how many existed. */
  async del(...keys: string[]): Promise<number> {
    await this.command('del');
    let removed = 0;
    for (const key of keys) if (this.live(key) && this.data.delete(key)) removed += 1;
    return removed;
  }

  /**
   * Deletes `key` only if it still holds `value`; returns 1 if deleted. The safe way to release a lock
   * (Redis needs a small Lua script for it; Valkey calls it DELIFEQ): you only delete your own lock.
   */
  async delifeq(key: string, value: string | number): Promise<number> {
    await this.command('delifeq');
    if (this.live(key)?.value !== String(value)) return 0;
    this.data.delete(key);
    return 1;
  }

  /** EXISTS: how many of `keys` exist. */
  async exists(...keys: string[]): Promise<number> {
    await this.command('exists');
    return keys.filter((key) => this.live(key)).length;
  }

  /** EXPIRE: sets a TTL in seconds; 1 if the key exists, else 0. A TTL ≤ 0 deletes the key. */
  async expire(key: string, seconds: number): Promise<number> {
    await this.command('expire');
    return this.setExpiry(key, seconds * 1000);
  }

  /** PEXPIRE: sets a TTL in milliseconds. */
  async pexpire(key: string, ms: number): Promise<number> {
    await this.command('pexpire');
    return this.setExpiry(key, ms);
  }

  /** TTL: seconds left (rounded), -1 if the key never expires, -2 if it doesn't exist. */
  async ttl(key: string): Promise<number> {
    await this.command('ttl');
    const left = this.msLeft(key);
    return left < 0 ? left : Math.round(left / 1000);
  }

  /** PTTL: milliseconds left, -1 if the key never expires, -2 if it doesn't exist. */
  async pttl(key: string): Promise<number> {
    await this.command('pttl');
    return this.msLeft(key);
  }

  /** PERSIST: removes the TTL; 1 if there was one. */
  async persist(key: string): Promise<number> {
    await this.command('persist');
    const entry = this.live(key);
    if (!entry || entry.expiresAt === undefined) return 0;
    entry.expiresAt = undefined;
    return 1;
  }

  /** KEYS: live keys matching a glob pattern (`*` any run of characters, `?` one character). */
  async keys(pattern = '*'): Promise<string[]> {
    await this.command('keys');
    const regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return [...this.data.keys()].filter((key) => this.live(key) && regex.test(key));
  }

  /** FLUSHALL: removes every key. */
  async flushall(): Promise<'OK'> {
    await this.command('flushall');
    this.data.clear();
    return 'OK';
  }

  /** How many commands were sent: all of them, or only the given kind(s). */
  calls(command?: KvCommand | readonly KvCommand[]): number {
    const wanted = command === undefined ? undefined : typeof command === 'string' ? [command] : command;
    let total = 0;
    for (const [name, count] of this.counts) if (!wanted || wanted.includes(name)) total += count;
    return total;
  }

  /** Commands sent so far, by command: { calls: 5, get: 3, set: 2 }. Handy to print. */
  get stats(): Record<string, number> {
    return { calls: this.calls(), ...Object.fromEntries(this.counts) };
  }

  /** The live keys and values right now, without a command or latency: for printing outcomes. */
  peek(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const key of [...this.data.keys()].sort()) {
      const entry = this.live(key);
      if (entry) result[key] = entry.value;
    }
    return result;
  }

  // ---- Internals --------------------------------------------------------------------------------

  /** Counts a command and waits for its latency. */
  private async command(name: KvCommand): Promise<void> {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const ms = this.random.latency(this.latency);
    if (ms > 0) await sleep(ms);
  }

  /** The entry for `key` unless it has expired (expired keys are removed on access, as Redis does lazily). */
  private live(key: string): Entry | undefined {
    const entry = this.data.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      this.data.delete(key);
      return undefined;
    }
    return entry;
  }

  private async add(name: KvCommand, key: string, by: number): Promise<number> {
    await this.command(name);
    const entry = this.live(key);
    const current = entry ? Number(entry.value) : 0;
    if (entry && !/^-?\d+$/.test(entry.value)) throw new KvError('ERR value is not an integer or out of range');
    const value = current + by;
    this.data.set(key, { value: String(value), expiresAt: entry?.expiresAt });
    return value;
  }

  private setExpiry(key: string, ms: number): number {
    const entry = this.live(key);
    if (!entry) return 0;
    if (ms <= 0) this.data.delete(key);
    else entry.expiresAt = now() + ms;
    return 1;
  }

  private msLeft(key: string): number {
    const entry = this.live(key);
    if (!entry) return -2;
    if (entry.expiresAt === undefined) return -1;
    return Math.round((entry.expiresAt - now()) * 1000) / 1000;
  }
}
