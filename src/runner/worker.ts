/**
 * The worker that runs one playground program. It is created from a Blob inside the sandbox frame
 * (opaque origin, restrictive CSP), so user code has no DOM, no site storage and no network.
 */
import { startSession, type TimerScope } from '../lib/runner/session';
import { startSqlSession } from '../lib/runner/sql-session';
import { isSqlEntry } from '../lib/playground/file-map';
import { isToSandbox, type FromSandbox, type OutputEntry } from '../lib/runner/protocol';
import {
  POSTGRES_FACTORY_GLOBAL,
  POSTGRES_GLOBAL,
  type CompiledPostgresAssets,
  type PostgresAssets,
} from '../lib/postgres/contract';
import type { PostgresHost } from '../lib/postgres/host';
import { warmUpTranspiler } from '../lib/runner/warm-up';

/** The parts of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is DOM's). */
interface WorkerScope extends TimerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}
declare const self: WorkerScope & Record<string, unknown>;

const post = (message: FromSandbox) => self.postMessage(message);

// The frame keeps a spare worker waiting for the next Run; while it waits, it warms the transpiler.
warmUpTranspiler();

/**
 * Evaluates the PGlite add-on and exposes its host as globalThis.__handbookPostgres. The WebAssembly is
 * compiled here: a compiled module cannot be sent from the page into this opaque-origin sandbox. The
 * add-on gets the real timers and console, so that its own work neither keeps the run "pending" nor
 * prints into the program's output.
 */
function installPostgres(assets: PostgresAssets): PostgresHost {
  const factoryScope = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'console'] as const;
  const evaluateAddon = new Function(...factoryScope, `${assets.addon}\n//# sourceURL=postgres-addon.js`) as (
    ...args: unknown[]
  ) => void;
  evaluateAddon(
    ...factoryScope.map((name) =>
      typeof self[name] === 'function' ? (self[name] as (...a: unknown[]) => unknown).bind(self) : self[name],
    ),
  );
  const compiled: Promise<CompiledPostgresAssets> = WebAssembly.compile(assets.pgliteWasm).then((pgliteWasmModule) => ({
    pgliteWasmModule,
    fsBundle: new Blob([assets.fsBundle]),
    dataDir: new Blob([assets.dataDir]),
  }));
  compiled.catch(() => undefined); // a failure is reported by open(), if the program opens a database
  const factory = self[POSTGRES_FACTORY_GLOBAL] as (assets: Promise<CompiledPostgresAssets>) => PostgresHost;
  return factory(compiled);
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToSandbox(message) || message.type !== 'run') return;
  const { runId } = message;

  // Each entry is posted at once: a program stuck in a loop right after printing still shows its output.
  const emit = (entry: OutputEntry) => post({ type: 'output', runId, entries: [entry] });

  let postgres: PostgresHost | undefined;
  if (message.postgres) {
    try {
      const host = installPostgres(message.postgres);
      postgres = {
        async open() {
          const connection = await host.open();
          post({ type: 'postgres-ready', runId });
          return connection;
        },
      };
      self[POSTGRES_GLOBAL] = postgres;
    } catch (error) {
      emit({ kind: 'exception', title: `PostgreSQL could not be loaded: ${String(error)}`, stack: '' });
    }
  }

  // Indirect eval: the module wrappers run in the global scope, not in this function's.
  const evaluate = (code: string): unknown => (0, eval)(code);
  const session = isSqlEntry(message.entry)
    ? startSqlSession({ files: message.files, entry: message.entry, host: postgres, emit })
    : startSession({ files: message.files, entry: message.entry, evaluate, scope: self, emit });
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
