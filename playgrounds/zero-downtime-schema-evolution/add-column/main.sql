-- Version 1's table (see schema.sql), then step 1 of the migration while version 1 keeps running.
\i schema.sql

-- Add nullable column (safe)
ALTER TABLE users ADD COLUMN phone_number VARCHAR(20) NULL;

-- Or with default (safe)
ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active';

-- Version 1 still works: its statements name only the columns it knows
INSERT INTO users (name, email) VALUES ('Alan', 'alan@example.com');
SELECT id, name, email FROM users ORDER BY id;

-- Version 2 writes and reads the new columns; older rows read as NULL and 'active'
INSERT INTO users (name, email, phone_number, status)
VALUES ('Edsger', 'edsger@example.com', '+31 20 555 0100', 'active');
SELECT id, name, phone_number, status FROM users ORDER BY id;

-- Not backward compatible: NOT NULL without a default fails on the existing rows
-- (and version 1's INSERT, which does not set it, would fail too)
ALTER TABLE users ADD COLUMN country CHAR(2) NOT NULL;
