import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

// Generous: under a full parallel test run (PGlite suites included) a run can take seconds.
const RUN = { timeout: 30_000 };

const untimed = (lines: readonly string[]) => lines.map((line) => line.replace(/^\[t=\d+\.\d{3}s\] /, ''));

/** The lines between the heading that starts with `heading` and the next heading. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(`--- ${heading}`));
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('--- '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('distributed-transactions-vs-eventual-consistency/transfer-2pc', () => {
  const id = 'distributed-transactions-vs-eventual-consistency/transfer-2pc';

  it('commits, aborts, blocks while the coordinator is down, and never aborts after the decision', RUN, async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const text = untimed(lines);

    expect(section(text, '1. both banks vote yes')).toEqual([
      'coordinator: tx-1 prepare debit alice 100 at bank-a → yes',
      'coordinator: tx-1 prepare credit bob 100 at bank-b → yes',
      'coordinator: tx-1 decision: commit (written to the log)',
      'coordinator: tx-1 commit → bank-a: committed',
      'coordinator: tx-1 commit → bank-b: committed',
      'result: success · alice 900 · bob 1100 · total 2000 (conserved)',
    ]);

    const no = section(text, "2. bob's account is frozen");
    expect(no).toContain('coordinator: tx-2 prepare credit bob 100 at bank-b → no (account frozen)');
    expect(no).toContain('coordinator: tx-2 abort → bank-a: rolled back');
    expect(no.at(-1)).toBe(
      'result: aborted (bank-b voted no: account frozen) · alice 1000 · bob 1000 · total 2000 (conserved)',
    );

    // the coordinator dies: both banks stay in doubt with their rows locked until it comes back
    const crash = section(text, '3. the coordinator dies');
    expect(crash).toContain('✗ coordinator died before sending the commit for tx-3');
    expect(crash).toContain('in doubt: bank-a tx-3, bank-b tx-3: they can neither commit nor abort alone');
    expect(crash).toContain("alice's card payment at a shop: failed, LockTimeout after 1000 ms");
    expect(crash).toContain('coordinator: restarted: the log says tx-3 → commit, participants bank-a, bank-b');
    const locked = crash.find((l) => l.startsWith("alice's and bob's rows stayed locked for "));
    expect(Number(locked?.match(/locked for (\d+\.\d+)s/)?.[1])).toBeGreaterThanOrEqual(5);
    expect(crash.at(-1)).toBe('result: alice 900 · bob 1100 · total 2000 (conserved)');
    const timeOf = (needle: string) => Number(lines.find((l) => l.includes(needle))?.match(/^\[t=(\d+\.\d+)s\]/)?.[1]);
    expect(timeOf('tx-3 commit → bank-a: committed') - timeOf('coordinator died')).toBeGreaterThanOrEqual(4.9);

    // the seed's except aborts after the commit decision: half applied, money vanishes
    const seed = section(text, '4. the commit to bank-b is lost');
    expect(seed).toContain('coordinator: tx-4 commit → bank-a: committed');
    expect(seed).toContain('coordinator: tx-4 abort → bank-a: already committed, cannot undo');
    expect(seed).toContain('coordinator: tx-4 abort → bank-b: rolled back');
    expect(seed.at(-1)).toBe('seed version: alice 900 · bob 1000 · total 1900 (100 vanished)');

    const fixed = section(text, '4b. fixed');
    expect(fixed).toContain('coordinator: tx-5 commit → bank-b: ✗ commit for tx-5 never reached bank-b');
    expect(fixed).toContain('coordinator: tx-5 commit → bank-b: committed');
    expect(fixed.some((l) => l.includes('abort'))).toBe(false);
    expect(fixed.at(-1)).toBe('result: success · alice 900 · bob 1100 · total 2000 (conserved)');
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('prints the same thing every run', RUN, async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});

describe('distributed-transactions-vs-eventual-consistency/transfer-saga', () => {
  const id = 'distributed-transactions-vs-eventual-consistency/transfer-saga';

  it(
    'compensates a failed credit, conserves the money, and keeps the original error of a failed debit',
    RUN,
    async () => {
      const { status, lines } = await runPlayground(id);
      expect(status).toBe('ok');
      const text = untimed(lines);

      const success = section(text, '1. alice sends bob 100');
      expect(success).toContain('result: success · alice 900 · bob 1100 · total 2000 (conserved)');
      expect(success.find((l) => l.startsWith('the auditor saw'))).toMatch(
        /^the auditor saw the total go 2000 → 1900 → 2000 \(100 in flight for ~\d+ ms\)$/,
      );

      const retry = section(text, '1b. the client sends the same transfer again');
      expect(retry).toEqual([
        'tx-1: debit alice -100 ✓ (tx-1:debit, already applied)',
        'tx-1: credit bob +100 ✓ (tx-1:credit, already applied)',
        'result: success · alice 900 · bob 1100 · total 2000 (conserved): applied once',
      ]);

      expect(section(text, "2. bob's account is closed")).toEqual([
        'tx-2: debit alice -100 ✓ (tx-2:debit)',
        "tx-2: credit bob +100 ✗ bob's account is closed",
        'tx-2: compensate: refund alice +100 ✓ (tx-2:refund)',
        "result: compensated (bob's account is closed)",
        'alice 1000 · bob 1000 · total 2000 (conserved) · bank-a ledger: tx-2:debit -100, tx-2:refund +100',
      ]);

      const debitFails = section(text, '3. alice sends 5000');
      expect(debitFails).toContain("seed version threw TypeError: Cannot read properties of undefined (reading 'id')");
      expect(debitFails).toContain('fixed: failed (insufficient funds: alice has 1000), nothing to compensate');
      expect(debitFails.at(-1)).toBe('alice 1000 · bob 1000 · total 2000 (conserved)');
      expect(lines.length).toBeLessThanOrEqual(60);
    },
  );

  it('prints the same thing every run', RUN, async () => {
    const a = await runPlayground(id);
    const b = await runPlayground(id);
    expect(a.lines).toEqual(b.lines);
  });
});
