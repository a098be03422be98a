/**
 * Splits a SQL file into the statements psql would send one by one, and maps Postgres's error
 * positions (characters into a statement) back to the file's line and column.
 */

export type SqlPiece =
  /** A statement without its terminating semicolon; `offset` is where its first token starts. */
  | { readonly kind: 'statement'; readonly text: string; readonly offset: number }
  /** A psql meta-command such as `\i schema.sql`: the backslash word and the rest of its line. */
  | { readonly kind: 'meta'; readonly command: string; readonly argument: string; readonly offset: number };

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;
const DOLLAR_TAG = /^\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/u;

/**
 * Splits `source` at top-level semicolons. Semicolons inside quotes ('…', E'…', "…"), dollar quotes
 * ($$…$$, $fn$…$fn$), comments (-- and nested /* *\/) and parentheses do not end a statement, as in psql.
 * Pieces that hold only comments or whitespace are dropped; a last statement without `;` is kept.
 */
export function splitSql(source: string): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  let start = -1; // offset of the current statement's first token, -1 before it
  let depth = 0;
  let i = 0;
  const end = (at: number) => {
    if (start >= 0) pieces.push({ kind: 'statement', text: source.slice(start, at).trimEnd(), offset: start });
    start = -1;
    depth = 0;
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const eol = source.indexOf('\n', i);
      i = eol < 0 ? source.length : eol + 1;
    } else if (c === '/' && next === '*') {
      let nesting = 1;
      i += 2;
      while (i < source.length && nesting > 0) {
        if (source.startsWith('/*', i)) {
          nesting++;
          i += 2;
        } else if (source.startsWith('*/', i)) {
          nesting--;
          i += 2;
        } else i++;
      }
    } else if (c === '\\' && start < 0) {
      // A meta-command: only where a statement could start, and it runs to the end of its line.
      const eol = source.indexOf('\n', i);
      const line = source.slice(i, eol < 0 ? source.length : eol).trim();
      const [command = '', ...rest] = line.split(/\s+/);
      pieces.push({ kind: 'meta', command, argument: rest.join(' '), offset: i });
      i = eol < 0 ? source.length : eol + 1;
    } else if (c === ';' && depth === 0) {
      end(i);
      i++;
    } else {
      if (start < 0) start = i;
      if (c === "'") {
        const escapes = i > 0 && /[eE]/.test(source[i - 1]!) && (i < 2 || !IDENTIFIER_CHAR.test(source[i - 2]!));
        i = skipQuoted(source, i, "'", escapes);
      } else if (c === '"') {
        i = skipQuoted(source, i, '"', false);
      } else if (c === '$' && (i === 0 || !IDENTIFIER_CHAR.test(source[i - 1]!))) {
        const tag = DOLLAR_TAG.exec(source.slice(i, i + 64))?.[0];
        if (tag) {
          const close = source.indexOf(tag, i + tag.length);
          i = close < 0 ? source.length : close + tag.length;
        } else i++;
      } else {
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        i++;
      }
    }
  }
  end(source.length);
  return pieces;
}

/** The offset just past a quoted string or identifier that opens at `open` (doubled quotes escape). */
function skipQuoted(source: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote && source[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return source.length;
}

/** 1-based line and column (in UTF-16 units, as editors count) of a 0-based offset. */
export function lineColumnAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The offset in the file of Postgres's error position: `position` is 1-based and counts characters
 * (code points, not UTF-16 units) from the start of the statement text that was sent.
 */
export function offsetOfPosition(
  statement: { readonly text: string; readonly offset: number },
  position: number,
): number {
  const chars = Array.from(statement.text).slice(0, Math.max(0, position - 1));
  return statement.offset + Math.min(chars.join('').length, statement.text.length);
}

/**
 * The `--` comment lines written directly above the line where a statement starts at `offset` (no blank
 * line between), as they are in the file; undefined when there are none, or when the statement is not
 * the first on its line. SQL playgrounds show them
 * before the statement's result, so each result says what it is.
 */
export function leadingComment(source: string, offset: number): string | undefined {
  const lines = source.slice(0, offset).split('\n');
  // A statement that shares its line with an earlier one has no comment of its own.
  if (lines.pop()?.trim()) return undefined;
  const comment: string[] = [];
  for (let line = lines.pop(); line !== undefined && line.trimStart().startsWith('--'); line = lines.pop())
    comment.unshift(line.trim());
  return comment.length > 0 ? comment.join('\n') : undefined;
}

/** The text of the 1-based line `line` of `source`. */
export function lineText(source: string, line: number): string {
  return source.split('\n')[line - 1] ?? '';
}
