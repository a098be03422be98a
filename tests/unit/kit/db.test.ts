import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, now, resetClock, sleep } from '../../../playgrounds/kit/clock';
import {
  Database,
  DeadlockDetected,
  LockNotAvailable,
  LockTimeout,
  TransactionClosed,
  UniqueViolation,
} from '../../../playgrounds/kit/db';

interface Item {
  id: string;
  stock: number;
  version?: number;
}
interface Order {
  id: number;
  reference: string;
  userId?: string;
  key?: string;
}
interface Tables {
  items: Item;
  orders: Order;
}

beforeEach(() => resetClock());

describe('Database statements', () => {
  it('inserts, reads copies, updates, deletes and counts queries', async () => {
    const db = new Database<Tables>({ latency: 2 });
    expect(await db.insert('items', { id: 'a', stock: 5 })).toBe(1);
    await db.insertMany('items', [
      { id: 'b', stock: 1 },
      { id: 'c', stock: 9 },
    ]);
    const a = await db.get('items', 'a');
    a!.stock = 999; // a copy: the table is unchanged
    expect(await db.get('items', 'a')).toEqual({ id: 'a', stock: 5 });
    expect(await db.get('items', 'zzz')).toBeUndefined();
    expect(await db.select('items', (r) => r.stock > 1, { orderBy: 'stock', desc: true })).toEqual([
      { id: 'c', stock: 9 },
      { id: 'a', stock: 5 },
    ]);
    expect(await db.select('items', { stock: 1 })).toEqual([{ id: 'b', stock: 1 }]);
    expect(await db.count('items')).toBe(3);
    expect(await db.update('items', 'a', (r) => ({ stock: r.stock + 1 }))).toBe(1);
    expect(await db.update('items', 'nope', { stock: 1 })).toBe(0);
    expect(await db.updateWhere('items', (r) => r.stock < 9, { stock: 0 })).toBe(2);
    expect(await db.delete('items', 'b')).toBe(1);
    expect(await db.deleteWhere('items', { stock: 0 })).toBe(1);
    expect(await db.upsert('items', { id: 'c', stock: 3 })).toBe(1);
    expect(await db.upsert('items', { id: 'd', stock: 4 })).toBe(1);
    expect(db.peek('items')).toEqual([
      { id: 'c', stock: 3 },
      { id: 'd', stock: 4 },
    ]);
    expect(db.stats).toEqual({
      queries: 15,
      primary: 15,
      replica: 0,
      select: 6,
      insert: 4,
      update: 3,
      delete: 2,
      commits: 0,
      rollbacks: 0,
      lockWaits: 0,
      deadlocks: 0,
    });
    expect(now()).toBe(30);
  });

  it('numbers rows with a sequence', () => {
    const db = new Database<Tables>();
    expect([db.nextId('orders'), db.nextId('orders'), db.nextId('items')]).toEqual([1, 2, 1]);
  });
});

describe('race conditions', () => {
  it('oversells when buyers read, check, then write', async () => {
    const db = new Database<Tables>({ latency: 1 });
    await db.insert('items', { id: 'sku', stock: 10 });
    const sold = await concurrently(20, async () => {
      const item = await db.get('items', 'sku');
      if (!item || item.stock < 1) return false;
      await db.update('items', 'sku', { stock: item.stock - 1 });
      return true;
    });
    expect(sold.filter(Boolean)).toHaveLength(20); // all 20 saw stock left…
    expect((await db.get('items', 'sku'))!.stock).toBe(9); // …and the stock only went down by 1
  });

  it('never oversells with a conditional update (UPDATE … WHERE stock >= 1)', async () => {
    const db = new Database<Tables>({ latency: { p50: 2, p99: 10 } });
    await db.insert('items', { id: 'sku', stock: 10 });
    const sold = await concurrently(20, () =>
      db.update('items', 'sku', (r) => ({ stock: r.stock - 1 }), { where: (r) => r.stock >= 1 }),
    );
    expect(sold.reduce((a, b) => a + b, 0)).toBe(10);
    expect((await db.get('items', 'sku'))!.stock).toBe(0);
  });

  it('never oversells with SELECT … FOR UPDATE; waiters queue in order', async () => {
    const db = new Database<Tables>({ latency: 1 });
    await db.insert('items', { id: 'sku', stock: 2 });
    const trace: string[] = [];
    const buy = (name: string) =>
      db.transaction(async (tx) => {
        const item = await tx.getForUpdate('items', 'sku');
        trace.push(`${name} locked at ${now()} with stock ${item!.stock}`);
        await sleep(10); // think time while holding the lock
        if (item!.stock < 1) return false;
        await tx.update('items', 'sku', { stock: item!.stock - 1 });
        return true;
      });
    const results = await Promise.all([buy('a'), buy('b'), buy('c')]);
    expect(results).toEqual([true, true, false]);
    expect(trace).toEqual(['a locked at 2 with stock 2', 'b locked at 14 with stock 1', 'c locked at 26 with stock 0']);
    expect(db.stats.lockWaits).toBe(2);
    expect(db.stats.commits).toBe(3);
  });

  it('detects lost updates with optimistic version checks', async () => {
    const db = new Database<Tables>({ latency: 1, tables: { items: { versioned: true } } });
    await db.insert('items', { id: 'sku', stock: 10 });
    expect(await db.get('items', 'sku')).toEqual({ id: 'sku', stock: 10, version: 1 });
    const outcomes = await concurrently(2, async (i) => {
      const item = (await db.get('items', 'sku'))!;
      return db.update('items', 'sku', { stock: item.stock - (i + 1) }, { expectVersion: item.version! });
    });
    expect(outcomes).toEqual([1, 0]);
    expect(await db.get('items', 'sku')).toEqual({ id: 'sku', stock: 9, version: 2 });
  });
});

describe('transactions', () => {
  it('keeps writes private until commit, and discards them on rollback', async () => {
    const db = new Database<Tables>();
    await db.insert('items', { id: 'a', stock: 1 });
    const tx = db.begin();
    await tx.update('items', 'a', { stock: 2 });
    await tx.insert('items', { id: 'b', stock: 5 });
    expect(await tx.get('items', 'a')).toEqual({ id: 'a', stock: 2 });
    expect(await tx.count('items')).toBe(2);
    expect(await db.get('items', 'a')).toEqual({ id: 'a', stock: 1 });
    expect(await db.get('items', 'b')).toBeUndefined();
    await tx.commit();
    expect(await db.select('items')).toEqual([
      { id: 'a', stock: 2 },
      { id: 'b', stock: 5 },
    ]);
    await expect(tx.get('items', 'a')).rejects.toBeInstanceOf(TransactionClosed);

    await expect(
      db.transaction(async (t) => {
        await t.delete('items', 'a');
        throw new Error('payment failed');
      }),
    ).rejects.toThrow('payment failed');
    expect(await db.count('items')).toBe(2);
    expect(db.stats).toMatchObject({ commits: 1, rollbacks: 1 });
  });

  it('charges latency for each statement and for COMMIT', async () => {
    const db = new Database<Tables>({ latency: 5 });
    await db.transaction(async (tx) => {
      await tx.insert('items', { id: 'a', stock: 1 });
      await tx.update('items', 'a', { stock: 2 });
    });
    expect(now()).toBe(15);
  });

  it('makes a writer wait for the row lock of an open transaction', async () => {
    const db = new Database<Tables>({ latency: 1 });
    await db.insert('items', { id: 'a', stock: 1 });
    const tx = db.begin();
    await tx.update('items', 'a', { stock: 2 }); // t=2, holds the lock
    const blocked = db.update('items', 'a', (r) => ({ stock: r.stock * 10 })).then(() => now());
    await sleep(100);
    await tx.commit(); // t=103
    expect(await blocked).toBe(103);
    expect((await db.get('items', 'a'))!.stock).toBe(20); // applied on top of the committed 2
  });

  it('detects a deadlock and lets the other transaction finish', async () => {
    const db = new Database<Tables>({ latency: 1 });
    await db.insertMany('items', [
      { id: 'a', stock: 1 },
      { id: 'b', stock: 1 },
    ]);
    const transfer = (from: string, to: string) =>
      db.transaction(async (tx) => {
        await tx.getForUpdate('items', from);
        await sleep(5);
        await tx.getForUpdate('items', to);
        return `${from}→${to} done at ${now()}`;
      });
    const results = await Promise.allSettled([transfer('a', 'b'), transfer('b', 'a')]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'a→b done at 9' });
    expect(results[1].status).toBe('rejected');
    const error = (results[1] as PromiseRejectedResult).reason as DeadlockDetected;
    expect(error).toBeInstanceOf(DeadlockDetected);
    expect(error.message).toBe(
      'deadlock detected: transaction 3 waits for items/a; transaction 2 holds it and waits for items/b, held by transaction 3',
    );
    expect(db.stats.deadlocks).toBe(1);
  });

  it('gives up a lock wait after lockTimeoutMs; NOWAIT fails at once; SKIP LOCKED skips', async () => {
    const db = new Database<Tables>();
    await db.insertMany('items', [
      { id: 'a', stock: 1 },
      { id: 'b', stock: 2 },
      { id: 'c', stock: 3 },
    ]);
    const holder = db.begin();
    await holder.getForUpdate('items', 'a');
    await expect(db.transaction((tx) => tx.getForUpdate('items', 'a'), { lockTimeoutMs: 250 })).rejects.toBeInstanceOf(
      LockTimeout,
    );
    expect(now()).toBe(250);
    await expect(db.transaction((tx) => tx.getForUpdate('items', 'a', { nowait: true }))).rejects.toBeInstanceOf(
      LockNotAvailable,
    );
    const jobs = await db.transaction((tx) => tx.selectForUpdate('items', undefined, { skipLocked: true, limit: 1 }));
    expect(jobs).toEqual([{ id: 'b', stock: 2 }]);
    await holder.rollback();
  });
});

describe('unique constraints', () => {
  it('rejects duplicate ids and unique values, or ignores them on request', async () => {
    const db = new Database<Tables>({ tables: { orders: { unique: ['reference', ['userId', 'key']] } } });
    await db.insert('orders', { id: 1, reference: 'r-1', userId: 'u1', key: 'k1' });
    await expect(db.insert('orders', { id: 1, reference: 'r-2' })).rejects.toThrow(
      'duplicate key value violates unique constraint "orders_pkey": Key (id)=(1) already exists',
    );
    const error = await db.insert('orders', { id: 2, reference: 'r-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolation);
    expect(error).toMatchObject({ table: 'orders', columns: ['reference'], value: 'r-1' });
    await expect(db.insert('orders', { id: 3, reference: 'r-3', userId: 'u1', key: 'k1' })).rejects.toThrow(
      'Key (userId, key)=(u1, k1) already exists',
    );
    expect(await db.insert('orders', { id: 4, reference: 'r-1' }, { onConflict: 'ignore' })).toBe(0);
    expect(await db.insert('orders', { id: 5, reference: 'r-5' })).toBe(1); // NULL userId/key never clash
    expect(await db.insert('orders', { id: 6, reference: 'r-6' })).toBe(1);
    await expect(db.update('orders', 6, { reference: 'r-5' })).rejects.toBeInstanceOf(UniqueViolation);
    await db.update('orders', 5, { reference: 'r-50' });
    expect(await db.update('orders', 6, { reference: 'r-5' })).toBe(1); // the value was freed
  });

  it('makes a concurrent inserter of the same value wait for the first transaction, then fail', async () => {
    const db = new Database<Tables>({ latency: 1, tables: { orders: { unique: ['reference'] } } });
    const attempt = (id: number, reference: string, pause: number, fail: boolean) =>
      db.transaction(async (tx) => {
        await tx.insert('orders', { id, reference });
        await sleep(pause);
        if (fail) throw new Error(`tx ${id} gave up`);
        return `order ${id} at ${now()}`;
      });
    const both = await Promise.allSettled([attempt(1, 'same', 50, false), attempt(2, 'same', 0, false)]);
    expect(both[0]).toEqual({ status: 'fulfilled', value: 'order 1 at 51' });
    expect((both[1] as PromiseRejectedResult).reason).toBeInstanceOf(UniqueViolation);

    const rolledBack = await Promise.allSettled([attempt(3, 'other', 50, true), attempt(4, 'other', 0, false)]);
    expect(rolledBack.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(db.peek('orders').map((o) => o.id)).toEqual([1, 4]);
  });

  it('inserts a batch all or nothing', async () => {
    const db = new Database<Tables>();
    await expect(
      db.insertMany('orders', [
        { id: 1, reference: 'a' },
        { id: 1, reference: 'b' },
      ]),
    ).rejects.toBeInstanceOf(UniqueViolation);
    expect(await db.count('orders')).toBe(0);
    expect(
      await db.insertMany(
        'orders',
        [
          { id: 1, reference: 'a' },
          { id: 1, reference: 'b' },
        ],
        { onConflict: 'ignore' },
      ),
    ).toBe(1);
    expect(db.stats.insert).toBe(2);
  });
});

describe('replicas', () => {
  it('serves reads as of now − lag and counts them separately', async () => {
    const db = new Database<Tables>({ replicas: 2, replicaLagMs: 500 });
    await db.insert('items', { id: 'a', stock: 1 }); // t=0
    await sleep(100);
    expect(await db.replica().get('items', 'a')).toBeUndefined(); // not replicated yet
    await db.update('items', 'a', { stock: 2 }); // t=100
    await sleep(400); // t=500
    expect(await db.replica(0).get('items', 'a')).toEqual({ id: 'a', stock: 1 });
    expect(await db.get('items', 'a')).toEqual({ id: 'a', stock: 2 });
    await sleep(100); // t=600
    expect(await db.replica(1).select('items')).toEqual([{ id: 'a', stock: 2 }]);
    db.replica(1).lagMs = 10_000;
    expect(await db.replica(1).count('items')).toBe(0);
    await db.delete('items', 'a');
    expect(await db.replica(0).count('items')).toBe(1);
    expect(db.stats).toMatchObject({ queries: 9, primary: 4, replica: 5, select: 6 });
    expect([db.replica(0).queries, db.replica(1).queries]).toEqual([3, 2]);
    expect(() => db.replica(2)).toThrow('db has 2 replica(s); there is no replica(2)');
  });
});
