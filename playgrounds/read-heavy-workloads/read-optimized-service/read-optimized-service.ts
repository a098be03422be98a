/**
 * The page's ReadOptimizedService in TypeScript: cache-aside reads (Redis, then a read replica) and
 * writes to the primary. Redis is the only cache here, so it is the L2 of the page's architecture; the
 * replica is the database, not a cache level.
 */
import type { Database, Replica } from '../../kit/db';
import type { Kv } from '../../kit/kv';

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly price: number;
}

export interface Tables {
  products: Product;
}

export type ProductChanges = Partial<Omit<Product, 'id'>>;

export class ReadOptimizedService {
  /** Cache hits and misses, for the hit ratio. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    protected readonly cache: Kv,
    protected readonly readDb: Replica<Tables>,
    protected readonly writeDb: Database<Tables>,
    /** Long TTLs suit read-heavy data, but they also bound how long a stale copy can live. */
    protected readonly ttlSeconds = 3600,
  ) {}

  async getProduct(productId: string): Promise<Product | undefined> {
    // L2 (Redis): check the cache
    const cached = await this.cache.get(`product:${productId}`);
    if (cached !== null) {
      this.stats.hits += 1;
      return JSON.parse(cached) as Product;
    }
    this.stats.misses += 1;

    // Cache miss: read from a replica (SELECT * FROM products WHERE id = $1)
    const product = await this.readDb.get('products', productId);
    if (product === undefined) return undefined; // don't cache "not found" for an hour

    // Cache for future reads
    await this.cache.setex(`product:${productId}`, this.ttlSeconds, JSON.stringify(product));
    return product;
  }

  async updateProduct(productId: string, data: ProductChanges): Promise<void> {
    // Write to the primary (UPDATE products SET … WHERE id = $1)
    await this.writeDb.update('products', productId, data);

    // Refill the cache from the primary: deleting the key alone lets the next miss read a lagging
    // replica and cache the old row for the whole TTL.
    const updated = await this.writeDb.get('products', productId);
    if (updated) await this.cache.setex(`product:${productId}`, this.ttlSeconds, JSON.stringify(updated));
    else await this.cache.del(`product:${productId}`);
  }
}

/** update_product as the Python sample wrote it: invalidate only, so the next miss refills from a replica. */
export class ReadOptimizedServiceAsWritten extends ReadOptimizedService {
  override async updateProduct(productId: string, data: ProductChanges): Promise<void> {
    await this.writeDb.update('products', productId, data);
    await this.cache.del(`product:${productId}`);
  }
}
