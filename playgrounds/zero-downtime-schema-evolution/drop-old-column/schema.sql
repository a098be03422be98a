-- The users table after step 4 of the rename: both columns, backfilled; reads use new_name,
-- and the step 2 code still writes both.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    old_name VARCHAR(255),
    new_name VARCHAR(255)
);
INSERT INTO users (old_name, new_name)
VALUES ('Ada Lovelace', 'Ada Lovelace'), ('Grace', 'Grace'), ('Edsger', 'Edsger');
