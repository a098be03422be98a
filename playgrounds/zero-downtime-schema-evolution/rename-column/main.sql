-- Version 1's table (see schema.sql), then the rename from old_name to new_name, step by step.
\i schema.sql

-- Step 1: Add New Column
ALTER TABLE users ADD COLUMN new_name VARCHAR(255);
SELECT * FROM readers('1. add column');

-- Step 2: Dual-Write. Version 2 writes both columns, while version 1 instances, still
-- running during the rollout, write old_name only.
UPDATE users SET old_name = 'Ada Lovelace', new_name = 'Ada Lovelace' WHERE id = 1;  -- v2
INSERT INTO users (old_name, new_name) VALUES ('Alan', 'Alan');                      -- v2
INSERT INTO users (old_name) VALUES ('Barbara');                                     -- v1
UPDATE users SET old_name = 'Ada King' WHERE id = 1;                                 -- v1
SELECT * FROM readers('2. dual-write');

-- Step 3: Backfill, once every instance dual-writes (in batches on a big table)
-- Copy old_name to new_name for existing records
UPDATE users SET new_name = old_name WHERE new_name IS NULL;
SELECT * FROM readers('3. backfill');

-- Still out of sync: the row version 1 renamed after version 2 had written new_name.
-- Copy wherever the two differ instead:
UPDATE users SET new_name = old_name WHERE new_name IS DISTINCT FROM old_name;
SELECT * FROM readers('3. backfill, fixed');

-- Step 4: Switch Reads. Every user's new_name is right now.
SELECT id, new_name FROM users ORDER BY id;
