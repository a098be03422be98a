/**
 * The Postgres that playgrounds talk to: PGlite (PostgreSQL compiled to WebAssembly), a fresh, empty
 * database per open(). The sandbox worker builds this host from the add-on script
 * (src/runner/postgres-addon.ts, with the WebAssembly and data files the page fetched); Node tests
 * build it from the installed package. Playground code finds it as globalThis.__handbookPostgres.
 */
import { PGlite, protocol, type PGliteOptions } from '@electric-sql/pglite';

export interface PostgresNotice {
  /** NOTICE, WARNING, INFO… */
  readonly severity: string;
  readonly message: string;
}

/** One statement's outcome, as Postgres sent it: text values (NULL as null) and the command tag. */
export interface StatementResult {
  /** Postgres's command tag: "CREATE TABLE", "INSERT 0 3", "SELECT 2". */
  readonly tag: string;
  /** Column names in order; empty when the statement returns no rows (no RowDescription). */
  readonly columns: string[];
  readonly rows: (string | null)[][];
}

export interface QueryResult<T> {
  readonly rows: T[];
  readonly columns: string[];
  /** "SELECT", "INSERT 0 1" … (PGlite reports only the first word of other tags). */
  readonly tag: string;
}

export interface PostgresConnection {
  /** One statement with $1, $2… parameters; rows come back as objects of JavaScript values. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Statements without parameters (the simple protocol): one result per statement, values as text. */
  exec(sql: string, onNotice?: (notice: PostgresNotice) => void): Promise<StatementResult[]>;
  close(): Promise<void>;
}

export interface PostgresHost {
  /** Starts a new, empty database. */
  open(): Promise<PostgresConnection>;
}

const notice = (message: { severity?: string | undefined; message?: string | undefined }): PostgresNotice => ({
  severity: message.severity ?? 'NOTICE',
  message: message.message ?? '',
});

/** Rebuilds "INSERT 0 3" from PGlite's parsed result, which keeps only the tag's first word. */
function tagOf(command: string | undefined, rowCount: number | undefined): string {
  if (!command) return '';
  if (rowCount === undefined) return command;
  return command === 'INSERT' ? `INSERT 0 ${rowCount}` : `${command} ${rowCount}`;
}

/** Turns the protocol messages of one simple query into results, one per completed statement. */
export function resultsFromMessages(messages: readonly { name: string }[]): StatementResult[] {
  const results: StatementResult[] = [];
  let columns: string[] = [];
  let rows: (string | null)[][] = [];
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      columns = (message as unknown as { fields: { name: string }[] }).fields.map((f) => f.name);
      rows = [];
    } else if (message.name === 'dataRow') {
      rows.push([...(message as unknown as { fields: (string | null)[] }).fields]);
    } else if (message.name === 'commandComplete') {
      results.push({ tag: (message as unknown as { text: string }).text, columns, rows });
      columns = [];
      rows = [];
    }
  }
  return results;
}

function connect(pg: PGlite): PostgresConnection {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(sql, [...params]);
      return {
        rows: result.rows,
        columns: result.fields.map((f) => f.name),
        tag: tagOf(result.command, result.rowCount),
      };
    },
    async exec(sql, onNotice) {
      const { messages } = await pg.execProtocol(protocol.serialize.query(sql), {
        ...(onNotice ? { onNotice: (m) => onNotice(notice(m)) } : {}),
      });
      return resultsFromMessages(messages);
    },
    close: () => pg.close(),
  };
}

/** A host whose every open() starts PGlite with `options()` (the precompiled WebAssembly, for instance). */
export function createPostgresHost(options: () => PGliteOptions | Promise<PGliteOptions> = () => ({})): PostgresHost {
  return {
    async open() {
      return connect(await PGlite.create({ ...(await options()) }));
    },
  };
}

/**
 * A freshly initialised cluster as a gzipped tar. PGlite runs initdb in a second Postgres instance and
 * copies the result over, which is most of its start-up time; a database loaded from this dump
 * (`loadDataDir`) starts several times faster. The build makes one for the browser
 * (scripts/build-runner.mjs does the same); Node tests make one per process.
 */
export async function initialisedCluster(options: PGliteOptions = {}): Promise<Blob> {
  const pg = await PGlite.create(options);
  try {
    await pg.exec('CHECKPOINT');
    return await pg.dumpDataDir('gzip');
  } finally {
    await pg.close();
  }
}
