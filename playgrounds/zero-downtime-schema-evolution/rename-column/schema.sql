-- Version 1 of the application stores names in old_name.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    old_name VARCHAR(255)
);
INSERT INTO users (old_name) VALUES ('Ada'), ('Grace'), ('Edsger');

-- After each step: how many users each version finds a name for (v1 reads old_name, v2 new_name).
-- PL/pgSQL checks the query when it first runs, so it may name new_name before the column exists.
CREATE FUNCTION readers(step text)
RETURNS TABLE (after text, "all users" bigint, "v1 finds" bigint, "v2 finds" bigint, "out of sync" bigint)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
    SELECT step, count(*), count(old_name), count(new_name),
           count(*) FILTER (WHERE new_name IS DISTINCT FROM old_name)
    FROM users;
END
$$;
