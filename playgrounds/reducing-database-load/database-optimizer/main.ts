// Taking reads off the primary without serving users their own stale data: a cache and a replica absorb
// a read-heavy run, a batch read fetches every uncached user in one query, and a fresh read after an
// update must come from the primary, not from a replica that is still behind.
import { concurrently, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { DatabaseOptimizer, DatabaseOptimizerAsWritten, type Tables } from './database-optimizer';

const SEED = 42;
const USERS = 100;
const ACTIVE_USERS = 40; // the read-heavy run only reads users 1–40
const READS_PER_TICK = 20; // concurrent requests every 100 ms
const TICKS = 15; // 15 × 20 = 300 reads
const BATCH = ['user-5', 'user-12', 'user-41', 'user-42', 'user-43', 'user-44', 'user-45', 'user-46', 'user-999'];
const REPLICA_LAG_MS = 1000;
const DB_LATENCY_MS = 5; // per query; Redis, in memory, answers in no time (latency 0)

random.reseed(SEED);
const db = new Database<Tables>({ latency: DB_LATENCY_MS, replicas: 1, replicaLagMs: REPLICA_LAG_MS });
const redis = new Kv();
await db.insertMany(
  'users',
  Array.from({ length: USERS }, (_, i) => ({
    id: `user-${i + 1}`,
    name: `User ${i + 1}`,
    email: `user${i + 1}@example.com`,
  })),
);
await db.update('users', 'user-7', { name: 'Ada Lovelace' });
await db.update('users', 'user-8', { name: 'Grace Murray' });
await sleep(REPLICA_LAG_MS); // let the replica catch up

const optimizer = new DatabaseOptimizer(redis, db, db.replica());
let last = { primary: db.stats.primary, replica: db.stats.replica };
const queriesSinceLast = () => {
  const delta = `replica ${db.stats.replica - last.replica}, primary ${db.stats.primary - last.primary}`;
  last = { primary: db.stats.primary, replica: db.stats.replica };
  return delta;
};

console.log(`--- 1. a read-heavy run: ${READS_PER_TICK * TICKS} getUser calls over ${ACTIVE_USERS} users ---`);
for (let tick = 0; tick < TICKS; tick++) {
  await concurrently(READS_PER_TICK, () => optimizer.getUser(`user-${random.int(1, ACTIVE_USERS)}`));
  await sleep(100);
}
const { hits, misses } = optimizer.stats;
log(`cache hit ratio ${((100 * hits) / (hits + misses)).toFixed(1)}% (${hits} hits, ${misses} misses)`);
log(`queries: ${queriesSinceLast()}`);

console.log(`--- 2. batchGetUsers for ${BATCH.length} ids, one of which does not exist ---`);
const before = { ...optimizer.stats };
const users = await optimizer.batchGetUsers(BATCH);
const cacheHits = optimizer.stats.hits - before.hits;
const cacheMisses = optimizer.stats.misses - before.misses;
log(`cache: ${cacheHits} hits, ${cacheMisses} misses → queries: ${queriesSinceLast()} (one WHERE id = ANY(…))`);
const missing = users.at(-1);
log(
  `found ${users.filter(Boolean).length} of ${BATCH.length}; user-999 → ${missing === undefined ? 'undefined' : missing.name} (no KeyError)`,
);
await redis.del(...BATCH.map((id) => `user:${id}`));
for (const id of BATCH) await optimizer.getUser(id);
log(`the same ${BATCH.length} ids one by one, cache cleared: ${queriesSinceLast()}`);

console.log(`--- 3. read-your-writes: users rename themselves, replica ${REPLICA_LAG_MS} ms behind ---`);
const asWritten = new DatabaseOptimizerAsWritten(redis, db, db.replica());
await asWritten.getUser('user-7'); // her profile is in the cache
await asWritten.updateUser('user-7', { name: 'Ada King' });
log(
  `as written (requireFresh still reads the replica): user-7 → "Ada King", she sees "${(await asWritten.getUser('user-7'))?.name}"`,
);
await optimizer.getUser('user-8');
await optimizer.updateUser('user-8', { name: 'Grace Hopper' });
log(
  `fixed (requireFresh reads the primary): user-8 → "Grace Hopper", she sees "${(await optimizer.getUser('user-8'))?.name}"`,
);
await sleep(60_000);
log(
  `a minute later, replica long caught up: user-7 still sees "${(await asWritten.getUser('user-7'))?.name}" (cached for 300 s)`,
);
log(`user-8 sees "${(await optimizer.getUser('user-8'))?.name}"; queries in step 3: ${queriesSinceLast()}`);
