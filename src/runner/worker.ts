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

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToSandbox(message) || message.type !== 'run') return;
  const { runId } = message;

  // Each entry is posted at once: a program stuck in a loop right after printing still shows its output.
  const emit = (entry: OutputEntry) => post({ type: 'output', runId, entries: [entry] });

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
    post({ type: 'done', runId, status });
  });
});
