/**
 * Version 1 of the application, as it runs before the migration: it knows only id, old_name and email.
 * Its statements name the columns they use (no SELECT *, no INSERT without a column list), which is
 * what lets it keep working while new columns appear next to them.
 */
import type { Postgres } from '../../kit/postgres';

export interface LegacyUser {
  readonly id: number;
  readonly name: string | null;
  readonly email: string;
}

export class LegacyUserService {
  constructor(private readonly db: Postgres) {}

  async createUser(userData: { readonly name: string; readonly email: string }): Promise<LegacyUser> {
    const [user] = await this.db.query<LegacyUser>(
      'INSERT INTO users (old_name, email) VALUES ($1, $2) RETURNING id, old_name AS name, email',
      [userData.name, userData.email],
    );
    return user!;
  }

  async getUser(userId: number): Promise<LegacyUser | undefined> {
    const sql = 'SELECT id, old_name AS name, email FROM users WHERE id = $1';
    const [user] = await this.db.query<LegacyUser>(sql, [userId]);
    return user;
  }

  async updateUser(userId: number, data: { readonly name: string }): Promise<boolean> {
    const sql = 'UPDATE users SET old_name = $1 WHERE id = $2 RETURNING id';
    return (await this.db.query(sql, [data.name, userId])).length === 1;
  }
}
