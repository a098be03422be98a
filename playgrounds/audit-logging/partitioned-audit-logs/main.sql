-- The audit_logs table from this page, corrected so that PostgreSQL accepts it: partitioned by range
-- on "timestamp" itself (no generated column), with the partition key in the primary key.
CREATE TABLE audit_logs (
    id BIGSERIAL,
    entity_type VARCHAR(50) NOT NULL,
    entity_id VARCHAR(255) NOT NULL,
    action VARCHAR(20) NOT NULL,  -- CREATE, UPDATE, DELETE
    user_id VARCHAR(255),
    timestamp TIMESTAMP NOT NULL,
    changes JSONB,  -- Flexible change data
    metadata JSONB,
    PRIMARY KEY (id, timestamp)  -- must include the partition key
) PARTITION BY RANGE (timestamp);  -- monthly ranges on the plain column

-- One partition per month, created ahead of time (a scheduled job or pg_partman)
CREATE TABLE audit_logs_2026_01 PARTITION OF audit_logs
    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE audit_logs_2026_02 PARTITION OF audit_logs
    FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE audit_logs_2026_03 PARTITION OF audit_logs
    FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');

-- Indexes for common queries: created on the parent, each partition gets its own
CREATE INDEX idx_audit_entity ON audit_logs(entity_type, entity_id);
CREATE INDEX idx_audit_user ON audit_logs(user_id);
CREATE INDEX idx_audit_timestamp ON audit_logs(timestamp);

-- Three months of audit events: one every 15 minutes, about 500 users changed by 20 staff accounts
INSERT INTO audit_logs (entity_type, entity_id, action, user_id, timestamp, changes)
SELECT 'user',
       'user-' || (n * 7919 % 487),
       (ARRAY['CREATE', 'UPDATE', 'UPDATE', 'DELETE'])[n % 4 + 1],
       'staff-' || (n % 20),
       TIMESTAMP '2026-01-01' + n * INTERVAL '15 minutes',
       jsonb_build_object('field', 'email', 'version', n)
FROM generate_series(0, 8639) AS n;
ANALYZE audit_logs;

-- Every row went to the partition of its month
SELECT tableoid::regclass AS partition, count(*) AS rows, min(timestamp) AS first, max(timestamp) AS last
FROM audit_logs GROUP BY partition ORDER BY partition;

-- A month without a partition yet: Postgres rejects the row (so create partitions ahead of time)
INSERT INTO audit_logs (entity_type, entity_id, action, user_id, timestamp)
VALUES ('user', 'user-42', 'UPDATE', 'staff-1', '2026-04-01 09:30');

-- One entity's history, through idx_audit_entity
SELECT id, action, user_id, timestamp, changes
FROM audit_logs WHERE entity_type = 'user' AND entity_id = 'user-42' ORDER BY timestamp LIMIT 5;

-- How Postgres runs it: a time range reads only February's partition, through its copy of the index
EXPLAIN (COSTS OFF)
SELECT count(*) FROM audit_logs
WHERE entity_type = 'user' AND entity_id = 'user-42'
  AND timestamp >= '2026-02-01' AND timestamp < '2026-03-01';
