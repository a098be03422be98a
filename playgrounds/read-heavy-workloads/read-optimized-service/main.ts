// A product catalogue under read-heavy traffic: Redis absorbs the reads, a replica answers the misses,
// and the primary only takes writes. Then an update, where a lagging replica decides what gets cached.
import { concurrently, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { ReadOptimizedService, ReadOptimizedServiceAsWritten, type Tables } from './read-optimized-service';

const SEED = 42;
const PRODUCTS = 20;
const HOT_PRODUCTS = 4; // best sellers…
const HOT_SHARE = 0.8; // …that get 80% of the reads
const READS_PER_TICK = 20; // concurrent requests every 100 ms
const TICKS = 30; // 30 × 20 = 600 reads in 3 s
const REPLICA_LAG_MS = 1000;
const CACHE_TTL_SECONDS = 3600;
const DB_LATENCY_MS = 5; // per query; Redis, in memory, answers in no time (latency 0)

random.reseed(SEED);
const db = new Database<Tables>({ latency: DB_LATENCY_MS, replicas: 1, replicaLagMs: REPLICA_LAG_MS });
const redis = new Kv();
await db.insertMany(
  'products',
  Array.from({ length: PRODUCTS }, (_, i) => ({ id: `p-${i + 1}`, name: `Product ${i + 1}`, price: 19.99 })),
);
await sleep(REPLICA_LAG_MS); // let the replica catch up with the catalogue

const queries = () => ({ primary: db.stats.primary, replica: db.stats.replica });
const before = queries();
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

console.log(
  `--- 1. ${READS_PER_TICK * TICKS} reads of ${PRODUCTS} products, ${HOT_SHARE * 100}% on ${HOT_PRODUCTS} of them ---`,
);
const service = new ReadOptimizedService(redis, db.replica(), db, CACHE_TTL_SECONDS);
const requested = new Set<number>();
for (let tick = 0; tick < TICKS; tick++) {
  await concurrently(READS_PER_TICK, () => {
    const n = random.chance(HOT_SHARE) ? random.int(1, HOT_PRODUCTS) : random.int(HOT_PRODUCTS + 1, PRODUCTS);
    requested.add(n);
    return service.getProduct(`p-${n}`);
  });
  await sleep(100);
}
const { hits, misses } = service.stats;
log(`cache hit ratio: ${percent(hits, hits + misses)} (${hits} hits, ${misses} misses)`);
log(
  `queries: replica ${db.stats.replica - before.replica} (${READS_PER_TICK * TICKS} without the cache), primary ${db.stats.primary - before.primary}`,
);
log(`(${misses - requested.size} more misses than products read: concurrent requests for a cold product all miss)`);

console.log(
  `--- 2. the sample's update: UPDATE on the primary, then DEL the key (replica ${REPLICA_LAG_MS} ms behind) ---`,
);
const asWritten = new ReadOptimizedServiceAsWritten(redis, db.replica(), db, CACHE_TTL_SECONDS);
await asWritten.updateProduct('p-1', { price: 24.99 });
log(`primary says p-1 costs ${(await db.get('products', 'p-1'))?.price}`);
log(
  `next read: ${(await asWritten.getProduct('p-1'))?.price} (the miss read the lagging replica and cached its old row)`,
);
await sleep(5000);
log(
  `5 s later, replica long caught up: ${(await asWritten.getProduct('p-1'))?.price} (stale from the cache for up to ${CACHE_TTL_SECONDS} s)`,
);

console.log('--- 3. the fix: after the write, refill the cache from the primary ---');
await service.updateProduct('p-2', { price: 24.99 });
log(`next read: ${(await service.getProduct('p-2'))?.price} (read-your-writes, straight from the cache)`);
await sleep(5000);
log(`5 s later: ${(await service.getProduct('p-2'))?.price}`);
log(
  `queries in total: primary ${db.stats.primary - before.primary} (2 updates, 1 check, 1 refill), replica ${db.stats.replica - before.replica}`,
);
