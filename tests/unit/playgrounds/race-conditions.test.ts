import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

const POSTGRES = { timeout: 240_000 }; // initdb on a busy machine

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

describe('race-conditions/inventory', () => {
  const id = 'race-conditions/inventory';

  it("oversells with read-modify-write and sells exactly the stock with each of the seed's options", async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);
    expect(text).toEqual(
      expect.arrayContaining([
        '--- 20 buyers, 10 in stock, 1 each ---',
        'naive: sold 16 of 10, the row says 0 left: oversold by 6',
        'pessimistic: sold 10 of 10, the row says 0 left',
        'optimistic: sold 10 of 10, the row says 0 left',
        'atomic: sold 10 of 10, the row says 0 left',
        '  buyer-1: item sku-42 changed since version 1, retry in 4 ms',
      ]),
    );
    // console.table: strategy | sold | stock left | oversold | turned away | conflicts | gave up | lock waits | virtual ms
    const row = (strategy: string) =>
      text
        .find((line) => line.includes(`'${strategy}'`))!
        .split(' | ')
        .slice(1, 9);
    expect(row('naive')).toEqual(["'naive'", '16', '0', '6', '4', '0', '0', '0']);
    expect(row('pessimistic')).toEqual(["'pessimistic'", '10', '0', '0', '10', '0', '0', '19']);
    expect(row('optimistic')).toEqual(["'optimistic'", '10', '0', '0', '10', '8', '0', '0']);
    expect(row('atomic')).toEqual(["'atomic'", '10', '0', '0', '10', '0', '0', '0']);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});

describe('race-conditions/inventory-sql', () => {
  const id = 'race-conditions/inventory-sql';
  const stockAndSold = (lines: readonly string[]) =>
    lines.flatMap((line, i) => (lines[i - 1] === 'stock | sold' ? [line] : []));

  it(
    "runs the seed's SQL on PostgreSQL: the lost update oversells, each option sells exactly the stock",
    POSTGRES,
    async () => {
      const { status, lines } = await runPlayground(id);
      expect(status).toBe('ok');
      // stock | sold after each block: without protection 6 are sold out of 5 and the stock says 2.
      expect(stockAndSold(lines)).toEqual(['2 | 6', '2 | 3', '2 | 3', '2 | 3']);
      // Option 1: the row carries A's lock inside A's transaction; B then reads the 2 that A left.
      expect(lines.slice(lines.indexOf('stock | locked_by_a'), lines.indexOf('stock | locked_by_a') + 2)).toEqual([
        'stock | locked_by_a',
        '5 | t',
      ]);
      expect(lines).toContain('sku-1 | 2 | 1');
      // Options 2 and 3: A's conditional update matches one row, B's none.
      const updates = lines.filter((line) => /^UPDATE \d$/.test(line));
      expect(updates).toEqual([
        ...['UPDATE 1', 'UPDATE 1'], // the lost update: both writes land
        'UPDATE 1', // reset
        'UPDATE 1', // option 1: A
        'UPDATE 1', // reset
        ...['UPDATE 1', 'UPDATE 0'], // option 2: A, then B's stale version
        'UPDATE 1', // reset
        ...['UPDATE 1', 'UPDATE 0'], // option 3: A, then B out of stock
      ]);
      expect(lines).toContain('2 | 2'); // B re-reads: stock 2, version 2 — out of stock, not a conflict to retry
    },
  );

  it("contains the seed's statements, with values in place of the ? parameters", () => {
    const main = playgroundSources()[`/${id}/main.sql`]!;
    for (const statement of [
      "SELECT * FROM inventory WHERE id = 'sku-1' FOR UPDATE;",
      "UPDATE inventory SET stock = stock - 3 WHERE id = 'sku-1';",
      "UPDATE inventory SET stock = stock - 3, version = version + 1 WHERE id = 'sku-1' AND version = 1 AND stock >= 3;",
      "UPDATE inventory SET stock = stock - 3 WHERE id = 'sku-1' AND stock >= 3;",
    ])
      expect(main).toContain(statement);
  });
});
