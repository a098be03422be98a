/**
 * The page's deduct_inventory in TypeScript, on the kit's in-memory database (each call stands for the
 * SQL in its comment). The seed ran its three options one after another in one function; here each is
 * its own function, and each tells the caller when it did not deduct: OutOfStockError, ItemNotFoundError,
 * or (optimistic only) ConcurrentModificationError, which is worth a retry.
 * deductInventoryNaive is not in the seed: it is the read-modify-write race the three options prevent.
 */
import type { Database } from '../../kit/db';

export interface InventoryItem {
  readonly id: string;
  readonly stock: number;
  /** Kept by the database: 1 on insert, +1 on every update (a `versioned` table). */
  readonly version?: number;
}

export interface InventoryTables {
  readonly inventory: InventoryItem;
}

export type InventoryDb = Database<InventoryTables>;

export class ItemNotFoundError extends Error {
  override readonly name = 'ItemNotFoundError';
  constructor(readonly itemId: string) {
    super(`item ${itemId} not found`);
  }
}

/** Not enough stock: retrying won't help. */
export class OutOfStockError extends Error {
  override readonly name = 'OutOfStockError';
  constructor(
    readonly itemId: string,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`item ${itemId}: ${requested} requested, ${available} in stock`);
  }
}

/** Someone else updated the row between our read and our write: re-read and retry. */
export class ConcurrentModificationError extends Error {
  override readonly name = 'ConcurrentModificationError';
  constructor(
    readonly itemId: string,
    readonly expectedVersion: number,
  ) {
    super(`item ${itemId} changed since version ${expectedVersion}`);
  }
}

/** The race, for comparison: read the stock, check it, write back the computed value. */
export async function deductInventoryNaive(db: InventoryDb, itemId: string, quantity: number): Promise<void> {
  const item = await db.get('inventory', itemId); // SELECT stock FROM inventory WHERE id = ?
  if (!item) throw new ItemNotFoundError(itemId);
  if (item.stock < quantity) throw new OutOfStockError(itemId, quantity, item.stock);
  // UPDATE inventory SET stock = <the value we computed> WHERE id = ?: overwrites whatever happened meanwhile
  await db.update('inventory', itemId, { stock: item.stock - quantity });
}

/** Option 1: pessimistic lock. Concurrent buyers queue on the row lock until the commit. */
export async function deductInventoryPessimistic(db: InventoryDb, itemId: string, quantity: number): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await tx.getForUpdate('inventory', itemId); // SELECT * FROM inventory WHERE id = ? FOR UPDATE
    if (!item) throw new ItemNotFoundError(itemId);
    if (item.stock < quantity) throw new OutOfStockError(itemId, quantity, item.stock); // rolls back
    await tx.update('inventory', itemId, (row) => ({ stock: row.stock - quantity })); // SET stock = stock - ?
  });
}

/** Option 2: optimistic lock with a version. Throws ConcurrentModificationError when it lost a race. */
export async function deductInventoryOptimistic(db: InventoryDb, itemId: string, quantity: number): Promise<void> {
  const item = await db.get('inventory', itemId); // get_current_version: SELECT stock, version …
  if (!item || item.version === undefined) throw new ItemNotFoundError(itemId);
  if (item.stock < quantity) throw new OutOfStockError(itemId, quantity, item.stock);
  // UPDATE inventory SET stock = stock - ?, version = version + 1 WHERE id = ? AND version = ? AND stock >= ?
  const updated = await db.update('inventory', itemId, (row) => ({ stock: row.stock - quantity }), {
    expectVersion: item.version,
    where: (row) => row.stock >= quantity,
  });
  if (updated === 1) return;
  // Zero rows: a concurrent change, or the stock ran out. Re-read to tell which (only one is worth a retry).
  const current = await db.get('inventory', itemId);
  if (!current) throw new ItemNotFoundError(itemId);
  if (current.stock < quantity) throw new OutOfStockError(itemId, quantity, current.stock);
  throw new ConcurrentModificationError(itemId, item.version);
}

/** Option 3: one atomic conditional update; zero rows means not enough stock (or no such item). */
export async function deductInventoryAtomic(db: InventoryDb, itemId: string, quantity: number): Promise<void> {
  // UPDATE inventory SET stock = stock - ? WHERE id = ? AND stock >= ?
  const updated = await db.update('inventory', itemId, (row) => ({ stock: row.stock - quantity }), {
    where: (row) => row.stock >= quantity,
  });
  if (updated === 1) return;
  const item = await db.get('inventory', itemId); // only on failure, to say why
  if (!item) throw new ItemNotFoundError(itemId);
  throw new OutOfStockError(itemId, quantity, item.stock);
}
