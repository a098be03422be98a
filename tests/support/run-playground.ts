/** Runs a playground in Node through the same runner core the browser's sandbox uses. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { createFileMap, isSqlEntry, needsPostgres } from '../../src/lib/playground/file-map';
import { POSTGRES_GLOBAL } from '../../src/lib/postgres/contract';
import {
  createPostgresHost,
  initialisedCluster,
  type PostgresConnection,
  type PostgresHost,
} from '../../src/lib/postgres/host';
import type { FileMap } from '../../src/lib/runner/execute';
import type { OutputEntry, RunStatus } from '../../src/lib/runner/protocol';
import { startSession, type TimerScope } from '../../src/lib/runner/session';
import { startSqlSession } from '../../src/lib/runner/sql-session';

export const PLAYGROUNDS_DIR = fileURLToPath(new URL('../../playgrounds/', import.meta.url));

/** Every .ts and .sql file under playgrounds/, keyed as the site keys them ("/kit/clock.ts"). */
export function playgroundSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|sql)$/.test(name))
        sources[`/${relative(PLAYGROUNDS_DIR, full).split(sep).join('/')}`] = readFileSync(full, 'utf8');
    }
  };
  walk(PLAYGROUNDS_DIR);
  return sources;
}

export interface PlaygroundRun {
  readonly status: RunStatus;
  readonly entries: OutputEntry[];
  /** Console and table output as plain text lines, as the output panel shows it. */
  readonly lines: string[];
  /** The same without a SQL playground's comments: only what the statements returned. */
  readonly results: string[];
}

/** Runs playground `id`, optionally with some files replaced (as a reader's edits would). */
export async function runPlayground(id: string, edits: Record<string, string> = {}): Promise<PlaygroundRun> {
  const { entry, files } = createFileMap(playgroundSources(), id);
  return runFiles(Object.fromEntries(files.map((f) => [f.path, edits[f.path] ?? f.code])), entry);
}

/** One initdb per test process; every database then starts from its dump, as in the browser. */
let cluster: Promise<Blob> | undefined;

/**
 * The same Postgres the sandbox gives playgrounds (PGlite, loaded from the package here), with every
 * database it opened closed after the run, as the browser's worker ends with its run.
 */
function postgresForOneRun(): { host: PostgresHost; closeAll: () => Promise<void> } {
  const base = createPostgresHost(async () => ({ loadDataDir: await (cluster ??= initialisedCluster()) }));
  const opened: PostgresConnection[] = [];
  return {
    host: {
      async open() {
        const connection = await base.open();
        opened.push(connection);
        return connection;
      },
    },
    closeAll: async () => void (await Promise.all(opened.map((c) => c.close().catch(() => undefined)))),
  };
}

/** The globals of the sandbox's worker that playgrounds use, with Node's own objects standing in. */
export function sandboxGlobals(): Record<string, unknown> {
  return {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console,
    structuredClone,
    URL,
    TextEncoder,
    TextDecoder,
    performance,
    queueMicrotask,
  };
}

/** Runs a playground's files (TypeScript, or SQL when the entry is main.sql) as the sandbox would. */
export async function runFiles(fileMap: FileMap, entry: string): Promise<PlaygroundRun> {
  const entries: OutputEntry[] = [];
  const postgres = needsPostgres(fileMap, entry) ? postgresForOneRun() : undefined;
  // A fresh global scope per run, like the worker the browser starts for each run.
  const context = createContext(sandboxGlobals());
  if (postgres) (context as Record<string, unknown>)[POSTGRES_GLOBAL] = postgres.host;
  const emit = (e: OutputEntry) => entries.push(e);
  const session = isSqlEntry(entry)
    ? startSqlSession({ files: fileMap, entry, host: postgres?.host, emit })
    : startSession({
        files: fileMap,
        entry,
        evaluate: (code, filename): unknown => runInContext(code, context, { filename }),
        scope: context as unknown as TimerScope,
        emit,
      });
  const status = await session.finished;
  await postgres?.closeAll();
  const asLines = (output: readonly OutputEntry[]) =>
    output.flatMap((e) => {
      switch (e.kind) {
        case 'console':
        case 'sql-comment':
          return e.text.split('\n');
        case 'table':
          return [e.header.join(' | '), ...e.rows.map((r) => r.join(' | '))];
        case 'exception':
          return [e.title, ...e.stack.split('\n').filter(Boolean)];
        case 'syntax':
          return [e.message];
        case 'sql-error':
          return [
            `ERROR:  ${e.message} (${e.location.file.replace(/^.*\//, '')}:${e.location.line}:${e.location.column})`,
            ...(e.detail ? [`DETAIL:  ${e.detail}`] : []),
            ...(e.hint ? [`HINT:  ${e.hint}`] : []),
          ];
        case 'truncated':
          return [`output truncated after ${e.limit} lines`];
      }
    });
  const lines = asLines(entries);
  const results = asLines(entries.filter((e) => e.kind !== 'sql-comment'));
  return { status, entries, lines, results };
}
