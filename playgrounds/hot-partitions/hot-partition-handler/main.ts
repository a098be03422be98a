// A celebrity joins: half of all follow events are for one user, so one shard takes half the writes.
// The same traffic runs twice, without and with salting, and the shards' load is compared.
import { sleep } from '../../kit/clock';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import { DBShard, HotPartitionHandler } from './hot-partition-handler';

const SEED = 42;
const SHARDS = 10;
const SALT_PARTITIONS = 3;
const HOT_THRESHOLD = 100; // requests per 60 s window (the sample says 1000; the run is short)
const USERS = 200; // ordinary users, user-1 … user-200
const CELEBRITY = 'celebrity';
const CELEBRITY_SHARE = 0.5; // of all follow events
const FOLLOWS_PER_TICK = 50; // every 25 ms
const TICK_MS = 25;
const TICKS = 40; // 40 × 50 = 2,000 follows in 1 s
const HOT_READS = 500;

/** Runs the follow traffic through a handler; returns how many follows the celebrity got. */
async function followTraffic(handler: HotPartitionHandler): Promise<number> {
  random.reseed(SEED); // both runs see exactly the same traffic
  let celebrityFollows = 0;
  for (let tick = 0; tick < TICKS; tick++) {
    const follows = Array.from({ length: FOLLOWS_PER_TICK }, (_, i) => {
      const target = random.chance(CELEBRITY_SHARE) ? CELEBRITY : `user-${random.int(1, USERS)}`;
      if (target === CELEBRITY) celebrityFollows += 1;
      return handler.saveUserWithSalting(target, { [`follower:fan-${tick}-${i}`]: `since t=${tick * TICK_MS}` });
    });
    await Promise.all(follows);
    await sleep(TICK_MS);
  }
  return celebrityFollows;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const bar = (n: number, max: number) => '█'.repeat(Math.round((n / max) * 24)).padEnd(25);
const count = (n: number) => fmt(n).padStart(5);

const replica = new DBShard(-1);
const unsalted = new HotPartitionHandler(new Kv(), replica, {
  shards: SHARDS,
  saltPartitions: SALT_PARTITIONS,
  hotThreshold: Infinity,
}); // never hot
const redis = new Kv();
const salted = new HotPartitionHandler(redis, replica, {
  shards: SHARDS,
  saltPartitions: SALT_PARTITIONS,
  hotThreshold: HOT_THRESHOLD,
});
const home = unsalted.getShard(CELEBRITY).index;

console.log(
  `--- 1. ${fmt(FOLLOWS_PER_TICK * TICKS)} follows in ${(TICKS * TICK_MS) / 1000} s, ${CELEBRITY_SHARE * 100}% for ${CELEBRITY} (shard ${home}), no salting ---`,
);
await followTraffic(unsalted);

console.log(`--- 2. the same traffic with hot-key detection (> ${HOT_THRESHOLD} requests/min) and salting ---`);
const celebrityFollows = await followTraffic(salted);

console.log('--- 3. writes per shard: without salting | with salting ---');
const before = unsalted.dbShards.map((s) => s.writes);
const after = salted.dbShards.map((s) => s.writes);
const max = Math.max(...before, ...after);
for (let i = 0; i < SHARDS; i++)
  console.log(`shard ${i} ${bar(before[i]!, max)}${count(before[i]!)} | ${bar(after[i]!, max)}${count(after[i]!)}`);
const mean = (FOLLOWS_PER_TICK * TICKS) / SHARDS;
const busiest = (writes: number[]) =>
  `${fmt(Math.max(...writes))} writes (${(Math.max(...writes) / mean).toFixed(1)}× the mean)`;
log(`busiest shard: ${busiest(before)} → ${busiest(after)}`);

console.log('--- 4. reading a salted user merges the plain key and every salt ---');
const followers = Object.keys((await salted.getUserWithSalting(CELEBRITY)) ?? {}).length;
log(
  `${CELEBRITY}: ${fmt(followers)} followers merged from ${SALT_PARTITIONS + 1} keys (1 read became ${SALT_PARTITIONS + 1}), ${fmt(celebrityFollows)} written`,
);

console.log('--- 5. a minute later: the request window has closed, the salting decision stays ---');
await sleep(60_000);
log(
  `requests:${CELEBRITY} TTL ${await redis.ttl(`requests:${CELEBRITY}`)} (gone), salted:${CELEBRITY} = ${await redis.get(`salted:${CELEBRITY}`)}`,
);

console.log('--- 6. hot reads of the profile through handleHotPartition ---');
await replica.saveUser(CELEBRITY, { name: 'A. Celebrity' });
for (let i = 0; i < HOT_READS; i++) await salted.handleHotPartition(CELEBRITY);
log(
  `${HOT_READS} reads: ${replica.reads} from the replica, ${HOT_READS - replica.reads} from the cache (hot:${CELEBRITY}, 60 s TTL)`,
);
