/**
 * The page's OrderSaga.processOrder, fixed, and the seed's version as written, for comparison.
 *
 * Fixed: every step is wrapped, each completed step pushes its compensation, and on ANY failure the
 * compensations run newest first, each retried until it succeeds. All idempotency keys come from the
 * client's request id, so a retried checkout finds the same order and charges nothing twice.
 */
import { sleep } from '../../kit/clock';
import { ServiceError } from '../../kit/service';
import {
  ShippingError,
  type InventoryService,
  type OrderData,
  type OrderService,
  type PaymentService,
  type ShippingService,
} from './services';

export interface Services {
  readonly orderService: OrderService;
  readonly inventoryService: InventoryService;
  readonly paymentService: PaymentService;
  readonly shippingService: ShippingService;
}

export type ProcessOrderResult =
  | { readonly status: 'completed'; readonly orderId: string }
  | { readonly status: 'compensated'; readonly error: unknown; readonly compensations: readonly string[] }
  | {
      readonly status: 'needs attention';
      readonly error: unknown;
      readonly compensations: readonly string[];
      readonly stuck: readonly string[];
    };

type Log = (line: string) => void;

interface Compensation {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** Compensations are idempotent, so retrying them is safe; after this many tries a person takes over. */
const COMPENSATION_ATTEMPTS = 5;
const COMPENSATION_BACKOFF_MS = 100;

export class OrderSaga {
  constructor(
    private readonly services: Services,
    private readonly log: Log,
  ) {}

  async processOrder(orderData: OrderData): Promise<ProcessOrderResult> {
    const { orderService, inventoryService, paymentService, shippingService } = this.services;
    // One key per checkout, chosen by the client: the same on every retry of the same request.
    const idempotencyKey = `order-${orderData.requestId}`;
    const compensations: Compensation[] = [];
    try {
      // Step 1: Create order (idempotent: the key is the client's, not the order's new id)
      const order = await orderService.create(orderData, idempotencyKey);
      compensations.push({ name: 'cancelOrder', run: () => orderService.cancel(order.id) });
      this.log(`createOrder ✓ ${order.id}`);

      // Step 2: Reserve inventory (idempotent)
      const reservation = await inventoryService.reserve(order.items, idempotencyKey);
      compensations.push({ name: 'releaseInventory', run: () => inventoryService.release(reservation.id) });
      this.log(`reserveInventory ✓ ${reservation.id}`);

      // Step 3: Charge payment (idempotent)
      const payment = await paymentService.charge(order.total, idempotencyKey);
      compensations.push({ name: 'refundPayment', run: () => paymentService.refund(payment.id) });
      this.log(`chargePayment ✓ ${payment.id}`);

      // Step 4: Create shipment (idempotent too: a retried checkout must not ship twice)
      const shipment = await shippingService.create(order.id, idempotencyKey);
      this.log(`createShipment ✓ ${shipment.id}`);
      return { status: 'completed', orderId: order.id };
    } catch (error) {
      // If ANY step fails, compensate the completed ones, newest first.
      this.log(`✗ ${describe(error)}`);
      const done: string[] = [];
      const stuck: string[] = [];
      for (const compensation of compensations.reverse()) {
        if (await this.retry(compensation)) {
          done.push(compensation.name);
          this.log(`compensated: ${compensation.name} ✓`);
        } else {
          stuck.push(compensation.name); // keep going: one stuck undo must not skip the others
          this.log(`${compensation.name} ✗ still failing: left for a person to fix`);
        }
      }
      return stuck.length === 0
        ? { status: 'compensated', error, compensations: done }
        : { status: 'needs attention', error, compensations: done, stuck };
    }
  }

  /** Runs a compensation, retrying transient failures; false if it still fails. */
  private async retry(compensation: Compensation): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await compensation.run();
        return true;
      } catch (error) {
        const transient = error instanceof ServiceError && error.retryable;
        if (!transient || attempt >= COMPENSATION_ATTEMPTS) return false;
        this.log(`${compensation.name} failed (${describe(error)}), retrying`);
        await sleep(COMPENSATION_BACKOFF_MS * 2 ** (attempt - 1));
      }
    }
  }
}

/**
 * The seed's processOrder as written (only ShippingError had to be defined), to compare with:
 * only the shipping step is compensated, and create() gets no key, so every key after it changes
 * when the checkout is retried.
 */
export class OrderSagaAsWritten {
  constructor(
    private readonly services: Services,
    private readonly log: Log,
  ) {}

  async processOrder(orderData: OrderData): Promise<void> {
    const { orderService, inventoryService, paymentService, shippingService } = this.services;
    const order = await orderService.create(orderData); // no key: a retry creates a second order
    this.log(`createOrder ✓ ${order.id}`);
    const reservation = await inventoryService.reserve(order.items, `order-${order.id}`);
    this.log(`reserveInventory ✓ ${reservation.id}`);
    const payment = await paymentService.charge(order.total, `order-${order.id}`);
    this.log(`chargePayment ✓ ${payment.id}`);
    try {
      const shipment = await shippingService.create(order.id);
      this.log(`createShipment ✓ ${shipment.id}`);
    } catch (error) {
      if (error instanceof ShippingError) {
        await paymentService.refund(payment.id);
        await inventoryService.release(reservation.id);
        await orderService.cancel(order.id);
      }
      throw error;
    }
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
