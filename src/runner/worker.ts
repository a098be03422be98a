/**
 * The worker that runs one playground program. It is created from a Blob inside the sandbox frame
 * (opaque origin, restrictive CSP), so user code has no DOM, no site storage and no network.
 */
import { startSession, type TimerScope } from '../lib/runner/session';
import { isToSandbox, type FromSandbox, type OutputEntry } from '../lib/runner/protocol';

/** The parts of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is DOM's). */
interface WorkerScope extends TimerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}
declare const self: WorkerScope;

const post = (message: FromSandbox) => self.postMessage(message);
const nativeSetTimeout = self.setTimeout.bind(self) as (handler: () => void, ms: number) => unknown;

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToSandbox(message) || message.type !== 'run') return;
  const { runId } = message;

  // Batch output so a chatty program does not flood the page with messages.
  let batch: OutputEntry[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (batch.length === 0) return;
    post({ type: 'output', runId, entries: batch });
    batch = [];
  };
  const emit = (entry: OutputEntry) => {
    batch.push(entry);
    if (!flushScheduled) {
      flushScheduled = true;
      nativeSetTimeout(flush, 16);
    }
  };

  // Indirect eval: the module wrappers run in the global scope, not in this function's.
  const evaluate = (code: string): unknown => (0, eval)(code);
  const session = startSession({
    files: message.files,
    entry: message.entry,
    evaluate,
    scope: self,
    emit,
  });
  self.addEventListener('error', (e) => {
    e.preventDefault();
    session.reportUncaught(e.error ?? e.message, 'exception');
  });
  self.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    session.reportUncaught(e.reason, 'rejection');
  });
  void session.finished.then((status) => {
    flush();
    post({ type: 'done', runId, status });
  });
});
