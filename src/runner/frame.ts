/**
 * The sandbox frame: loaded in an <iframe sandbox="allow-scripts"> (an opaque origin) with its own CSP.
 * It starts one Blob worker per run and relays messages; Stop and timeouts terminate the worker.
 */
import { isToSandbox, type FromSandbox } from '../lib/runner/protocol';
import { postgresBuffers } from '../lib/postgres/contract';

declare const __WORKER_SOURCE__: string;

const workerUrl = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));
const workers = new Map<string, Worker>();

// A worker is started ahead of need: parsing the transpiler then happens before the reader presses Run.
let spare: Worker | undefined = new Worker(workerUrl);
const takeWorker = (): Worker => {
  const worker = spare ?? new Worker(workerUrl);
  spare = undefined;
  setTimeout(() => (spare ??= new Worker(workerUrl)), 0);
  return worker;
};

const toParent = (message: FromSandbox) => window.parent.postMessage(message, '*');

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent) return;
  const message = event.data;
  if (!isToSandbox(message)) return;
  if (message.type === 'stop') {
    const worker = workers.get(message.runId);
    if (worker) {
      worker.terminate();
      workers.delete(message.runId);
    }
    return;
  }
  const worker = takeWorker();
  workers.set(message.runId, worker);
  worker.addEventListener('message', (e: MessageEvent<FromSandbox>) => {
    toParent(e.data);
    if (e.data.type === 'done') {
      worker.terminate();
      workers.delete(message.runId);
    }
  });
  worker.addEventListener('error', (e) => {
    // Errors the worker could not report itself (it failed to start, for instance).
    e.preventDefault();
    toParent({
      type: 'output',
      runId: message.runId,
      entries: [{ kind: 'exception', title: `Uncaught ${e.message || 'error in the sandbox'}`, stack: '' }],
    });
    toParent({ type: 'done', runId: message.runId, status: 'error' });
    worker.terminate();
    workers.delete(message.runId);
  });
  // Postgres's files arrive transferred from the page and move on to the worker without a copy.
  worker.postMessage(message, message.postgres ? postgresBuffers(message.postgres) : []);
});

toParent({ type: 'ready' });
