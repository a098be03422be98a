/** The tests for placing an order: written once, against "something that places orders". */
import type { PlaceOrderResult } from './place-order';

export type PlaceOrderFn = (customerId: string, amount: number) => Promise<PlaceOrderResult>;

interface OrderTest {
  readonly name: string;
  readonly run: (placeOrder: PlaceOrderFn) => Promise<void>;
}

function expectResult(result: PlaceOrderResult, expected: 'ok' | 'invalid-amount' | 'credit-limit-exceeded'): void {
  const actual = result.ok ? 'ok' : result.error;
  if (actual !== expected)
    throw new Error(`expected ${expected}, got ${actual}${result.ok ? '' : ` (${result.detail})`}`);
}

// Written for a credit limit of 500.
export const orderTests: readonly OrderTest[] = [
  { name: 'accepts an order within the limit', run: async (place) => expectResult(await place('alice', 200), 'ok') },
  {
    name: 'rejects a non-positive amount',
    run: async (place) => expectResult(await place('alice', 0), 'invalid-amount'),
  },
  {
    name: 'rejects an order over the limit',
    run: async (place) => {
      expectResult(await place('bob', 300), 'ok');
      expectResult(await place('bob', 300), 'credit-limit-exceeded');
    },
  },
  {
    name: "ignores other customers' orders",
    run: async (place) => {
      expectResult(await place('carol', 400), 'ok');
      expectResult(await place('dave', 400), 'ok');
    },
  },
];

export interface SuiteResult {
  readonly passed: number;
  /** Test name → '✓' or '✗ why'. */
  readonly results: Record<string, string>;
}

/** Runs every test with a fresh `placeOrder` from `setUp` (which may itself fail, like a fixture can). */
export async function runSuite(setUp: () => Promise<PlaceOrderFn>): Promise<SuiteResult> {
  const results: Record<string, string> = {};
  let passed = 0;
  for (const test of orderTests) {
    try {
      await test.run(await setUp());
      results[test.name] = '✓';
      passed += 1;
    } catch (error) {
      results[test.name] = `✗ ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { passed, results };
}
