-- Version 1 of the application writes and reads old_column.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    old_column VARCHAR(50)
);
INSERT INTO users (name, old_column) VALUES ('Ada', 'legacy-1'), ('Grace', 'legacy-2');
