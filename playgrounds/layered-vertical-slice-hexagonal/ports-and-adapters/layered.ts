/**
 * The same feature in a layered architecture: Presentation → Business → Data. The business layer
 * creates its data access object, and the DAO connects to the one shared database: there is no seam
 * where a test could put something else, so the rule is only testable with the database running.
 */
import { Database } from '../../kit/db';
import type { OrderTables } from './adapters';
import { checkCreditLimit, validateAmount, type Order, type PlaceOrderResult } from './place-order';

/** The database server the whole application talks to. */
export const ordersDb = new Database<OrderTables>({ name: 'orders-db', latency: 5 });
export const databaseServer = { reachable: true };

function connect(): Database<OrderTables> {
  if (!databaseServer.reachable) throw new Error('connect ECONNREFUSED orders-db:5432');
  return ordersDb;
}

/** Data access layer. */
export class OrderDao {
  private readonly db = connect();

  findOpenByCustomer(customerId: string) {
    return this.db.select('orders', { customerId, status: 'open' });
  }

  async insert(customerId: string, amount: number): Promise<Order> {
    const order: Order = { id: `order-${this.db.nextId('orders')}`, customerId, amount, status: 'open' };
    await this.db.insert('orders', order);
    return order;
  }
}

/** Business layer: the rule, welded to the DAO it creates. */
export class OrderService {
  private readonly dao = new OrderDao();

  constructor(private readonly creditLimit: number) {}

  async placeOrder(customerId: string, amount: number): Promise<PlaceOrderResult> {
    const rejected =
      validateAmount(amount) ??
      checkCreditLimit(amount, await this.dao.findOpenByCustomer(customerId), this.creditLimit);
    if (rejected) return rejected;
    return { ok: true, order: await this.dao.insert(customerId, amount) };
  }
}
