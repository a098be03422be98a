import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const ID = 'reducing-database-load/database-optimizer';
const SLOW = { timeout: 30_000 }; // a few hundred virtual timers, each a real macrotask in Node

describe(ID, () => {
  it(
    'takes reads off the primary, batches a read into one query, and reads fresh data from the primary',
    SLOW,
    async () => {
      const first = await runPlayground(ID);
      expect(first.status).toBe('ok');
      const text = first.lines.join('\n');
      expect(text).toContain('cache hit ratio 81.3% (244 hits, 56 misses)');
      expect(text).toContain('queries: replica 56, primary 0');
      // One query for every uncached id of the batch, a missing id gives undefined.
      expect(text).toContain('cache: 2 hits, 7 misses → queries: replica 1, primary 0');
      expect(text).toContain('found 8 of 9; user-999 → undefined (no KeyError)');
      expect(text).toContain('the same 9 ids one by one, cache cleared: replica 9, primary 0');
      // Read-your-writes: the seed's fresh read hits the lagging replica, the fix reads the primary.
      expect(text).toContain(
        'as written (requireFresh still reads the replica): user-7 → "Ada King", she sees "Ada Lovelace"',
      );
      expect(text).toContain(
        'fixed (requireFresh reads the primary): user-8 → "Grace Hopper", she sees "Grace Hopper"',
      );
      expect(text).toContain('[t=62.620s] a minute later, replica long caught up: user-7 still sees "Ada Lovelace"');
      expect(text).toContain('user-8 sees "Grace Hopper"; queries in step 3: replica 1, primary 3');
      expect(first.lines.length).toBeLessThanOrEqual(60);

      const second = await runPlayground(ID);
      expect(second.lines).toEqual(first.lines);
    },
  );
});
