/** One small shop's data, stored below both ways: as related tables and as order documents. */

export interface Customer {
  readonly id: number;
  readonly name: string;
}

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly priceCents: number;
}

export interface Order {
  readonly id: number;
  readonly customerId: number;
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
}

export const customers: readonly Customer[] = [
  { id: 1, name: 'Ada' },
  { id: 2, name: 'Grace' },
  { id: 3, name: 'Alan' },
];

export const products: readonly Product[] = [
  { id: 'p-cable', name: 'USB-C cable', priceCents: 900 },
  { id: 'p-hub', name: 'USB hub', priceCents: 2_900 },
  { id: 'p-mouse', name: 'Wireless mouse', priceCents: 2_400 },
];

export const orders: readonly Order[] = [
  {
    id: 1001,
    customerId: 1,
    items: [
      { productId: 'p-cable', quantity: 2 },
      { productId: 'p-hub', quantity: 1 },
    ],
  },
  {
    id: 1002,
    customerId: 2,
    items: [
      { productId: 'p-mouse', quantity: 1 },
      { productId: 'p-cable', quantity: 1 },
    ],
  },
  { id: 1003, customerId: 1, items: [{ productId: 'p-mouse', quantity: 1 }] },
  { id: 1004, customerId: 3, items: [{ productId: 'p-cable', quantity: 3 }] },
];
