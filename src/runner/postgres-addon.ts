/**
 * The PGlite add-on, bundled by scripts/build-runner.mjs into public/runner/postgres.js (a classic
 * script). The page fetches it only for playgrounds that need Postgres and the sandbox worker evaluates
 * it; it defines one global factory, which the worker calls with the WebAssembly it compiled.
 */
import { POSTGRES_FACTORY_GLOBAL, type CompiledPostgresAssets } from '../lib/postgres/contract';
import { createPostgresHost, type PostgresHost } from '../lib/postgres/host';

/**
 * Every database starts from the cluster initialised at build time, so initdb never runs here. PGlite
 * still wants an initdb module up front (without one it fetches initdb.wasm, which the sandbox may not):
 * an empty module stands in for it.
 */
const unusedInitdb = () => new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));

/** PGlite unpacks a data directory whose file name ends in .tgz; the bytes say whether it still is gzip. */
async function dataDirFile(dataDir: Blob): Promise<File> {
  const magic = new Uint8Array(await dataDir.slice(0, 2).arrayBuffer());
  return new File([dataDir], magic[0] === 0x1f && magic[1] === 0x8b ? 'pgdata.tgz' : 'pgdata.tar');
}

const factory = (assets: Promise<CompiledPostgresAssets>): PostgresHost =>
  createPostgresHost(async () => {
    const { pgliteWasmModule, fsBundle, dataDir } = await assets;
    return { pgliteWasmModule, initdbWasmModule: unusedInitdb(), fsBundle, loadDataDir: await dataDirFile(dataDir) };
  });

(globalThis as unknown as Record<string, unknown>)[POSTGRES_FACTORY_GLOBAL] = factory;
