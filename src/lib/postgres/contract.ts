/**
 * What the sandbox and playground code agree on about Postgres, without loading it: the names of the
 * globals and the files the page hands to the sandbox. PGlite itself stays in the add-on script.
 */

/** The host object playground code uses (see host.ts); the kit and the SQL runner read it. */
export const POSTGRES_GLOBAL = '__handbookPostgres';

/** Defined by the add-on script (public/runner/postgres.js): builds the host from compiled assets. */
export const POSTGRES_FACTORY_GLOBAL = '__createHandbookPostgres';

/** The add-on and PGlite's files under public/runner/, fetched by the page from the site's own origin. */
export const POSTGRES_ASSET_FILES = {
  addon: 'postgres.js',
  pgliteWasm: 'pglite.wasm',
  fsBundle: 'pglite.data',
  /**
   * A freshly initialised database cluster (gzipped tar), made at build time: loading it replaces
   * initdb. Not ".tar.gz": servers send that with Content-Encoding: gzip, and fetch unpacks it.
   */
  dataDir: 'pgdata.tgz',
} as const;

/** The bytes the page passes into the sandbox with a run that needs Postgres (buffers are transferred). */
export interface PostgresAssets {
  /** The add-on's JavaScript, evaluated in the worker. */
  readonly addon: string;
  readonly pgliteWasm: ArrayBuffer;
  /** PGlite's file-system bundle (Postgres's share/ and lib/ files). */
  readonly fsBundle: ArrayBuffer;
  /** The initialised cluster: a tar of PGDATA, gzipped unless a server unpacked it on the way. */
  readonly dataDir: ArrayBuffer;
}

/** What the add-on's factory receives: the WebAssembly compiled in the worker, the files as Blobs. */
export interface CompiledPostgresAssets {
  readonly pgliteWasmModule: WebAssembly.Module;
  readonly fsBundle: Blob;
  readonly dataDir: Blob;
}

export const postgresBuffers = (assets: PostgresAssets): ArrayBuffer[] => [
  assets.pgliteWasm,
  assets.fsBundle,
  assets.dataDir,
];
