// Users change their plans while every change is audited. With logAsync the request doesn't wait for the
// audit database, and events reach it in batches; then the process crashes. The same run with logSync
// is slower per request but loses nothing.
import { now, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { log } from '../../kit/log';
import { Histogram } from '../../kit/metrics';
import { random } from '../../kit/random';
import { AuditableService, AuditLogger, type AppTables, type AuditTables } from './audit-logger';

const SEED = 42;
const USERS = 20;
const REQUEST_EVERY_MS = 50; // one update every 50 ms…
const UPDATES_BEFORE_CRASH = 55; // …and the process dies after the 55th
const BATCH_SIZE = 100;
const FLUSH_INTERVAL_MS = 1000; // the sample's 5 s, shortened for the demo
const DB_LATENCY_MS = 2; // main database, per statement
const AUDIT_DB_LATENCY_MS = 3; // separate audit database, per statement

async function run(mode: 'async' | 'sync'): Promise<void> {
  random.reseed(SEED); // both runs make the same changes
  const db = new Database<AppTables>({ name: 'main', latency: DB_LATENCY_MS });
  const auditDb = new Database<AuditTables>({ name: 'audit', latency: AUDIT_DB_LATENCY_MS });
  await db.insertMany(
    'users',
    Array.from({ length: USERS }, (_, i) => ({
      id: `u-${i + 1}`,
      name: `User ${i + 1}`,
      email: `u${i + 1}@example.com`,
      plan: 'free',
    })),
  );
  const audit = new AuditLogger(auditDb, { batchSize: BATCH_SIZE, flushIntervalMs: FLUSH_INTERVAL_MS });
  const service = new AuditableService(db, audit, mode);
  const requestMs = new Histogram();
  const started = now();

  for (let i = 1; i <= UPDATES_BEFORE_CRASH; i++) {
    const plan = random.pick(['free', 'pro', 'team']);
    await requestMs.time(() => service.updateUser(`u-${random.int(1, USERS)}`, { plan }, 'admin-7'));
    if (i < UPDATES_BEFORE_CRASH) await sleep(REQUEST_EVERY_MS - ((now() - started) % REQUEST_EVERY_MS));
  }
  const buffered = audit.buffered;
  audit.crash();
  const rows = auditDb.peek('audit_logs').length;
  const inserts = auditDb.stats.insert;
  log(`crash after ${UPDATES_BEFORE_CRASH} committed updates (${buffered} audit events were still in memory)`);
  log(
    `audit_logs: ${rows} rows written by ${inserts} INSERT${inserts === 1 ? '' : 's'}; lost: ${UPDATES_BEFORE_CRASH - rows} events`,
  );
  log(`request latency: p50 ${requestMs.p50} ms, max ${requestMs.max} ms`);
}

console.log(
  `--- 1. logAsync: batches of up to ${BATCH_SIZE}, flushed ${FLUSH_INTERVAL_MS} ms after the first buffered event ---`,
);
await run('async');
console.log('--- 2. logSync: the request waits for its audit row ---');
await run('sync');
