/**
 * A tiny document database in the style of MongoDB: collections of JSON documents found by `_id` or a
 * filter, with no joins. Each call is one round trip; `reads` and `writes` count them.
 */

export interface Document {
  readonly _id: string | number;
}

export class Collection<T extends Document> {
  reads = 0;
  writes = 0;
  private readonly docs = new Map<T['_id'], T>();

  constructor(readonly name: string) {}

  async insertMany(docs: readonly T[]): Promise<number> {
    this.writes += 1;
    for (const doc of docs) this.docs.set(doc._id, structuredClone(doc));
    return docs.length;
  }

  /** db.collection.findOne({ _id }) */
  async findOne(id: T['_id']): Promise<T | undefined> {
    this.reads += 1;
    const doc = this.docs.get(id);
    return doc && structuredClone(doc);
  }

  /** db.collection.find(filter) */
  async find(filter: (doc: T) => boolean): Promise<T[]> {
    this.reads += 1;
    return [...this.docs.values()].filter(filter).map((doc) => structuredClone(doc));
  }

  /** db.collection.updateMany(filter, update): rewrites every matching document; returns how many. */
  async updateMany(filter: (doc: T) => boolean, update: (doc: T) => T): Promise<number> {
    this.writes += 1;
    const matching = [...this.docs.values()].filter(filter);
    for (const doc of matching) this.docs.set(doc._id, structuredClone(update(doc)));
    return matching.length;
  }
}
