import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

/** Each virtual timer costs about a millisecond in Node; leave room on a busy machine. */
const SLOW = { timeout: 30_000 };

describe('layered-vertical-slice-hexagonal/ports-and-adapters', () => {
  const id = 'layered-vertical-slice-hexagonal/ports-and-adapters';
  const TESTS = [
    'accepts an order within the limit',
    'rejects a non-positive amount',
    'rejects an order over the limit',
    "ignores other customers' orders",
  ];
  const refused = "'✗ connect ECONNREFUSED orders-db:5432'";

  it('passes the same tests against both adapters, and the layered rule only with its database', SLOW, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    expect(lines).toEqual([
      '--- hexagonal: PlaceOrder sees only the OrderRepository port ---',
      'in-memory adapter: 4/4 tests passed, 0 database queries, 0 ms',
      'database adapter: 4/4 tests passed, 13 database queries, 65 ms',
      '--- layered: OrderService creates its OrderDao, which connects to orders-db ---',
      'layered, db up: 4/4 tests passed, 13 database queries, 65 ms',
      'layered, db down: 0/4 tests passed, 0 database queries, 0 ms',
      '"rejects a non-positive amount" never reads a row, yet it cannot run without the database',
      '--- the same tests, four ways ---',
      '(index) | in-memory adapter | database adapter | layered, db up | layered, db down',
      ...TESTS.map((test) => `${test} | '✓' | '✓' | '✓' | ${refused}`),
    ]);
  });

  it('fails the same test against both adapters when the rule changes', SLOW, async () => {
    const main = playgroundSources()[`/${id}/main.ts`]!;
    const edited = main.replace('const CREDIT_LIMIT = 500;', 'const CREDIT_LIMIT = 1_000;');
    expect(edited).not.toBe(main);
    const { status, lines } = await runPlayground(id, { [`/${id}/main.ts`]: edited });
    expect(status).toBe('ok');
    expect(lines).toContain('in-memory adapter: 3/4 tests passed, 0 database queries, 0 ms');
    expect(lines).toContain(
      "rejects an order over the limit | '✗ expected credit-limit-exceeded, got ok' | '✗ expected credit-limit-exceeded, got ok' | '✗ expected credit-limit-exceeded, got ok' | " +
        refused,
    );
  });

  it('prints the same thing every run', SLOW, async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
