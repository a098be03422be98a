// The page's money transfer as a saga: alice's account is at bank-a, bob's at bank-b. Each step commits at
// once in its own bank (no lock outlives a step); when the credit fails, a compensation gives the money
// back. An auditor adding up both banks sees the money in flight: eventually consistent, never lost.
import { every } from '../../kit/clock';
import { Bank } from './bank';
import {
  MoneyTransferSaga,
  transferMoneySaga,
  transferMoneySagaAsWritten,
  type AccountRef,
  type TransferResult,
} from './transfer-saga';

const AMOUNT = 100;
const OPENING_BALANCE = 1000;
const DB_LATENCY_MS = 5;
const AUDIT_EVERY_MS = 10; // the auditor adds up both banks this often

async function openBanks(bobClosed = false): Promise<{ alice: AccountRef; bob: AccountRef }> {
  const bankA = await Bank.open('bank-a', [{ id: 'alice', balance: OPENING_BALANCE, closed: false }], DB_LATENCY_MS);
  const bankB = await Bank.open('bank-b', [{ id: 'bob', balance: OPENING_BALANCE, closed: bobClosed }], DB_LATENCY_MS);
  return { alice: { bank: bankA, id: 'alice' }, bob: { bank: bankB, id: 'bob' } };
}

const total = (alice: AccountRef, bob: AccountRef) => alice.bank.balanceOf('alice') + bob.bank.balanceOf('bob');

function balances(alice: AccountRef, bob: AccountRef): string {
  const sum = total(alice, bob);
  return `alice ${alice.bank.balanceOf('alice')} · bob ${bob.bank.balanceOf('bob')} · total ${sum}${sum === 2 * OPENING_BALANCE ? ' (conserved)' : ''}`;
}

function format(result: TransferResult): string {
  return result.status === 'success' ? 'success' : `${result.status} (${result.reason})`;
}

console.log('--- 1. alice sends bob 100, an auditor watching ---');
const first = await openBanks();
const seen: { total: number; samples: number }[] = [];
const audit = () => {
  const sum = total(first.alice, first.bob);
  const last = seen.at(-1);
  if (last?.total === sum) last.samples += 1;
  else seen.push({ total: sum, samples: 1 });
};
audit();
const auditor = every(AUDIT_EVERY_MS, audit);
const result = await transferMoneySaga(new MoneyTransferSaga('tx-1'), first.alice, first.bob, AMOUNT);
await auditor.stop();
audit();
console.log(`result: ${format(result)} · ${balances(first.alice, first.bob)}`);
console.log(
  `the auditor saw the total go ${seen.map((s) => s.total).join(' → ')} (${AMOUNT} in flight for ~${(seen[1]?.samples ?? 0) * AUDIT_EVERY_MS} ms)`,
);

console.log('--- 1b. the client sends the same transfer again (same id) ---');
const again = await transferMoneySaga(new MoneyTransferSaga('tx-1'), first.alice, first.bob, AMOUNT);
console.log(`result: ${format(again)} · ${balances(first.alice, first.bob)}: applied once`);

console.log("--- 2. bob's account is closed: the credit fails, the debit is compensated ---");
const closed = await openBanks(true);
console.log(
  `result: ${format(await transferMoneySaga(new MoneyTransferSaga('tx-2'), closed.alice, closed.bob, AMOUNT))}`,
);
console.log(`${balances(closed.alice, closed.bob)} · bank-a ledger: ${closed.alice.bank.ledger()}`);

console.log('--- 3. alice sends 5000: the debit itself fails ---');
const poor = await openBanks();
await transferMoneySagaAsWritten(new MoneyTransferSaga('tx-3'), poor.alice, poor.bob, 5000).catch((error: unknown) =>
  console.log(`seed version threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`),
);
console.log(
  `fixed: ${format(await transferMoneySaga(new MoneyTransferSaga('tx-4'), poor.alice, poor.bob, 5000))}, nothing to compensate`,
);
console.log(balances(poor.alice, poor.bob));
