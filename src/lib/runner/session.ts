import { captureConsole } from './console-capture';
import {
  compileProgram,
  formatFrames,
  mapStack,
  runProgram,
  type Evaluate,
  type FileMap,
  type Program,
} from './execute';
import { formatArgs, isError } from './format';
import type { OutputEntry, RunStatus } from './protocol';
import { PlaygroundSyntaxError } from './transpile';
import { ModuleNotFoundError } from './resolve';

/** The timer functions of the global scope the program runs in; the session wraps them to know when it is done. */
export interface TimerScope {
  setTimeout: (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
  clearTimeout: (id: unknown) => void;
  setInterval: (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
  clearInterval: (id: unknown) => void;
  console: unknown;
}

export interface SessionOptions {
  readonly files: FileMap;
  readonly entry: string;
  readonly evaluate: Evaluate;
  /** Where user code runs: its timers are tracked and its global console is replaced. */
  readonly scope: TimerScope;
  readonly emit: (entry: OutputEntry) => void;
  /** Shows paths relative to the playground in messages ("/kit/clock.ts" → "kit/clock.ts"). */
  readonly displayName?: (path: string) => string;
}

export interface Session {
  /** Settles when the program has finished: its entry module completed and no timer is pending. */
  readonly finished: Promise<RunStatus>;
  /** For the host's global error and unhandledrejection handlers. */
  reportUncaught(error: unknown, kind: 'exception' | 'rejection'): void;
}

export function startSession(options: SessionOptions): Session {
  const { scope, evaluate } = options;
  const displayName = options.displayName ?? ((path: string) => path.replace(/^\//, ''));
  const captured = captureConsole(options.emit);
  scope.console = captured.console;

  let program: Program | undefined;
  let failed = false;
  let entrySettled = false;
  let resolveFinished!: (status: RunStatus) => void;
  const finished = new Promise<RunStatus>((resolve) => (resolveFinished = resolve));

  const exceptionEntry = (error: unknown, kind: 'exception' | 'rejection'): OutputEntry => {
    const prefix = kind === 'rejection' ? 'Uncaught (in promise) ' : 'Uncaught ';
    if (!isError(error)) {
      return { kind: 'exception', title: `${prefix}${formatArgs([error])}`, stack: '' };
    }
    const frames = program && error.stack ? mapStack(error.stack, program) : [];
    const top = frames[0];
    return {
      kind: 'exception',
      title: `${prefix}${error.name}: ${error.message}`,
      stack: formatFrames(frames, displayName),
      ...(top ? { location: { file: top.file, line: top.line, column: top.column } } : {}),
    };
  };

  const reportUncaught = (error: unknown, kind: 'exception' | 'rejection') => {
    failed = true;
    captured.emit(exceptionEntry(error, kind));
  };

  // Track pending timers so the run ends when the program has nothing left to do.
  const pending = new Set<unknown>();
  const native = {
    setTimeout: scope.setTimeout.bind(scope),
    clearTimeout: scope.clearTimeout.bind(scope),
    setInterval: scope.setInterval.bind(scope),
    clearInterval: scope.clearInterval.bind(scope),
  };
  const checkFinished = () => {
    if (entrySettled && pending.size === 0) {
      // Let callbacks queued by the last timer run before declaring the program finished.
      native.setTimeout(() => {
        if (entrySettled && pending.size === 0) resolveFinished(failed ? 'error' : 'ok');
      }, 0);
    }
  };
  scope.setTimeout = (handler, ms, ...args) => {
    const id: unknown = native.setTimeout(() => {
      pending.delete(id);
      try {
        handler(...args);
      } finally {
        checkFinished();
      }
    }, ms);
    pending.add(id);
    return id;
  };
  scope.clearTimeout = (id) => {
    pending.delete(id);
    native.clearTimeout(id);
    checkFinished();
  };
  scope.setInterval = (handler, ms, ...args) => {
    const id = native.setInterval(() => handler(...args), ms);
    pending.add(id);
    return id;
  };
  scope.clearInterval = (id) => {
    pending.delete(id);
    native.clearInterval(id);
    checkFinished();
  };

  const show = (error: unknown) => {
    failed = true;
    if (error instanceof PlaygroundSyntaxError) {
      captured.emit({
        kind: 'syntax',
        message: `SyntaxError: ${error.message}`,
        location: error.location,
        lineText: error.lineText,
      });
    } else if (error instanceof ModuleNotFoundError) {
      captured.emit({
        kind: 'exception',
        title: `Error: ${error.message.replace(/imported from (\S+)/, (_, p: string) => `imported from ${displayName(p)}`)}`,
        stack: '',
      });
    } else {
      captured.emit(exceptionEntry(error, 'exception'));
    }
  };

  try {
    program = compileProgram(options.files, options.entry);
  } catch (error) {
    show(error);
    resolveFinished('error');
    return { finished, reportUncaught };
  }
  const compiled = program;
  void (async () => {
    try {
      await runProgram(compiled, evaluate, captured.console);
    } catch (error) {
      show(error);
    } finally {
      entrySettled = true;
      checkFinished();
    }
  })();
  return { finished, reportUncaught };
}
