import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const ID = 'read-heavy-workloads/read-optimized-service';
const SLOW = { timeout: 30_000 }; // a few hundred virtual timers, each a real macrotask in Node

describe(ID, () => {
  it('counts hits and replica queries, and shows the stale refill next to the primary refill', SLOW, async () => {
    const first = await runPlayground(ID);
    expect(first.status).toBe('ok');
    const text = first.lines.join('\n');
    expect(text).toContain('cache hit ratio: 94.5% (567 hits, 33 misses)');
    expect(text).toContain('queries: replica 33 (600 without the cache), primary 0');
    // As written: the refill after DEL reads the lagging replica and caches the old price for the TTL.
    expect(text).toContain('[t=4.060s] primary says p-1 costs 24.99');
    expect(text).toContain('[t=4.065s] next read: 19.99 (the miss read the lagging replica');
    expect(text).toContain('[t=9.065s] 5 s later, replica long caught up: 19.99');
    // Fixed: the cache is refilled from the primary.
    expect(text).toContain('[t=9.075s] next read: 24.99 (read-your-writes');
    expect(text).toContain('[t=14.075s] 5 s later: 24.99');
    expect(text).toContain('queries in total: primary 4 (2 updates, 1 check, 1 refill), replica 34');
    expect(first.lines.length).toBeLessThanOrEqual(60);

    const second = await runPlayground(ID);
    expect(second.lines).toEqual(first.lines);
  });
});
