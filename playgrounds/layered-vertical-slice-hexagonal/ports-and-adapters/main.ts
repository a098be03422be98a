// One use case, PlaceOrder, and one set of tests run four ways: against the hexagonal core with an
// in-memory adapter and with a database adapter, and against a layered version with and without its
// database. Change CREDIT_LIMIT (the tests assume 500) or break the rule in place-order.ts: both adapters
// pass or fail together. Change DB_LATENCY_MS: only the runs that touch the database slow down.
import { Database } from '../../kit/db';
import { now } from '../../kit/clock';
import { InMemoryOrderRepository, SqlOrderRepository, type OrderTables } from './adapters';
import { databaseServer, ordersDb, OrderService } from './layered';
import { runSuite, type PlaceOrderFn, type SuiteResult } from './order-tests';
import { PlaceOrder } from './place-order';

const CREDIT_LIMIT = 500;
const DB_LATENCY_MS = 5;

const table: Record<string, Record<string, string>> = {};

async function report(
  label: string,
  db: Database<OrderTables> | undefined,
  setUp: () => Promise<PlaceOrderFn>,
): Promise<SuiteResult> {
  const [queriesBefore, started] = [db?.stats.queries ?? 0, now()];
  const suite = await runSuite(setUp);
  const queries = (db?.stats.queries ?? 0) - queriesBefore;
  console.log(`${label}: ${suite.passed}/4 tests passed, ${queries} database queries, ${now() - started} ms`);
  for (const [test, outcome] of Object.entries(suite.results)) (table[test] ??= {})[label] = outcome;
  return suite;
}

console.log('--- hexagonal: PlaceOrder sees only the OrderRepository port ---');
await report('in-memory adapter', undefined, async () => {
  const placeOrder = new PlaceOrder(new InMemoryOrderRepository(), CREDIT_LIMIT);
  return (customer, amount) => placeOrder.execute(customer, amount);
});
const testDb = new Database<OrderTables>({ name: 'test-db', latency: DB_LATENCY_MS });
await report('database adapter', testDb, async () => {
  await testDb.deleteWhere('orders', () => true); // each test starts from an empty table
  const placeOrder = new PlaceOrder(new SqlOrderRepository(testDb), CREDIT_LIMIT);
  return (customer, amount) => placeOrder.execute(customer, amount);
});

console.log('--- layered: OrderService creates its OrderDao, which connects to orders-db ---');
ordersDb.latency = DB_LATENCY_MS;
const layeredSetUp = async (): Promise<PlaceOrderFn> => {
  const service = new OrderService(CREDIT_LIMIT); // connects, or throws
  await ordersDb.deleteWhere('orders', () => true);
  return (customer, amount) => service.placeOrder(customer, amount);
};
await report('layered, db up', ordersDb, layeredSetUp);
databaseServer.reachable = false; // a laptop or CI job without the database
const offline = await report('layered, db down', ordersDb, layeredSetUp);
if (offline.results['rejects a non-positive amount'] !== '✓') {
  console.log('"rejects a non-positive amount" never reads a row, yet it cannot run without the database');
}

console.log('--- the same tests, four ways ---');
console.table(table);
