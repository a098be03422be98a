import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** The lines between the heading that starts with `heading` and the next heading. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`--- ${heading}`));
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('--- '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('caching-layers/cache-manager', { timeout: 30_000 }, () => {
  const id = 'caching-layers/cache-manager';

  it('stops the herd with a lock, counts L1/L2 hits, invalidates, and serves stale while refreshing', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');

    expect(section(lines, '1. a cold key')).toEqual([
      'no lock (plain cache-aside)                   : 50 database queries',
      'lock, waiters give up after 100 ms (the seed) : 50 database queries',
      'lock, waiters poll until the value appears    : 1 database query',
      '  (1 request fetched, 49 waited for it)',
    ]);
    expect(section(lines, '2. 90 reads')).toEqual([
      '(index) | L1 hits | L2 hits | DB queries',
      'A | 30 | 3 | 0',
      'B | 25 | 1 | 2',
      'C | 26 | 2 | 1',
      '90 reads, 3 database queries',
    ]);
    const invalidation = section(lines, '3. the grinder drops to 45');
    expect(invalidation).toContain('before: A 49 from its L1, B 49 from its L1, C 49 from its L1');
    expect(invalidation).toContain('after:  A 45 from the database, B 45 from Redis, C 49 from its L1');
    expect(section(lines, '4. 300 s later')).toEqual([
      '49 served the stale price 45 in 0 ms; 1 refreshed it to 42 in 150 ms (1 query)',
      "next read: 42, fresh again, from B's L1",
    ]);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
