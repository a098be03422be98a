import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

/** The printed lines without their "[t=…]" stamps. */
const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

describe('idempotent-operations/idempotency-key', () => {
  const id = 'idempotent-operations/idempotency-key';

  it('charges once per key, twice with check-then-act, once with the SET NX claim', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);
    expect(text).toEqual(
      expect.arrayContaining([
        'key-A: charged pay_1',
        'key-A again: replayed pay_1',
        'key-A charged 1 time(s)',
        'key-B: charged pay_2',
        'key-B charged 1 time(s)',
        '  request 1 (key-C): charged pay_3',
        '  request 2 (key-C): charged pay_4',
        'check-then-act: key-C charged 2 time(s)',
        '  request 2 (key-D): 409 in progress',
        '  request 1 (key-D): charged pay_5',
        'key-D, a later retry: replayed pay_5',
        'SET NX claim: key-D charged 1 time(s)',
        'key-E: payment-provider: 503 Service Unavailable; key released: true',
        'key-E retried: charged pay_6',
        'key-E charged 1 time(s)',
        'provider made 6 charges for 5 keys: one per key + 1 double charge(s) by check-then-act',
      ]),
    );
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});

describe('idempotent-operations/payment-service', () => {
  const id = 'idempotent-operations/payment-service';

  it('creates duplicate payments with the seed version and one per key with the unique constraint', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);
    expect(text).toEqual(
      expect.arrayContaining([
        '--- seed: cache check, then insert ---',
        'key-A retried: payment #1 (cache)',
        'key-C x2 at once: payment #3 (created), payment #4 (created)',
        'key-A retried after the cache TTL: payment #5 (created)',
        '--- fixed: unique key, cache after commit ---',
        'key-B: payment #2 (created)',
        'key-C x2 at once: payment #3 (created), payment #3 (existing)',
        'key-A retried after the cache TTL: payment #1 (existing)',
        // console.table: payments per key
        "0 | 'seed: cache check, then insert' | 2 | 1 | 2",
        "1 | 'fixed: unique key, cache after commit' | 1 | 1 | 1",
      ]),
    );
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
