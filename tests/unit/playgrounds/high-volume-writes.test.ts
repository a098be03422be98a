import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

const ID = 'high-volume-writes/high-volume-write-handler';
const SLOW = { timeout: 30_000 };

describe(ID, () => {
  it(
    'turns thousands of writes into a few bulk inserts, pushes back on producers and retries idempotently',
    SLOW,
    async () => {
      const first = await runPlayground(ID);
      expect(first.status).toBe('ok');
      const text = first.lines.join('\n');
      expect(text).toContain('100 rows in 1,682 ms = 59 rows/s (12 retries, 0 failed after 3 attempts)');
      // Backpressure: the queue fills up and holds the producer back instead of growing.
      expect(text).toContain('producers done after 1,128 ms: 2,660 writes/s accepted');
      expect(text).toContain(
        'backpressure: queue peaked at 1,000/1,000; producers waited 3 times, 828 ms in all; 0 rejected',
      );
      // Transient failures retry with backoff, one of them after the insert had committed.
      expect(text).toContain(
        '[t=1.913s] bulk insert of 372 rows into clicks failed (reply lost after commit): retry 1 in 67 ms',
      );
      expect(text).toContain(
        '[t=3.356s] bulk insert of 141 rows into views failed (connection reset): retry 1 in 94 ms',
      );
      expect(text).toContain('3,000 writes → 6 batches → 14 bulk INSERTs (2 of them retries)');
      expect(text).toContain('throughput: 3,000 rows in 2,028 ms = 1,480 rows/s, 25× one INSERT per write');
      expect(text).toContain('rows in the database: 3,000 of 3,000, dead-lettered: 0');
      expect(text).toContain(
        'a retry re-sent 372 rows that had already committed: ON CONFLICT DO NOTHING skipped them, 0 duplicates',
      );
      expect(first.lines.length).toBeLessThanOrEqual(60);

      const second = await runPlayground(ID);
      expect(second.lines).toEqual(first.lines);
    },
  );

  it('rejects writes instead of waiting when the put timeout is short', SLOW, async () => {
    const file = '/high-volume-writes/high-volume-write-handler/main.ts';
    const main = playgroundSources()[file]!.replace('const PUT_TIMEOUT_MS = 1000;', 'const PUT_TIMEOUT_MS = 100;');
    const { status, lines } = await runPlayground(ID, { [file]: main });
    expect(status).toBe('ok');
    const backpressure = lines.find((l) => l.includes('backpressure:'))!;
    const rejected = Number(/; (\d+) rejected$/.exec(backpressure)![1]);
    expect(rejected).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain(`rows in the database: ${(3000 - rejected).toLocaleString('en-US')} of 3,000`);
  });
});
