/**
 * The page's HighVolumeWriteHandler in TypeScript: writes go on a bounded queue and return at once; a
 * background loop collects them into batches and bulk inserts each batch, one INSERT per table.
 */
import { now, sleep } from '../../kit/clock';
import type { InsertOptions } from '../../kit/db';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { BoundedQueue } from './bounded-queue';

/** A failure worth retrying: a dropped connection, a timeout, a failover. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

export interface Row {
  readonly id: string;
  readonly [column: string]: unknown;
}

/** A write: a row, and the table it goes to ('default' if none). */
export interface WriteRecord {
  readonly table?: string;
  readonly row: Row;
}

/** The statements the handler needs (kit/db's Database has them). */
export interface WriteDb {
  insert(table: string, row: Row, options?: InsertOptions): Promise<number>;
  insertMany(table: string, rows: readonly Row[], options?: InsertOptions): Promise<number>;
}

export type WriteResult = { readonly status: 'queued' } | { readonly status: 'rejected'; readonly reason: string };

export interface HandlerOptions {
  readonly batchSize?: number;
  /** The longest a batch is held open, in ms. */
  readonly flushIntervalMs?: number;
  /** The queue's capacity: when it is full, writeAsync waits (backpressure)… */
  readonly maxQueueSize?: number;
  /** …for up to this long, then rejects the write. */
  readonly putTimeoutMs?: number;
  readonly maxRetries?: number;
  /** The first retry waits about this long, then 2×, 4×… (± 50% jitter). */
  readonly backoffMs?: number;
}

/** Idempotent inserts (ON CONFLICT DO NOTHING): a retry after a lost acknowledgement can't duplicate rows. */
const IDEMPOTENT: InsertOptions = { onConflict: 'ignore' };

/** A batch closes when no write arrived for this long (the sample's get(timeout=0.1)). */
const LINGER_MS = 100;

export class HighVolumeWriteHandler {
  readonly stats = { batches: 0, bulkInserts: 0, rowsInserted: 0, duplicatesIgnored: 0, retries: 0 };
  /** Batches that still failed after every retry, kept instead of dropped. */
  readonly deadLetters: { readonly table: string; readonly rows: readonly Row[] }[] = [];
  readonly batchSize: number;
  readonly flushIntervalMs: number;
  private readonly putTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly writeQueue: BoundedQueue<WriteRecord>;
  private running = true;
  private readonly flushLoopDone: Promise<void>;

  constructor(
    private readonly db: WriteDb,
    options: HandlerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.flushIntervalMs = options.flushIntervalMs ?? 5000;
    this.putTimeoutMs = options.putTimeoutMs ?? 1000;
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffMs = options.backoffMs ?? 100;
    this.writeQueue = new BoundedQueue(options.maxQueueSize ?? 10_000);
    this.flushLoopDone = this.flushLoop(); // the background "thread"
  }

  /** Queue write for async processing; waits while the queue is full, and says so if it stays full. */
  async writeAsync(data: WriteRecord): Promise<WriteResult> {
    if (!this.running) return { status: 'rejected', reason: 'shutting down' };
    const queued = await this.writeQueue.put(data, this.putTimeoutMs);
    return queued ? { status: 'queued' } : { status: 'rejected', reason: 'queue full' };
  }

  /** Synchronous write (for critical data) */
  writeSync(data: WriteRecord): Promise<number> {
    return this.db.insert(data.table ?? 'default', data.row, IDEMPOTENT);
  }

  /** Batch write multiple records: one bulk INSERT per table, each retried on transient errors. */
  async writeBatch(dataList: readonly WriteRecord[]): Promise<void> {
    if (dataList.length === 0) return;

    // Group by table/collection
    const grouped = new Map<string, Row[]>();
    for (const item of dataList) {
      const table = item.table ?? 'default';
      grouped.set(table, [...(grouped.get(table) ?? []), item.row]);
    }

    // Batch insert per table
    for (const [table, items] of grouped) {
      try {
        const inserted = await this.withRetry(() => {
          this.stats.bulkInserts += 1;
          return this.db.insertMany(table, items, IDEMPOTENT);
        }, `bulk insert of ${items.length} rows into ${table}`);
        this.stats.rowsInserted += inserted;
        this.stats.duplicatesIgnored += items.length - inserted;
      } catch (error) {
        // Out of retries: keep the batch for a dead-letter queue instead of losing it
        log(`${table}: ${items.length} rows dead-lettered (${String(error)})`);
        this.deadLetters.push({ table, rows: items });
      }
    }
  }

  /** Write with exponential backoff retry */
  writeWithRetry(data: WriteRecord): Promise<number> {
    return this.withRetry(() => this.writeSync(data));
  }

  /** Stops taking writes, flushes everything queued, and waits for the loop to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.writeQueue.close();
    await this.flushLoopDone;
  }

  get queueStats(): BoundedQueue<WriteRecord>['stats'] {
    return this.writeQueue.stats;
  }

  /** Background loop: collect up to batchSize writes (or for flushIntervalMs at most), then flush them. */
  private async flushLoop(): Promise<void> {
    while (this.running || this.writeQueue.size > 0) {
      // Wait for the first item: no timeout, so an idle loop costs nothing; stop() wakes it up
      const first = await this.writeQueue.get(Infinity);
      if (first === undefined) continue; // closed
      const batch = [first];

      // Collect more items up to batchSize or until the interval is over
      const endTime = now() + this.flushIntervalMs;
      while (batch.length < this.batchSize && now() < endTime) {
        const item = await this.writeQueue.get(Math.min(LINGER_MS, endTime - now()));
        if (item === undefined) break; // queue.Empty: quiet for LINGER_MS, flush what we have
        batch.push(item);
      }

      this.stats.batches += 1;
      await this.writeBatch(batch);
    }
  }

  /** Runs `operation`, retrying transient errors with exponential backoff and jitter; rethrows the rest. */
  private async withRetry<T>(operation: () => Promise<T>, logAs?: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof TransientError) || attempt >= this.maxRetries - 1) throw error;
        const delay = random.jitter(this.backoffMs * 2 ** attempt, 0.5);
        this.stats.retries += 1;
        if (logAs) log(`${logAs} failed (${error.message}): retry ${attempt + 1} in ${delay} ms`);
        await sleep(delay);
      }
    }
  }
}
