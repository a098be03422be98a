// The same orders as related tables on real PostgreSQL and as embedded documents, then one product
// renamed in both. Change the constants and press Run (PostgreSQL takes a moment to start).
import { openPostgres } from '../../kit/postgres';
import { Collection } from './document-store';
import { customers, orders, products } from './orders-data';

const ORDER_TO_READ = 1002;
const PRODUCT_TO_RENAME = 'p-cable';
const NEW_NAME = 'USB-C cable, 2 m';

console.log('--- relational: customers, products, orders, order_items; each fact stored once ---');
const db = await openPostgres();
await db.exec(`
  CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
  CREATE TABLE products (id text PRIMARY KEY, name text NOT NULL, price_cents int NOT NULL);
  CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers);
  CREATE TABLE order_items (
    order_id int REFERENCES orders,
    product_id text REFERENCES products,
    quantity int NOT NULL,
    PRIMARY KEY (order_id, product_id)
  )`);
for (const c of customers) await db.query('INSERT INTO customers VALUES ($1, $2)', [c.id, c.name]);
for (const p of products) await db.query('INSERT INTO products VALUES ($1, $2, $3)', [p.id, p.name, p.priceCents]);
for (const o of orders) {
  await db.query('INSERT INTO orders VALUES ($1, $2)', [o.id, o.customerId]);
  for (const i of o.items)
    await db.query('INSERT INTO order_items VALUES ($1, $2, $3)', [o.id, i.productId, i.quantity]);
}

// "Orders with product names": the names live in products, so the query joins them back in.
const ORDER_LINES = `
  SELECT o.id AS order_id, c.name AS customer, p.name AS product, i.quantity
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  JOIN order_items i ON i.order_id = o.id
  JOIN products p ON p.id = i.product_id`;
type OrderLine = { order_id: number; customer: string; product: string; quantity: number };
console.table(await db.query<OrderLine>(`${ORDER_LINES} ORDER BY o.id, p.name`));
const oneOrder = await db.query<OrderLine>(`${ORDER_LINES} WHERE o.id = $1`, [ORDER_TO_READ]);
console.log(`order ${ORDER_TO_READ}: 1 query joining 4 tables, ${oneOrder.length} rows to put back together`);

console.log('--- document: each order embeds its customer and its items, product names included ---');
interface OrderDocument {
  _id: number;
  customer: { id: number; name: string };
  items: { productId: string; name: string; priceCents: number; quantity: number }[];
}
interface ProductDocument {
  _id: string;
  name: string;
  priceCents: number;
}
const productDocs = new Collection<ProductDocument>('products');
const orderDocs = new Collection<OrderDocument>('orders');
await productDocs.insertMany(products.map((p) => ({ _id: p.id, name: p.name, priceCents: p.priceCents })));
await orderDocs.insertMany(
  orders.map((o) => ({
    _id: o.id,
    customer: { id: o.customerId, name: customers.find((c) => c.id === o.customerId)!.name },
    items: o.items.map((i) => {
      const product = products.find((p) => p.id === i.productId)!;
      return { productId: product.id, name: product.name, priceCents: product.priceCents, quantity: i.quantity }; // copies
    }),
  })),
);
orderDocs.reads = 0;
const doc = await orderDocs.findOne(ORDER_TO_READ);
console.log(`order ${ORDER_TO_READ}: ${orderDocs.reads} read, no join:`, doc);

console.log(`--- rename ${PRODUCT_TO_RENAME} to "${NEW_NAME}" ---`);
const oldName = products.find((p) => p.id === PRODUCT_TO_RENAME)?.name;
const renamedRows = await db.query('UPDATE products SET name = $1 WHERE id = $2 RETURNING id', [
  NEW_NAME,
  PRODUCT_TO_RENAME,
]);
const linesNow = await db.query<OrderLine>(`${ORDER_LINES} WHERE p.id = $1`, [PRODUCT_TO_RENAME]);
const showingNew = linesNow.filter((l) => l.product === NEW_NAME).length;
console.log(
  `relational: UPDATE changed ${renamedRows.length} row; ${showingNew} of ${linesNow.length} order lines now read "${NEW_NAME}"`,
);

await productDocs.updateMany(
  (p) => p._id === PRODUCT_TO_RENAME,
  (p) => ({ ...p, name: NEW_NAME }),
);
const embedsIt = (o: OrderDocument) => o.items.some((i) => i.productId === PRODUCT_TO_RENAME);
const stale = await orderDocs.find((o) =>
  o.items.some((i) => i.productId === PRODUCT_TO_RENAME && i.name !== NEW_NAME),
);
console.log(
  `document: the catalogue says "${NEW_NAME}", but ${stale.length} order documents still say "${oldName}": an update anomaly`,
);
const rewritten = await orderDocs.updateMany(embedsIt, (o) => ({
  ...o,
  items: o.items.map((i) => (i.productId === PRODUCT_TO_RENAME ? { ...i, name: NEW_NAME } : i)),
}));
const staleAfter = (
  await orderDocs.find((o) => o.items.some((i) => i.productId === PRODUCT_TO_RENAME && i.name !== NEW_NAME))
).length;
console.log(
  `the fix: updateMany rewrote ${rewritten} order documents (and must reach every other copy); stale now: ${staleAfter}`,
);
