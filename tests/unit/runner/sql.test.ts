import { describe, expect, it } from 'vitest';
import { leadingComment, lineColumnAt, offsetOfPosition, splitSql } from '../../../src/lib/runner/sql';

const texts = (source: string) =>
  splitSql(source).map((p) => (p.kind === 'statement' ? p.text : `${p.command} ${p.argument}`));

describe('splitSql', () => {
  it('splits at top-level semicolons and keeps a last statement without one', () => {
    expect(texts('SELECT 1;\nSELECT 2 ;  SELECT 3')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('starts each statement at its first token, after comments, and drops empty ones', () => {
    const source = '-- a comment; not a statement\n/* block; */ CREATE TABLE t (id int);;\n-- trailing\n';
    const pieces = splitSql(source);
    expect(pieces).toEqual([{ kind: 'statement', text: 'CREATE TABLE t (id int)', offset: source.indexOf('CREATE') }]);
  });

  it('ignores semicolons in strings, identifiers, comments, dollar quotes and parentheses', () => {
    const source = [
      "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;')",
      'SELECT "odd;name" -- a comment; then the next line\nFROM t',
      'SELECT 1 /* outer /* nested; */ still; comment */',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$',
      'DO $body$ BEGIN PERFORM 1; END $body$',
      'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)',
      'SELECT $1::int',
    ].join(';\n');
    expect(texts(source)).toHaveLength(7);
    expect(texts(source)[0]).toBe("INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\\'slash;')");
    expect(texts(source)[3]).toBe('CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$');
  });

  it('reads a psql meta-command to the end of its line', () => {
    expect(splitSql('\\i schema.sql\nSELECT 1;')).toEqual([
      { kind: 'meta', command: '\\i', argument: 'schema.sql', offset: 0 },
      { kind: 'statement', text: 'SELECT 1', offset: 14 },
    ]);
  });
});

describe('error positions', () => {
  it('maps a 1-based character position in a statement to the line and column in the file', () => {
    const source = 'SELECT 1;\n\nSELECT *\n  FROM nope;';
    const statement = splitSql(source)[1]!;
    if (statement.kind !== 'statement') throw new Error('expected a statement');
    // Postgres reports "relation \"nope\" does not exist" at position 17: the n of nope.
    const offset = offsetOfPosition(statement, 17);
    expect(source.slice(offset, offset + 4)).toBe('nope');
    expect(lineColumnAt(source, offset)).toEqual({ line: 4, column: 8 });
  });

  it('counts characters as Postgres does, not UTF-16 units', () => {
    const statement = { text: "SELECT '😀', nope", offset: 5 };
    // The emoji is one character for Postgres and two UTF-16 units in JavaScript.
    expect(offsetOfPosition(statement, 13)).toBe(5 + "SELECT '😀', ".length);
  });
});

describe('leadingComment', () => {
  const source = [
    '-- not this one: a blank line follows',
    '',
    '-- Step 1: add the column',
    '  -- (safe: nullable)',
    'ALTER TABLE users ADD COLUMN phone TEXT;',
    'SELECT 1; SELECT 2;',
    'SELECT 3 -- trailing',
    ';',
    '-- the first of two on a line',
    'SELECT 4; SELECT 5;',
  ].join('\n');
  const at = (statement: string) =>
    splitSql(source).find((p) => p.kind === 'statement' && p.text === statement)!.offset;

  it('gives the -- lines right above the statement, as written', () => {
    expect(leadingComment(source, at('ALTER TABLE users ADD COLUMN phone TEXT'))).toBe(
      '-- Step 1: add the column\n-- (safe: nullable)',
    );
  });

  it('gives nothing for a statement without a comment line right above it', () => {
    expect(leadingComment(source, at('SELECT 1'))).toBeUndefined();
    expect(leadingComment(source, at('SELECT 2'))).toBeUndefined();
    expect(leadingComment(source, at('SELECT 3 -- trailing'))).toBeUndefined();
    expect(leadingComment(source, at('SELECT 4'))).toBe('-- the first of two on a line');
    expect(leadingComment(source, at('SELECT 5'))).toBeUndefined();
  });
});
