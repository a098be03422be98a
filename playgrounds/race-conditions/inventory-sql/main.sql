-- Stock 5; buyers A and B each want 3, so only one of them can have it.
-- PGlite is a single connection, so the two buyers' statements are replayed in the order a race
-- interleaves them. Each block ends with stock and units sold: they must add up to 5.
\i schema.sql

-- Without protection: read, check in the application, write the computed value.
-- A and B both read 5 (neither has written yet), so both see enough stock.
SELECT stock FROM inventory WHERE id = 'sku-1';
SELECT stock FROM inventory WHERE id = 'sku-1';
-- A writes 5 - 3 and records its order; B does the same, overwriting A's write.
UPDATE inventory SET stock = 2 WHERE id = 'sku-1';
INSERT INTO orders VALUES ('A', 3);
UPDATE inventory SET stock = 2 WHERE id = 'sku-1';
INSERT INTO orders VALUES ('B', 3);
-- 6 sold out of 5, and the stock still says 2: a lost update.
SELECT stock, (SELECT sum(quantity) FROM orders) AS sold FROM inventory WHERE id = 'sku-1';

UPDATE inventory SET stock = 5, version = 1 WHERE id = 'sku-1';
TRUNCATE orders;

-- Option 1: Pessimistic lock. A locks the row in its transaction.
BEGIN;
SELECT * FROM inventory WHERE id = 'sku-1' FOR UPDATE;
-- The row now carries A's lock (its xmax is A's transaction): B's SELECT … FOR UPDATE waits here
-- until A commits. One connection cannot show B waiting; the TypeScript playground above does.
SELECT stock, xmax::text = pg_current_xact_id()::text AS locked_by_a FROM inventory WHERE id = 'sku-1';
UPDATE inventory SET stock = stock - 3 WHERE id = 'sku-1';
INSERT INTO orders VALUES ('A', 3);
COMMIT;
-- B's lock is granted after A's COMMIT, and B reads the stock A left: 2 < 3, so B sells nothing.
BEGIN;
SELECT * FROM inventory WHERE id = 'sku-1' FOR UPDATE;
ROLLBACK;
SELECT stock, (SELECT sum(quantity) FROM orders) AS sold FROM inventory WHERE id = 'sku-1';

UPDATE inventory SET stock = 5, version = 1 WHERE id = 'sku-1';
TRUNCATE orders;

-- Option 2: Optimistic lock with version. A and B both read version 1.
SELECT version FROM inventory WHERE id = 'sku-1';
SELECT version FROM inventory WHERE id = 'sku-1';
-- A's update matches (UPDATE 1) and A records its order.
UPDATE inventory SET stock = stock - 3, version = version + 1 WHERE id = 'sku-1' AND version = 1 AND stock >= 3;
INSERT INTO orders VALUES ('A', 3);
-- B's matches no row (UPDATE 0): the version is 2 now. This is the ConcurrentModificationError case.
UPDATE inventory SET stock = stock - 3, version = version + 1 WHERE id = 'sku-1' AND version = 1 AND stock >= 3;
-- B re-reads: version 2, but stock 2 < 3. Out of stock, so retrying would never succeed.
SELECT stock, version FROM inventory WHERE id = 'sku-1';
SELECT stock, (SELECT sum(quantity) FROM orders) AS sold FROM inventory WHERE id = 'sku-1';

UPDATE inventory SET stock = 5, version = 1 WHERE id = 'sku-1';
TRUNCATE orders;

-- Option 3: Atomic operation. The check and the write are one statement: A's matches (UPDATE 1).
UPDATE inventory SET stock = stock - 3 WHERE id = 'sku-1' AND stock >= 3;
INSERT INTO orders VALUES ('A', 3);
-- B's matches nothing (UPDATE 0): out of stock. Had B's UPDATE waited on A's row lock, Postgres would
-- re-check stock >= 3 against A's committed row before writing, with the same result.
UPDATE inventory SET stock = stock - 3 WHERE id = 'sku-1' AND stock >= 3;
SELECT stock, (SELECT sum(quantity) FROM orders) AS sold FROM inventory WHERE id = 'sku-1';
