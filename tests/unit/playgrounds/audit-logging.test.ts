import { describe, expect, it } from 'vitest';
import { splitSql } from '../../../src/lib/runner/sql';
import { playgroundSources, runFiles, runPlayground } from '../../support/run-playground';
import { loadSeed } from '../../support/seed';

const ID = 'audit-logging/audit-logger';
const SLOW = { timeout: 30_000 };

describe(ID, () => {
  it(
    'writes async audit events in batches, loses the buffered ones in a crash, and loses none when synchronous',
    SLOW,
    async () => {
      const first = await runPlayground(ID);
      expect(first.status).toBe('ok');
      expect(first.lines).toEqual([
        '--- 1. logAsync: batches of up to 100, flushed 1000 ms after the first buffered event ---',
        '[t=1.011s] audit: flushed 20 events in one INSERT',
        '[t=2.014s] audit: flushed 21 events in one INSERT',
        '[t=2.708s] crash after 55 committed updates (14 audit events were still in memory)',
        '[t=2.708s] audit_logs: 41 rows written by 2 INSERTs; lost: 14 events',
        '[t=2.708s] request latency: p50 6 ms, max 6 ms',
        '--- 2. logSync: the request waits for its audit row ---',
        '[t=5.419s] crash after 55 committed updates (0 audit events were still in memory)',
        '[t=5.419s] audit_logs: 55 rows written by 55 INSERTs; lost: 0 events',
        '[t=5.419s] request latency: p50 9 ms, max 9 ms',
      ]);

      const second = await runPlayground(ID);
      expect(second.lines).toEqual(first.lines);
    },
  );
});

/** The seed's SQL blocks of question `n`, in order. */
const seedSql = (n: number) =>
  loadSeed()
    .find((q) => q.n === n)!
    .codeBlocks.filter((b) => b.lang === 'sql')
    .map((b) => b.code);

/** The statements of a SQL text, whitespace-normalised, for comparing the seed with a playground. */
const statements = (sql: string) =>
  splitSql(sql).flatMap((p) => (p.kind === 'statement' ? [p.text.replace(/\s+/g, ' ')] : []));

const source = (id: string, file = 'main.sql') => playgroundSources()[`/${id}/${file}`]!;

/** SQL playgrounds run on real PostgreSQL (PGlite); the first run in a file pays for initdb. */
const POSTGRES = { timeout: 120_000 };

describe("the seed's audit_logs DDL (question 23)", () => {
  it('fails on PostgreSQL twice, as the page says', POSTGRES, async () => {
    const [ddl] = seedSql(23);
    const asWritten = await runFiles({ '/main.sql': ddl! }, '/main.sql');
    expect(asWritten.lines[0]).toBe('ERROR:  cannot use generated column in partition key (main.sql:12:23)');

    const partitionedByTimestamp = ddl!.replace('PARTITION BY RANGE (created_month)', 'PARTITION BY RANGE (timestamp)');
    const second = await runFiles({ '/main.sql': partitionedByTimestamp }, '/main.sql');
    expect(second.lines[0]).toBe(
      'ERROR:  unique constraint on partitioned table must include all partitioning columns (main.sql:1:1)',
    );
    expect(second.lines[1]).toBe(
      'DETAIL:  PRIMARY KEY constraint on table "audit_logs" lacks column "timestamp" which is part of the partition key.',
    );
  });
});

describe('audit-logging/partitioned-audit-logs', () => {
  const id = 'audit-logging/partitioned-audit-logs';

  it("uses the corrected DDL and the seed's three indexes", () => {
    const [seed] = seedSql(23);
    const own = statements(source(id));
    expect(own[0]).toContain('PRIMARY KEY (id, timestamp)');
    expect(own[0]).toContain(') PARTITION BY RANGE (timestamp)');
    for (const index of statements(seed!).filter((s) => s.startsWith('CREATE INDEX'))) expect(own).toContain(index);
  });

  it(
    'fills three monthly partitions, rejects a row outside them, and reads through the indexes',
    POSTGRES,
    async () => {
      // The statements' results, without the comments written above them.
      const { status, results: lines } = await runPlayground(id);
      expect(status).toBe('ok');
      expect(lines.slice(0, 9)).toEqual([
        'CREATE TABLE',
        'CREATE TABLE',
        'CREATE TABLE',
        'CREATE TABLE',
        'CREATE INDEX',
        'CREATE INDEX',
        'CREATE INDEX',
        'INSERT 0 8640',
        'ANALYZE',
      ]);
      // Every partition received its month: 31 + 28 + 31 days of one event per 15 minutes.
      expect(lines.slice(9, 13)).toEqual([
        'partition | rows | first | last',
        'audit_logs_2026_01 | 2976 | 2026-01-01 00:00:00 | 2026-01-31 23:45:00',
        'audit_logs_2026_02 | 2688 | 2026-02-01 00:00:00 | 2026-02-28 23:45:00',
        'audit_logs_2026_03 | 2976 | 2026-03-01 00:00:00 | 2026-03-31 23:45:00',
      ]);
      expect(lines.slice(13, 15)).toEqual([
        'ERROR:  no partition of relation "audit_logs" found for row (main.sql:44:1)',
        'DETAIL:  Partition key of the failing row contains ("timestamp") = (2026-04-01 09:30:00).',
      ]);
      const history = lines.slice(15, 21);
      expect(history[0]).toBe('id | action | user_id | timestamp | changes');
      expect(history.slice(1).map((row) => row.split(' | ')[3])).toEqual([
        '2026-01-01 02:00:00',
        '2026-01-06 03:45:00',
        '2026-01-11 05:30:00',
        '2026-01-16 07:15:00',
        '2026-01-21 09:00:00',
      ]);
      // February's partition alone, through its copy of idx_audit_entity.
      const plan = lines.slice(21).join('\n');
      expect(plan).toContain('Index Scan using audit_logs_2026_02_entity_type_entity_id_idx on audit_logs_2026_02');
      expect(plan).not.toContain('audit_logs_2026_01');
      expect(plan).not.toContain('audit_logs_2026_03');
    },
  );
});
