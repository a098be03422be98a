// Renaming users.old_name to new_name, and adding phone_number and status, with no downtime: the seed's
// steps as one expand–contract migration on a real PostgreSQL. At each step the version being replaced
// and the new one serve requests side by side against the same schema, and no request may fail.
// Try it: let v2 read new_name before the backfill, or keep v4 writing both columns, and press Run.
import { openPostgres } from '../../kit/postgres';
import { backfillNewName, backfillPhoneNumbers, backfillPhoneNumbersAsInSeed, type PhoneLookup } from './backfill';
import { LegacyUserService } from './legacy-user-service';
import { columns, outcomeOf, report, Traffic } from './traffic';
import { UserService } from './user-service';

const SEED = 42; // the random mix of requests
const REQUESTS_PER_STEP = 12; // spread over the versions running at each step
const BATCH_SIZE = 3; // rows per backfill batch (thousands in real life)

const db = await openPostgres();
const traffic = new Traffic(SEED, REQUESTS_PER_STEP);

// The application versions of the rollout. Each step changes one thing, so each can be rolled back.
const v1 = new LegacyUserService(db); // reads and writes old_name
const v2 = new UserService(db, { write: 'both', read: 'old_name' }); // dual-write
const v3 = new UserService(db, { write: 'both', read: 'new_name' }); // switched reads
const v4 = new UserService(db, { write: 'new_name', read: 'new_name' }); // stopped writing old_name

console.log('--- v1 in production ---');
// old_name is nullable: a version that stops writing it must still be able to insert.
await db.exec('CREATE TABLE users (id SERIAL PRIMARY KEY, old_name VARCHAR(255), email VARCHAR(255) NOT NULL)');
const [ada, grace] = [await traffic.register(v1), await traffic.register(v1), await traffic.register(v1)];
const names = await db.query<{ old_name: string }>('SELECT old_name FROM users ORDER BY id');
console.log(`users(${(await columns(db)).join(', ')}): ${names.map((u) => u.old_name).join(', ')}`);

console.log('--- step 1 · expand: add phone_number, status and new_name ---');
await db.exec(`
  ALTER TABLE users ADD COLUMN phone_number VARCHAR(20) NULL;
  ALTER TABLE users ADD COLUMN status VARCHAR(20) DEFAULT 'active';
  ALTER TABLE users ADD COLUMN new_name VARCHAR(255);
`);
console.log(`columns: ${(await columns(db)).join(', ')}`);
await traffic.serve({ v1 }); // v1 names only the columns it knows, so it carries on
await report(db);

console.log('--- step 2 · roll out v2 (dual-write, still reads old_name) next to v1 ---');
await traffic.serve({ v1, v2 });
const alan = await v2.getUser(await traffic.register(v1, 'Alan Turing'));
console.log(`v2 reads Alan, created by v1: phoneNumber ${alan?.phoneNumber}, status '${alan?.status}'`);
const barbara = await v2.createUser({ name: 'Barbara', email: 'barbara@example.com', phoneNumber: '+1 555 0142' });
traffic.fullNames.set(barbara.id, 'Barbara Liskov');
await v1.updateUser(barbara.id, { name: 'Barbara Liskov' }); // v1 writes old_name only
const [row] = await db.query<{ old_name: string; new_name: string }>(
  'SELECT old_name, new_name FROM users WHERE id = $1',
  [barbara.id],
);
console.log(`v1 renames Barbara, created by v2: old_name '${row?.old_name}', new_name '${row?.new_name}' (stale)`);
await report(db);
console.log('rollout done: every instance runs v2, so every write from now on keeps both columns equal');

console.log(`--- step 3 · backfill in batches of ${BATCH_SIZE}, next to live v2 traffic ---`);
const gracesOwnNumber = '+1 555 0199';
const getPhoneFromExternalSource: PhoneLookup = async (userId) => {
  // While the backfill looks Grace up in the CRM, she saves her new number on her profile page.
  if (userId === grace) await v2.setPhoneNumber(grace, gracesOwnNumber);
  return userId % 3 === 0 ? null : `+1 555 ${String(100 + userId).padStart(4, '0')}`;
};
await db.exec('BEGIN'); // the seed's version first, in a transaction rolled back afterwards
await backfillPhoneNumbersAsInSeed(db, getPhoneFromExternalSource);
const overwritten = (await v2.getUser(grace))?.phoneNumber;
await db.exec('ROLLBACK');
console.log(
  `seed's check-then-act backfill (rolled back): Grace's number is ${overwritten}, the one she saved is lost`,
);
const phones = await backfillPhoneNumbers(db, getPhoneFromExternalSource, BATCH_SIZE);
const gracesNumber = (await v2.getUser(grace))?.phoneNumber;
console.log(
  `phone_number: ${phones.updated} rows in ${phones.batches} batches; ` +
    `kept ${phones.keptLiveValue} number saved meanwhile (Grace: ${gracesNumber})`,
);
const copied = await backfillNewName(db, BATCH_SIZE);
console.log(`new_name: ${copied.updated} rows in ${copied.batches} batches (NULL or stale)`);
await report(db);

console.log('--- step 4 · roll out v3 (reads new_name, still dual-writes) next to v2 ---');
await traffic.serve({ v2, v3 });
let same = 0;
for (const id of traffic.fullNames.keys()) if ((await v2.getUser(id))?.name === (await v3.getUser(id))?.name) same += 1;
console.log(`v2 (old_name) and v3 (new_name) read the same name for ${same}/${traffic.fullNames.size} users`);

console.log('--- step 5 · roll out v4 (stops writing old_name) next to v3 ---');
await traffic.serve({ v3, v4 });
await report(db); // where v4 wrote, old_name is NULL or outdated: no running version reads it any more

console.log('--- what if old_name were dropped now, with v3 still running? (rolled back) ---');
await db.exec('BEGIN; ALTER TABLE users DROP COLUMN old_name');
console.log(`v3 updateUser: ${await outcomeOf(v3.updateUser(ada, { name: 'Ada Lovelace' }))}`);
await db.exec('ROLLBACK');

console.log('--- step 6 · contract, once every instance runs v4: drop old_name ---');
await db.exec('ALTER TABLE users DROP COLUMN old_name');
console.log(`columns: ${(await columns(db)).join(', ')}`);
await traffic.serve({ v4 });
await report(db);
console.log(`a v1 instance still running now would fail: getUser → ${await outcomeOf(v1.getUser(ada))}`);

console.log('--- outcome ---');
console.log([...traffic.totals].map(([v, t]) => `${v} ${t.ok} ok, ${t.failed} failed`).join(' · '));
