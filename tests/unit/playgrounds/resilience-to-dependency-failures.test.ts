import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

/** The lines between the heading that starts with `heading` and the next heading. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`--- ${heading}`));
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('--- '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('resilience-to-dependency-failures/resilient-external-service', { timeout: 30_000 }, () => {
  const id = 'resilience-to-dependency-failures/resilient-external-service';

  it('retries under one idempotency key, skips 4xx, and serves stale or fallback data during an outage', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    const flaky = section(text, '1. a flaky provider');
    expect(flaky).toContain('  attempt 1 failed (rates-api: 503 Service Unavailable), retry in 1199 ms');
    expect(flaky).toContain('EUR→USD 1.0832 (as of t=1.379s) after 2 attempt(s)');
    // a lost response: the retry carries the same key, so the provider returns its first answer
    expect(flaky).toContain('  attempt 1 failed (rates-api.call timed out after 5000 ms), retry in 1851 ms');
    expect(flaky).toContain('EUR→GBP 0.8571 (as of t=1.552s) after 2 attempt(s)');
    expect(flaky.at(-1)).toBe(
      'provider: 7 requests handled, 2 recognised as retries by their key: 5 conversions billed, not 7',
    );

    expect(section(text, '2. a client error')).toEqual([
      'EUR→XXX: no rate after 1 attempt(s); breaker closed, 0 failures',
    ]);

    expect(section(text, '3. ten minutes later')).toEqual([
      'breaker: closed → open (5 failures in a row)',
      'breaker: open → half-open (recovery timeout passed, letting one trial call through)',
      'breaker: half-open → open (trial call failed)',
      'the provider is back',
      'breaker: open → half-open (recovery timeout passed, letting one trial call through)',
      'breaker: half-open → closed (trial call succeeded)',
    ]);
    expect(section(text, 'outcome')).toEqual([
      'breaker: closed → open → half-open → open → half-open → closed',
      '90 requests, all answered: 2 live, 18 fresh from the cache, 35 stale, 35 reference rate',
      'during the outage callers got: EUR→USD 1.0832 (as of t=1.379s) | EUR→SEK 11.4 (as of yesterday)',
      'rates-api calls during the outage: 24 (without the breaker: 180)',
    ]);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
