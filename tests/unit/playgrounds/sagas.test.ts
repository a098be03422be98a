import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

// Generous: under a full parallel test run (PGlite suites included) a run can take seconds.
const RUN = { timeout: 30_000 };

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

/** The lines between the heading that starts with `heading` and the next heading. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`--- ${heading}`));
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('--- '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('sagas/order-saga', () => {
  const id = 'sagas/order-saga';

  it('completes, compensates in reverse order, and charges a retried step once', RUN, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    expect(section(text, '1. every step succeeds')).toEqual([
      'saga-1: createOrder ✓ order-1',
      'saga-1: reserveInventory ✓ res-1',
      'saga-1: chargePayment ✓ pay-1',
      'saga-1: createShipment ✓ ship-1',
      'result: completed (order-1)',
      'stock 8/10 · order-1 open · card charged 1 time(s), refunded 0 · shipments 1',
    ]);

    // payment declined: release the stock, then cancel the order (newest first)
    expect(section(text, '2. payment declined')).toEqual([
      'saga-2: createOrder ✓ order-1',
      'saga-2: reserveInventory ✓ res-1',
      'saga-2: chargePayment ✗ PaymentFailed: card declined',
      'saga-2: compensated: releaseInventory ✓',
      'saga-2: compensated: cancelOrder ✓',
      'result: cancelled after chargePayment failed (PaymentFailed: card declined)',
      'stock 10/10 · order-1 cancelled · card charged 0 time(s), refunded 0 · shipments 0',
    ]);

    // shipping fails: refund (retried after a 503), release, cancel
    const shipping = section(text, '3. shipping fails');
    expect(shipping).toContain('saga-3: createShipment ✗ ShippingFailed: address not deliverable');
    expect(shipping.filter((l) => l.startsWith('saga-3: compensated:'))).toEqual([
      'saga-3: compensated: refundPayment ✓',
      'saga-3: compensated: releaseInventory ✓',
      'saga-3: compensated: cancelOrder ✓',
    ]);
    expect(shipping).toContain(
      'saga-3: refundPayment attempt 1 failed (ServiceError: payments: 503 Service Unavailable), retrying in 100 ms',
    );
    expect(shipping).toContain('stock 10/10 · order-1 cancelled · card charged 1 time(s), refunded 1 · shipments 0');

    // a lost response: the retried charge carries the same key and charges once; without keys, twice
    const lost = section(text, '4. the charge goes through');
    expect(lost).toContain(
      'saga-4: chargePayment attempt 1 failed (TimeoutError: chargePayment timed out after 300 ms), retrying in 100 ms',
    );
    expect(lost).toContain('saga-4: chargePayment ✓ pay-1');
    expect(lost).toContain('with idempotency keys: 2 charge requests, card charged 1 time(s)');
    const noKeys = section(text, '5. the same retry without idempotency keys');
    expect(noKeys).toContain('saga-5: chargePayment ✓ pay-2');
    expect(noKeys).toContain('without keys: 2 charge requests, card charged 2 time(s)');

    // the saga store kept every saga's outcome
    const table = section(text, 'the saga store');
    expect(table[0]).toBe('(index) | saga | status | completed | compensated | failure');
    expect(table.slice(1).map((row) => row.split(' | ').slice(1, 5))).toEqual([
      ["'saga-1'", "'completed'", '4', "'-'"],
      ["'saga-2'", "'cancelled'", '2', "'releaseInventory, cancelOrder'"],
      ["'saga-3'", "'cancelled'", '3', "'refundPayment, releaseInventory, cancelOrder'"],
      ["'saga-4'", "'completed'", '4', "'-'"],
      ["'saga-5'", "'completed'", '4', "'-'"],
    ]);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', RUN, async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
