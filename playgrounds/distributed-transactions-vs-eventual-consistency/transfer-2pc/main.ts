// The page's money transfer over two-phase commit: alice's account is at bank-a, bob's at bank-b, each bank
// a database of its own. Watch a commit, an abort, the locks a dead coordinator leaves behind, and what the
// seed's single `except` does when a commit message is lost. Each scenario starts from 1000 + 1000.
import { formatTime, now, sleep } from '../../kit/clock';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { Bank } from './bank';
import {
  CoordinatorCrashed,
  TransactionCoordinator,
  transferMoney,
  transferMoneyAsWritten,
  type AccountRef,
} from './transfer-2pc';

const AMOUNT = 100;
const OPENING_BALANCE = 1000;
const DB_LATENCY_MS = 5;
const COORDINATOR_DOWN_MS = 5_000; // how long the crashed coordinator takes to come back
const LOCK_TIMEOUT_MS = 1_000; // how long another transaction on alice's row waits before giving up

// The coordinator's durable log (decisions and participants) survives its crashes.
const durableLog = new Kv({ name: 'coordinator-log', latency: 1 });

async function openBanks(bobFrozen = false): Promise<{ banks: Bank[]; alice: AccountRef; bob: AccountRef }> {
  const bankA = await Bank.open('bank-a', [{ id: 'alice', balance: OPENING_BALANCE, frozen: false }], DB_LATENCY_MS);
  const bankB = await Bank.open('bank-b', [{ id: 'bob', balance: OPENING_BALANCE, frozen: bobFrozen }], DB_LATENCY_MS);
  return { banks: [bankA, bankB], alice: { bank: bankA, id: 'alice' }, bob: { bank: bankB, id: 'bob' } };
}

function balances(alice: AccountRef, bob: AccountRef): string {
  const a = alice.bank.balanceOf('alice');
  const b = bob.bank.balanceOf('bob');
  const missing = 2 * OPENING_BALANCE - (a + b);
  return `alice ${a} · bob ${b} · total ${a + b}${missing === 0 ? ' (conserved)' : ` (${missing} vanished)`}`;
}

{
  console.log('--- 1. both banks vote yes: commit ---');
  const { alice, bob } = await openBanks();
  const result = await transferMoney(new TransactionCoordinator('tx-1', durableLog), alice, bob, AMOUNT);
  console.log(`result: ${result.status} · ${balances(alice, bob)}`);
}

{
  console.log("--- 2. bob's account is frozen: bank-b votes no, bank-a rolls back ---");
  const { alice, bob } = await openBanks(true);
  const result = await transferMoney(new TransactionCoordinator('tx-2', durableLog), alice, bob, AMOUNT);
  console.log(
    `result: ${result.status}${result.status === 'aborted' ? ` (${result.reason})` : ''} · ${balances(alice, bob)}`,
  );
}

{
  console.log('--- 3. the coordinator dies after the prepare phase ---');
  const { banks, alice, bob } = await openBanks();
  const coordinator = new TransactionCoordinator('tx-3', durableLog, { crashAfterDecision: true });
  const transferStarted = now();
  await transferMoney(coordinator, alice, bob, AMOUNT).catch((error: unknown) => {
    if (!(error instanceof CoordinatorCrashed)) throw error;
    log(`✗ ${error.message}`);
  });
  log(
    `in doubt: bank-a ${alice.bank.inDoubt.join(',')}, bank-b ${bob.bank.inDoubt.join(',')}: they can neither commit nor abort alone`,
  );

  // Meanwhile alice pays at a shop: her row is still locked by tx-3.
  const shopping = await alice.bank.db
    .transaction(
      async (tx) => {
        const account = await tx.getForUpdate('accounts', 'alice');
        await tx.update('accounts', 'alice', { balance: (account?.balance ?? 0) - 20 });
      },
      { lockTimeoutMs: LOCK_TIMEOUT_MS },
    )
    .then(
      () => 'paid',
      (error: unknown) => `failed, ${error instanceof Error ? error.name : String(error)} after ${LOCK_TIMEOUT_MS} ms`,
    );
  log(`alice's card payment at a shop: ${shopping}`);

  await sleep(COORDINATOR_DOWN_MS - (now() - transferStarted));
  await TransactionCoordinator.recover('tx-3', durableLog, banks);
  log(`alice's and bob's rows stayed locked for ${formatTime(now() - transferStarted)}, from prepare to commit`);
  console.log(`result: ${balances(alice, bob)}`);
}

{
  console.log("--- 4. the commit to bank-b is lost: the seed's except aborts after the decision ---");
  const { alice, bob } = await openBanks();
  bob.bank.loseNextCommit();
  await transferMoneyAsWritten(
    new TransactionCoordinator('tx-4', durableLog, { resendCommits: false }),
    alice,
    bob,
    AMOUNT,
  ).catch(() => undefined);
  console.log(`seed version: ${balances(alice, bob)}`);
}

{
  console.log('--- 4b. fixed: the decision stands, the commit is sent again until bank-b acknowledges ---');
  const { alice, bob } = await openBanks();
  bob.bank.loseNextCommit();
  const result = await transferMoney(new TransactionCoordinator('tx-5', durableLog), alice, bob, AMOUNT);
  console.log(`result: ${result.status} · ${balances(alice, bob)}`);
}
