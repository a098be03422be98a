import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

/** Each virtual timer costs about a millisecond in Node; leave room on a busy machine. */
const SLOW = { timeout: 30_000 };

describe('vertical-vs-horizontal-scaling/autoscaling', () => {
  const id = 'vertical-vs-horizontal-scaling/autoscaling';

  it('compares cost, utilisation, headroom and one instance failure for scale up and scale out', SLOW, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    expect(lines).toEqual([
      '--- one day: 90 to 1300 requests/s, one instance failure at 19:00 ---',
      '--- vertical: one 8x instance (1600 req/s, $0.80/h) ---',
      '19:00 the only instance fails: every request fails for 15 min until it is replaced',
      '19:15 back up',
      'failed requests: 1,147,500 of 59,873,400 (1.92%)',
      '--- horizontal: small instances (200 req/s, $0.10/h each) behind a load balancer ---',
      '19:00 one of 9 instances fails: capacity 1800 → 1600 req/s until the autoscaler replaces it',
      '19:00 autoscaler launches a replacement: ready in 4 min',
      'the autoscaler ran 2 to 9 instances, scaling out 9 times',
      'failed requests: 0 of 59,873,400 (0.00%)',
      '--- compare ---',
      '(index) | $ per day | avg utilisation | min headroom | failed requests',
      "vertical | 19.2 | '43%' | '19%' | '1,147,500'",
      "horizontal | 13.24 | '59%' | '19%' | '0'",
    ]);
  });

  it('makes scale up the cheaper option at low, flat traffic', SLOW, async () => {
    const main = playgroundSources()[`/${id}/main.ts`]!;
    const edited = main.replace(
      /^const LOAD_BY_HOUR = \[[^\]]*\];$/m,
      'const LOAD_BY_HOUR = Array.from({ length: 24 }, () => 100);',
    );
    expect(edited).not.toBe(main);
    const { status, lines } = await runPlayground(id, { [`/${id}/main.ts`]: edited });
    expect(status).toBe('ok');
    expect(lines).toContain('--- vertical: one 1x instance (200 req/s, $0.10/h) ---');
    expect(lines.slice(-2)).toEqual([
      "vertical | 2.4 | '50%' | '50%' | '90,000'",
      "horizontal | 5.4 | '25%' | '50%' | '0'",
    ]);
  });

  it('prints the same thing every run', SLOW, async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
