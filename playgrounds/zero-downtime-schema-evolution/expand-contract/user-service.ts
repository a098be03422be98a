/**
 * The seed's UserService (step 2 of adding a column) and update_user (step 2 of the rename), as the new
 * application. One class serves versions 2, 3 and 4: each later step of the rename only changes which
 * name column it writes and which it reads, so a step is a small, reversible deploy.
 */
import type { Postgres } from '../../kit/postgres';

/** Which name column(s) a version writes and reads. */
export interface NameColumns {
  /** 'both': dual-write (rename step 2); 'new_name': stopped writing old_name (remove-column step 1). */
  readonly write: 'both' | 'new_name';
  /** 'old_name' until the backfill is done, then 'new_name' (rename step 4: switch reads). */
  readonly read: 'old_name' | 'new_name';
}

export type UserStatus = 'active' | 'suspended';

export interface NewUser {
  readonly name: string;
  readonly email: string;
  readonly phoneNumber?: string; // new field
  readonly status?: UserStatus; // new field
}

export interface User {
  readonly id: number;
  /** null only if this version reads a column that was never filled for this user. */
  readonly name: string | null;
  readonly email: string;
  /** null for users created before phone_number existed (or by version 1) until the backfill. */
  readonly phoneNumber: string | null;
  readonly status: string;
}

interface UserRow {
  readonly id: number;
  readonly name: string | null;
  readonly email: string;
  readonly phone_number: string | null;
  readonly status: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  // Rows written before the column existed (or by version 1) read as NULL: say so explicitly.
  phoneNumber: row.phone_number ?? null,
  status: row.status,
});

export class UserService {
  constructor(
    private readonly db: Postgres,
    readonly columns: NameColumns,
  ) {}

  /** The columns a read returns; the name comes from whichever column this version reads. */
  private get selected(): string {
    return `id, ${this.columns.read} AS name, email, phone_number, status`;
  }

  async createUser(userData: NewUser): Promise<User> {
    const user = [userData.name, userData.email, userData.phoneNumber ?? null, userData.status ?? 'active'];
    // Write to the database (new schema): the name goes to both columns while anyone may read old_name.
    const insert =
      this.columns.write === 'both'
        ? 'INSERT INTO users (old_name, new_name, email, phone_number, status) VALUES ($1, $1, $2, $3, $4)'
        : 'INSERT INTO users (new_name, email, phone_number, status) VALUES ($1, $2, $3, $4)';
    const [row] = await this.db.query<UserRow>(`${insert} RETURNING ${this.selected}`, user);
    return toUser(row!);
  }

  /** The user, or undefined if there is none (the seed's version crashed on a missing user). */
  async getUser(userId: number): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${this.selected} FROM users WHERE id = $1`, [userId]);
    return row && toUser(row);
  }

  /** Renames a user; true if the user exists. */
  async updateUser(userId: number, data: { readonly name: string }): Promise<boolean> {
    const sql =
      this.columns.write === 'both'
        ? 'UPDATE users SET old_name = $1, new_name = $1 WHERE id = $2 RETURNING id' // write to both columns
        : 'UPDATE users SET new_name = $1 WHERE id = $2 RETURNING id';
    return (await this.db.query(sql, [data.name, userId])).length === 1;
  }

  /** The profile page where a user saves their own phone number. */
  async setPhoneNumber(userId: number, phoneNumber: string): Promise<boolean> {
    const sql = 'UPDATE users SET phone_number = $1 WHERE id = $2 RETURNING id';
    return (await this.db.query(sql, [phoneNumber, userId])).length === 1;
  }
}
