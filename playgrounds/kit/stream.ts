/**
 * kit/stream — a partitioned, append-only log like Kafka: records keep their order within a partition
 * (the key picks the partition), consumer groups remember how far they got (committed offsets), and
 * anyone can replay from any offset.
 *
 *   import { Stream } from '../../kit/stream';
 *   const events = new Stream<{ type: string }>({ partitions: 3 });
 *   await events.append('account-7', { type: 'deposited' });   // same key → same partition, in order
 *   const billing = events.subscribe('billing');
 *   for (const record of await billing.poll()) handle(record);  await billing.commit();
 *
 * A consumer that crashes before commit() is replaced by one that starts again from the committed
 * offsets: records after them are delivered again (at-least-once). Members of a group split the
 * partitions between them (partition p goes to member p mod n, in joining order).
 */
import { after, now, sleep, type Timer } from './clock';
import { Random, stableHash, type Latency } from './random';

/** One record of the log. */
export interface StreamRecord<T> {
  readonly partition: number;
  /** Its position in the partition: 0, 1, 2… */
  readonly offset: number;
  readonly key: string;
  readonly value: T;
  /** Virtual time it was appended. */
  readonly timestamp: number;
}

export interface StreamOptions {
  /** Default "stream"; also seeds the randomness. */
  readonly name?: string;
  /** Default 1. */
  readonly partitions?: number;
  /** How long each append, read, poll and commit takes. Default 0. */
  readonly latency?: Latency;
  /** Seed for latency randomness. Default: derived from the name. */
  readonly seed?: number;
}

export interface PollOptions {
  /** At most this many records. Default 100. */
  readonly max?: number;
  /** If nothing is there, wait up to this long for new records (Infinity: until one arrives). Default 0. */
  readonly waitMs?: number;
}

interface Group<T> {
  /** Next offset to read, per partition: what a new or restarted member starts from. */
  readonly committed: number[];
  readonly members: StreamConsumer<T>[];
  /** Members that ever joined, for default names. */
  joined: number;
}

/** A partitioned log of records with values of type T. */
export class Stream<T> {
  readonly name: string;
  readonly partitions: number;
  /** How long each operation takes; change it at any time. */
  latency: Latency;
  private readonly random: Random;
  private readonly logs: StreamRecord<T>[][];
  private readonly groups = new Map<string, Group<T>>();
  private appendWaiters: (() => void)[] = [];

  constructor(options: StreamOptions = {}) {
    this.name = options.name ?? 'stream';
    this.partitions = options.partitions ?? 1;
    this.latency = options.latency ?? 0;
    this.random = new Random(options.seed ?? stableHash(this.name));
    this.logs = Array.from({ length: this.partitions }, () => []);
  }

  /** The partition a key goes to: stableHash(key) mod partitions. */
  partitionFor(key: string): number {
    return stableHash(key) % this.partitions;
  }

  /** Appends a record to the key's partition (or to `partition` if given) and returns it. */
  async append(key: string, value: T, options: { readonly partition?: number } = {}): Promise<StreamRecord<T>> {
    await this.delay();
    const partition = options.partition ?? this.partitionFor(key);
    const log = this.log(partition);
    const record: StreamRecord<T> = Object.freeze({
      partition,
      offset: log.length,
      key,
      value: structuredClone(value),
      timestamp: now(),
    });
    log.push(record);
    for (const wake of this.appendWaiters.splice(0)) wake();
    return record;
  }

  /** Replay: up to `max` records of a partition from `fromOffset` on, whoever has read them before. */
  async read(partition: number, fromOffset = 0, max = Infinity): Promise<StreamRecord<T>[]> {
    await this.delay();
    return this.log(partition).slice(fromOffset, fromOffset + max);
  }

  /** The offset the next record of `partition` will get (= how many records it has). */
  endOffset(partition: number): number {
    return this.log(partition).length;
  }

  /** Records per partition, e.g. [120, 4, 6]: a hot partition stands out. */
  sizes(): number[] {
    return this.logs.map((log) => log.length);
  }

  /** Every record of a partition (or of all, partition by partition), without latency: for printing. */
  peek(partition?: number): StreamRecord<T>[] {
    return partition === undefined ? this.logs.flat() : [...this.log(partition)];
  }

  /**
   * Joins consumer group `group` as a new member (named "group-1", "group-2"… unless `member` is given).
   * Its partitions start at the group's committed offsets.
   */
  subscribe(group: string, member?: string): StreamConsumer<T> {
    const state = this.group(group);
    state.joined += 1;
    const consumer = new StreamConsumer<T>(this, group, member ?? `${group}-${state.joined}`);
    state.members.push(consumer);
    this.rebalance(state);
    return consumer;
  }

  /** The group's committed offset for a partition: the next offset it will read (0 if it never committed). */
  committed(group: string, partition: number): number {
    return this.group(group).committed[partition] ?? 0;
  }

  /** Records the group has not committed yet, over all partitions. */
  lag(group: string): number {
    const state = this.group(group);
    return this.logs.reduce((sum, log, p) => sum + log.length - (state.committed[p] ?? 0), 0);
  }

  // ---- Used by StreamConsumer ---------------------------------------------------------------------

  /** @internal */
  async delay(): Promise<void> {
    const ms = this.random.latency(this.latency);
    if (ms > 0) await sleep(ms);
  }

  /** @internal */
  log(partition: number): StreamRecord<T>[] {
    const log = this.logs[partition];
    if (!log)
      throw new RangeError(`${this.name} has partitions 0…${this.partitions - 1}; there is no partition ${partition}`);
    return log;
  }

  /** @internal */
  group(name: string): Group<T> {
    let state = this.groups.get(name);
    if (!state)
      this.groups.set(
        name,
        (state = { committed: Array.from({ length: this.partitions }, () => 0), members: [], joined: 0 }),
      );
    return state;
  }

  /** @internal Resolves after the next append, or after `waitMs`. */
  nextAppend(waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        timer?.cancel();
        resolve();
      };
      // `wake` runs only after an append, by which time `timer` is set.
      const timer: Timer | undefined =
        waitMs === Infinity
          ? undefined
          : after(waitMs, () => {
              this.appendWaiters = this.appendWaiters.filter((w) => w !== wake);
              resolve();
            });
      this.appendWaiters.push(wake);
    });
  }

  /** @internal Members left or joined: partitions are reassigned and everyone restarts from committed offsets. */
  rebalance(state: Group<T>): void {
    state.members.forEach((member, index) =>
      member.assign(this.logs.map((_, p) => p).filter((p) => p % state.members.length === index)),
    );
  }
}

/** A member of a consumer group (from {@link Stream.subscribe}). */
export class StreamConsumer<T> {
  private assigned: number[] = [];
  /** Next offset to read per assigned partition (reset to the committed offsets on every rebalance). */
  private readonly positions = new Map<number, number>();
  private nextStart = 0;
  private closed = false;

  constructor(
    private readonly stream: Stream<T>,
    readonly group: string,
    readonly member: string,
  ) {}

  /** The partitions this member reads. */
  get partitions(): readonly number[] {
    return this.assigned;
  }

  /** The next offset this member will read from `partition`. */
  position(partition: number): number {
    return this.positions.get(partition) ?? this.stream.committed(this.group, partition);
  }

  /**
   * The next records of this member's partitions (up to `max`), in offset order within each partition.
   * Advances the position, not the committed offset: call commit() once they are processed.
   */
  async poll(options: PollOptions = {}): Promise<StreamRecord<T>[]> {
    const max = options.max ?? 100;
    await this.stream.delay();
    let records = this.take(max);
    if (records.length === 0 && (options.waitMs ?? 0) > 0) {
      await this.stream.nextAppend(options.waitMs ?? 0);
      records = this.take(max);
    }
    return records;
  }

  /**
   * Commits: the group will resume after `record` (in its partition), or — without an argument — after
   * everything this member has polled.
   */
  async commit(record?: StreamRecord<T>): Promise<void> {
    await this.stream.delay();
    const committed = this.stream.group(this.group).committed;
    if (record) committed[record.partition] = record.offset + 1;
    else for (const p of this.assigned) committed[p] = this.position(p);
  }

  /** Moves this member's position in `partition` (replay from an older offset, or skip ahead). */
  seek(partition: number, offset: number): void {
    this.positions.set(partition, offset);
  }

  /** Replays all of this member's partitions from offset 0. */
  seekToBeginning(): void {
    for (const p of this.assigned) this.positions.set(p, 0);
  }

  /** Leaves the group (a crash or a shutdown): its partitions go to the other members. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const state = this.stream.group(this.group);
    state.members.splice(state.members.indexOf(this), 1);
    this.assigned = [];
    this.stream.rebalance(state);
  }

  /** @internal Called on rebalance. */
  assign(partitions: number[]): void {
    this.assigned = partitions;
    this.positions.clear();
  }

  /** Takes up to `max` records, starting with a different partition each time so none is starved. */
  private take(max: number): StreamRecord<T>[] {
    const records: StreamRecord<T>[] = [];
    const count = this.assigned.length;
    for (let i = 0; i < count && records.length < max; i++) {
      const partition = this.assigned[(this.nextStart + i) % count]!;
      const from = this.position(partition);
      const batch = this.stream.log(partition).slice(from, from + max - records.length);
      this.positions.set(partition, from + batch.length);
      records.push(...batch);
    }
    if (count > 0) this.nextStart = (this.nextStart + 1) % count;
    return records;
  }
}
