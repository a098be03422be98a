/**
 * A small, dependency-free take on Node's util.inspect / util.format, so that the playground output
 * reads like `node main.ts` would print it. Runs in the sandboxed worker and in Node tests alike.
 */

export interface InspectOptions {
  /** Nesting depth shown before an object collapses to `[Object]` (Node's default is 2). */
  readonly depth?: number;
  /** Width beyond which a collection breaks onto several lines (Node's default breakLength is 80). */
  readonly breakLength?: number;
}

const MAX_ITEMS = 100;

/** Cross-realm type checks: values may come from another global scope (a worker, a vm context). */
const tag = (value: object): string => Object.prototype.toString.call(value).slice(8, -1);
export const isError = (value: unknown): value is Error =>
  typeof value === 'object' && value !== null && (tag(value) === 'Error' || value instanceof Error);
const isMap = (value: object): value is Map<unknown, unknown> => tag(value) === 'Map';
const isSet = (value: object): value is Set<unknown> => tag(value) === 'Set';
const MAX_STRING = 10_000;

interface Context {
  readonly depth: number;
  readonly breakLength: number;
  readonly seen: unknown[];
  readonly circular: Map<unknown, number>;
}

export function inspect(value: unknown, options: InspectOptions = {}): string {
  const ctx: Context = {
    depth: options.depth ?? 2,
    breakLength: options.breakLength ?? 80,
    seen: [],
    circular: new Map(),
  };
  return formatValue(value, 0, ctx, false);
}

/** Formats console arguments like Node: printf-style specifiers in a leading string, then the rest. */
export function formatArgs(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let head: string;
  let remaining = rest;
  if (typeof first === 'string' && first.includes('%')) {
    let index = 0;
    head = first.replace(/%([sdifjoOc%])/g, (match, spec: string) => {
      if (spec === '%') return '%';
      if (index >= rest.length) return match;
      const arg = rest[index++];
      switch (spec) {
        case 's':
          return typeof arg === 'string' ? arg : formatPrimitiveOrInspect(arg, 1);
        case 'd':
        case 'i': {
          if (typeof arg === 'bigint') return `${arg}n`;
          if (typeof arg === 'symbol') return 'NaN';
          const n = Number(arg);
          return String(spec === 'i' ? Math.trunc(n) : n);
        }
        case 'f':
          return typeof arg === 'symbol' ? 'NaN' : String(parseFloat(String(arg)));
        case 'j':
          try {
            return JSON.stringify(arg) ?? 'undefined';
          } catch {
            return '[Circular]';
          }
        case 'o':
          return inspect(arg, { depth: 4 });
        case 'O':
          return inspect(arg);
        case 'c':
          return '';
        default:
          return match;
      }
    });
    remaining = rest.slice(index);
  } else {
    head = typeof first === 'string' ? first : inspect(first);
  }
  return [head, ...remaining.map((arg) => (typeof arg === 'string' ? arg : inspect(arg)))].join(' ');
}

function formatPrimitiveOrInspect(value: unknown, depth: number): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (isError(value)) return formatError(value);
  if (value !== null && typeof value === 'object') return inspect(value, { depth });
  return String(value);
}

function quote(text: string): string {
  const shown =
    text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}... ${text.length - MAX_STRING} more characters` : text;
  const escaped = shown.replace(/[\\\n\r\t\b\f\v]/g, (c) => JSON.stringify(c).slice(1, -1));
  if (!escaped.includes("'")) return `'${escaped}'`;
  if (!escaped.includes('"')) return `"${escaped}"`;
  if (!escaped.includes('`')) return `\`${escaped}\``;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function constructorName(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return undefined;
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : undefined;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- formats whatever callable a program logs
function formatFunction(fn: Function): string {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class')) return `[class ${fn.name || '(anonymous)'}]`;
  const kind = source.startsWith('async')
    ? 'AsyncFunction'
    : fn.constructor?.name === 'GeneratorFunction'
      ? 'GeneratorFunction'
      : 'Function';
  return fn.name ? `[${kind}: ${fn.name}]` : `[${kind} (anonymous)]`;
}

function formatError(error: Error): string {
  const stack =
    typeof error.stack === 'string' && error.stack.length > 0 ? error.stack : `${error.name}: ${error.message}`;
  // Some engines' stacks omit the "Name: message" header line; Node's always starts with it.
  const header = `${error.name}: ${error.message}`;
  return stack.startsWith(error.name) ? stack : `${header}\n${stack}`;
}

function formatValue(value: unknown, level: number, ctx: Context, nested: boolean): string {
  switch (typeof value) {
    case 'string':
      return nested ? quote(value) : value;
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return formatFunction(value);
  }
  if (value === null) return 'null';
  const obj = value as object;

  if (ctx.seen.includes(obj)) {
    if (!ctx.circular.has(obj)) ctx.circular.set(obj, ctx.circular.size + 1);
    return `[Circular *${ctx.circular.get(obj)}]`;
  }
  if (tag(obj) === 'Date') {
    const date = obj as Date;
    return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();
  }
  if (tag(obj) === 'RegExp') return RegExp.prototype.toString.call(obj);
  if (isError(obj)) {
    const text = formatError(obj);
    return nested ? `[${text.split('\n')[0]}]` : text;
  }
  if (tag(obj) === 'Promise') return 'Promise { <unknown> }';
  if (tag(obj) === 'WeakMap') return 'WeakMap { <items unknown> }';
  if (tag(obj) === 'WeakSet') return 'WeakSet { <items unknown> }';

  const name = constructorName(obj);
  if (level > ctx.depth) {
    if (Array.isArray(obj)) return '[Array]';
    return `[${name ?? 'Object: null prototype'}]`;
  }

  ctx.seen.push(obj);
  let entries: string[];
  let open: string;
  let close: string;
  let prefix = '';
  try {
    if (Array.isArray(obj)) {
      entries = formatArrayItems(obj, level, ctx);
      [open, close] = ['[', ']'];
      if (name && name !== 'Array') prefix = `${name}(${obj.length}) `;
    } else if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const items = Array.from(obj as unknown as ArrayLike<number | bigint>);
      entries = items.slice(0, MAX_ITEMS).map((v) => formatValue(v, level + 1, ctx, true));
      if (items.length > MAX_ITEMS) entries.push(`... ${items.length - MAX_ITEMS} more items`);
      [open, close] = ['[', ']'];
      prefix = `${name ?? 'TypedArray'}(${items.length}) `;
    } else if (isMap(obj)) {
      entries = [];
      for (const [k, v] of obj) {
        if (entries.length === MAX_ITEMS) {
          entries.push(`... ${obj.size - MAX_ITEMS} more items`);
          break;
        }
        entries.push(`${formatValue(k, level + 1, ctx, true)} => ${formatValue(v, level + 1, ctx, true)}`);
      }
      [open, close] = ['{', '}'];
      prefix = `${name ?? 'Map'}(${obj.size}) `;
    } else if (isSet(obj)) {
      entries = [];
      for (const v of obj) {
        if (entries.length === MAX_ITEMS) {
          entries.push(`... ${obj.size - MAX_ITEMS} more items`);
          break;
        }
        entries.push(formatValue(v, level + 1, ctx, true));
      }
      [open, close] = ['{', '}'];
      prefix = `${name ?? 'Set'}(${obj.size}) `;
    } else {
      entries = formatProperties(obj, level, ctx);
      [open, close] = ['{', '}'];
      if (name === undefined) prefix = '[Object: null prototype] ';
      else if (name !== 'Object') prefix = `${name} `;
    }
  } finally {
    ctx.seen.pop();
  }

  const ref = ctx.circular.get(obj);
  if (ref !== undefined) prefix = `<ref *${ref}> ${prefix}`;
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const singleLine = `${prefix}${open} ${entries.join(', ')} ${close}`;
  const indent = '  '.repeat(level);
  if (singleLine.length + indent.length <= ctx.breakLength && !entries.some((e) => e.includes('\n'))) {
    return singleLine;
  }
  return `${prefix}${open}\n${entries.map((e) => `${indent}  ${e}`).join(',\n')}\n${indent}${close}`;
}

function formatArrayItems(array: readonly unknown[], level: number, ctx: Context): string[] {
  const items: string[] = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
  };
  const shown = Math.min(array.length, MAX_ITEMS);
  for (let i = 0; i < shown; i++) {
    if (!(i in array)) {
      holes++;
      continue;
    }
    flushHoles();
    items.push(formatValue(array[i], level + 1, ctx, true));
  }
  flushHoles();
  if (array.length > MAX_ITEMS) items.push(`... ${array.length - MAX_ITEMS} more items`);
  const extraKeys = Object.keys(array).filter((k) => !/^\d+$/.test(k));
  for (const key of extraKeys) {
    items.push(
      `${formatKey(key)}: ${formatValue((array as unknown as Record<string, unknown>)[key], level + 1, ctx, true)}`,
    );
  }
  return items;
}

function formatProperties(obj: object, level: number, ctx: Context): string[] {
  const record = obj as Record<string | symbol, unknown>;
  const keys: (string | symbol)[] = [
    ...Object.keys(obj),
    ...Object.getOwnPropertySymbols(obj).filter((s) => Object.prototype.propertyIsEnumerable.call(obj, s)),
  ];
  return keys.map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(obj, key);
    if (descriptor && (descriptor.get || descriptor.set)) {
      const kind = descriptor.get && descriptor.set ? 'Getter/Setter' : descriptor.get ? 'Getter' : 'Setter';
      return `${formatKey(key)}: [${kind}]`;
    }
    return `${formatKey(key)}: ${formatValue(record[key], level + 1, ctx, true)}`;
  });
}

/** Rows and columns for console.table, as Node lays them out (an "(index)" column, then keys or "Values"). */
export function tableData(
  data: unknown,
  columns?: readonly string[],
): { header: string[]; rows: string[][] } | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const entries: [string, unknown][] = isMap(data)
    ? [...data.entries()].map(([k, v]) => [formatValue(k, 0, freshContext(), false), v])
    : isSet(data)
      ? [...data].map((v, i) => [String(i), v])
      : Object.entries(data);
  const keys: string[] = [];
  let hasValues = false;
  for (const [, row] of entries) {
    if (row !== null && typeof row === 'object') {
      for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
    } else {
      hasValues = true;
    }
  }
  const shownKeys = columns ? [...columns] : keys;
  const header = ['(index)', ...shownKeys, ...(hasValues ? ['Values'] : [])];
  const rows = entries.map(([index, row]) => {
    const cells = shownKeys.map((key) =>
      row !== null && typeof row === 'object' && key in row
        ? formatValue((row as Record<string, unknown>)[key], 1, freshContext(), true)
        : '',
    );
    const valueCell = hasValues
      ? [row !== null && typeof row === 'object' ? '' : formatValue(row, 1, freshContext(), true)]
      : [];
    return [index, ...cells, ...valueCell];
  });
  return { header, rows };
}

function freshContext(): Context {
  return { depth: 0, breakLength: 80, seen: [], circular: new Map() };
}

/** Renders a table as Node's console.table does, with box-drawing characters (for plain-text copies). */
export function renderTable({ header, rows }: { header: string[]; rows: string[][] }): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2);
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const cell = (text: string, i: number) => {
    const w = widths[i]!;
    const left = Math.floor((w - text.length) / 2);
    return ' '.repeat(left) + text + ' '.repeat(w - text.length - left);
  };
  return [
    line('┌', '┬', '┐'),
    '│' + header.map(cell).join('│') + '│',
    line('├', '┼', '┤'),
    ...rows.map((r) => '│' + header.map((_, i) => cell(r[i] ?? '', i)).join('│') + '│'),
    line('└', '┴', '┘'),
  ].join('\n');
}
