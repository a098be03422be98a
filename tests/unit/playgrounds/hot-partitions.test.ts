import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const ID = 'hot-partitions/hot-partition-handler';
const SLOW = { timeout: 30_000 };

describe(ID, () => {
  it(
    'spreads the celebrity over salted shards, detects the hot key once and reads every follower back',
    SLOW,
    async () => {
      const first = await runPlayground(ID);
      expect(first.status).toBe('ok');
      const text = first.lines.join('\n');
      expect(text).toContain('--- 1. 2,000 follows in 1 s, 50% for celebrity (shard 4), no salting ---');
      // Detected once, right after crossing the threshold, and placed on three other shards.
      expect(first.lines.filter((l) => l.includes('hot key:'))).toEqual([
        '[t=1.075s] hot key: celebrity made 101 requests in the window → salted: celebrity:0 → shard 2, celebrity:1 → shard 1, celebrity:2 → shard 0',
      ]);
      // The histogram: the celebrity's shard before, the salt shards after.
      const shard = (i: number) => first.lines.find((l) => l.startsWith(`shard ${i} `))!;
      expect(shard(4)).toMatch(/^shard 4 █{24} 1,102 \| █{4} +170$/);
      expect(shard(0)).toMatch(/ 123 \| █{10} +458$/);
      expect(shard(7)).toMatch(/ 87 \| █{2} +87$/);
      expect(text).toContain('busiest shard: 1,102 writes (5.5× the mean) → 458 writes (2.3× the mean)');
      expect(text).toContain('celebrity: 1,009 followers merged from 4 keys (1 read became 4), 1,009 written');
      expect(text).toContain('requests:celebrity TTL -2 (gone), salted:celebrity = 1');
      expect(text).toContain('500 reads: 1 from the replica, 499 from the cache');
      expect(first.lines.length).toBeLessThanOrEqual(60);

      const second = await runPlayground(ID);
      expect(second.lines).toEqual(first.lines);
    },
  );
});
