/** Runs a playground in Node through the same runner core the browser's sandbox uses. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { createFileMap } from '../../src/lib/playground/file-map';
import type { OutputEntry, RunStatus } from '../../src/lib/runner/protocol';
import { startSession, type TimerScope } from '../../src/lib/runner/session';

export const PLAYGROUNDS_DIR = fileURLToPath(new URL('../../playgrounds/', import.meta.url));

/** Every .ts file under playgrounds/, keyed as the site keys them ("/kit/clock.ts"). */
export function playgroundSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) sources[`/${relative(PLAYGROUNDS_DIR, full).split(sep).join('/')}`] = readFileSync(full, 'utf8');
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
}

/** Runs playground `id`, optionally with some files replaced (as a reader's edits would). */
export async function runPlayground(id: string, edits: Record<string, string> = {}): Promise<PlaygroundRun> {
  const { entry, files } = createFileMap(playgroundSources(), id);
  const fileMap = Object.fromEntries(files.map((f) => [f.path, edits[f.path] ?? f.code]));
  const entries: OutputEntry[] = [];
  // A fresh global scope per run, like the worker the browser starts for each run.
  const context = createContext({ setTimeout, clearTimeout, setInterval, clearInterval, console, structuredClone, URL, TextEncoder, TextDecoder, performance, queueMicrotask });
  const session = startSession({
    files: fileMap,
    entry,
    evaluate: (code, filename) => runInContext(code, context, { filename }),
    scope: context as unknown as TimerScope,
    emit: (e) => entries.push(e),
  });
  const status = await session.finished;
  const lines = entries.flatMap((e) => {
    switch (e.kind) {
      case 'console':
        return e.text.split('\n');
      case 'table':
        return [e.header.join(' | '), ...e.rows.map((r) => r.join(' | '))];
      case 'exception':
        return [e.title, ...e.stack.split('\n').filter(Boolean)];
      case 'syntax':
        return [e.message];
      case 'truncated':
        return [`output truncated after ${e.limit} lines`];
    }
  });
  return { status, entries, lines };
}
