/**
 * Runs a SQL playground (entry main.sql) as psql runs a file: on a fresh PostgreSQL database, statement
 * by statement, printing each result's rows as a table and a command tag ("INSERT 0 3") for the
 * others, each after the `--` comment written right above its statement. A failing statement prints Postgres's error at its line and column, and the file goes on.
 */
import type { PostgresConnection, PostgresHost } from '../postgres/host';
import { captureConsole } from './console-capture';
import type { FileMap } from './execute';
import { formatArgs, isError } from './format';
import type { OutputEntry, RunStatus } from './protocol';
import { dirname, joinPath } from './resolve';
import type { Session } from './session';
import { leadingComment, lineColumnAt, lineText, offsetOfPosition, splitSql } from './sql';

/** How NULL shows in result tables (psql shows nothing; a word is clearer to readers). */
export const NULL_TEXT = 'NULL';

const MAX_INCLUDE_DEPTH = 8;

export interface SqlSessionOptions {
  readonly files: FileMap;
  readonly entry: string;
  /** The sandbox's Postgres; undefined when the add-on is missing (reported as an error). */
  readonly host: PostgresHost | undefined;
  readonly emit: (entry: OutputEntry) => void;
  readonly displayName?: (path: string) => string;
}

/** The fields of Postgres's ErrorResponse that the output shows (PGlite's DatabaseError has them). */
interface PostgresErrorFields {
  readonly message: string;
  readonly code?: string | undefined;
  readonly position?: string | undefined;
  readonly detail?: string | undefined;
  readonly hint?: string | undefined;
}

const isPostgresError = (error: unknown): error is PostgresErrorFields =>
  isError(error) &&
  typeof (error as { code?: unknown }).code === 'string' &&
  (error as { severity?: unknown }).severity !== undefined;

export function startSqlSession(options: SqlSessionOptions): Session {
  const displayName = options.displayName ?? ((path: string) => path.replace(/^\//, ''));
  const captured = captureConsole(options.emit);
  let failed = false;
  const report = (title: string) => {
    failed = true;
    captured.emit({ kind: 'exception', title, stack: '' });
  };
  const reportUncaught = (error: unknown, kind: 'exception' | 'rejection') =>
    report(
      `${kind === 'rejection' ? 'Uncaught (in promise) ' : 'Uncaught '}${isError(error) ? `${error.name}: ${error.message}` : formatArgs([error])}`,
    );

  const runFile = async (db: PostgresConnection, path: string, depth: number): Promise<void> => {
    const source = options.files[path];
    if (source === undefined) throw new Error(`The playground has no file ${displayName(path)}`);
    for (const piece of splitSql(source)) {
      const comment = leadingComment(source, piece.offset);
      if (comment !== undefined) captured.emit({ kind: 'sql-comment', text: comment });
      if (piece.kind === 'meta') {
        const { line, column } = lineColumnAt(source, piece.offset);
        const where = `${displayName(path)}:${line}:${column}`;
        if (piece.command !== '\\i' && piece.command !== '\\ir') {
          report(`${piece.command}: this playground runs SQL statements and \\i <file> only (${where})`);
        } else if (depth >= MAX_INCLUDE_DEPTH) {
          report(`\\i ${piece.argument}: files include each other too deeply (${where})`);
        } else {
          const target = joinPath(dirname(path), piece.argument.replace(/^'(.*)'$/, '$1'));
          if (target in options.files) await runFile(db, target, depth + 1);
          else report(`\\i ${piece.argument}: no such file in this playground (${where})`);
        }
        continue;
      }
      try {
        const results = await db.exec(piece.text, (notice) =>
          captured.emit({
            kind: 'console',
            level: notice.severity === 'WARNING' ? 'warn' : 'info',
            text: `${notice.severity}:  ${notice.message}`,
          }),
        );
        for (const result of results) {
          if (result.columns.length > 0) {
            captured.emit({
              kind: 'table',
              header: result.columns,
              rows: result.rows.map((row) => row.map((v) => v ?? NULL_TEXT)),
            });
            if (result.rows.length === 0) captured.emit({ kind: 'console', level: 'log', text: '(0 rows)' });
          } else {
            captured.emit({ kind: 'console', level: 'log', text: result.tag });
          }
        }
      } catch (error) {
        // Like psql running a file: the error is shown and the next statement runs; the run still
        // counts as finished, since rejected statements are part of what SQL samples demonstrate.
        if (!isPostgresError(error)) throw error;
        const position = Number(error.position);
        const offset = position > 0 ? offsetOfPosition(piece, position) : piece.offset;
        const { line, column } = lineColumnAt(source, offset);
        captured.emit({
          kind: 'sql-error',
          message: error.message,
          code: error.code ?? '',
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.hint ? { hint: error.hint } : {}),
          location: { file: path, line, column },
          lineText: lineText(source, line),
        });
      }
    }
  };

  const finished = (async (): Promise<RunStatus> => {
    if (!options.host) {
      report('Error: PostgreSQL is not available in this sandbox');
      return 'error';
    }
    let db: PostgresConnection | undefined;
    try {
      db = await options.host.open();
      await runFile(db, options.entry, 0);
    } catch (error) {
      reportUncaught(error, 'exception');
    } finally {
      await db?.close().catch(() => undefined);
    }
    return failed ? 'error' : 'ok';
  })();
  return { finished, reportUncaught };
}
