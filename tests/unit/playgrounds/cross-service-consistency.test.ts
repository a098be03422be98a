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

describe('cross-service-consistency/order-saga', () => {
  const id = 'cross-service-consistency/order-saga';

  it('compensates every failed step in reverse order and keys retries by the request id', RUN, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    const success = section(text, '1. every step succeeds');
    expect(success).toContain('result: completed (order-1)');
    expect(success).toContain('orders: order-1 open · stock 8/10 · card charged 1 time(s), refunded 0 · shipments 1');

    expect(section(text, '2. payment declined')).toEqual([
      'saga: createOrder ✓ order-1',
      'saga: reserveInventory ✓ res-1',
      'saga: ✗ PaymentError: card declined',
      'saga: compensated: releaseInventory ✓',
      'saga: compensated: cancelOrder ✓',
      'result: compensated [releaseInventory → cancelOrder] after PaymentError: card declined',
      'orders: order-1 cancelled · stock 10/10 · card charged 0 time(s), refunded 0 · shipments 0',
    ]);

    // the seed's version: charge() is outside the try, so nothing is undone
    const seedDeclined = section(text, '2b. the same with the seed');
    expect(seedDeclined).toContain('seed version threw PaymentError: card declined, compensated nothing');
    expect(seedDeclined).toContain(
      'orders: order-1 open · stock 8/10 · card charged 0 time(s), refunded 0 · shipments 0',
    );

    const shipping = section(text, '3. shipping fails');
    expect(shipping).toContain(
      'saga: refundPayment failed (ServiceError: payments: 503 Service Unavailable), retrying',
    );
    expect(shipping).toContain(
      'result: compensated [refundPayment → releaseInventory → cancelOrder] after ShippingError: address not deliverable',
    );
    expect(shipping).toContain(
      'orders: order-1 cancelled · stock 10/10 · card charged 1 time(s), refunded 1 · shipments 0',
    );

    // a client retry: keys from the request id find the same order, payment and shipment
    const fixed = section(text, '4. the client times out and retries');
    expect(fixed).toContain('client: no answer after 70 ms, sending the same checkout again');
    expect(fixed).toContain('attempt 2: createOrder ✓ order-1');
    expect(fixed).toContain('attempt 2: chargePayment ✓ pay-1');
    expect(fixed.at(-1)).toBe('orders: order-1 open · stock 8/10 · card charged 1 time(s), refunded 0 · shipments 1');

    // the seed's keys: a second order, so a second reservation, charge and shipment
    const seedKeys = section(text, '4b. the same retry with the seed');
    expect(seedKeys).toContain('attempt 2: createOrder ✓ order-2');
    expect(seedKeys).toContain('attempt 2: chargePayment ✓ pay-2');
    expect(seedKeys.at(-1)).toBe(
      'orders: order-1 open, order-2 open · stock 6/10 · card charged 2 time(s), refunded 0 · shipments 2',
    );
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', RUN, async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
