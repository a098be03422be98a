/**
 * kit/postgres — a real PostgreSQL database (PGlite: PostgreSQL 18 compiled to WebAssembly), for samples
 * whose point is what Postgres itself does: its locks, constraints, plans and error messages.
 *
 *   import { openPostgres, PostgresError } from '../../kit/postgres';
 *   const db = await openPostgres();                     // a fresh, empty database
 *   await db.exec(`CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL);
 *                  INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace')`);  // → ['CREATE TABLE', 'INSERT 0 2']
 *   const rows = await db.query<{ id: number; name: string }>('SELECT * FROM users WHERE id = $1', [2]);
 *   // rows → [{ id: 2, name: 'Grace' }]
 *   try {
 *     await db.query('INSERT INTO users VALUES (1, $1)', ['Alan']);
 *   } catch (error) {
 *     // PostgresError: duplicate key value violates unique constraint "users_pkey" (code 23505)
 *   }
 *
 * - query() runs one statement with $1, $2… parameters and returns its rows as objects: int and float
 *   columns become numbers, bigint a number (or a bigint beyond 2^53), timestamps Dates, json(b) objects.
 * - exec() runs one or more statements without parameters and returns their command tags.
 * - A statement Postgres rejects throws PostgresError with Postgres's message and SQLSTATE `code`.
 * - Each call takes real time (the database really runs), unlike the kit's virtual clock.
 * - Starting the database takes a second or two (PostgreSQL's initdb runs); the first Run on a page
 *   also downloads PGlite (about 5 MB).
 */

/** A statement that PostgreSQL rejected, with the fields of its error report. */
export class PostgresError extends Error {
  override readonly name = 'PostgresError';
  constructor(
    message: string,
    /** The SQLSTATE, e.g. "23505" (unique_violation) or "42P01" (undefined_table). */
    readonly code: string,
    readonly detail?: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface Postgres {
  /** Runs one statement with parameters ($1, $2…) and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements (no parameters) and returns their command tags, e.g. "INSERT 0 3". */
  exec(sql: string): Promise<string[]>;
  /** Shuts the database down (it also goes when the run ends). */
  close(): Promise<void>;
}

/** What the sandbox provides as globalThis.__handbookPostgres (src/lib/postgres/host.ts). */
interface Host {
  open(): Promise<{
    query(sql: string, params?: readonly unknown[]): Promise<{ rows: unknown[] }>;
    exec(sql: string): Promise<{ tag: string }[]>;
    close(): Promise<void>;
  }>;
}

/** Re-throws Postgres's errors as PostgresError, so that `instanceof` works in the playground. */
async function translated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { message, code, detail, hint } = error as {
      message?: string;
      code?: unknown;
      detail?: string;
      hint?: string;
    };
    if (typeof code !== 'string') throw error;
    throw new PostgresError(String(message), code, detail, hint);
  }
}

/** Starts a fresh, empty PostgreSQL database for this run. */
export async function openPostgres(): Promise<Postgres> {
  const host = (globalThis as { __handbookPostgres?: Host }).__handbookPostgres;
  if (!host) throw new Error('PostgreSQL is not available here: kit/postgres runs inside the playground sandbox');
  const db = await host.open();
  return {
    query: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await translated(db.query(sql, params))).rows as T[],
    exec: async (sql: string) => (await translated(db.exec(sql))).map((result) => result.tag),
    close: () => db.close(),
  };
}
