/** Messages between the page, the sandbox frame and the worker that runs a playground. */
import type { FileMap } from './execute';
import type { SourceLocation } from './transpile';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export type OutputEntry =
  | { readonly kind: 'console'; readonly level: ConsoleLevel; readonly text: string }
  | { readonly kind: 'table'; readonly header: string[]; readonly rows: string[][] }
  /** An uncaught exception or unhandled rejection, mapped to the TypeScript source. */
  | { readonly kind: 'exception'; readonly title: string; readonly stack: string; readonly location?: SourceLocation }
  | { readonly kind: 'syntax'; readonly message: string; readonly location: SourceLocation; readonly lineText: string }
  | { readonly kind: 'truncated'; readonly limit: number };

export type RunStatus = 'ok' | 'error' | 'stopped' | 'timeout';

export type ToSandbox =
  | { readonly type: 'run'; readonly runId: string; readonly files: FileMap; readonly entry: string }
  | { readonly type: 'stop'; readonly runId: string };

export type FromSandbox =
  | { readonly type: 'ready' }
  | { readonly type: 'output'; readonly runId: string; readonly entries: OutputEntry[] }
  | { readonly type: 'done'; readonly runId: string; readonly status: RunStatus };

/** Output lines kept per run; beyond this the run keeps going but prints a single "truncated" note. */
export const OUTPUT_LINE_LIMIT = 2000;

export const DEFAULT_TIMEOUT_MS = 5000;

export function isFromSandbox(data: unknown): data is FromSandbox {
  return typeof data === 'object' && data !== null && ['ready', 'output', 'done'].includes((data as { type?: string }).type ?? '');
}

export function isToSandbox(data: unknown): data is ToSandbox {
  return typeof data === 'object' && data !== null && ['run', 'stop'].includes((data as { type?: string }).type ?? '');
}
