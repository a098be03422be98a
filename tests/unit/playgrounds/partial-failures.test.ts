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

describe('partial-failures/external-api', { timeout: 30_000 }, () => {
  const id = 'partial-failures/external-api';

  it('retries 5xx and timeouts with backoff, not 4xx, and opens the breaker during an outage', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    const transient = section(text, '1. transient failures');
    expect(transient).toContain(
      '  DE 2 kg: attempt 1 failed (shipping-api: 503 Service Unavailable), retry in 1011 ms',
    );
    expect(transient).toContain('DE 2 kg: €5.40 after 2 attempt(s)');
    // timeouts are retried too, and the second wait is about twice the first (1 s, 2 s, plus jitter)
    expect(transient).toContain(
      '  FR 4 kg: attempt 1 failed (shipping-api.call timed out after 5000 ms), retry in 1062 ms',
    );
    expect(transient).toContain(
      '  FR 4 kg: attempt 2 failed (shipping-api.call timed out after 5000 ms), retry in 2977 ms',
    );
    expect(transient).toContain('FR 4 kg: €9.00 after 3 attempt(s)');

    expect(section(text, '2. a client error')).toEqual([
      'external-api: permanent error 422: shipping-api: 422 cannot ship to XX',
      'XX: 422 after 1 attempt(s); breaker closed, 0 failures',
    ]);

    const outage = section(text, '3. a 90 s outage');
    expect(outage).toEqual([
      'breaker: closed → open (5 failures in a row)',
      'breaker: open → half-open (recovery timeout passed, letting one trial call through)',
      'breaker: half-open → open (trial call failed)',
      'the API is back',
      'breaker: open → half-open (recovery timeout passed, letting one trial call through)',
      'breaker: half-open → closed (trial call succeeded)',
    ]);
    expect(section(text, 'outcome')).toEqual([
      'breaker: closed → open → half-open → open → half-open → closed',
      '150 requests: 16 from the API, 93 from the cache, 31 default quotes, 10 errors (retries used up)',
      'API calls during the outage: 30 (without the breaker: 270, 3 attempts per request)',
    ]);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
