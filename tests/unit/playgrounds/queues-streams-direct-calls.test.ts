import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** Each virtual timer costs about a millisecond in Node; leave room on a busy machine. */
const SLOW = { timeout: 30_000 };

describe('queues-streams-direct-calls/queue-vs-stream', () => {
  const id = 'queues-streams-direct-calls/queue-vs-stream';

  it('hands each queue message to one worker, and every event to every stream group, with replay', SLOW, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    expect(lines).toEqual([
      '--- queue: 18 email jobs, 3 competing workers ---',
      "all sent in 0.300s (one worker: 0.900s); per worker: { 'worker-1': 6, 'worker-2': 6, 'worker-3': 6 }",
      '18 of 18 messages handled exactly once (acked: 18)',
      'a consumer that starts now receives: nothing (acked messages are deleted: no replay)',
      '--- stream: the same 18 events, 3 partitions keyed by order ---',
      'events per partition: [ 6, 6, 6 ]',
      'analytics-1 (partitions 0, 2) read 12 events',
      'analytics-2 (partition 1) read 6 events',
      'analytics: 18 of 18 events, each order in lifecycle order: true, lag 0',
      'recommendations: 18 of 18 events, each order in lifecycle order: true, lag 0',
      '--- replay ---',
      'recommendations rewinds partition 0 to offset 1: 5 events again (order-4 placed, order-3 paid, order-4 paid, order-3 shipped, order-4 shipped)',
      'a new audit group reads 18 events: reading deleted nothing (18 still in the log)',
    ]);
  });

  it('prints the same thing every run', SLOW, async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
