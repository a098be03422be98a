/**
 * kit/db — a small in-memory relational database on the virtual clock (not a SQL engine): tables of
 * rows keyed by `id`, transactions, row locks, unique constraints, conditional updates, read replicas
 * with replication lag, and query counting.
 *
 *   import { Database } from '../../kit/db';
 *   const db = new Database<{ items: { id: string; stock: number } }>({ latency: 2 });
 *   await db.insert('items', { id: 'sku-1', stock: 10 });
 *   // UPDATE items SET stock = stock - 3 WHERE id = 'sku-1' AND stock >= 3  → 1 (or 0 rows)
 *   const updated = await db.update('items', 'sku-1', (r) => ({ stock: r.stock - 3 }), { where: (r) => r.stock >= 3 });
 *   await db.transaction(async (tx) => {
 *     const item = await tx.getForUpdate('items', 'sku-1');    // SELECT … FOR UPDATE: others wait
 *     if (item && item.stock >= 3) await tx.update('items', 'sku-1', { stock: item.stock - 3 });
 *   });                                                        // commit releases the lock
 *
 * Semantics, as in PostgreSQL at READ COMMITTED:
 * - Each statement takes `latency`, then runs. Statements on `db` run on their own (autocommit);
 *   statements on a `tx` are only visible to others once it commits.
 * - Reads never wait. Writes (update, delete, insert) and `…ForUpdate` lock rows until commit/rollback;
 *   another writer waits in virtual time, first come first served. A conditional update re-checks its
 *   `where` once it holds the lock, so `stock >= 3` can't be oversold.
 * - A wait that would close a cycle fails with DeadlockDetected; `lockTimeoutMs` bounds waits.
 * - Unique constraints (and the primary key `id`) throw UniqueViolation; a second inserter of the same
 *   value waits for the first transaction to finish, then fails (or inserts, if it rolled back).
 * - `versioned` tables keep a `version` column that goes up on every update: optimistic locking is
 *   `update(…, { expectVersion: row.version })` returning 0 when someone else got there first.
 * - Replicas see the primary as it was `replicaLagMs` ago.
 */
import { now, sleep } from './clock';
import { LockManager } from './db-locks';
import { Random, stableHash, type Latency } from './random';

export { DeadlockDetected, LockError, LockNotAvailable, LockTimeout } from './db-locks';

/** A primary key. */
export type Id = string | number;

/** What the type parameter of Database describes: table name → row type; every row has an `id`. */
export type TableRows<S> = { [T in keyof S]: { readonly id: Id } };

/** Matches rows: equal column values (`{ status: 'new' }`) or a predicate (`(r) => r.stock >= 3`). */
export type Where<R> = Partial<R> | ((row: R) => boolean);

/** New column values, or a function of the current row (`(r) => ({ stock: r.stock - 1 })`, like SET stock = stock - 1). */
export type Changes<R> = Partial<Omit<R, 'id'>> | ((row: R) => Partial<Omit<R, 'id'>>);

/** Per-table constraints. */
export interface TableOptions<R> {
  /** Unique columns, or column lists for composite keys: `['email', ['userId', 'key']]`. */
  readonly unique?: readonly ((keyof R & string) | readonly (keyof R & string)[])[];
  /** Rows get `version: 1` on insert (if not given) and `version + 1` on every update. */
  readonly versioned?: boolean;
}

export interface DatabaseOptions<S> {
  /** Default "db"; also seeds the latency randomness. */
  readonly name?: string;
  /** How long each statement (and each COMMIT/ROLLBACK) takes. Default 0. */
  readonly latency?: Latency;
  /** Constraints per table. Tables need no declaration otherwise. */
  readonly tables?: { readonly [T in keyof S]?: TableOptions<S[T]> };
  /** Number of read replicas, `db.replica(0)`… Default 0. */
  readonly replicas?: number;
  /** How far behind the primary each replica is, in ms. Default 0; change `replica.lagMs` at any time. */
  readonly replicaLagMs?: number;
  /** Seed for latency randomness. Default: derived from the name. */
  readonly seed?: number;
}

export interface SelectOptions<R> {
  /** Sort by this column (ascending unless `desc`). Default: insertion order. */
  readonly orderBy?: keyof R & string;
  readonly desc?: boolean;
  readonly limit?: number;
}

/** How `…ForUpdate` treats rows another transaction has locked. Default: wait. */
export interface LockOptions {
  /** Leave locked rows out (a job queue's `FOR UPDATE SKIP LOCKED`). */
  readonly skipLocked?: boolean;
  /** Fail with LockNotAvailable instead of waiting. */
  readonly nowait?: boolean;
}

export interface UpdateOptions<R> {
  /** Only update if the row (re-read once locked) matches. */
  readonly where?: Where<R>;
  /** Only update if the row's `version` is this (versioned tables). */
  readonly expectVersion?: number;
}

export interface InsertOptions {
  /** 'ignore': skip rows that violate a unique constraint (ON CONFLICT DO NOTHING). Default 'error'. */
  readonly onConflict?: 'error' | 'ignore';
}

export interface TransactionOptions {
  /** Fail a lock wait with LockTimeout after this many ms. Default: wait forever. */
  readonly lockTimeoutMs?: number;
}

/** Query counts since the database was created. */
export interface DbStats {
  /** Statements run, on the primary and the replicas. */
  readonly queries: number;
  readonly primary: number;
  readonly replica: number;
  readonly select: number;
  readonly insert: number;
  readonly update: number;
  readonly delete: number;
  readonly commits: number;
  readonly rollbacks: number;
  /** Lock requests that had to wait for another transaction. */
  readonly lockWaits: number;
  readonly deadlocks: number;
}

/** A unique constraint (or the primary key) would be violated; like PostgreSQL's error 23505. */
export class UniqueViolation extends Error {
  override readonly name = 'UniqueViolation';
  constructor(
    readonly table: string,
    /** The constrained columns, e.g. ['id'] or ['userId', 'key']. */
    readonly columns: readonly string[],
    /** The duplicate value(s), as text. */
    readonly value: string,
  ) {
    const constraint =
      columns.length === 1 && columns[0] === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_key`;
    super(
      `duplicate key value violates unique constraint "${constraint}": Key (${columns.join(', ')})=(${value}) already exists`,
    );
  }
}

/** Using a transaction after it committed or rolled back. */
export class TransactionClosed extends Error {
  override readonly name = 'TransactionClosed';
}

type Table<S> = keyof S & string;
type QueryKind = 'select' | 'insert' | 'update' | 'delete';

/** The statements that work both on the database (autocommit) and inside a transaction. */
abstract class Statements<S extends TableRows<S>> {
  protected abstract readonly engine: Engine;
  /** Runs one statement: counts it, waits the latency, then runs `op` in a transaction. */
  protected abstract run<R>(kind: QueryKind, op: (tx: TxState) => R | Promise<R>): Promise<R>;

  /** SELECT … WHERE id = ?: the row, or undefined. */
  get<T extends Table<S>>(table: T, id: S[T]['id']): Promise<S[T] | undefined> {
    return this.run('select', (tx) => copy(this.engine.visible(tx, table, id)) as S[T] | undefined);
  }

  /** SELECT … WHERE …: matching rows (all rows without `where`). */
  select<T extends Table<S>>(table: T, where?: Where<S[T]>, options: SelectOptions<S[T]> = {}): Promise<S[T][]> {
    return this.run(
      'select',
      (tx) => this.engine.select(tx, table, loose(where), options as SelectOptions<Row>).map(copy) as S[T][],
    );
  }

  /** SELECT count(*) … WHERE …. */
  count<T extends Table<S>>(table: T, where?: Where<S[T]>): Promise<number> {
    return this.run('select', (tx) => this.engine.select(tx, table, loose(where), {}).length);
  }

  /** INSERT: 1, or 0 when ignored on conflict. Throws UniqueViolation on a duplicate id or unique value. */
  insert<T extends Table<S>>(table: T, row: S[T], options: InsertOptions = {}): Promise<number> {
    return this.run('insert', (tx) => this.engine.insert(tx, table, row, options.onConflict ?? 'error'));
  }

  /** A bulk INSERT: one statement (one latency) for all rows, all or nothing. Returns rows inserted. */
  insertMany<T extends Table<S>>(table: T, rows: readonly S[T][], options: InsertOptions = {}): Promise<number> {
    return this.run('insert', async (tx) => {
      let inserted = 0;
      for (const row of rows) inserted += await this.engine.insert(tx, table, row, options.onConflict ?? 'error');
      return inserted;
    });
  }

  /** INSERT … ON CONFLICT (id) DO UPDATE: inserts the row or replaces the one with its id. Returns 1. */
  upsert<T extends Table<S>>(table: T, row: S[T]): Promise<number> {
    return this.run('insert', (tx) => this.engine.upsert(tx, table, row));
  }

  /** UPDATE … WHERE id = ? [AND …]: 1 if the row was updated, 0 if missing or not matching. */
  update<T extends Table<S>>(
    table: T,
    id: S[T]['id'],
    changes: Changes<S[T]>,
    options: UpdateOptions<S[T]> = {},
  ): Promise<number> {
    return this.run('update', (tx) =>
      this.engine.update(tx, table, id, changes as Changes<Row>, options as UpdateOptions<Row>),
    );
  }

  /** UPDATE … WHERE …: updates every matching row; returns how many. */
  updateWhere<T extends Table<S>>(table: T, where: Where<S[T]>, changes: Changes<S[T]>): Promise<number> {
    return this.run('update', async (tx) => {
      let updated = 0;
      for (const row of this.engine.select(tx, table, loose(where), {})) {
        updated += await this.engine.update(tx, table, row.id, changes as Changes<Row>, { where: loose(where) });
      }
      return updated;
    });
  }

  /** DELETE … WHERE id = ? [AND …]: 1 if deleted. */
  delete<T extends Table<S>>(
    table: T,
    id: S[T]['id'],
    options: { readonly where?: Where<S[T]> } = {},
  ): Promise<number> {
    return this.run('delete', (tx) => this.engine.delete(tx, table, id, loose(options.where)));
  }

  /** DELETE … WHERE …: deletes every matching row; returns how many. */
  deleteWhere<T extends Table<S>>(table: T, where: Where<S[T]>): Promise<number> {
    return this.run('delete', async (tx) => {
      let deleted = 0;
      for (const row of this.engine.select(tx, table, loose(where), {}))
        deleted += await this.engine.delete(tx, table, row.id, loose(where));
      return deleted;
    });
  }
}

/** The primary database. Statements called on it run in autocommit mode. */
export class Database<
  S extends TableRows<S> = Record<string, { readonly id: Id; readonly [column: string]: unknown }>,
> extends Statements<S> {
  readonly name: string;
  /** The read replicas (see `replicas` option). */
  readonly replicas: readonly Replica<S>[];
  protected readonly engine: Engine;

  constructor(options: DatabaseOptions<S> = {}) {
    super();
    this.name = options.name ?? 'db';
    const random = new Random(options.seed ?? stableHash(this.name));
    const replicas = options.replicas ?? 0;
    this.engine = new Engine(
      options.latency ?? 0,
      random,
      (options.tables ?? {}) as Record<string, TableOptions<Row>>,
      replicas > 0,
    );
    this.replicas = Array.from(
      { length: replicas },
      (_, i) => new Replica<S>(this.engine, i, options.replicaLagMs ?? 0),
    );
  }

  /** How long each statement takes; change it at any time to simulate a slow database. */
  get latency(): Latency {
    return this.engine.latency;
  }

  set latency(latency: Latency) {
    this.engine.latency = latency;
  }

  /**
   * Runs `work` in a transaction: commits when it returns, rolls back (and rethrows) when it throws.
   * Lock errors (DeadlockDetected, LockTimeout) roll it back too: retry the whole transaction.
   */
  async transaction<R>(work: (tx: Transaction<S>) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
    const tx = this.begin(options);
    let result: R;
    try {
      result = await work(tx);
    } catch (error) {
      if (tx.active) await tx.rollback();
      throw error;
    }
    if (tx.active) await tx.commit();
    return result;
  }

  /** BEGIN: a transaction to commit() or rollback() yourself. Prefer transaction(). */
  begin(options: TransactionOptions = {}): Transaction<S> {
    return new Transaction<S>(this.engine, this.engine.newTx(options.lockTimeoutMs, false));
  }

  /** Read replica number `index` (default the first). */
  replica(index = 0): Replica<S> {
    const replica = this.replicas[index];
    if (!replica)
      throw new RangeError(`${this.name} has ${this.replicas.length} replica(s); there is no replica(${index})`);
    return replica;
  }

  /** The next value of the table's sequence (1, 2, 3…), like a SERIAL column. Takes no time. */
  nextId(table: Table<S>): number {
    return this.engine.nextId(table);
  }

  /** The committed rows of `table` right now, without a query or latency: for printing outcomes. */
  peek<T extends Table<S>>(table: T): S[T][] {
    return [...this.engine.table(table).rows.values()].map(copy) as S[T][];
  }

  /** Statement counts so far. */
  get stats(): DbStats {
    return { ...this.engine.counters, lockWaits: this.engine.locks.waits, deadlocks: this.engine.locks.deadlocks };
  }

  protected run<R>(kind: QueryKind, op: (tx: TxState) => R | Promise<R>): Promise<R> {
    return this.engine.autocommit(kind, op);
  }
}

/** A transaction from db.transaction() or db.begin(): the statements of Database, plus row locking. */
export class Transaction<S extends TableRows<S>> extends Statements<S> {
  /** Use db.begin() or db.transaction(). */
  constructor(
    protected readonly engine: Engine,
    private readonly state: TxState,
  ) {
    super();
  }

  /** The transaction's number, as lock errors mention it. */
  get id(): number {
    return this.state.id;
  }

  /** True until commit() or rollback(). */
  get active(): boolean {
    return this.state.status === 'active';
  }

  /** SELECT … WHERE id = ? FOR UPDATE: locks the row until this transaction ends; undefined if missing. */
  getForUpdate<T extends Table<S>>(table: T, id: S[T]['id'], options: LockOptions = {}): Promise<S[T] | undefined> {
    return this.run(
      'select',
      async (tx) => copy(await this.engine.lockRow(tx, table, id, options)) as S[T] | undefined,
    );
  }

  /** SELECT … WHERE … FOR UPDATE [SKIP LOCKED | NOWAIT]: locks and returns the matching rows. */
  selectForUpdate<T extends Table<S>>(
    table: T,
    where?: Where<S[T]>,
    options: SelectOptions<S[T]> & LockOptions = {},
  ): Promise<S[T][]> {
    return this.run('select', async (tx) => {
      const locked: Row[] = [];
      for (const candidate of this.engine.select(tx, table, loose(where), {
        ...(options as SelectOptions<Row>),
        limit: Infinity,
      })) {
        if (locked.length >= (options.limit ?? Infinity)) break;
        const row = await this.engine.lockRow(tx, table, candidate.id, options);
        if (row && matches(row, loose(where))) locked.push(row);
      }
      return locked.map(copy) as S[T][];
    });
  }

  /** COMMIT: takes one latency, then makes the writes visible and releases the locks. */
  async commit(): Promise<void> {
    this.engine.assertActive(this.state);
    this.state.status = 'committing';
    await this.engine.delay();
    this.engine.finish(this.state, true);
  }

  /** ROLLBACK: takes one latency, then discards the writes and releases the locks. */
  async rollback(): Promise<void> {
    this.engine.assertActive(this.state);
    this.state.status = 'committing';
    await this.engine.delay();
    this.engine.finish(this.state, false);
  }

  protected run<R>(kind: QueryKind, op: (tx: TxState) => R | Promise<R>): Promise<R> {
    return this.engine.statement(this.state, kind, op);
  }
}

/** A read replica: the primary's committed data as it was `lagMs` ago. Read-only. */
export class Replica<S extends TableRows<S>> {
  /** Statements this replica has served. */
  queries = 0;

  /** Use db.replica(i). */
  constructor(
    private readonly engine: Engine,
    readonly index: number,
    /** Replication lag in ms; change it at any time to simulate a replica falling behind. */
    public lagMs: number,
  ) {}

  /** SELECT … WHERE id = ? on the replica. */
  get<T extends Table<S>>(table: T, id: S[T]['id']): Promise<S[T] | undefined> {
    return this.read((asOf) => copy(this.engine.rowsAsOf(table, asOf).find((r) => r.id === id)) as S[T] | undefined);
  }

  /** SELECT … WHERE … on the replica. */
  select<T extends Table<S>>(table: T, where?: Where<S[T]>, options: SelectOptions<S[T]> = {}): Promise<S[T][]> {
    return this.read(
      (asOf) =>
        arrange(this.engine.rowsAsOf(table, asOf), loose(where), options as SelectOptions<Row>).map(copy) as S[T][],
    );
  }

  /** SELECT count(*) … on the replica. */
  count<T extends Table<S>>(table: T, where?: Where<S[T]>): Promise<number> {
    return this.read((asOf) => this.engine.rowsAsOf(table, asOf).filter((r) => matches(r, loose(where))).length);
  }

  private async read<R>(op: (asOf: number) => R): Promise<R> {
    this.queries += 1;
    this.engine.count('select', 'replica');
    await this.engine.delay();
    return op(now() - this.lagMs);
  }
}

// ---- The engine: storage, overlays, locks and commits ---------------------------------------------

type Row = { readonly id: Id; readonly [column: string]: unknown };

interface TxState {
  readonly id: number;
  readonly lockTimeoutMs: number | undefined;
  readonly autocommit: boolean;
  status: 'active' | 'committing' | 'committed' | 'rolled back';
  /** Rows this transaction wrote, by table and id; null marks a deleted row. */
  readonly writes: Map<string, Map<Id, Row | null>>;
  readonly locks: Set<string>;
}

interface TableState {
  readonly unique: readonly (readonly string[])[];
  readonly versioned: boolean;
  /** Committed rows, in insertion order. */
  readonly rows: Map<Id, Row>;
  /** For each unique constraint ("email" or "userId,key"): value → id of the committed row holding it. */
  readonly indexes: Map<string, Map<string, Id>>;
  /** Every committed version of each row, for replicas. */
  readonly history: Map<Id, { readonly at: number; readonly row: Row | null }[]>;
}

class Engine {
  readonly locks = new LockManager();
  readonly counters = {
    queries: 0,
    primary: 0,
    replica: 0,
    select: 0,
    insert: 0,
    update: 0,
    delete: 0,
    commits: 0,
    rollbacks: 0,
  };
  private readonly tables = new Map<string, TableState>();
  private readonly sequences = new Map<string, number>();
  private lastTx = 0;

  constructor(
    public latency: Latency,
    private readonly random: Random,
    private readonly options: Record<string, TableOptions<Row>>,
    private readonly keepHistory: boolean,
  ) {}

  table(name: string): TableState {
    let state = this.tables.get(name);
    if (!state) {
      const options = this.options[name] ?? {};
      const unique = (options.unique ?? []).map((u) => (typeof u === 'string' ? [u] : [...u]));
      state = {
        unique,
        versioned: options.versioned ?? false,
        rows: new Map(),
        indexes: new Map(),
        history: new Map(),
      };
      for (const columns of unique) state.indexes.set(columns.join(','), new Map());
      this.tables.set(name, state);
    }
    return state;
  }

  newTx(lockTimeoutMs: number | undefined, autocommit: boolean): TxState {
    return { id: ++this.lastTx, lockTimeoutMs, autocommit, status: 'active', writes: new Map(), locks: new Set() };
  }

  nextId(table: string): number {
    const next = (this.sequences.get(table) ?? 0) + 1;
    this.sequences.set(table, next);
    return next;
  }

  async delay(): Promise<void> {
    const ms = this.random.latency(this.latency);
    if (ms > 0) await sleep(ms);
  }

  count(kind: QueryKind, node: 'primary' | 'replica'): void {
    this.counters.queries += 1;
    this.counters[node] += 1;
    this.counters[kind] += 1;
  }

  assertActive(tx: TxState): void {
    if (tx.status !== 'active')
      throw new TransactionClosed(`transaction ${tx.id} is ${tx.status === 'committing' ? 'ending' : tx.status}`);
  }

  /** A statement inside a transaction. */
  async statement<R>(tx: TxState, kind: QueryKind, op: (tx: TxState) => R | Promise<R>): Promise<R> {
    this.assertActive(tx);
    this.count(kind, 'primary');
    await this.delay();
    this.assertActive(tx);
    return op(tx);
  }

  /** A statement on its own: a transaction that commits as soon as the statement succeeds. */
  async autocommit<R>(kind: QueryKind, op: (tx: TxState) => R | Promise<R>): Promise<R> {
    const tx = this.newTx(undefined, true);
    this.count(kind, 'primary');
    await this.delay();
    try {
      const result = await op(tx);
      this.finish(tx, true);
      return result;
    } catch (error) {
      this.finish(tx, false);
      throw error;
    }
  }

  /** Commits (applies the writes) or rolls back, then releases every lock. */
  finish(tx: TxState, commit: boolean): void {
    if (commit) {
      for (const [table, writes] of tx.writes) {
        const state = this.table(table);
        for (const [id, row] of writes) {
          const before = state.rows.get(id);
          if (before) this.unindex(state, before);
          if (row) {
            state.rows.set(id, row);
            this.index(state, row);
          } else {
            state.rows.delete(id);
          }
          if (this.keepHistory) {
            const versions = state.history.get(id) ?? [];
            versions.push({ at: now(), row });
            state.history.set(id, versions);
          }
        }
      }
    }
    if (!tx.autocommit) this.counters[commit ? 'commits' : 'rollbacks'] += 1;
    tx.status = commit ? 'committed' : 'rolled back';
    this.locks.releaseAll(tx.id, tx.locks);
  }

  /** The row as `tx` sees it: its own writes first, then committed data. */
  visible(tx: TxState, table: string, id: Id): Row | undefined {
    const own = tx.writes.get(table)?.get(id);
    if (own !== undefined) return own ?? undefined;
    return this.table(table).rows.get(id);
  }

  select(tx: TxState, table: string, where: Where<Row> | undefined, options: SelectOptions<Row>): Row[] {
    const state = this.table(table);
    const own = tx.writes.get(table);
    const rows: Row[] = [];
    for (const [id, row] of state.rows) {
      const mine = own?.get(id);
      if (mine === undefined) rows.push(row);
      else if (mine) rows.push(mine);
    }
    if (own) for (const [id, row] of own) if (row && !state.rows.has(id)) rows.push(row);
    return arrange(rows, where, options);
  }

  async insert(tx: TxState, table: string, input: Row, onConflict: 'error' | 'ignore'): Promise<number> {
    const state = this.table(table);
    const row: Record<string, unknown> = copy(input);
    if (state.versioned && row['version'] === undefined) row['version'] = 1;
    const stored = row as Row;
    await this.lock(tx, rowResource(table, stored.id));
    const conflict = this.visible(tx, table, stored.id)
      ? new UniqueViolation(table, ['id'], JSON.stringify(stored.id))
      : await this.checkUnique(tx, table, stored, undefined);
    if (conflict) {
      if (onConflict === 'ignore') return 0;
      throw conflict;
    }
    this.write(tx, table, stored);
    return 1;
  }

  async upsert(tx: TxState, table: string, input: Row): Promise<number> {
    const state = this.table(table);
    await this.lock(tx, rowResource(table, input.id));
    const current = this.visible(tx, table, input.id);
    const row: Record<string, unknown> = copy(input);
    if (state.versioned) row['version'] = current ? (current['version'] as number) + 1 : (row['version'] ?? 1);
    const conflict = await this.checkUnique(tx, table, row as Row, current);
    if (conflict) throw conflict;
    this.write(tx, table, row as Row);
    return 1;
  }

  async update(
    tx: TxState,
    table: string,
    id: Id,
    changes: Changes<Row>,
    options: UpdateOptions<Row>,
  ): Promise<number> {
    const state = this.table(table);
    await this.lock(tx, rowResource(table, id));
    const current = this.visible(tx, table, id);
    if (!current || !matches(current, options.where)) return 0;
    if (options.expectVersion !== undefined && current['version'] !== options.expectVersion) return 0;
    const patch = typeof changes === 'function' ? changes(copy(current)) : changes;
    const row: Record<string, unknown> = { ...copy(current), ...copy(patch), id: current.id };
    if (state.versioned) row['version'] = (current['version'] as number) + 1;
    const conflict = await this.checkUnique(tx, table, row as Row, current);
    if (conflict) throw conflict;
    this.write(tx, table, row as Row);
    return 1;
  }

  async delete(tx: TxState, table: string, id: Id, where: Where<Row> | undefined): Promise<number> {
    await this.lock(tx, rowResource(table, id));
    const current = this.visible(tx, table, id);
    if (!current || !matches(current, where)) return 0;
    const own = tx.writes.get(table) ?? new Map<Id, Row | null>();
    own.set(id, null);
    tx.writes.set(table, own);
    return 1;
  }

  /** Locks an existing row for `tx` (waiting if needed) and returns it as it is once locked. */
  async lockRow(tx: TxState, table: string, id: Id, options: LockOptions): Promise<Row | undefined> {
    if (!this.visible(tx, table, id)) return undefined;
    const resource = rowResource(table, id);
    if (options.skipLocked && this.locks.isLockedByOther(resource, tx.id)) return undefined;
    await this.lock(tx, resource, options.nowait ?? false);
    return this.visible(tx, table, id);
  }

  /** The table's committed rows as they were at virtual time `asOf` (what a lagging replica sees). */
  rowsAsOf(table: string, asOf: number): Row[] {
    const rows: Row[] = [];
    for (const versions of this.table(table).history.values()) {
      let seen: Row | null = null;
      for (const version of versions) if (version.at <= asOf) seen = version.row;
      if (seen) rows.push(seen);
    }
    return rows;
  }

  private async lock(tx: TxState, resource: string, nowait = false): Promise<void> {
    await this.locks.acquire(resource, tx.id, { nowait, timeoutMs: tx.lockTimeoutMs });
    tx.locks.add(resource);
  }

  private write(tx: TxState, table: string, row: Row): void {
    const own = tx.writes.get(table) ?? new Map<Id, Row | null>();
    own.set(row.id, Object.freeze(row));
    tx.writes.set(table, own);
  }

  /**
   * Checks `row` against the table's unique constraints, first locking each value (so a concurrent
   * transaction inserting the same value waits for this one). Returns the violation, if any.
   */
  private async checkUnique(
    tx: TxState,
    table: string,
    row: Row,
    previous: Row | undefined,
  ): Promise<UniqueViolation | undefined> {
    const state = this.table(table);
    for (const columns of state.unique) {
      const key = uniqueKey(row, columns);
      if (key === undefined || (previous && uniqueKey(previous, columns) === key)) continue;
      await this.lock(tx, `${table}(${columns.join(', ')})=(${key})`);
      const holder = state.indexes.get(columns.join(','))?.get(key);
      const committedClash =
        holder !== undefined && holder !== row.id && uniqueKey(this.visible(tx, table, holder), columns) === key;
      const ownClash = [...(tx.writes.get(table) ?? [])].some(
        ([id, other]) => other && id !== row.id && uniqueKey(other, columns) === key,
      );
      if (committedClash || ownClash) return new UniqueViolation(table, columns, key);
    }
    return undefined;
  }

  private index(state: TableState, row: Row): void {
    for (const columns of state.unique) {
      const key = uniqueKey(row, columns);
      if (key !== undefined) state.indexes.get(columns.join(','))!.set(key, row.id);
    }
  }

  private unindex(state: TableState, row: Row): void {
    for (const columns of state.unique) {
      const key = uniqueKey(row, columns);
      const index = state.indexes.get(columns.join(','))!;
      if (key !== undefined && index.get(key) === row.id) index.delete(key);
    }
  }
}

function rowResource(table: string, id: Id): string {
  return `${table}/${id}`;
}

/** The value(s) of a unique constraint's columns as text, or undefined if one is null (NULLs never clash). */
function uniqueKey(row: Row | undefined, columns: readonly string[]): string | undefined {
  if (!row) return undefined;
  const values = columns.map((c) => row[c]);
  if (values.some((v) => v === null || v === undefined)) return undefined;
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** The engine works on untyped rows; the public classes above keep the types. */
function loose<R>(where: Where<R>): Where<Row>;
function loose<R>(where: Where<R> | undefined): Where<Row> | undefined;
function loose<R>(where: Where<R> | undefined): Where<Row> | undefined {
  return where as unknown as Where<Row> | undefined;
}

function matches(row: Row, where: Where<Row> | undefined): boolean {
  if (where === undefined) return true;
  if (typeof where === 'function') return where(row);
  return Object.entries(where).every(([column, value]) => row[column] === value);
}

function arrange(rows: Row[], where: Where<Row> | undefined, options: SelectOptions<Row>): Row[] {
  let result = rows.filter((row) => matches(row, where));
  const { orderBy, desc = false, limit = Infinity } = options;
  if (orderBy !== undefined) {
    result = result.sort((a, b) => {
      const x = a[orderBy] as string | number;
      const y = b[orderBy] as string | number;
      return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
    });
  }
  return result.slice(0, limit);
}

/** Rows go in and out as copies: changing a row you got back never changes the table. */
function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
