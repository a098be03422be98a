import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

describe('exactly-once-processing/message-processor', () => {
  const id = 'exactly-once-processing/message-processor';

  it('applies every payment exactly once despite duplicates and redeliveries', async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);
    expect(text).toEqual(
      expect.arrayContaining([
        // a key made per delivery: the broker's duplicates and redeliveries are applied again
        '28 deliveries (5 duplicates, 3 redeliveries after 3 lost replies)',
        '28 payments applied for 20 messages: 8 too many',
        // the message id as the key
        '  msg-1 (attempt 1): connection reset: payment #1 committed, its reply was lost',
        '  msg-1 redelivered (attempt 2): DuplicatePaymentError, payment #1 found in the store',
        '  msg-7 duplicate copy, raced the original: DuplicatePaymentError, payment #7 found in the store',
        '27 deliveries (5 duplicates, 2 redeliveries after 2 lost replies)',
        '20 payments applied for 20 messages: each exactly once',
        "deliveries: 18 processed, 2 failed (reply lost), 1 answered from the cache, 6 by the store's unique key",
      ]),
    );
    // console.table: account | expected | key per delivery | key = message id
    const balances = text
      .filter((line) => line.includes("'acct-"))
      .map((line) => line.split(' | ').slice(2).map(Number));
    expect(balances).toHaveLength(3);
    for (const [expected, perDelivery, perMessage] of balances) {
      expect(perMessage).toBe(expected);
      expect(perDelivery).toBeGreaterThan(expected!);
    }
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
