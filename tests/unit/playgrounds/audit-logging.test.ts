import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const ID = 'audit-logging/audit-logger';
const SLOW = { timeout: 30_000 };

describe(ID, () => {
  it('writes async audit events in batches, loses the buffered ones in a crash, and loses none when synchronous', SLOW, async () => {
    const first = await runPlayground(ID);
    expect(first.status).toBe('ok');
    expect(first.lines).toEqual([
      '--- 1. logAsync: batches of up to 100, flushed 1000 ms after the first buffered event ---',
      '[t=1.011s] audit: flushed 20 events in one INSERT',
      '[t=2.014s] audit: flushed 21 events in one INSERT',
      '[t=2.708s] crash after 55 committed updates (14 audit events were still in memory)',
      '[t=2.708s] audit_logs: 41 rows written by 2 INSERTs; lost: 14 events',
      '[t=2.708s] request latency: p50 6 ms, max 6 ms',
      '--- 2. logSync: the request waits for its audit row ---',
      '[t=5.419s] crash after 55 committed updates (0 audit events were still in memory)',
      '[t=5.419s] audit_logs: 55 rows written by 55 INSERTs; lost: 0 events',
      '[t=5.419s] request latency: p50 9 ms, max 9 ms',
    ]);

    const second = await runPlayground(ID);
    expect(second.lines).toEqual(first.lines);
  });
});
