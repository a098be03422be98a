import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAYGROUNDS_DIR, runFiles } from '../../support/run-playground';

const kit = readFileSync(`${PLAYGROUNDS_DIR}kit/postgres.ts`, 'utf8');
const run = (main: string) => runFiles({ '/demo/main.ts': main, '/kit/postgres.ts': kit }, '/demo/main.ts');

describe('kit/postgres', () => {
  it(
    'runs statements on real PostgreSQL: tags from exec, typed rows from query with parameters',
    { timeout: 120_000 },
    async () => {
      const { status, lines } = await run(`
      import { openPostgres, PostgresError } from '../kit/postgres';
      const db = await openPostgres();
      console.log(await db.exec(\`CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, joined timestamptz DEFAULT '2026-01-02T03:04:05Z');
                                 INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Grace')\`));
      const rows = await db.query<{ id: number; name: string; joined: Date }>('SELECT * FROM users WHERE id >= $1 ORDER BY id', [1]);
      console.log(rows.length, rows[1]!.name, typeof rows[0]!.id, rows[0]!.joined.toISOString());
      try {
        await db.query('INSERT INTO users (id, name) VALUES ($1, $2)', [1, 'Alan']);
      } catch (error) {
        console.log(error instanceof PostgresError, (error as PostgresError).code, (error as Error).message);
        console.log((error as PostgresError).detail);
      }
      const fresh = await openPostgres();
      console.log((await fresh.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'users'"))[0]);
    `);
      expect(lines).toEqual([
        "[ 'CREATE TABLE', 'INSERT 0 2' ]",
        '2 Grace number 2026-01-02T03:04:05.000Z',
        'true 23505 duplicate key value violates unique constraint "users_pkey"',
        'Key (id)=(1) already exists.',
        '{ n: 0 }',
      ]);
      expect(status).toBe('ok');
    },
  );

  it("an uncaught PostgresError fails the run with Postgres's message", { timeout: 120_000 }, async () => {
    const { status, lines } = await run(`
      import { openPostgres } from '../kit/postgres';
      const db = await openPostgres();
      await db.query('SELECT * FROM missing');
    `);
    expect(status).toBe('error');
    expect(lines[0]).toBe('Uncaught PostgresError: relation "missing" does not exist');
  });
});
