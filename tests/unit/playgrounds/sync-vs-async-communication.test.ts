import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** Each virtual timer costs about a millisecond in Node; leave room on a busy machine. */
const SLOW = { timeout: 30_000 };

describe('sync-vs-async-communication/burst', () => {
  const id = 'sync-vs-async-communication/burst';

  it(
    'limits the synchronous chain to the slowest service, and lets the queue accept at once and drain later',
    SLOW,
    async () => {
      const { status, lines } = await runPlayground(id);
      expect(status).toBe('ok');
      expect(lines).toEqual([
        '--- synchronous: 60 callers wait for storage and the resizer ---',
        "throughput is the slowest hop's: 4 resizes at a time × 200 ms = 20/s",
        '40 answered "resized": p50=0.978s p99=1.938s',
        '20 gave up after 2.000s not knowing the outcome; the resizer resized 60 anyway',
        '--- asynchronous: 202 Accepted, a queue, 4 workers ---',
        '60 answered "202 Accepted, job id": p50=1 ms p99=1 ms',
        'jobs waiting in the queue: 0.500s 48 | 1.000s 40 | 1.500s 28 | 2.000s 20 | 2.500s 12 | 3.000s 0',
        '60 resized: p50=1.633s p99=3.054s after the request (still 20/s)',
        'callers learned it by polling (192 GETs): p50=2.004s p99=4.006s',
        '--- what the caller knows, when ---',
        '(index) | first answer p99 | it says | result known p99 | never knew',
        "synchronous | '2.000s' | 'resized (or nothing)' | '1.938s' | 20",
        "asynchronous | '1 ms' | 'accepted, job id' | '4.006s' | 0",
      ]);
    },
  );

  it('prints the same thing every run', SLOW, async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
