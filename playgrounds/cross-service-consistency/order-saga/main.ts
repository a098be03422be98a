// The page's order saga over four services, fixed, next to the seed's version. Each scenario starts with
// fresh services. Watch the compensations run newest first, what the seed's version leaves behind when the
// payment fails, and what a client retry does when the keys come from the request id or from the order id.
import { timeout, TimeoutError } from '../../kit/clock';
import { log, logger } from '../../kit/log';
import { describe, OrderSaga, OrderSagaAsWritten, type ProcessOrderResult, type Services } from './order-saga';
import { InventoryService, OrderService, PaymentService, ShippingService, type OrderData } from './services';

const STOCK = 10; // units of sku-42 in the warehouse
const SERVICE_LATENCY_MS = 20;
const CLIENT_TIMEOUT_MS = 70; // the client gives up on a checkout after this and sends it again
const ORDER: OrderData = {
  requestId: 'req-7f3a',
  customerId: 'alice',
  items: [{ sku: 'sku-42', quantity: 2 }],
  total: 59.9,
};

function freshServices(): Services {
  return {
    orderService: new OrderService(SERVICE_LATENCY_MS),
    inventoryService: new InventoryService(SERVICE_LATENCY_MS, { 'sku-42': STOCK }),
    paymentService: new PaymentService(SERVICE_LATENCY_MS),
    shippingService: new ShippingService(SERVICE_LATENCY_MS),
  };
}

/** What the four services hold now. */
function report(s: Services): void {
  const orders = [...s.orderService.orders.values()].map((o) => `${o.id} ${o.status}`).join(', ');
  console.log(
    `orders: ${orders} · stock ${s.inventoryService.stockOf('sku-42')}/${STOCK} · ` +
      `card charged ${s.paymentService.charges} time(s), refunded ${s.paymentService.refunds} · shipments ${s.shippingService.shipments.size}`,
  );
}

function format(result: ProcessOrderResult): string {
  switch (result.status) {
    case 'completed':
      return `completed (${result.orderId})`;
    case 'compensated':
      return `compensated [${result.compensations.join(' → ')}] after ${describe(result.error)}`;
    case 'needs attention':
      return `needs attention: ${result.stuck.join(', ')} still failing after ${describe(result.error)}`;
  }
}

async function scenario(title: string, arm: (s: Services) => void): Promise<void> {
  console.log(`--- ${title} ---`);
  const services = freshServices();
  arm(services);
  const result = await new OrderSaga(services, logger('saga')).processOrder(ORDER);
  console.log(`result: ${format(result)}`);
  report(services);
}

/** A client that gives up after CLIENT_TIMEOUT_MS and sends the same checkout (same request id) again. */
async function checkoutWithRetry(startAttempt: (attempt: number) => Promise<unknown>): Promise<void> {
  const first = startAttempt(1);
  try {
    await timeout(first, CLIENT_TIMEOUT_MS, 'checkout');
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    log(`client: no answer after ${CLIENT_TIMEOUT_MS} ms, sending the same checkout again`);
    await startAttempt(2);
  }
  await first.catch(() => undefined); // the first attempt was still running: let it finish
}

await scenario('1. every step succeeds', () => {});

await scenario('2. payment declined: release the stock, cancel the order', (s) => {
  s.paymentService.failNext('charge', 402, 'card declined');
});

console.log("--- 2b. the same with the seed's version: charge() is outside the try ---");
const seedServices = freshServices();
seedServices.paymentService.failNext('charge', 402, 'card declined');
await new OrderSagaAsWritten(seedServices, logger('seed'))
  .processOrder(ORDER)
  .catch((error: unknown) => console.log(`seed version threw ${describe(error)}, compensated nothing`));
report(seedServices);

await scenario('3. shipping fails: refund, release, cancel (the refund needs a retry)', (s) => {
  s.shippingService.failNext('create', 422, 'address not deliverable');
  s.paymentService.failNext('refund', 503);
});

console.log('--- 4. the client times out and retries: keys from the request id ---');
const fixed = freshServices();
await checkoutWithRetry((attempt) => new OrderSaga(fixed, logger(`attempt ${attempt}`)).processOrder(ORDER));
report(fixed);

console.log("--- 4b. the same retry with the seed's keys: create() has none, the rest derive from order.id ---");
const seed = freshServices();
await checkoutWithRetry((attempt) => new OrderSagaAsWritten(seed, logger(`attempt ${attempt}`)).processOrder(ORDER));
report(seed);
