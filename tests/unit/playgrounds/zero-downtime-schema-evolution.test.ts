/**
 * Question 24: the seed's Python steps as one expand–contract migration on real PostgreSQL (PGlite).
 * The first run in this file pays for initdb; the second starts from its dump.
 */
import { describe, expect, it } from 'vitest';
import { splitSql } from '../../../src/lib/runner/sql';
import { playgroundSources, runPlayground } from '../../support/run-playground';
import { loadSeed } from '../../support/seed';

const id = 'zero-downtime-schema-evolution/expand-contract';
const POSTGRES = { timeout: 240_000 }; // initdb on a busy machine, then two runs

describe(id, () => {
  it("runs the seed's DDL: the three ADD COLUMNs of the expand step and the DROP of the contract step", () => {
    const main = playgroundSources()[`/${id}/main.ts`]!;
    expect(main).toContain('ALTER TABLE users ADD COLUMN phone_number VARCHAR(20) NULL;');
    expect(main).toContain("ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active';");
    expect(main).toContain('ALTER TABLE users ADD COLUMN new_name VARCHAR(255);');
    expect(main).toContain('ALTER TABLE users DROP COLUMN old_name');
  });

  it(
    'keeps old and new versions error-free at every step, backfills without losing live writes, then drops old_name',
    POSTGRES,
    async () => {
      const first = await runPlayground(id);
      const { status, lines } = first;
      expect(status).toBe('ok');

      // Every request of every version succeeded, at every step.
      const requests = lines.filter((l) => l.startsWith('requests: '));
      expect(requests).toEqual([
        'requests: v1 12/12 ok',
        'requests: v1 6/6 ok · v2 6/6 ok',
        'requests: v2 6/6 ok · v3 6/6 ok',
        'requests: v3 6/6 ok · v4 6/6 ok',
        'requests: v4 12/12 ok',
      ]);
      expect(lines.filter((l) => l.includes(' failed: '))).toEqual([]);
      expect(lines.at(-1)).toBe('v1 18 ok, 0 failed · v2 12 ok, 0 failed · v3 12 ok, 0 failed · v4 18 ok, 0 failed');

      // Step 1: version 1 keeps working next to the new, nullable columns.
      expect(lines).toContain('columns: id, old_name, email, phone_number, status, new_name');
      // Step 2: v2 reads v1's rows (NULL phone, default status); a v1 rename leaves new_name stale.
      expect(lines).toContain("v2 reads Alan, created by v1: phoneNumber null, status 'active'");
      expect(lines).toContain(
        "v1 renames Barbara, created by v2: old_name 'Barbara Liskov', new_name 'Barbara' (stale)",
      );
      const data = lines.filter((l) => l.startsWith('data: '));
      expect(data[1]).toBe('data: 11 users · new_name NULL 6 · old_name NULL 0 · names differ 1 · phone_number set 1');

      // Step 3: the seed's check-then-act backfill overwrites Grace's own number; the guarded one keeps it,
      // and the name backfill also repairs the stale row (7 = 6 NULL + 1 stale).
      expect(lines).toContain(
        "seed's check-then-act backfill (rolled back): Grace's number is +1 555 0102, the one she saved is lost",
      );
      expect(lines).toContain('phone_number: 6 rows in 4 batches; kept 1 number saved meanwhile (Grace: +1 555 0199)');
      expect(lines).toContain('new_name: 7 rows in 4 batches (NULL or stale)');
      expect(data[2]).toBe('data: 11 users · new_name NULL 0 · old_name NULL 0 · names differ 0 · phone_number set 8');

      // Step 4: both read paths agree for every user.
      expect(lines).toContain('v2 (old_name) and v3 (new_name) read the same name for 15/15 users');

      // Dropping while a dual-writer runs fails (the page's correction); after the rollout it doesn't.
      expect(lines).toContain('v3 updateUser: column "old_name" of relation "users" does not exist');
      expect(lines).toContain('columns: id, email, phone_number, status, new_name');
      expect(data.at(-1)).toBe('data: 20 users · new_name NULL 0 · phone_number set 8');
      expect(lines).toContain('a v1 instance still running now would fail: getUser → column "old_name" does not exist');

      expect(lines.length).toBeLessThanOrEqual(60);
      const second = await runPlayground(id);
      expect(second.lines).toEqual(lines);
    },
  );

  it(
    'shows the failures when a reader breaks the order: reads switched before the backfill, old_name written after the drop',
    POSTGRES,
    async () => {
      const main = playgroundSources()[`/${id}/main.ts`]!;
      const edited = main
        .replace("{ write: 'both', read: 'old_name' })", "{ write: 'both', read: 'new_name' })")
        .replace("{ write: 'new_name', read: 'new_name' })", "{ write: 'both', read: 'new_name' })");
      expect(edited).not.toBe(main);
      const { status, lines } = await runPlayground(id, { [`/${id}/main.ts`]: edited });
      expect(status).toBe('ok');
      expect(lines.find((l) => l.startsWith('requests: v1 6/6 ok · v2 '))).toMatch(/v2 [0-5]\/6 ok/);
      expect(lines.some((l) => /^ {2}v2 failed: read user \d+ without a name$/.test(l))).toBe(true);
      expect(lines).toContain('  v4 failed: column "old_name" of relation "users" does not exist');
      expect(lines.at(-1)).toMatch(/v4 \d+ ok, [1-9]\d* failed$/);
    },
  );
});

/** The seed's four SQL blocks of question 24, in order. */
const seedSql = () =>
  loadSeed()
    .find((q) => q.n === 24)!
    .codeBlocks.filter((b) => b.lang === 'sql')
    .map((b) => b.code);

/** The statements of a SQL text, whitespace-normalised, for comparing the seed with a playground. */
const statements = (sql: string) =>
  splitSql(sql).flatMap((p) => (p.kind === 'statement' ? [p.text.replace(/\s+/g, ' ')] : []));

const sqlSource = (id: string) => playgroundSources()[`/${id}/main.sql`]!;

describe('zero-downtime-schema-evolution playgrounds (question 24)', () => {
  const folder = 'zero-downtime-schema-evolution';

  it("each runs one of the seed's SQL steps, in the seed's order", () => {
    const seed = seedSql().map(statements);
    expect(seed).toHaveLength(4);
    const ids = ['add-column', 'remove-column', 'rename-column', 'drop-old-column'];
    ids.forEach((name, i) => {
      const own = statements(sqlSource(`${folder}/${name}`));
      for (const statement of seed[i]!) expect(own).toContain(statement);
    });
    // The seed's SQL inside its Python: the dual-write and the backfill of the rename.
    const rename = statements(sqlSource(`${folder}/rename-column`));
    expect(rename).toContain('UPDATE users SET new_name = old_name WHERE new_name IS NULL');
    expect(rename).toContain("UPDATE users SET old_name = 'Ada Lovelace', new_name = 'Ada Lovelace' WHERE id = 1");
  });

  it(
    'add-column: version 1 keeps reading and writing after the ALTERs; version 2 sees the new columns',
    POSTGRES,
    async () => {
      const { status, lines, results } = await runPlayground(`${folder}/add-column`);
      expect(status).toBe('ok');
      // Each result follows the comment written above its statement.
      const caption = lines.indexOf('-- Add nullable column (safe)');
      expect(lines.slice(caption, caption + 3)).toEqual([
        '-- Add nullable column (safe)',
        'ALTER TABLE',
        '-- Or with default (safe)',
      ]);
      expect(results).toEqual([
        'CREATE TABLE',
        'INSERT 0 2',
        'ALTER TABLE',
        'ALTER TABLE',
        'INSERT 0 1',
        'id | name | email',
        '1 | Ada | ada@example.com',
        '2 | Grace | grace@example.com',
        '3 | Alan | alan@example.com',
        'INSERT 0 1',
        'id | name | phone_number | status',
        '1 | Ada | NULL | active',
        '2 | Grace | NULL | active',
        '3 | Alan | NULL | active',
        '4 | Edsger | +31 20 555 0100 | active',
        'ERROR:  column "country" of relation "users" contains null values (main.sql:21:1)',
      ]);
    },
  );

  it('remove-column: version 2 works before and after the DROP; version 1 fails only after it', POSTGRES, async () => {
    const { status, results } = await runPlayground(`${folder}/remove-column`);
    expect(status).toBe('ok');
    expect(results).toEqual([
      'CREATE TABLE',
      'INSERT 0 2',
      'INSERT 0 1',
      'id | name | old_column',
      '1 | Ada | legacy-1',
      '2 | Grace | legacy-2',
      '3 | Alan | NULL',
      'ALTER TABLE',
      'INSERT 0 1',
      'id | name',
      '1 | Ada',
      '2 | Grace',
      '3 | Alan',
      '4 | Edsger',
      'ERROR:  column "old_column" does not exist (main.sql:18:18)',
    ]);
  });

  it(
    "rename-column: both readers work at every step; the seed's backfill misses a row version 1 renamed, the fixed one does not",
    POSTGRES,
    async () => {
      const { status, results } = await runPlayground(`${folder}/rename-column`);
      expect(status).toBe('ok');
      const header = 'after | all users | v1 finds | v2 finds | out of sync';
      expect(results).toEqual([
        'CREATE TABLE',
        'INSERT 0 3',
        'CREATE FUNCTION',
        'ALTER TABLE',
        header,
        '1. add column | 3 | 3 | 0 | 3',
        'UPDATE 1',
        'INSERT 0 1',
        'INSERT 0 1',
        'UPDATE 1',
        header,
        '2. dual-write | 5 | 5 | 2 | 4',
        'UPDATE 3',
        header,
        '3. backfill | 5 | 5 | 5 | 1',
        'UPDATE 1',
        header,
        '3. backfill, fixed | 5 | 5 | 5 | 0',
        'id | new_name',
        '1 | Ada King',
        '2 | Grace',
        '3 | Edsger',
        '4 | Alan',
        '5 | Barbara',
      ]);
    },
  );

  it(
    'drop-old-column: dropping before the writers stop breaks the dual-write; after, writes keep working',
    POSTGRES,
    async () => {
      const { status, results } = await runPlayground(`${folder}/drop-old-column`);
      expect(status).toBe('ok');
      expect(results).toEqual([
        'CREATE TABLE',
        'INSERT 0 3',
        'BEGIN',
        'ALTER TABLE',
        'ERROR:  column "old_name" of relation "users" does not exist (main.sql:8:18)',
        'ROLLBACK',
        'UPDATE 1',
        'ALTER TABLE',
        'UPDATE 1',
        'id | new_name',
        '1 | Ada Lovelace',
        '2 | Grace Hopper',
        '3 | Edsger Dijkstra',
      ]);
    },
  );
});
