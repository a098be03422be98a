-- One item with 5 units in stock, and the orders that sold it.
CREATE TABLE inventory (
    id TEXT PRIMARY KEY,
    stock INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE orders (
    buyer TEXT NOT NULL,
    quantity INTEGER NOT NULL
);
INSERT INTO inventory (id, stock) VALUES ('sku-1', 5);
