/**
 * The page's OrderSaga, with its bugs fixed:
 * - every step is wrapped: whatever fails (a business "no", a timeout, an error), the compensations of
 *   the steps completed so far run newest first, not only after PaymentFailed or ShippingFailed;
 * - each compensation is idempotent and retried; one that keeps failing parks the saga for a human
 *   instead of skipping the remaining ones;
 * - the saga's state is saved after every step (observable, and a restarted orchestrator could resume);
 * - steps time out, are retried on timeouts and 5xx, and carry idempotency keys derived from the saga id,
 *   so a retried charge charges once.
 */
import { sleep, timeout, TimeoutError } from '../../kit/clock';
import type { Database } from '../../kit/db';
import { logger } from '../../kit/log';
import { ServiceError } from '../../kit/service';
import type { InventoryService, OrderData, OrderService, PaymentService, ShippingService } from './services';

export type StepName = 'createOrder' | 'reserveInventory' | 'chargePayment' | 'createShipment';

/** What the saga store keeps: one row per saga, saved after every step and compensation. */
export interface SagaState {
  readonly id: string;
  status: 'running' | 'compensating' | 'completed' | 'cancelled' | 'needs attention';
  completed: StepName[];
  compensated: string[];
  failure: string | null;
}

export type SagaResult =
  | { readonly status: 'completed'; readonly orderId: string }
  | { readonly status: 'cancelled'; readonly failedStep: StepName; readonly reason: string }
  | { readonly status: 'needs attention'; readonly failedStep: StepName; readonly stuckCompensation: string };

export interface Services {
  readonly orderService: OrderService;
  readonly inventoryService: InventoryService;
  readonly paymentService: PaymentService;
  readonly shippingService: ShippingService;
}

export interface SagaOptions {
  /** Give up waiting for one call after this long. */
  readonly stepTimeoutMs: number;
  /** Tries per step on timeouts and 5xx (business failures are not retried). */
  readonly stepAttempts: number;
  /** Tries per compensation before the saga is parked for a human. */
  readonly compensationAttempts: number;
  /** First retry delay; doubles on each retry. */
  readonly backoffMs: number;
  /** false: call the services without idempotency keys, as the seed does. */
  readonly idempotencyKeys: boolean;
}

interface Compensation {
  readonly name: string;
  readonly run: () => Promise<void>;
}

export class OrderSaga {
  constructor(
    private readonly services: Services,
    private readonly store: Database<{ sagas: SagaState }>,
    private readonly options: SagaOptions,
  ) {}

  async execute(sagaId: string, orderData: OrderData): Promise<SagaResult> {
    const { orderService, inventoryService, paymentService, shippingService } = this.services;
    const log = logger(sagaId);
    const state: SagaState = { id: sagaId, status: 'running', completed: [], compensated: [], failure: null };
    await this.save(state);
    const compensations: Compensation[] = [];
    const progress: { step: StepName } = { step: 'createOrder' };
    const key = (step: StepName) => (this.options.idempotencyKeys ? `${sagaId}:${step}` : undefined);

    /** Runs one step (with retries), then records it and how to undo it. */
    const step = async <T extends { readonly id: string }>(
      name: StepName,
      action: () => Promise<T>,
      undo?: (result: T) => Compensation,
    ) => {
      progress.step = name;
      const result = await this.withRetries(name, action, this.options.stepAttempts, log);
      if (undo) compensations.push(undo(result));
      state.completed.push(name);
      await this.save(state);
      log(`${name} ✓ ${result.id}`);
      return result;
    };

    try {
      const order = await step(
        'createOrder',
        () => orderService.create(orderData, key('createOrder')),
        (o) => ({
          name: 'cancelOrder',
          run: () => orderService.cancel(o.id),
        }),
      );
      await step(
        'reserveInventory',
        () => inventoryService.reserve(order.items, key('reserveInventory')),
        (r) => ({
          name: 'releaseInventory',
          run: () => inventoryService.release(r.id),
        }),
      );
      await step(
        'chargePayment',
        () => paymentService.charge(order.total, key('chargePayment')),
        (p) => ({
          name: 'refundPayment',
          run: () => paymentService.refund(p.id),
        }),
      );
      // The last step needs no compensation: once it succeeds the saga is done.
      await step('createShipment', () => shippingService.create(order.id, key('createShipment')));
      state.status = 'completed';
      await this.save(state);
      return { status: 'completed', orderId: order.id };
    } catch (error) {
      // ANY failure: undo what was done, newest first.
      const failedStep = progress.step;
      const reason = describe(error);
      log(`${failedStep} ✗ ${reason}`);
      state.status = 'compensating';
      state.failure = `${failedStep}: ${reason}`;
      await this.save(state);
      for (const compensation of [...compensations].reverse()) {
        try {
          await this.withRetries(compensation.name, compensation.run, this.options.compensationAttempts, log);
        } catch {
          // Don't skip the rest silently and don't pretend it worked: park the saga for a human.
          log(`${compensation.name} ✗ still failing: saga parked for manual handling`);
          state.status = 'needs attention';
          await this.save(state);
          return { status: 'needs attention', failedStep, stuckCompensation: compensation.name };
        }
        log(`compensated: ${compensation.name} ✓`);
        state.compensated.push(compensation.name);
        await this.save(state);
      }
      state.status = 'cancelled';
      await this.save(state);
      return { status: 'cancelled', failedStep, reason };
    }
  }

  /** Calls `action` with a timeout; retries timeouts and 5xx with exponential backoff. */
  private async withRetries<T>(
    name: string,
    action: () => Promise<T>,
    attempts: number,
    log: (line: string) => void,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await timeout(action(), this.options.stepTimeoutMs, name);
      } catch (error) {
        const transient = error instanceof TimeoutError || (error instanceof ServiceError && error.retryable);
        if (!transient || attempt >= attempts) throw error;
        const delay = this.options.backoffMs * 2 ** (attempt - 1);
        log(`${name} attempt ${attempt} failed (${describe(error)}), retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  private async save(state: SagaState): Promise<void> {
    await this.store.upsert('sagas', state);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
