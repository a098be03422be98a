/**
 * One feature, a price quote for a cart, as five plain steps. The logic is the essential complexity;
 * where the steps run (one process or five services) is a choice of the solution.
 */

export interface QuoteRequest {
  readonly token: string;
}

export interface CartLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface Quote {
  readonly customerId: string;
  readonly totalCents: number;
}

const CATALOG: Readonly<Record<string, number>> = { 'sku-book': 1_500, 'sku-pen': 250, 'sku-bag': 4_900 };

export function authenticate(request: QuoteRequest): string {
  return request.token.replace('token-', 'customer-');
}

export function loadCart(customerId: string): { customerId: string; lines: CartLine[] } {
  const n = Number(customerId.replace(/\D/g, '')) || 0;
  return {
    customerId,
    lines: [
      { sku: 'sku-book', quantity: 1 + (n % 3) },
      { sku: 'sku-pen', quantity: 2 },
    ],
  };
}

export function priceCart(cart: { customerId: string; lines: CartLine[] }): {
  customerId: string;
  subtotalCents: number;
} {
  const subtotalCents = cart.lines.reduce((sum, line) => sum + (CATALOG[line.sku] ?? 0) * line.quantity, 0);
  return { customerId: cart.customerId, subtotalCents };
}

export function applyDiscounts(priced: { customerId: string; subtotalCents: number }): {
  customerId: string;
  subtotalCents: number;
} {
  return priced.subtotalCents >= 4_000 ? { ...priced, subtotalCents: Math.round(priced.subtotalCents * 0.9) } : priced;
}

export function addTax(priced: { customerId: string; subtotalCents: number }): Quote {
  return { customerId: priced.customerId, totalCents: Math.round(priced.subtotalCents * 1.2) };
}

/** The feature in one process: five function calls. */
export function quoteInProcess(request: QuoteRequest): Quote {
  return addTax(applyDiscounts(priceCart(loadCart(authenticate(request)))));
}
