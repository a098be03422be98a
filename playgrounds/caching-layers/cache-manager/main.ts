// The corrected CacheManager: app instances with an L1 each, sharing Redis (L2) in front of a slow
// database. A cold hot key hit by a crowd, L1/L2 hit counts, an invalidation, and an expired key
// served stale while one request refreshes it. Change the numbers and press Run.
import { concurrently, now, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { Kv } from '../../kit/kv';
import { random } from '../../kit/random';
import { CacheManager, InvalidationBus } from './cache-manager';

const CONCURRENT_REQUESTS = 50; // all asking for the same cold key at once
const DB_LATENCY_MS = 150; // a slow query: longer than the seed's single 100 ms wait
const REDIS_LATENCY_MS = 0; // well under a millisecond; the races below happen anyway
const TTL_S = 300; // fresh for 5 minutes…
const STALE_TTL_S = 600; // …kept in Redis for 10, to serve while refreshing
const READS = 90; // part 2: reads spread over three instances…
const SEED = 42; // …picked at random: which instance, which product

random.reseed(SEED);

interface Product {
  readonly id: string;
  readonly name: string;
  readonly price: number;
}
const db = new Database<{ products: Product }>({ latency: DB_LATENCY_MS });
for (const [id, name, price] of [
  ['p-1', 'grinder', 49],
  ['p-2', 'kettle', 35],
  ['p-3', 'scale', 19],
] as const) {
  await db.insert('products', { id, name, price });
}
const loadProduct = (id: string) => async (): Promise<Product> => {
  const product = await db.get('products', id);
  if (!product) throw new Error(`no product ${id}`);
  return product;
};
const queries = () => db.stats.select;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Plain cache-aside without a lock: every request that misses goes to the database. */
async function getWithoutLock<T>(redis: Kv, key: string, fetch: () => Promise<T>): Promise<T> {
  const cached = await redis.get(key);
  if (cached !== null) return JSON.parse(cached) as T;
  const data = await fetch();
  await redis.setex(key, STALE_TTL_S, JSON.stringify(data));
  return data;
}

console.log(`--- 1. a cold key, ${CONCURRENT_REQUESTS} concurrent requests, a ${DB_LATENCY_MS} ms query ---`);
const herd = async (label: string, get: () => Promise<Product>) => {
  const before = queries();
  await concurrently(CONCURRENT_REQUESTS, get);
  console.log(`${label.padEnd(46)}: ${plural(queries() - before, 'database query', 'database queries')}`);
};
const naiveRedis = new Kv({ latency: REDIS_LATENCY_MS });
await herd('no lock (plain cache-aside)', () => getWithoutLock(naiveRedis, 'product:p-1', loadProduct('p-1')));
const seedLike = new CacheManager(new Kv({ latency: REDIS_LATENCY_MS }), { lockWaitMs: 100 });
await herd('lock, waiters give up after 100 ms (the seed)', () =>
  seedLike.getWithFallback('product:p-1', loadProduct('p-1'), TTL_S, STALE_TTL_S),
);
const locked = new CacheManager(new Kv({ latency: REDIS_LATENCY_MS }));
await herd('lock, waiters poll until the value appears', () =>
  locked.getWithFallback('product:p-1', loadProduct('p-1'), TTL_S, STALE_TTL_S),
);
console.log(`  (${locked.stats.fetches} request fetched, ${locked.stats.waited} waited for it)`);

console.log(`--- 2. ${READS} reads over three instances sharing Redis ---`);
const redis = new Kv({ latency: REDIS_LATENCY_MS });
const bus = new InvalidationBus();
const a = new CacheManager(redis, { name: 'A', bus });
const b = new CacheManager(redis, { name: 'B', bus });
const c = new CacheManager(redis, { name: 'C' }); // not subscribed to invalidations, like the seed
const instances = { A: a, B: b, C: c };
const before = queries();
for (let i = 0; i < READS; i++) {
  const id = random.pick(['p-1', 'p-2', 'p-3']);
  await random.pick(Object.values(instances)).getWithFallback(`product:${id}`, loadProduct(id), TTL_S, STALE_TTL_S);
}
console.table(
  Object.fromEntries(
    Object.entries(instances).map(([name, i]) => [
      name,
      { 'L1 hits': i.stats.l1Hits, 'L2 hits': i.stats.l2Hits, 'DB queries': i.stats.fetches },
    ]),
  ),
);
console.log(`${READS} reads, ${plural(queries() - before, 'database query', 'database queries')}`);

console.log('--- 3. the grinder drops to 45: update the database, then invalidate ---');
/** Reads the grinder on every instance and says where each answer came from. */
const readEverywhere = async () => {
  const seen: string[] = [];
  for (const [name, instance] of Object.entries(instances)) {
    const { l1Hits, l2Hits } = instance.stats;
    const { price } = await instance.getWithFallback('product:p-1', loadProduct('p-1'), TTL_S, STALE_TTL_S);
    const from = instance.stats.l1Hits > l1Hits ? 'its L1' : instance.stats.l2Hits > l2Hits ? 'Redis' : 'the database';
    seen.push(`${name} ${price} from ${from}`);
  }
  return seen.join(', ');
};
console.log(`before: ${await readEverywhere()}`);
await db.update('products', 'p-1', { price: 45 });
await a.invalidate('product:p-1'); // deletes the Redis key, A's L1 entry, and broadcasts to B (C is not listening)
console.log(`after:  ${await readEverywhere()}`);
console.log('C is not subscribed (as no instance was in the seed): it serves the old price until its L1 copy expires');

console.log(`--- 4. ${TTL_S} s later the key is stale; ${CONCURRENT_REQUESTS} requests arrive at once ---`);
await sleep(TTL_S * 1000);
await db.update('products', 'p-1', { price: 42 }); // changed behind the cache's back
const staleBefore = b.stats.staleServed;
const queriesBefore = queries();
const answers = await concurrently(CONCURRENT_REQUESTS, async () => {
  const started = now();
  const { price } = await b.getWithFallback('product:p-1', loadProduct('p-1'), TTL_S, STALE_TTL_S);
  return { price, ms: now() - started };
});
const stale = answers.filter((x) => x.price === 45);
const refreshed = answers.filter((x) => x.price === 42);
console.log(
  `${b.stats.staleServed - staleBefore} served the stale price 45 in ${Math.max(...stale.map((x) => x.ms))} ms; ${refreshed.length} refreshed it to 42 in ${refreshed[0]?.ms} ms (${plural(queries() - queriesBefore, 'query', 'queries')})`,
);
const l1Before = b.stats.l1Hits;
const next = await b.getWithFallback('product:p-1', loadProduct('p-1'), TTL_S, STALE_TTL_S);
console.log(`next read: ${next.price}${b.stats.l1Hits > l1Before ? ", fresh again, from B's L1" : ''}`);
