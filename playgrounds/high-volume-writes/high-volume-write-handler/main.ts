// A click tracker receiving thousands of writes: one INSERT per write can't keep up, a bounded queue
// feeding bulk inserts can, and it pushes back on producers instead of growing without limit.
// The database is flaky: some statements fail, and some fail after they committed (a lost reply).
import { now, sleep } from '../../kit/clock';
import { Database, type InsertOptions } from '../../kit/db';
import { log } from '../../kit/log';
import { Random, random } from '../../kit/random';
import {
  HighVolumeWriteHandler,
  TransientError,
  type Row,
  type WriteDb,
  type WriteRecord,
} from './high-volume-write-handler';

const SEED = 1;
const WRITES = 3000;
const WRITES_PER_TICK = 100; // offered every 10 ms: 10,000 writes/s
const BATCH_SIZE = 500;
const FLUSH_INTERVAL_MS = 1000;
const MAX_QUEUE_SIZE = 1000;
const PUT_TIMEOUT_MS = 1000; // lower it (say to 100) to see writes rejected instead of producers waiting
const DB_LATENCY_MS = 5; // per statement…
const DB_MS_PER_ROW = 0.5; // …plus a little per row
const FAILURE_RATE = 0.05; // statements that fail
const LOST_REPLY_RATE = 0.05; // statements that commit, but the reply is lost

random.reseed(SEED);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A database behind a network: bigger statements take longer, and some fail. */
class FlakyDatabase implements WriteDb {
  readonly db = new Database(); // the time a statement takes is slept below
  private readonly random = new Random(SEED);

  insert(table: string, row: Row, options?: InsertOptions): Promise<number> {
    return this.flaky(1, () => this.db.insert(table, row, options));
  }

  insertMany(table: string, rows: readonly Row[], options?: InsertOptions): Promise<number> {
    return this.flaky(rows.length, () => this.db.insertMany(table, rows, options));
  }

  rowCount(): number {
    return this.db.peek('clicks').length + this.db.peek('views').length;
  }

  private async flaky(rows: number, statement: () => Promise<number>): Promise<number> {
    await sleep(DB_LATENCY_MS + rows * DB_MS_PER_ROW);
    if (this.random.chance(FAILURE_RATE)) throw new TransientError('connection reset');
    const inserted = await statement();
    if (this.random.chance(LOST_REPLY_RATE)) throw new TransientError('reply lost after commit');
    return inserted;
  }
}

const event = (i: number): WriteRecord => ({
  table: random.chance(0.7) ? 'clicks' : 'views',
  row: { id: `e-${i}`, userId: `u-${random.int(1, 500)}` },
});

console.log('--- 1. one INSERT per write: writeWithRetry, 100 writes ---');
const singleDb = new FlakyDatabase();
const single = new HighVolumeWriteHandler(singleDb);
let started = now();
let failed = 0;
for (let i = 0; i < 100; i++) await single.writeWithRetry(event(i)).catch(() => (failed += 1));
const singleRate = 100 / ((now() - started) / 1000);
log(
  `${singleDb.rowCount()} rows in ${fmt(now() - started)} ms = ${fmt(singleRate)} rows/s (${single.stats.retries} retries, ${failed} failed after 3 attempts)`,
);
await single.stop();

console.log(
  `--- 2. writeAsync: ${fmt(WRITES)} writes offered at ${fmt(WRITES_PER_TICK * 100)}/s, queue of ${fmt(MAX_QUEUE_SIZE)}, batches of ${BATCH_SIZE} ---`,
);
const batchDb = new FlakyDatabase();
const handler = new HighVolumeWriteHandler(batchDb, {
  batchSize: BATCH_SIZE,
  flushIntervalMs: FLUSH_INTERVAL_MS,
  maxQueueSize: MAX_QUEUE_SIZE,
  putTimeoutMs: PUT_TIMEOUT_MS,
});
started = now();
let rejected = 0;
for (let i = 0; i < WRITES; i++) {
  const result = await handler.writeAsync(event(i));
  if (result.status === 'rejected') rejected += 1;
  if (i % WRITES_PER_TICK === WRITES_PER_TICK - 1) await sleep(10);
}
const producersMs = now() - started;
const { blocked, waitedMs, peak } = handler.queueStats;
log(`producers done after ${fmt(producersMs)} ms: ${fmt((WRITES * 1000) / producersMs)} writes/s accepted`);
log(
  `backpressure: queue peaked at ${fmt(peak)}/${fmt(MAX_QUEUE_SIZE)}; producers waited ${blocked} times, ${fmt(waitedMs)} ms in all; ${rejected} rejected`,
);
await handler.stop(); // flushes what is still queued
const elapsed = now() - started;
const { batches, bulkInserts, retries, duplicatesIgnored } = handler.stats;
const rows = batchDb.rowCount();
const rate = rows / (elapsed / 1000);
const deadLettered = handler.deadLetters.reduce((sum, d) => sum + d.rows.length, 0);
log(`${fmt(WRITES)} writes → ${batches} batches → ${bulkInserts} bulk INSERTs (${retries} of them retries)`);
log(
  `throughput: ${fmt(rows)} rows in ${fmt(elapsed)} ms = ${fmt(rate)} rows/s, ${(rate / singleRate).toFixed(0)}× one INSERT per write`,
);
log(`rows in the database: ${fmt(rows)} of ${fmt(WRITES)}, dead-lettered: ${deadLettered}`);
log(
  `a retry re-sent ${duplicatesIgnored} rows that had already committed: ON CONFLICT DO NOTHING skipped them, 0 duplicates`,
);
