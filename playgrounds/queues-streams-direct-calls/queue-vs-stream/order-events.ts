/** What the order service emits: each order goes placed → paid → shipped. */
export type OrderStatus = 'placed' | 'paid' | 'shipped';

export interface OrderEvent {
  readonly orderId: string;
  readonly status: OrderStatus;
}

const LIFECYCLE: readonly OrderStatus[] = ['placed', 'paid', 'shipped'];

/** The events of `orders` orders, interleaved as they would happen: all placed, then all paid… */
export function orderEvents(orders: number): OrderEvent[] {
  return LIFECYCLE.flatMap((status) =>
    Array.from({ length: orders }, (_, i) => ({ orderId: `order-${i + 1}`, status })),
  );
}

/** True if every order's events appear in lifecycle order (they may interleave with other orders'). */
export function inLifecycleOrder(events: readonly OrderEvent[]): boolean {
  const seen = new Map<string, number>();
  for (const { orderId, status } of events) {
    const step = LIFECYCLE.indexOf(status);
    if (step < (seen.get(orderId) ?? -1)) return false;
    seen.set(orderId, step);
  }
  return true;
}
