/**
 * The four services the order saga calls. Each is a remote service (kit/service: every call takes
 * latency and can fail), and each side effect takes an idempotency key: a request repeated with the same
 * key gets the first answer back instead of doing the work twice. Undo operations (cancel, release,
 * refund) are idempotent too, so a compensation can be retried safely.
 * main.ts arms failures with failNext() and loseNextResponse().
 */
import { sleep } from '../../kit/clock';
import { Service, ServiceError } from '../../kit/service';

export interface Item {
  readonly sku: string;
  readonly quantity: number;
}

export interface OrderData {
  readonly customerId: string;
  readonly items: readonly Item[];
  readonly total: number;
}

export interface Order extends OrderData {
  readonly id: string;
  readonly status: 'open' | 'cancelled';
}

export interface Reservation {
  readonly id: string;
  readonly items: readonly Item[];
  readonly released: boolean;
}

export interface Payment {
  readonly id: string;
  readonly amount: number;
  readonly refunded: boolean;
}

export interface Shipment {
  readonly id: string;
  readonly orderId: string;
}

// The business failures the seed catches (it never defined them). A 4xx answer becomes one of these;
// 5xx answers and timeouts stay ServiceError / TimeoutError: worth retrying, not a business "no".
export class PaymentFailed extends Error {
  override readonly name = 'PaymentFailed';
}
export class ShippingFailed extends Error {
  override readonly name = 'ShippingFailed';
}
export class InsufficientStock extends Error {
  override readonly name = 'InsufficientStock';
}

type Fault =
  { readonly kind: 'error'; readonly status: number; readonly detail?: string } | { readonly kind: 'lost-response' };

/** How late a "lost" response arrives: long after any caller has given up. */
const LOST_RESPONSE_MS = 60_000;

/** A remote service with scripted failures and an idempotency-key store. */
abstract class RemoteService<Op extends string> {
  private readonly endpoint: Service<() => unknown, unknown>;
  private readonly faults = new Map<Op, Fault[]>();
  private readonly results = new Map<string, unknown>();

  protected constructor(name: string, latencyMs: number) {
    this.endpoint = new Service({ name, latency: latencyMs, handler: (work: () => unknown) => work() });
  }

  /** The next `op` call fails with this status (4xx: a business failure; 5xx: transient). */
  failNext(op: Op, status: number, detail?: string): void {
    this.plan(op, detail === undefined ? { kind: 'error', status } : { kind: 'error', status, detail });
  }

  /** The next `op` call does its work, but the answer never reaches the caller in time. */
  loseNextResponse(op: Op): void {
    this.plan(op, { kind: 'lost-response' });
  }

  /** Sends one request; a 4xx answer is rethrown as `BusinessError` when given. */
  protected async call<R>(op: Op, work: () => R, BusinessError?: new (message: string) => Error): Promise<R> {
    try {
      return (await this.endpoint.call(async () => {
        const fault = this.faults.get(op)?.shift();
        if (fault?.kind === 'error') throw new ServiceError(fault.status, fault.detail);
        const result = work();
        if (fault?.kind === 'lost-response') await sleep(LOST_RESPONSE_MS);
        return result;
      })) as R;
    } catch (error) {
      if (BusinessError && error instanceof ServiceError && !error.retryable) throw new BusinessError(error.detail);
      throw error;
    }
  }

  /** Runs `work` once per idempotency key; without a key, every time. */
  protected once<R>(idempotencyKey: string | undefined, work: () => R): R {
    if (idempotencyKey === undefined) return work();
    if (!this.results.has(idempotencyKey)) this.results.set(idempotencyKey, work());
    return this.results.get(idempotencyKey) as R;
  }

  private plan(op: Op, fault: Fault): void {
    this.faults.set(op, [...(this.faults.get(op) ?? []), fault]);
  }
}

export class OrderService extends RemoteService<'create' | 'cancel'> {
  readonly orders = new Map<string, Order>();

  constructor(latencyMs: number) {
    super('orders', latencyMs);
  }

  create(orderData: OrderData, idempotencyKey?: string): Promise<Order> {
    return this.call('create', () =>
      this.once(idempotencyKey, () => {
        const order: Order = { ...orderData, id: `order-${this.orders.size + 1}`, status: 'open' };
        this.orders.set(order.id, order);
        return order;
      }),
    );
  }

  cancel(orderId: string): Promise<void> {
    return this.call('cancel', () => {
      const order = this.orders.get(orderId);
      if (order) this.orders.set(orderId, { ...order, status: 'cancelled' });
    });
  }
}

export class InventoryService extends RemoteService<'reserve' | 'release'> {
  readonly reservations = new Map<string, Reservation>();
  private readonly stock: Map<string, number>;

  constructor(latencyMs: number, stock: Readonly<Record<string, number>>) {
    super('inventory', latencyMs);
    this.stock = new Map(Object.entries(stock));
  }

  stockOf(sku: string): number {
    return this.stock.get(sku) ?? 0;
  }

  reserve(items: readonly Item[], idempotencyKey?: string): Promise<Reservation> {
    const reserve = () =>
      this.once(idempotencyKey, () => {
        const short = items.find((item) => this.stockOf(item.sku) < item.quantity);
        if (short) throw new ServiceError(409, `only ${this.stockOf(short.sku)} × ${short.sku} left`);
        for (const item of items) this.stock.set(item.sku, this.stockOf(item.sku) - item.quantity);
        const reservation: Reservation = { id: `res-${this.reservations.size + 1}`, items, released: false };
        this.reservations.set(reservation.id, reservation);
        return reservation;
      });
    return this.call('reserve', reserve, InsufficientStock);
  }

  /** Idempotent: releasing a released reservation does nothing. */
  release(reservationId: string): Promise<void> {
    return this.call('release', () => {
      const reservation = this.reservations.get(reservationId);
      if (!reservation || reservation.released) return;
      for (const item of reservation.items) this.stock.set(item.sku, this.stockOf(item.sku) + item.quantity);
      this.reservations.set(reservationId, { ...reservation, released: true });
    });
  }
}

export class PaymentService extends RemoteService<'charge' | 'refund'> {
  readonly payments = new Map<string, Payment>();
  /** Charge requests received, and cards actually charged. */
  chargeRequests = 0;
  charges = 0;
  refunds = 0;

  constructor(latencyMs: number) {
    super('payments', latencyMs);
  }

  charge(amount: number, idempotencyKey?: string): Promise<Payment> {
    const charge = () => {
      this.chargeRequests += 1;
      return this.once(idempotencyKey, () => {
        this.charges += 1;
        const payment: Payment = { id: `pay-${this.payments.size + 1}`, amount, refunded: false };
        this.payments.set(payment.id, payment);
        return payment;
      });
    };
    return this.call('charge', charge, PaymentFailed);
  }

  /** Idempotent: a payment is refunded at most once. */
  refund(paymentId: string): Promise<void> {
    return this.call('refund', () => {
      const payment = this.payments.get(paymentId);
      if (!payment || payment.refunded) return;
      this.refunds += 1;
      this.payments.set(paymentId, { ...payment, refunded: true });
    });
  }
}

export class ShippingService extends RemoteService<'create'> {
  readonly shipments = new Map<string, Shipment>();

  constructor(latencyMs: number) {
    super('shipping', latencyMs);
  }

  create(orderId: string, idempotencyKey?: string): Promise<Shipment> {
    const create = () =>
      this.once(idempotencyKey, () => {
        const shipment: Shipment = { id: `ship-${this.shipments.size + 1}`, orderId };
        this.shipments.set(shipment.id, shipment);
        return shipment;
      });
    return this.call('create', create, ShippingFailed);
  }
}
