import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** Each virtual timer costs about a millisecond in Node; leave room on a busy machine. */
const SLOW = { timeout: 30_000 };

describe('accidental-complexity/network-hops', () => {
  const id = 'accidental-complexity/network-hops';

  it('shows p99 latency and failures compounding with every network hop', SLOW, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    expect(lines).toContain('200 quotes: p50=0 ms p99=0 ms, 0 failed');
    const table = lines.slice(lines.indexOf('(index) | p50 ms | p99 ms | failed % | expected %') + 1).slice(0, 5);
    expect(table).toEqual([
      '1 hop | 6 | 61 | 1.5 | 1',
      '2 hops | 13 | 114 | 3 | 2',
      '3 hops | 20 | 120 | 4.5 | 3',
      '4 hops | 27 | 132 | 5 | 3.9',
      '5 hops | 35 | 151 | 6 | 4.9',
    ]);
    // Each extra hop can only add latency and failures.
    const columns = table.map((row) => row.split(' | ').slice(1).map(Number));
    for (let k = 1; k < columns.length; k++) {
      for (const c of [0, 1, 2, 3]) expect(columns[k]![c]!).toBeGreaterThanOrEqual(columns[k - 1]![c]!);
    }
    expect(lines).toContain(
      "4.9% of requests meet some hop's slowest 1% (1-0.99^5): chain p99 151 ms vs a hop's 50 ms",
    );
    expect(lines).toContain('188 of 200 network quotes arrived, each equal to its in-process quote');
    expect(lines).toContain(
      'p99 0 ms → 151 ms, failures 0 → 12 of 200: the same answer, with complexity the problem never asked for',
    );
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', SLOW, async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
