// Many buyers, little stock: the same crowd runs against four versions of deduct_inventory. The naive
// read-modify-write oversells; the seed's three options (pessimistic lock, optimistic version with
// retries, atomic conditional update) each sell exactly the stock. Change a number and press Run.
import { concurrently, now, sleep } from '../../kit/clock';
import { Database } from '../../kit/db';
import { log } from '../../kit/log';
import { random } from '../../kit/random';
import {
  ConcurrentModificationError,
  deductInventoryAtomic,
  deductInventoryNaive,
  deductInventoryOptimistic,
  deductInventoryPessimistic,
  OutOfStockError,
  type InventoryDb,
} from './inventory';

const STOCK = 10;
const BUYERS = 20;
const QUANTITY = 1;
/** A new buyer arrives every this many ms. */
const ARRIVAL_EVERY_MS = 4;
/** Each statement (and COMMIT) takes this long. */
const DB_LATENCY = { p50: 3, p99: 12 };
/** Optimistic buyers try this many times, backing off a little more after each conflict. */
const MAX_ATTEMPTS = 10;
const BACKOFF_MS = 4;
/** How many conflicts to print as they happen. */
const SHOW_CONFLICTS = 3;

const ITEM = 'sku-42';
type Deduct = (db: InventoryDb, itemId: string, quantity: number) => Promise<void>;

async function sale(strategy: string, deduct: Deduct): Promise<Record<string, string | number>> {
  const db: InventoryDb = new Database({
    name: 'shop',
    latency: DB_LATENCY,
    tables: { inventory: { versioned: true } },
  });
  await db.insert('inventory', { id: ITEM, stock: STOCK });
  const start = now();
  let sold = 0;
  let turnedAway = 0;
  let conflicts = 0;
  let gaveUp = 0;
  await concurrently(
    BUYERS,
    async (buyer) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await deduct(db, ITEM, QUANTITY);
          sold += QUANTITY;
          return;
        } catch (error) {
          if (error instanceof OutOfStockError) {
            turnedAway += 1;
            return;
          }
          if (!(error instanceof ConcurrentModificationError)) throw error;
          conflicts += 1;
          if (attempt === MAX_ATTEMPTS) {
            gaveUp += 1;
            return;
          }
          const backoff = random.jitter(BACKOFF_MS * attempt, 0.5);
          if (conflicts <= SHOW_CONFLICTS) log(`  buyer-${buyer}: ${error.message}, retry in ${backoff} ms`);
          await sleep(backoff);
        }
      }
    },
    { staggerMs: ARRIVAL_EVERY_MS },
  );
  const left = db.peek('inventory')[0]?.stock ?? NaN;
  const oversold = Math.max(0, sold - STOCK);
  log(`${strategy}: sold ${sold} of ${STOCK}, the row says ${left} left${oversold ? `: oversold by ${oversold}` : ''}`);
  return {
    strategy,
    sold,
    'stock left': left,
    oversold,
    'turned away': turnedAway,
    conflicts,
    'gave up': gaveUp,
    'lock waits': db.stats.lockWaits,
    'virtual ms': now() - start,
  };
}

console.log(`--- ${BUYERS} buyers, ${STOCK} in stock, ${QUANTITY} each ---`);
const results: Record<string, string | number>[] = [];
console.log('--- naive read-modify-write (the race) ---');
results.push(await sale('naive', deductInventoryNaive));
console.log('--- option 1: SELECT … FOR UPDATE ---');
results.push(await sale('pessimistic', deductInventoryPessimistic));
console.log('--- option 2: version check, retry on conflict ---');
results.push(await sale('optimistic', deductInventoryOptimistic));
console.log('--- option 3: UPDATE … WHERE stock >= ? ---');
results.push(await sale('atomic', deductInventoryAtomic));
console.log('--- outcome ---');
console.table(results);
