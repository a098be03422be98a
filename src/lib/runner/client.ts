/**
 * The page's side of the runner: one hidden sandbox frame per page, created on the first Run.
 * Each run gets an id; Stop and the timeout ask the frame to terminate that run's worker.
 */
import { needsPostgres } from '../playground/file-map';
import { POSTGRES_ASSET_FILES, postgresBuffers, type PostgresAssets } from '../postgres/contract';
import type { FileMap } from './execute';
import {
  DEFAULT_TIMEOUT_MS,
  POSTGRES_START_TIMEOUT_MS,
  POSTGRES_TIMEOUT_MS,
  isFromSandbox,
  type FromSandbox,
  type OutputEntry,
  type RunStatus,
  type ToSandbox,
} from './protocol';

const runnerUrl = (file: string) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}runner/${file}`;

let frame: Promise<HTMLIFrameElement> | undefined;
const listeners = new Map<string, (message: Exclude<FromSandbox, { type: 'ready' }>) => void>();

function sandboxFrame(): Promise<HTMLIFrameElement> {
  frame ??= new Promise((resolve, reject) => {
    const iframe = document.createElement('iframe');
    // No allow-same-origin: the frame gets an opaque origin, so code in it cannot reach this page.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('title', 'Playground sandbox');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.hidden = true;
    iframe.src = runnerUrl('frame.html');
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

let postgresAssets: Promise<PostgresAssets> | undefined;

/**
 * PGlite's add-on script, WebAssembly, data bundle and initialised cluster, fetched once per page and
 * only for a run that needs them. The page fetches them, not the sandbox: for the sandbox's opaque
 * origin these same-site files are cross-origin, and static hosts send no CORS headers.
 */
function loadPostgresAssets(): Promise<PostgresAssets> {
  postgresAssets ??= (async () => {
    const get = async (file: string) => {
      const response = await fetch(runnerUrl(file)).catch((error: unknown) => {
        throw new Error(
          `PostgreSQL could not be loaded: ${file}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      if (!response.ok) throw new Error(`PostgreSQL could not be loaded: ${file} answered ${response.status}`);
      return response;
    };
    const bytes = (file: string) => get(file).then((response) => response.arrayBuffer());
    const names = POSTGRES_ASSET_FILES;
    const [addon, pgliteWasm, fsBundle, dataDir] = await Promise.all([
      get(names.addon).then((response) => response.text()),
      bytes(names.pgliteWasm),
      bytes(names.fsBundle),
      bytes(names.dataDir),
    ]);
    return { addon, pgliteWasm, fsBundle, dataDir };
  })();
  postgresAssets.catch(() => (postgresAssets = undefined)); // a later Run tries again
  return postgresAssets;
}

/** A copy for one run: the buffers are transferred into the sandbox, the cached originals stay here. */
const copyAssets = (assets: PostgresAssets): PostgresAssets => ({
  addon: assets.addon,
  pgliteWasm: assets.pgliteWasm.slice(0),
  fsBundle: assets.fsBundle.slice(0),
  dataDir: assets.dataDir.slice(0),
});

export interface RunHandle {
  readonly done: Promise<RunStatus>;
  /** The time limit in force: while Postgres starts, its start-up limit; then the run's own. */
  readonly timeoutMs: number;
  stop(): void;
}

let nextRun = 0;

export function runInSandbox(
  files: FileMap,
  entry: string,
  onOutput: (entries: OutputEntry[]) => void,
  withPostgres = needsPostgres(files, entry),
  timeoutMs = withPostgres ? POSTGRES_TIMEOUT_MS : DEFAULT_TIMEOUT_MS,
): RunHandle {
  const runId = `run-${Date.now().toString(36)}-${nextRun++}`;
  let finish!: (status: RunStatus) => void;
  const done = new Promise<RunStatus>((resolve) => (finish = resolve));
  let settled = false;
  let target: HTMLIFrameElement | undefined;
  const post = (message: ToSandbox, transfer: Transferable[] = []) =>
    target?.contentWindow?.postMessage(message, '*', transfer);
  const end = (status: RunStatus) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    listeners.delete(runId);
    if (status === 'stopped' || status === 'timeout') post({ type: 'stop', runId });
    finish(status);
  };
  // The clock starts when the run is handed to the sandbox (fetching PGlite is not the program's time),
  // and restarts once Postgres is up, so that its start-up on a slow machine is not taken for a hang.
  let limit = timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const startClock = (ms: number) => {
    clearTimeout(timer);
    limit = ms;
    timer = setTimeout(() => end('timeout'), ms);
  };
  listeners.set(runId, (message) => {
    if (message.type === 'output') onOutput(message.entries);
    else if (message.type === 'postgres-ready') startClock(timeoutMs);
    else end(message.status);
  });
  const postgres = withPostgres ? loadPostgresAssets().then(copyAssets) : Promise.resolve(undefined);
  const started = sandboxFrame().catch((error: unknown) => {
    frame = undefined; // a later Run starts a new frame
    throw error;
  });
  Promise.all([started, postgres]).then(
    ([iframe, assets]) => {
      target = iframe;
      if (settled) return;
      startClock(assets ? POSTGRES_START_TIMEOUT_MS : timeoutMs);
      if (assets) post({ type: 'run', runId, files, entry, postgres: assets }, postgresBuffers(assets));
      else post({ type: 'run', runId, files, entry });
    },
    (error: unknown) => {
      onOutput([{ kind: 'exception', title: String(error instanceof Error ? error.message : error), stack: '' }]);
      end('error');
    },
  );
  return {
    done,
    get timeoutMs() {
      return limit;
    },
    stop: () => end('stopped'),
  };
}
