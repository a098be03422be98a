-- The table after step 4 (see schema.sql), then step 5.
\i schema.sql

-- Step 5 straight away, while the step 2 code still writes old_name. DDL is transactional in
-- PostgreSQL, so try it in a transaction and roll it back.
BEGIN;
ALTER TABLE users DROP COLUMN old_name;
UPDATE users SET old_name = 'Grace Hopper', new_name = 'Grace Hopper' WHERE id = 2;  -- step 2's dual-write
ROLLBACK;

-- The missing step: deploy code that writes only new_name, and wait until no instance writes old_name
UPDATE users SET new_name = 'Grace Hopper' WHERE id = 2;

-- Step 5: Remove Old Column
ALTER TABLE users DROP COLUMN old_name;

-- Writes and reads of new_name keep working
UPDATE users SET new_name = 'Edsger Dijkstra' WHERE id = 3;
SELECT id, new_name FROM users ORDER BY id;
