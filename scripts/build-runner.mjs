// Bundles the sandbox runner: the worker (transpiler + module loader + console capture) is inlined as a
// string into the frame script, which public/runner/frame.html loads as a classic script. Classic, because
// the frame has an opaque origin: a module script from our own origin would need CORS headers.
//
// Also the PGlite add-on (public/runner/postgres.js) and PGlite's WebAssembly and data files, which the
// page fetches only when a playground needs Postgres (src/lib/runner/client.ts).
import { build } from 'esbuild';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = { bundle: true, format: 'iife', target: 'es2022', minify: true, write: false, logLevel: 'warning' };

const worker = await build({ ...common, entryPoints: [`${root}src/runner/worker.ts`] });
const frame = await build({
  ...common,
  entryPoints: [`${root}src/runner/frame.ts`],
  define: { __WORKER_SOURCE__: JSON.stringify(worker.outputFiles[0].text) },
});
await mkdir(`${root}public/runner`, { recursive: true });
await writeFile(`${root}public/runner/frame.js`, frame.outputFiles[0].text);
console.log(`runner: public/runner/frame.js (${(frame.outputFiles[0].text.length / 1024).toFixed(1)} KiB)`);

// The add-on runs in the worker, which evaluates it as a classic script. PGlite's Node-only branches import
// Node's modules dynamically; they stay unresolved imports that the browser never reaches. PGlite finds
// its files through import.meta.url unless it is given them, and the worker always gives them.
const addon = await build({
  ...common,
  entryPoints: [`${root}src/runner/postgres-addon.ts`],
  platform: 'browser',
  external: [
    'fs',
    'fs/promises',
    'path',
    'url',
    'crypto',
    'module',
    'os',
    'util',
    'zlib',
    'stream',
    'worker_threads',
    'child_process',
    'node:*',
  ],
  define: { 'import.meta.url': '"file:///pglite/"' },
});
await writeFile(`${root}public/runner/postgres.js`, addon.outputFiles[0].text);
const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
for (const file of ['pglite.wasm', 'pglite.data'])
  await copyFile(`${pgliteDist}/${file}`, `${root}public/runner/${file}`);

// A freshly initialised cluster (as initialisedCluster() in src/lib/postgres/host.ts makes it): each run
// in the browser loads it instead of running initdb, which would take most of the start-up time. Made
// again only when PGlite changes, since initdb takes seconds.
const clusterFile = `${root}public/runner/pgdata.tgz`;
const mtime = (path) =>
  stat(path).then(
    (s) => s.mtimeMs,
    () => 0,
  );
if ((await mtime(clusterFile)) <= (await mtime(`${pgliteDist}/../package.json`))) {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  await pg.exec('CHECKPOINT');
  const cluster = await pg.dumpDataDir('gzip');
  await pg.close();
  await writeFile(clusterFile, Buffer.from(await cluster.arrayBuffer()));
}
console.log(
  `runner: public/runner/postgres.js (${(addon.outputFiles[0].text.length / 1024).toFixed(1)} KiB), PGlite's pglite.wasm and pglite.data, pgdata.tgz (${((await stat(clusterFile)).size / 1024 / 1024).toFixed(1)} MiB)`,
);
