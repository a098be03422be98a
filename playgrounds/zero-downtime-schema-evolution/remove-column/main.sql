-- Version 1's table (see schema.sql), then the steps of removing old_column.
\i schema.sql

-- Step 1: version 2 no longer writes old_column (it is nullable, so the INSERT works) ...
INSERT INTO users (name) VALUES ('Alan');
-- ... while version 1 instances, still running during the rollout, keep reading it
SELECT id, name, old_column FROM users ORDER BY id;

-- Step 3, once every instance runs version 2:
-- Remove column (after ensuring no code uses it)
ALTER TABLE users DROP COLUMN old_column;

-- Version 2 never mentions the column and keeps working
INSERT INTO users (name) VALUES ('Edsger');
SELECT id, name FROM users ORDER BY id;

-- Why step 3 waits for every instance: a version 1 query now fails
SELECT id, name, old_column FROM users ORDER BY id;
