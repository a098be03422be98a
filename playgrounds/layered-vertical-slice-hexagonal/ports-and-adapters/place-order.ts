/**
 * Hexagonal core: the PlaceOrder use case and its business rule. It depends on nothing but the
 * OrderRepository port, which the core owns; adapters outside implement it (see adapters.ts).
 */

export interface Order {
  readonly id: string;
  readonly customerId: string;
  readonly amount: number;
  readonly status: 'open' | 'paid';
}

/** Outbound port: what the core needs from storage, in the core's own terms. */
export interface OrderRepository {
  nextId(): Promise<string>;
  openOrdersOf(customerId: string): Promise<readonly Order[]>;
  save(order: Order): Promise<void>;
}

export type PlaceOrderError = 'invalid-amount' | 'credit-limit-exceeded';

export type PlaceOrderResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly error: PlaceOrderError; readonly detail: string };

/** The business rules, the same in both architectures. First: an order is for a positive amount. */
export function validateAmount(amount: number): PlaceOrderResult | undefined {
  return amount > 0
    ? undefined
    : { ok: false, error: 'invalid-amount', detail: `amount must be positive, got ${amount}` };
}

/** Second: a customer's open orders may not exceed the credit limit. */
export function checkCreditLimit(
  amount: number,
  openOrders: readonly Order[],
  creditLimit: number,
): PlaceOrderResult | undefined {
  const exposure = openOrders.reduce((sum, order) => sum + order.amount, 0);
  if (exposure + amount > creditLimit) {
    return { ok: false, error: 'credit-limit-exceeded', detail: `${exposure} open + ${amount} > limit ${creditLimit}` };
  }
  return undefined;
}

/** Inbound port (the use case): a REST controller, a message consumer or a test calls it. */
export class PlaceOrder {
  constructor(
    private readonly orders: OrderRepository,
    private readonly creditLimit: number,
  ) {}

  async execute(customerId: string, amount: number): Promise<PlaceOrderResult> {
    const rejected =
      validateAmount(amount) ?? checkCreditLimit(amount, await this.orders.openOrdersOf(customerId), this.creditLimit);
    if (rejected) return rejected;
    const order: Order = { id: await this.orders.nextId(), customerId, amount, status: 'open' };
    await this.orders.save(order);
    return { ok: true, order };
  }
}
