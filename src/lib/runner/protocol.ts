/** Messages between the page, the sandbox frame and the worker that runs a playground. */
import type { PostgresAssets } from '../postgres/contract';
import type { FileMap } from './execute';
import type { SourceLocation } from './transpile';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export type OutputEntry =
  | { readonly kind: 'console'; readonly level: ConsoleLevel; readonly text: string }
  | { readonly kind: 'table'; readonly header: string[]; readonly rows: string[][] }
  /** In a SQL playground: the `--` comment written right above a statement, shown before its result. */
  | { readonly kind: 'sql-comment'; readonly text: string }
  /** An uncaught exception or unhandled rejection, mapped to the TypeScript source. */
  | { readonly kind: 'exception'; readonly title: string; readonly stack: string; readonly location?: SourceLocation }
  | { readonly kind: 'syntax'; readonly message: string; readonly location: SourceLocation; readonly lineText: string }
  /** A statement of a SQL playground that Postgres rejected, at the position Postgres reported. */
  | {
      readonly kind: 'sql-error';
      /** Postgres's message, e.g. `relation "users" does not exist`. */
      readonly message: string;
      /** The SQLSTATE, e.g. "42P01". */
      readonly code: string;
      readonly detail?: string;
      readonly hint?: string;
      readonly location: SourceLocation;
      readonly lineText: string;
    }
  | { readonly kind: 'truncated'; readonly limit: number };

export type RunStatus = 'ok' | 'error' | 'stopped' | 'timeout';

export type ToSandbox =
  | {
      readonly type: 'run';
      readonly runId: string;
      readonly files: FileMap;
      readonly entry: string;
      /** Present when the playground needs Postgres (see needsPostgres); the buffers are transferred. */
      readonly postgres?: PostgresAssets;
    }
  | { readonly type: 'stop'; readonly runId: string };

export type FromSandbox =
  | { readonly type: 'ready' }
  | { readonly type: 'output'; readonly runId: string; readonly entries: OutputEntry[] }
  | { readonly type: 'done'; readonly runId: string; readonly status: RunStatus }
  /** The run's Postgres has started: from now on the run's own time limit applies. */
  | { readonly type: 'postgres-ready'; readonly runId: string };

/** Output lines kept per run; beyond this the run keeps going but prints a single "truncated" note. */
export const OUTPUT_LINE_LIMIT = 2000;

export const DEFAULT_TIMEOUT_MS = 5000;

/** Runs on Postgres get longer once it has started: real statements on a slow machine take seconds. */
export const POSTGRES_TIMEOUT_MS = 30_000;

/** How long compiling and starting PGlite may take before a run gives up (seconds normally). */
export const POSTGRES_START_TIMEOUT_MS = 120_000;

export function isFromSandbox(data: unknown): data is FromSandbox {
  return (
    typeof data === 'object' &&
    data !== null &&
    ['ready', 'output', 'done', 'postgres-ready'].includes((data as { type?: string }).type ?? '')
  );
}

export function isToSandbox(data: unknown): data is ToSandbox {
  return typeof data === 'object' && data !== null && ['run', 'stop'].includes((data as { type?: string }).type ?? '');
}
