/**
 * The scenario's helpers: the running application versions serve a seeded mix of creates, renames and
 * reads, and a report says what the users table holds. Not part of the seed.
 */
import { PostgresError, type Postgres } from '../../kit/postgres';
import { Random } from '../../kit/random';

/** What every version of the application offers, as the load balancer sees it. */
export interface Users {
  createUser(userData: { readonly name: string; readonly email: string }): Promise<{ readonly id: number }>;
  getUser(userId: number): Promise<{ readonly name: string | null } | undefined>;
  updateUser(userId: number, data: { readonly name: string }): Promise<boolean>;
}

/** The versions running during one step, e.g. { v1, v2 } during v2's rollout. */
export type Fleet = Readonly<Record<string, Users>>;

/** A read that found the user but no name: the version reads a column that is not filled yet. */
export class NamelessRead extends Error {}

/** "ok", or the message of the statement Postgres rejected; any other error is a bug and surfaces. */
export const outcomeOf = (request: Promise<unknown>): Promise<string> =>
  request.then(
    () => 'ok',
    (error: unknown) => {
      if (error instanceof PostgresError) return error.message;
      throw error;
    },
  );

const PEOPLE = [
  'Ada Lovelace',
  'Grace Hopper',
  'Edsger Dijkstra',
  'Donald Knuth',
  'Margaret Hamilton',
  'Tony Hoare',
  'Frances Allen',
  'John Backus',
  'Leslie Lamport',
  'Radia Perlman',
  'Ken Thompson',
  'Niklaus Wirth',
  'Adele Goldberg',
  'Butler Lampson',
  'Jean Sammet',
  'Edgar Codd',
];

export class Traffic {
  /** User id → the full name a rename gives them (users sign up with their first name). */
  readonly fullNames = new Map<number, string>();
  /** Requests per version over the whole run. */
  readonly totals = new Map<string, { ok: number; failed: number }>();
  private readonly random: Random;
  private signedUp = 0;

  constructor(
    seed: number,
    private readonly requestsPerStep: number,
  ) {
    this.random = new Random(seed);
  }

  /** Signs a user up through `users`; returns the new id. */
  async register(users: Users, fullName = PEOPLE[this.signedUp++ % PEOPLE.length]!): Promise<number> {
    const first = fullName.split(' ')[0]!;
    const { id } = await users.createUser({ name: first, email: `${first.toLowerCase()}@example.com` });
    this.fullNames.set(id, fullName);
    return id;
  }

  /** Serves the step's requests, alternating between the running versions, and prints how they went. */
  async serve(fleet: Fleet): Promise<void> {
    const versions = Object.entries(fleet);
    const step = new Map(versions.map(([version]) => [version, { ok: 0, failed: [] as string[] }]));
    for (let n = 0; n < this.requestsPerStep; n++) {
      const [version, users] = versions[n % versions.length]!;
      const tally = step.get(version)!;
      const id = this.random.pick([...this.fullNames.keys()]);
      const roll = this.random.next();
      try {
        if (roll < 0.25) await this.register(users);
        else if (roll < 0.6) await users.updateUser(id, { name: this.fullNames.get(id)! });
        else if ((await users.getUser(id))?.name == null) throw new NamelessRead(`read user ${id} without a name`);
        tally.ok += 1;
      } catch (error) {
        if (!(error instanceof PostgresError || error instanceof NamelessRead)) throw error;
        tally.failed.push(error.message);
      }
    }
    console.log('requests:', [...step].map(([v, t]) => `${v} ${t.ok}/${t.ok + t.failed.length} ok`).join(' · '));
    for (const [version, tally] of step) {
      for (const message of new Set(tally.failed)) console.log(`  ${version} failed: ${message}`);
      const total = this.totals.get(version) ?? { ok: 0, failed: 0 };
      this.totals.set(version, { ok: total.ok + tally.ok, failed: total.failed + tally.failed.length });
    }
  }
}

/** The users table's columns, in order. */
export async function columns(db: Postgres): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position",
  );
  return rows.map((r) => r.column_name);
}

/** One line on the data: which names and phone numbers are filled, and where the two name columns differ. */
export async function report(db: Postgres): Promise<void> {
  const both = (await columns(db)).includes('old_name');
  const [r] = await db.query<{ users: number; newNull: number; oldNull: number; differ: number; phones: number }>(
    `SELECT count(*)::int AS users, count(*) FILTER (WHERE new_name IS NULL)::int AS "newNull",
            ${both ? 'count(*) FILTER (WHERE old_name IS NULL)::int' : '0'} AS "oldNull",
            ${both ? 'count(*) FILTER (WHERE old_name <> new_name)::int' : '0'} AS differ,
            count(phone_number)::int AS phones
     FROM users`,
  );
  const names = both ? ` · old_name NULL ${r!.oldNull} · names differ ${r!.differ}` : '';
  console.log(`data: ${r!.users} users · new_name NULL ${r!.newNull}${names} · phone_number set ${r!.phones}`);
}
