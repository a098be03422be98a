import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

describe('slow-services/service-monitor', { timeout: 30_000 }, () => {
  const id = 'slow-services/service-monitor';

  it('shows percentiles per window, flags and isolates the slow service, and lets it back after recovery', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    // healthy, then p95 creeps up before anything is flagged
    expect(text).toContain(
      '5–10 s: pricing p50 35 p95 75 p99 148 ms, 20 calls, 0 timeouts, 0 failed fast | checkout p50 38 p99 148 ms',
    );
    expect(text).toContain(
      '10–15 s: pricing p50 186 p95 455 p99 1000 ms, 20 calls, 1 timeouts, 0 failed fast | checkout p50 186 p99 1000 ms',
    );
    // the moment it is flagged, then calls fail fast and checkout stays fast
    expect(lines).toContain(
      '[t=22.227s] >>> pricing flagged slow (6 slow requests in a row): circuit open, failing fast',
    );
    expect(text).toContain(
      '25–30 s: pricing p50 1000 p95 1000 p99 1000 ms, 1 calls, 1 timeouts, 19 failed fast | checkout p50 22 p99 1000 ms',
    );
    expect(lines).toContain('[t=28.250s] >>> pricing trial call took 1000 ms: still slow, stays open');
    // recovery: a fast trial closes the circuit
    expect(lines).toContain('[t=33.298s] >>> pricing trial call took 48 ms: circuit closed, back in service');
    expect(text).toContain(
      '35–40 s: pricing p50 35 p95 80 p99 110 ms, 20 calls, 0 timeouts, 0 failed fast | checkout p50 38 p99 110 ms',
    );

    expect(text).toContain(
      '180 checkouts, 50 priced from the cache while pricing was slow or isolated; 11 slow-request warnings',
    );
    expect(text).toContain('pricing calls: 137 of 180 (the open circuit spared it 43)');
    // one labelled series per service
    expect(text).toContain('http_request_errors_total{service="pricing"} 7');
    expect(text).toContain('http_request_errors_total{service="inventory"} 0');
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
