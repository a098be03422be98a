/**
 * The page's side of the runner: one hidden sandbox frame per page, created on the first Run.
 * Each run gets an id; Stop and the timeout ask the frame to terminate that run's worker.
 */
import type { FileMap } from './execute';
import { DEFAULT_TIMEOUT_MS, isFromSandbox, type OutputEntry, type RunStatus, type ToSandbox } from './protocol';

let frame: Promise<HTMLIFrameElement> | undefined;
const listeners = new Map<string, (message: { type: 'output'; entries: OutputEntry[] } | { type: 'done'; status: RunStatus }) => void>();

function sandboxFrame(): Promise<HTMLIFrameElement> {
  frame ??= new Promise((resolve, reject) => {
    const iframe = document.createElement('iframe');
    // No allow-same-origin: the frame gets an opaque origin, so code in it cannot reach this page.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('title', 'Playground sandbox');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.hidden = true;
    iframe.src = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}runner/frame.html`;
    const timer = setTimeout(() => reject(new Error('The playground sandbox did not start.')), 15_000);
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.source !== iframe.contentWindow || !isFromSandbox(event.data)) return;
      const message = event.data;
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(iframe);
      } else {
        listeners.get(message.runId)?.(message);
      }
    });
    document.body.append(iframe);
  });
  return frame;
}

/** Starts the sandbox ahead of the first Run (when a reader reaches for a playground's toolbar). */
export function warmUp(): void {
  void sandboxFrame().catch(() => {
    frame = undefined; // a later Run retries and reports the failure
  });
}

export interface RunHandle {
  readonly done: Promise<RunStatus>;
  stop(): void;
}

let nextRun = 0;

export function runInSandbox(
  files: FileMap,
  entry: string,
  onOutput: (entries: OutputEntry[]) => void,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): RunHandle {
  const runId = `run-${Date.now().toString(36)}-${nextRun++}`;
  let finish!: (status: RunStatus) => void;
  const done = new Promise<RunStatus>((resolve) => (finish = resolve));
  let settled = false;
  let target: HTMLIFrameElement | undefined;
  const post = (message: ToSandbox) => target?.contentWindow?.postMessage(message, '*');
  const end = (status: RunStatus) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    listeners.delete(runId);
    if (status === 'stopped' || status === 'timeout') post({ type: 'stop', runId });
    finish(status);
  };
  const timer = setTimeout(() => end('timeout'), timeoutMs);
  listeners.set(runId, (message) => {
    if (message.type === 'output') onOutput(message.entries);
    else end(message.status);
  });
  sandboxFrame().then(
    (iframe) => {
      target = iframe;
      if (!settled) post({ type: 'run', runId, files, entry });
    },
    (error: unknown) => {
      frame = undefined;
      onOutput([{ kind: 'exception', title: String(error instanceof Error ? error.message : error), stack: '' }]);
      end('error');
    },
  );
  return { done, stop: () => end('stopped') };
}
