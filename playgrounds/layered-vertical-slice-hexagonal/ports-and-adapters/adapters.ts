/** Driven adapters: two implementations of the OrderRepository port. The core knows neither. */
import type { Database } from '../../kit/db';
import type { Order, OrderRepository } from './place-order';

/** For tests: a Map, no I/O. */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();

  async nextId(): Promise<string> {
    return `order-${this.orders.size + 1}`;
  }

  async openOrdersOf(customerId: string): Promise<readonly Order[]> {
    return [...this.orders.values()].filter((o) => o.customerId === customerId && o.status === 'open');
  }

  async save(order: Order): Promise<void> {
    this.orders.set(order.id, order);
  }
}

export interface OrderTables {
  orders: Order;
}

/** For production: SQL statements on a (simulated) database, each taking its latency. */
export class SqlOrderRepository implements OrderRepository {
  constructor(private readonly db: Database<OrderTables>) {}

  async nextId(): Promise<string> {
    return `order-${this.db.nextId('orders')}`;
  }

  async openOrdersOf(customerId: string): Promise<readonly Order[]> {
    // SELECT * FROM orders WHERE customer_id = $1 AND status = 'open'
    return this.db.select('orders', { customerId, status: 'open' });
  }

  async save(order: Order): Promise<void> {
    // INSERT INTO orders … ON CONFLICT (id) DO UPDATE
    await this.db.upsert('orders', order);
  }
}
