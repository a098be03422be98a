import { describe, expect, it } from 'vitest';
import type { PostgresConnection, PostgresHost, StatementResult } from '../../../src/lib/postgres/host';
import type { OutputEntry } from '../../../src/lib/runner/protocol';
import { startSqlSession } from '../../../src/lib/runner/sql-session';

/** A stand-in for PGlite: answers from a table of statements, records what it ran. */
function fakeHost(answers: Record<string, StatementResult[] | Error>) {
  const ran: string[] = [];
  let closed = 0;
  const connection: PostgresConnection = {
    query: () => Promise.reject(new Error('not used')),
    exec: async (sql) => {
      ran.push(sql);
      const answer = answers[sql] ?? [{ tag: 'OK', columns: [], rows: [] }];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    close: async () => void closed++,
  };
  const host: PostgresHost = { open: async () => connection };
  return { host, ran, closed: () => closed };
}

const postgresError = (message: string, fields: Record<string, string>) =>
  Object.assign(new Error(message), { severity: 'ERROR', ...fields });

async function run(files: Record<string, string>, host: PostgresHost | undefined) {
  const entries: OutputEntry[] = [];
  const status = await startSqlSession({
    files,
    entry: '/q/demo/main.sql',
    host,
    emit: (e) => entries.push(e),
    displayName: (p) => p.replace('/q/demo/', ''),
  }).finished;
  return { status, entries };
}

describe('startSqlSession', () => {
  it('shows rows as a table (NULL spelled out) and other results as their command tags', async () => {
    const { host, closed } = fakeHost({
      'SELECT id, phone FROM users': [
        {
          tag: 'SELECT 2',
          columns: ['id', 'phone'],
          rows: [
            ['1', null],
            ['2', '555'],
          ],
        },
      ],
      'INSERT INTO users VALUES (1), (2), (3)': [{ tag: 'INSERT 0 3', columns: [], rows: [] }],
      'SELECT 1 WHERE false': [{ tag: 'SELECT 0', columns: ['?column?'], rows: [] }],
    });
    const { status, entries } = await run(
      {
        '/q/demo/main.sql':
          'INSERT INTO users VALUES (1), (2), (3);\nSELECT id, phone FROM users;\nSELECT 1 WHERE false;',
      },
      host,
    );
    expect(status).toBe('ok');
    expect(entries).toEqual([
      { kind: 'console', level: 'log', text: 'INSERT 0 3' },
      {
        kind: 'table',
        header: ['id', 'phone'],
        rows: [
          ['1', 'NULL'],
          ['2', '555'],
        ],
      },
      { kind: 'table', header: ['?column?'], rows: [] },
      { kind: 'console', level: 'log', text: '(0 rows)' },
    ]);
    expect(closed()).toBe(1);
  });

  it('reports an error at the line and column of its position, with detail and hint, and goes on', async () => {
    const { host, ran } = fakeHost({
      'SELECT *\n  FROM nope': postgresError('relation "nope" does not exist', {
        code: '42P01',
        position: '17',
        hint: 'Create it first.',
      }),
    });
    const { status, entries } = await run({ '/q/demo/main.sql': '-- first\nSELECT *\n  FROM nope;\nSELECT 2;' }, host);
    expect(status).toBe('ok');
    expect(entries[0]).toEqual({ kind: 'sql-comment', text: '-- first' });
    expect(entries[1]).toEqual({
      kind: 'sql-error',
      message: 'relation "nope" does not exist',
      code: '42P01',
      hint: 'Create it first.',
      location: { file: '/q/demo/main.sql', line: 3, column: 8 },
      lineText: '  FROM nope;',
    });
    expect(ran).toEqual(['SELECT *\n  FROM nope', 'SELECT 2']);
  });

  it('places an error without a position at the start of its statement', async () => {
    const { host } = fakeHost({
      "INSERT INTO logs VALUES ('2030-01-01')": postgresError('no partition of relation "logs" found for row', {
        code: '23514',
        detail: 'Partition key of the failing row contains (ts) = (2030-01-01).',
      }),
    });
    const { entries } = await run(
      { '/q/demo/main.sql': "SELECT 1;\n   INSERT INTO logs VALUES ('2030-01-01');" },
      host,
    );
    expect(entries[1]).toMatchObject({
      kind: 'sql-error',
      code: '23514',
      detail: 'Partition key of the failing row contains (ts) = (2030-01-01).',
      location: { line: 2, column: 4 },
    });
  });

  it('runs \\i files in place, and reports errors in the included file by its name', async () => {
    const { host, ran } = fakeHost({
      'CREATE TABLE broken (id int,)': postgresError('syntax error at or near ")"', { code: '42601', position: '29' }),
    });
    const { entries } = await run(
      {
        '/q/demo/main.sql': 'SELECT 1;\n\\i schema.sql\nSELECT 2;',
        '/q/demo/schema.sql': '\nCREATE TABLE broken (id int,);',
      },
      host,
    );
    expect(ran).toEqual(['SELECT 1', 'CREATE TABLE broken (id int,)', 'SELECT 2']);
    expect(entries[1]).toMatchObject({
      kind: 'sql-error',
      location: { file: '/q/demo/schema.sql', line: 2, column: 29 },
    });
  });

  it('fails on a missing \\i file, an unsupported meta-command, and without Postgres', async () => {
    const { host } = fakeHost({});
    const missing = await run({ '/q/demo/main.sql': '\\i nope.sql\n\\d users' }, host);
    expect(missing.status).toBe('error');
    expect(missing.entries.map((e) => (e.kind === 'exception' ? e.title : e.kind))).toEqual([
      '\\i nope.sql: no such file in this playground (main.sql:1:1)',
      '\\d: this playground runs SQL statements and \\i <file> only (main.sql:2:1)',
    ]);
    const without = await run({ '/q/demo/main.sql': 'SELECT 1;' }, undefined);
    expect(without).toEqual({
      status: 'error',
      entries: [{ kind: 'exception', title: 'Error: PostgreSQL is not available in this sandbox', stack: '' }],
    });
  });
});
