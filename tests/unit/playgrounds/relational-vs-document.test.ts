import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** The first run in a test process pays for PostgreSQL's initdb. */
const POSTGRES = { timeout: 120_000 };

describe('relational-vs-document/orders', () => {
  const id = 'relational-vs-document/orders';

  it(
    'joins tables for product names, reads one document without a join, and shows the rename anomaly',
    POSTGRES,
    async () => {
      const { status, lines } = await runPlayground(id);
      expect(status).toBe('ok');
      expect(lines.slice(0, 9)).toEqual([
        '--- relational: customers, products, orders, order_items; each fact stored once ---',
        '(index) | order_id | customer | product | quantity',
        "0 | 1001 | 'Ada' | 'USB hub' | 1",
        "1 | 1001 | 'Ada' | 'USB-C cable' | 2",
        "2 | 1002 | 'Grace' | 'USB-C cable' | 1",
        "3 | 1002 | 'Grace' | 'Wireless mouse' | 1",
        "4 | 1003 | 'Ada' | 'Wireless mouse' | 1",
        "5 | 1004 | 'Alan' | 'USB-C cable' | 3",
        'order 1002: 1 query joining 4 tables, 2 rows to put back together',
      ]);
      expect(lines).toContain('order 1002: 1 read, no join: {');
      expect(lines).toContain("  customer: { id: 2, name: 'Grace' },");
      expect(lines.slice(-4)).toEqual([
        '--- rename p-cable to "USB-C cable, 2 m" ---',
        'relational: UPDATE changed 1 row; 3 of 3 order lines now read "USB-C cable, 2 m"',
        'document: the catalogue says "USB-C cable, 2 m", but 3 order documents still say "USB-C cable": an update anomaly',
        'the fix: updateMany rewrote 3 order documents (and must reach every other copy); stale now: 0',
      ]);
    },
  );

  it('prints the same thing every run', POSTGRES, async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
