import { formatArgs, inspect, tableData } from './format';
import { OUTPUT_LINE_LIMIT, type ConsoleLevel, type OutputEntry } from './protocol';

export interface CapturedConsole {
  readonly console: Record<string, (...args: unknown[]) => void>;
  /** Emits an entry under the same line limit as console output (exceptions, for instance). */
  emit(entry: OutputEntry): void;
}

const countLines = (entry: OutputEntry): number => {
  switch (entry.kind) {
    case 'console':
      return entry.text.split('\n').length;
    case 'table':
      return entry.rows.length + 4;
    case 'sql-comment':
      return entry.text.split('\n').length;
    case 'exception':
      return entry.stack.split('\n').length + 1;
    case 'syntax':
      return 3;
    case 'sql-error':
      return 3 + (entry.detail ? 1 : 0) + (entry.hint ? 1 : 0);
    case 'truncated':
      return 0;
  }
};

/**
 * A console for user code that turns every call into an OutputEntry, formatted like Node's console.
 * Stops forwarding after `limit` lines and emits one "truncated" entry instead.
 */
export function captureConsole(sink: (entry: OutputEntry) => void, limit = OUTPUT_LINE_LIMIT): CapturedConsole {
  let lines = 0;
  let truncated = false;
  let groupIndent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  const emit = (entry: OutputEntry) => {
    if (truncated) return;
    const n = countLines(entry);
    if (lines + n > limit) {
      truncated = true;
      sink({ kind: 'truncated', limit });
      return;
    }
    lines += n;
    sink(entry);
  };
  const print = (level: ConsoleLevel, text: string) =>
    emit({ kind: 'console', level, text: groupIndent ? text.replace(/^/gm, groupIndent) : text });
  const printer =
    (level: ConsoleLevel) =>
    (...args: unknown[]) =>
      print(level, formatArgs(args));

  const sandboxConsole: Record<string, (...args: unknown[]) => void> = {
    log: printer('log'),
    info: printer('info'),
    debug: printer('debug'),
    warn: printer('warn'),
    error: printer('error'),
    trace: (...args: unknown[]) => print('error', `Trace${args.length ? `: ${formatArgs(args)}` : ''}`),
    dir: (value: unknown) => print('log', inspect(value)),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) print('error', `Assertion failed${args.length ? `: ${formatArgs(args)}` : ''}`);
    },
    table: (data: unknown, columns?: unknown) => {
      const table = tableData(data, Array.isArray(columns) ? columns.map(String) : undefined);
      if (table) emit({ kind: 'table', ...table });
      else print('log', formatArgs([data]));
    },
    count: (label: unknown = 'default') => {
      const key = String(label);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      print('log', `${key}: ${n}`);
    },
    countReset: (label: unknown = 'default') => void counts.delete(String(label)),
    time: (label: unknown = 'default') => void timers.set(String(label), performance.now()),
    timeLog: (label: unknown = 'default', ...args: unknown[]) => {
      const start = timers.get(String(label));
      if (start !== undefined)
        print(
          'log',
          [`${String(label)}: ${(performance.now() - start).toFixed(3)}ms`, ...args.map((a) => inspect(a))].join(' '),
        );
    },
    timeEnd: (label: unknown = 'default') => {
      const start = timers.get(String(label));
      if (start === undefined) return;
      timers.delete(String(label));
      print('log', `${String(label)}: ${(performance.now() - start).toFixed(3)}ms`);
    },
    group: (...args: unknown[]) => {
      if (args.length) print('log', formatArgs(args));
      groupIndent += '  ';
    },
    groupEnd: () => {
      groupIndent = groupIndent.slice(2);
    },
  };
  sandboxConsole['groupCollapsed'] = sandboxConsole['group']!;
  return { console: sandboxConsole, emit };
}
