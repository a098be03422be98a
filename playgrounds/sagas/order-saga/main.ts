// The page's order saga, orchestrated over four remote services, each step a local transaction with an
// undo. Every scenario starts with fresh services: watch which compensations run and in which order, and
// what an idempotency key does when a charge is retried. Change a constant or a failNext line, press Run.
import { Database } from '../../kit/db';
import { OrderSaga, type SagaOptions, type SagaResult, type SagaState, type Services } from './order-saga';
import { InventoryService, OrderService, PaymentService, ShippingService, type OrderData } from './services';

const STOCK = 10; // units of sku-42 in the warehouse
const SERVICE_LATENCY_MS = 20;
const OPTIONS: SagaOptions = {
  stepTimeoutMs: 300, // a call with no answer after this counts as failed…
  stepAttempts: 3, // …and is tried this many times (timeouts and 5xx only)
  compensationAttempts: 5,
  backoffMs: 100,
  idempotencyKeys: true,
};
const ORDER: OrderData = { customerId: 'alice', items: [{ sku: 'sku-42', quantity: 2 }], total: 59.9 };

// Where the orchestrator saves each saga's progress (a table in its own database).
const sagaStore = new Database<{ sagas: SagaState }>({ name: 'saga-store' });

async function scenario(
  title: string,
  sagaId: string,
  arm: (s: Services) => void,
  options = OPTIONS,
): Promise<Services> {
  console.log(`--- ${title} ---`);
  const services: Services = {
    orderService: new OrderService(SERVICE_LATENCY_MS),
    inventoryService: new InventoryService(SERVICE_LATENCY_MS, { 'sku-42': STOCK }),
    paymentService: new PaymentService(SERVICE_LATENCY_MS),
    shippingService: new ShippingService(SERVICE_LATENCY_MS),
  };
  arm(services);
  const result = await new OrderSaga(services, sagaStore, options).execute(sagaId, ORDER);
  console.log(`result: ${format(result)}`);
  const { orderService, inventoryService, paymentService, shippingService } = services;
  console.log(
    `stock ${inventoryService.stockOf('sku-42')}/${STOCK} · order-1 ${orderService.orders.get('order-1')?.status} · ` +
      `card charged ${paymentService.charges} time(s), refunded ${paymentService.refunds} · shipments ${shippingService.shipments.size}`,
  );
  return services;
}

function format(result: SagaResult): string {
  switch (result.status) {
    case 'completed':
      return `completed (${result.orderId})`;
    case 'cancelled':
      return `cancelled after ${result.failedStep} failed (${result.reason})`;
    case 'needs attention':
      return `needs attention: ${result.stuckCompensation} keeps failing`;
  }
}

await scenario('1. every step succeeds', 'saga-1', () => {});

await scenario('2. payment declined: release the stock, cancel the order', 'saga-2', (s) => {
  s.paymentService.failNext('charge', 402, 'card declined');
});

await scenario('3. shipping fails: refund, release, cancel (the refund needs a retry)', 'saga-3', (s) => {
  s.shippingService.failNext('create', 422, 'address not deliverable');
  s.paymentService.failNext('refund', 503);
});

const withKeys = await scenario('4. the charge goes through but its response is lost', 'saga-4', (s) => {
  s.paymentService.loseNextResponse('charge');
});
console.log(
  `with idempotency keys: ${withKeys.paymentService.chargeRequests} charge requests, card charged ${withKeys.paymentService.charges} time(s)`,
);

const withoutKeys = await scenario(
  '5. the same retry without idempotency keys (as in the seed)',
  'saga-5',
  (s) => {
    s.paymentService.loseNextResponse('charge');
  },
  { ...OPTIONS, idempotencyKeys: false },
);
console.log(
  `without keys: ${withoutKeys.paymentService.chargeRequests} charge requests, card charged ${withoutKeys.paymentService.charges} time(s)`,
);

console.log("--- the saga store: every saga's state, saved after each step ---");
console.table(
  sagaStore.peek('sagas').map((s) => ({
    saga: s.id,
    status: s.status,
    completed: s.completed.length,
    compensated: s.compensated.join(', ') || '-',
    failure: s.failure ?? '-',
  })),
);
