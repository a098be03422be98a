import { SourceMapConsumer } from './source-map';
import { compileModule, type CompiledModule, type SourceLocation } from './transpile';
import { resolveModule } from './resolve';

/** A playground's files, keyed by absolute POSIX path ("/kit/clock.ts"). */
export type FileMap = Readonly<Record<string, string>>;

/**
 * Evaluates a script in the global scope and returns its completion value (indirect eval in the
 * browser). The code ends with a sourceURL comment; hosts that ignore it can use `sourceUrl` instead.
 */
export type Evaluate = (code: string, sourceUrl: string) => unknown;

export const SOURCE_URL_SCHEME = 'playground://';

/**
 * The wrapper goes on the same line as the module's first line, so line numbers in stack traces
 * are the TypeScript line numbers; only columns on line 1 shift, by WRAPPER_PREFIX.length.
 */
const WRAPPER_PREFIX = '(async function (exports, require, module, console) {';

export interface Program {
  readonly entry: string;
  readonly modules: ReadonlyMap<string, CompiledModule>;
}

/** Compiles the entry and everything it imports. Throws PlaygroundSyntaxError or ModuleNotFoundError. */
export function compileProgram(files: FileMap, entry: string): Program {
  const paths = new Set(Object.keys(files));
  const modules = new Map<string, CompiledModule>();
  const visit = (path: string) => {
    if (modules.has(path)) return;
    const compiled = compileModule(path, files[path]!);
    modules.set(path, compiled);
    for (const specifier of compiled.dependencies) visit(resolveModule(specifier, path, paths));
  };
  if (!paths.has(entry)) throw new Error(`The playground has no entry file ${entry}`);
  visit(entry);
  return { entry, modules };
}

interface ModuleRecord {
  exports: Record<string, unknown>;
  evaluated?: Promise<void>;
}

/**
 * Runs a compiled program. Dependencies are evaluated (and awaited, so top-level await works) before
 * the modules that import them, as ES modules are; `require` then hands out the finished exports.
 */
export async function runProgram(program: Program, evaluate: Evaluate, sandboxConsole: unknown): Promise<void> {
  const paths = new Set(program.modules.keys());
  const records = new Map<string, ModuleRecord>();

  const evaluateModule = (path: string): Promise<void> => {
    const existing = records.get(path);
    if (existing) return existing.evaluated ?? Promise.resolve(); // a cycle: hand out what exists so far
    const record: ModuleRecord = { exports: {} };
    records.set(path, record);
    const compiled = program.modules.get(path)!;
    record.evaluated = (async () => {
      const resolved = compiled.dependencies.map((specifier) => resolveModule(specifier, path, paths));
      for (const dependency of resolved) await evaluateModule(dependency);
      const require = (specifier: string) => records.get(resolveModule(specifier, path, paths))!.exports;
      const module = {
        get exports() {
          return record.exports;
        },
        set exports(value: Record<string, unknown>) {
          record.exports = value;
        },
      };
      const sourceUrl = `${SOURCE_URL_SCHEME}${path}`;
      const factory = evaluate(`${WRAPPER_PREFIX}${compiled.code}\n})\n//# sourceURL=${sourceUrl}`, sourceUrl) as (
        exports: unknown,
        require: unknown,
        module: unknown,
        console: unknown,
      ) => Promise<void>;
      await factory.call(undefined, record.exports, require, module, sandboxConsole);
    })();
    return record.evaluated;
  };

  await evaluateModule(program.entry);
}

export interface MappedFrame extends SourceLocation {
  readonly functionName?: string;
}

const FRAME = /^\s*at (?:(.*?) \()?playground:\/\/(\/[^:()\s]+):(\d+):(\d+)\)?$/;

/** Maps the playground frames of a V8 stack back to TypeScript positions; other frames are dropped. */
export function mapStack(stack: string, program: Program): MappedFrame[] {
  const frames: MappedFrame[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, fn, file, lineText, columnText] = match;
    const compiled = program.modules.get(file!);
    if (!compiled) continue;
    const generatedLine = Number(lineText);
    let generatedColumn = Number(columnText);
    if (generatedLine === 1) generatedColumn = Math.max(1, generatedColumn - WRAPPER_PREFIX.length);
    const { line: tsLine, column } = new SourceMapConsumer(compiled.map).originalPositionFor(
      generatedLine,
      generatedColumn,
    );
    const functionName =
      fn && fn !== 'eval' && !fn.startsWith('async ') ? fn : fn?.startsWith('async ') ? fn.slice(6) : undefined;
    frames.push({
      file: file!,
      line: tsLine,
      column,
      ...(functionName && functionName !== 'eval' ? { functionName } : {}),
    });
  }
  return frames;
}

/** "at place (main.ts:3:9)" lines with paths shown relative to the playground. */
export function formatFrames(frames: readonly MappedFrame[], displayName: (path: string) => string): string {
  return frames
    .map(
      (f) =>
        `    at ${f.functionName ? `${f.functionName} (` : ''}${displayName(f.file)}:${f.line}:${f.column}${f.functionName ? ')' : ''}`,
    )
    .join('\n');
}
