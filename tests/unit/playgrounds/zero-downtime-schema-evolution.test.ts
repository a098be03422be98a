/**
 * Question 24: the seed's Python steps as one expand–contract migration on real PostgreSQL (PGlite).
 * The first run in this file pays for initdb; the second starts from its dump.
 */
import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

const id = 'zero-downtime-schema-evolution/expand-contract';
const POSTGRES = { timeout: 240_000 }; // initdb on a busy machine, then two runs

describe(id, () => {
  it('runs the seed\'s DDL: the three ADD COLUMNs of the expand step and the DROP of the contract step', () => {
    const main = playgroundSources()[`/${id}/main.ts`]!;
    expect(main).toContain('ALTER TABLE users ADD COLUMN phone_number VARCHAR(20) NULL;');
    expect(main).toContain("ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active';");
    expect(main).toContain('ALTER TABLE users ADD COLUMN new_name VARCHAR(255);');
    expect(main).toContain('ALTER TABLE users DROP COLUMN old_name');
  });

  it('keeps old and new versions error-free at every step, backfills without losing live writes, then drops old_name', POSTGRES, async () => {
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
    expect(lines).toContain("v1 renames Barbara, created by v2: old_name 'Barbara Liskov', new_name 'Barbara' (stale)");
    const data = lines.filter((l) => l.startsWith('data: '));
    expect(data[1]).toBe('data: 11 users · new_name NULL 6 · old_name NULL 0 · names differ 1 · phone_number set 1');

    // Step 3: the seed's check-then-act backfill overwrites Grace's own number; the guarded one keeps it,
    // and the name backfill also repairs the stale row (7 = 6 NULL + 1 stale).
    expect(lines).toContain("seed's check-then-act backfill (rolled back): Grace's number is +1 555 0102, the one she saved is lost");
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
  });

  it('shows the failures when a reader breaks the order: reads switched before the backfill, old_name written after the drop', POSTGRES, async () => {
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
  });
});
