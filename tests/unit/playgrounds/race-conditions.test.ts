import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

describe('race-conditions/inventory', () => {
  const id = 'race-conditions/inventory';

  it('oversells with read-modify-write and sells exactly the stock with each of the seed\'s options', async () => {
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
    const row = (strategy: string) => text.find((line) => line.includes(`'${strategy}'`))!.split(' | ').slice(1, 9);
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
