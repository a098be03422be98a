import { describe, expect, it } from 'vitest';
import { formatArgs, inspect, renderTable, tableData } from '../../../src/lib/runner/format';

class Account {
  constructor(
    readonly id: string,
    public balance: number,
  ) {}
}

describe('inspect, like Node', () => {
  it('formats primitives', () => {
    expect([1, -0, 10n, true, null, undefined, Symbol('s')].map((v) => inspect(v))).toEqual([
      '1',
      '-0',
      '10n',
      'true',
      'null',
      'undefined',
      'Symbol(s)',
    ]);
    expect(inspect('top-level strings are raw')).toBe('top-level strings are raw');
    expect(inspect(['nested strings are quoted', "it's"])).toBe(`[ 'nested strings are quoted', "it's" ]`);
  });

  it('formats nested objects and arrays, collapsing beyond depth 2', () => {
    expect(inspect({ a: 1, b: { c: [1, 2, { d: { e: 1 } }] } })).toBe('{ a: 1, b: { c: [ 1, 2, [Object] ] } }');
    expect(inspect({ 'odd key': 1, ok: [] })).toBe("{ 'odd key': 1, ok: [] }");
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is being formatted
    expect(inspect([1, , 3])).toBe('[ 1, <1 empty item>, 3 ]');
  });

  it('names class instances, Maps and Sets', () => {
    expect(inspect(new Account('acc-1', 100))).toBe("Account { id: 'acc-1', balance: 100 }");
    expect(inspect(new Map([['k', { v: 1 }]]))).toBe("Map(1) { 'k' => { v: 1 } }");
    expect(inspect(new Set([1, 'two']))).toBe("Set(2) { 1, 'two' }");
    expect(inspect(Object.create(null))).toBe('[Object: null prototype] {}');
  });

  it('formats functions, classes, dates and regular expressions', () => {
    expect(inspect(function charge() {})).toBe('[Function: charge]');
    expect(inspect(async () => {})).toBe('[AsyncFunction (anonymous)]');
    expect(inspect(Account)).toBe('[class Account]');
    expect(inspect(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(inspect(/a+/g)).toBe('/a+/g');
  });

  it('shows errors with their stack, and nested errors by their first line', () => {
    const error = new RangeError('too big');
    expect(inspect(error)).toMatch(/^RangeError: too big\n\s+at /);
    expect(inspect({ error })).toBe('{ error: [RangeError: too big] }');
  });

  it('marks circular references', () => {
    const node: { name: string; self?: unknown } = { name: 'n' };
    node.self = node;
    expect(inspect(node)).toBe("<ref *1> { name: 'n', self: [Circular *1] }");
  });

  it('breaks long collections over several lines', () => {
    const text = inspect({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: 'c'.repeat(30) });
    expect(text.split('\n')).toEqual([
      '{',
      `  first: '${'a'.repeat(30)}',`,
      `  second: '${'b'.repeat(30)}',`,
      `  third: '${'c'.repeat(30)}'`,
      '}',
    ]);
  });

  it('caps very long arrays', () => {
    expect(inspect(Array.from({ length: 150 }, (_, i) => i))).toContain('... 50 more items');
  });
});

describe('formatArgs', () => {
  it('applies printf-style specifiers and appends the rest', () => {
    expect(formatArgs(['%s charged %d cents (%i%%)', 'alice', 250.5, 99.9, { extra: true }])).toBe(
      'alice charged 250.5 cents (99%) { extra: true }',
    );
    expect(formatArgs(['json %j', { a: [1] }])).toBe('json {"a":[1]}');
    expect(formatArgs(['%o', [1]])).toBe('[ 1 ]');
  });
  it('joins plain arguments with spaces, inspecting non-strings', () => {
    expect(formatArgs(['balance', 100, 'ok', [1, 2]])).toBe('balance 100 ok [ 1, 2 ]');
  });
});

describe('console.table data', () => {
  it('has an index column, the union of keys, and Values for primitives', () => {
    const table = tableData([{ a: 1, b: 'x' }, { b: 'y', c: true }, 7]);
    expect(table).toEqual({
      header: ['(index)', 'a', 'b', 'c', 'Values'],
      rows: [
        ['0', '1', "'x'", '', ''],
        ['1', '', "'y'", 'true', ''],
        ['2', '', '', '', '7'],
      ],
    });
    expect(renderTable(table!).split('\n')[0]).toBe('┌─────────┬───┬─────┬──────┬────────┐');
  });
  it('respects the column filter and refuses primitives', () => {
    expect(tableData({ x: { a: 1, b: 2 } }, ['b'])).toEqual({ header: ['(index)', 'b'], rows: [['x', '2']] });
    expect(tableData(42)).toBeUndefined();
  });
});
