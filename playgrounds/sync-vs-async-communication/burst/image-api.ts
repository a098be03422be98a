/**
 * POST /images/resize two ways. The work is the same (read the original from storage, resize it);
 * what differs is what the caller waits for and what it knows when the answer comes.
 */
import { now, TimeoutError } from '../../kit/clock';
import type { Kv } from '../../kit/kv';
import type { Consumer, Queue } from '../../kit/queue';
import type { Service } from '../../kit/service';

export interface Backends {
  /** Fetches the original image. */
  readonly storage: Service<string, string>;
  /** The slowest service in the chain: a few resizes at a time. */
  readonly resizer: Service<string, string>;
}

export type SyncOutcome =
  | { readonly kind: 'resized'; readonly url: string; readonly latencyMs: number }
  | { readonly kind: 'timed out'; readonly latencyMs: number };

/** Synchronous: the caller holds the request open until every hop has answered, or gives up. */
export async function resizeSync(backends: Backends, imageId: string, clientTimeoutMs: number): Promise<SyncOutcome> {
  const started = now();
  const deadline = started + clientTimeoutMs;
  try {
    const original = await backends.storage.call(imageId, { timeoutMs: clientTimeoutMs });
    const url = await backends.resizer.call(original, { timeoutMs: Math.max(1, deadline - now()) });
    return { kind: 'resized', url, latencyMs: now() - started };
  } catch (error) {
    // The caller gave up; the resizer still has the request and will do the work anyway.
    if (error instanceof TimeoutError) return { kind: 'timed out', latencyMs: now() - started };
    throw error;
  }
}

export type JobStatus = 'pending' | 'done';

/** Asynchronous: save a pending job, enqueue it and answer 202 Accepted with its id; workers do the rest. */
export class ResizeJobs {
  constructor(
    private readonly queue: Queue<{ jobId: string; imageId: string }>,
    private readonly store: Kv,
  ) {}

  async accept(imageId: string): Promise<{ status: 202; jobId: string }> {
    const jobId = `job-${imageId}`;
    await this.store.set(jobId, 'pending');
    await this.queue.send({ jobId, imageId });
    return { status: 202, jobId };
  }

  /** GET /jobs/:id */
  async status(jobId: string): Promise<JobStatus> {
    return (await this.store.get(jobId)) === 'done' ? 'done' : 'pending';
  }

  /** Workers drain the queue at the pace the backends allow; a failure would be retried, then dead-lettered. */
  startWorkers(backends: Backends, concurrency: number, onDone: (jobId: string) => void): Consumer {
    return this.queue.consume(
      async ({ body }) => {
        const original = await backends.storage.call(body.imageId);
        await backends.resizer.call(original);
        await this.store.set(body.jobId, 'done');
        onDone(body.jobId);
      },
      { concurrency },
    );
  }
}
