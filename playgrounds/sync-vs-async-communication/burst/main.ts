// A burst of image-resize requests, served synchronously (the caller waits for every hop) and
// asynchronously (202 Accepted with a job id, a queue, workers, polling). Change the constants and Run.
import { concurrently, every, formatTime, idle, now, sleep } from '../../kit/clock';
import { Kv } from '../../kit/kv';
import { Histogram } from '../../kit/metrics';
import { Queue } from '../../kit/queue';
import { Service } from '../../kit/service';
import { resizeSync, ResizeJobs, type Backends } from './image-api';

const BURST = 60; // requests…
const ARRIVAL_EVERY_MS = 2; // …one every 2 ms
const STORAGE_MS = 10;
const RESIZER_MS = 200; // the slowest service in the chain…
const RESIZER_CONCURRENCY = 4; // …resizes 4 images at a time: 20 per second
const CLIENT_TIMEOUT_MS = 2_000; // synchronous callers give up after this
const POLL_EVERY_MS = 1_000; // asynchronous callers ask GET /jobs/:id this often

function backends(): Backends {
  return {
    storage: new Service({ name: 'storage', latency: STORAGE_MS, handler: (id: string) => `originals/${id}.png` }),
    resizer: new Service({
      name: 'resizer',
      latency: RESIZER_MS,
      concurrency: RESIZER_CONCURRENCY,
      handler: (path: string) => path.replace('originals', 'thumbs'),
    }),
  };
}
const seconds = (h: Histogram, p: number) => formatTime(h.percentile(p));
const resizesPerSecond = (RESIZER_CONCURRENCY * 1000) / RESIZER_MS;

console.log(`--- synchronous: ${BURST} callers wait for storage and the resizer ---`);
const sync = backends();
const [answered, waited] = [new Histogram(), new Histogram()];
let timedOut = 0;
const outcomes = await concurrently(BURST, (i) => resizeSync(sync, `img-${i + 1}`, CLIENT_TIMEOUT_MS), {
  staggerMs: ARRIVAL_EVERY_MS,
});
for (const outcome of outcomes) {
  waited.observe(outcome.latencyMs);
  if (outcome.kind === 'resized') answered.observe(outcome.latencyMs);
  else timedOut += 1;
}
await idle(); // the resizer finishes what the callers gave up on
console.log(
  `throughput is the slowest hop's: ${RESIZER_CONCURRENCY} resizes at a time × ${RESIZER_MS} ms = ${resizesPerSecond}/s`,
);
console.log(`${answered.count} answered "resized": p50=${seconds(answered, 50)} p99=${seconds(answered, 99)}`);
console.log(
  `${timedOut} gave up after ${formatTime(CLIENT_TIMEOUT_MS)} not knowing the outcome; the resizer resized ${sync.resizer.stats.handled} anyway`,
);

console.log(`--- asynchronous: 202 Accepted, a queue, ${RESIZER_CONCURRENCY} workers ---`);
const queue = new Queue<{ jobId: string; imageId: string }>({ name: 'resize-jobs' });
const api = new ResizeJobs(queue, new Kv({ name: 'job-store', latency: 1 }));
const start = now();
const doneAt = new Map<string, number>();
const workers = api.startWorkers(backends(), RESIZER_CONCURRENCY, (jobId) => doneAt.set(jobId, now()));
const depth: string[] = [];
const sampler = every(500, () => void depth.push(`${formatTime(now() - start)} ${queue.peek().length}`));
const [accepted, done, known] = [new Histogram(), new Histogram(), new Histogram()];
let polls = 0;
await concurrently(
  BURST,
  async (i) => {
    const arrived = now();
    const { jobId } = await api.accept(`img-${i + 1}`);
    accepted.observe(now() - arrived);
    // GET /jobs/:id until it says done: the caller learns the result one poll late at worst.
    for (polls += 1; (await api.status(jobId)) !== 'done'; polls += 1) await sleep(POLL_EVERY_MS);
    known.observe(now() - arrived);
    done.observe(doneAt.get(jobId)! - arrived);
  },
  { staggerMs: ARRIVAL_EVERY_MS },
);
await sampler.stop();
await workers.stop();
console.log(`${accepted.count} answered "202 Accepted, job id": p50=${accepted.p50} ms p99=${accepted.p99} ms`);
// Up to the first sample with an empty queue.
console.log(
  `jobs waiting in the queue: ${depth.slice(0, depth.findIndex((d) => d.endsWith(' 0')) + 1 || undefined).join(' | ')}`,
);
console.log(
  `${done.count} resized: p50=${seconds(done, 50)} p99=${seconds(done, 99)} after the request (still ${resizesPerSecond}/s)`,
);
console.log(`callers learned it by polling (${polls} GETs): p50=${seconds(known, 50)} p99=${seconds(known, 99)}`);

console.log('--- what the caller knows, when ---');
console.table({
  synchronous: {
    'first answer p99': seconds(waited, 99),
    'it says': 'resized (or nothing)',
    'result known p99': seconds(answered, 99),
    'never knew': timedOut,
  },
  asynchronous: {
    'first answer p99': `${accepted.p99} ms`,
    'it says': 'accepted, job id',
    'result known p99': seconds(known, 99),
    'never knew': BURST - known.count,
  },
});
