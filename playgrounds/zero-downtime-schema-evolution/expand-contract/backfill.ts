/**
 * The seed's two backfills: phone_number from an external source (adding a column, step 3) and
 * new_name from old_name (the rename, step 3). Both run in small batches next to live traffic.
 */
import type { Postgres } from '../../kit/postgres';

export interface BackfillReport {
  readonly batches: number;
  /** Rows the backfill changed. */
  readonly updated: number;
}

export interface PhoneBackfillReport extends BackfillReport {
  /** Users who saved a number between the SELECT and the UPDATE: the backfill left theirs alone. */
  readonly keptLiveValue: number;
}

/** Looks up a user's phone number elsewhere (a CRM, say); null when it has none. */
export type PhoneLookup = (userId: number) => Promise<string | null>;

/**
 * Backfills phone numbers for existing users, one batch of ids at a time (keyset pagination, so no
 * batch loads the whole table). The UPDATE repeats `phone_number IS NULL`: a number the user saved
 * after the SELECT is newer than the external source's, and must not be overwritten.
 */
export async function backfillPhoneNumbers(
  db: Postgres,
  getPhoneFromExternalSource: PhoneLookup,
  batchSize = 100,
): Promise<PhoneBackfillReport> {
  let batches = 0;
  let updated = 0;
  let keptLiveValue = 0;
  let lastId = 0;
  for (;;) {
    const users = await db.query<{ id: number }>(
      'SELECT id FROM users WHERE phone_number IS NULL AND id > $1 ORDER BY id LIMIT $2',
      [lastId, batchSize],
    );
    if (users.length === 0) break;
    batches += 1;
    for (const user of users) {
      lastId = user.id;
      const phone = await getPhoneFromExternalSource(user.id);
      if (phone === null) continue; // nothing to copy: leave NULL (the seed wrote NULL over NULL)
      const changed = await db.query(
        'UPDATE users SET phone_number = $1 WHERE id = $2 AND phone_number IS NULL RETURNING id',
        [phone, user.id],
      );
      if (changed.length === 1) updated += 1;
      else keptLiveValue += 1;
    }
  }
  return { batches, updated, keptLiveValue };
}

/** The seed's version, for comparison: check, then act. The UPDATE trusts a SELECT that may be stale. */
export async function backfillPhoneNumbersAsInSeed(db: Postgres, getPhone: PhoneLookup): Promise<void> {
  const users = await db.query<{ id: number }>('SELECT id FROM users WHERE phone_number IS NULL');
  for (const user of users) {
    const phone = await getPhone(user.id);
    await db.query('UPDATE users SET phone_number = $1 WHERE id = $2', [phone, user.id]);
  }
}

/**
 * Copies old_name to new_name for existing records, one id range per statement, so that no single
 * UPDATE holds the locks of the whole table while dual writes wait. The condition is "differs", not
 * the seed's "new_name IS NULL": a version 1 instance that renamed a user during the rollout changed
 * old_name only, leaving a new_name that is set but stale. Run it once every instance dual-writes.
 */
export async function backfillNewName(db: Postgres, batchSize = 1000): Promise<BackfillReport> {
  const [range] = await db.query<{ last: number | null }>('SELECT max(id) AS last FROM users');
  const last = range?.last ?? 0;
  let batches = 0;
  let updated = 0;
  for (let from = 0; from < last; from += batchSize) {
    batches += 1;
    const changed = await db.query(
      `UPDATE users SET new_name = old_name
       WHERE id > $1 AND id <= $2 AND new_name IS DISTINCT FROM old_name RETURNING id`,
      [from, from + batchSize],
    );
    updated += changed.length;
  }
  return { batches, updated };
}
