// Bundles the sandbox runner: the worker (transpiler + module loader + console capture) is inlined as a
// string into the frame script, which public/runner/frame.html loads as a classic script. Classic, because
// the frame has an opaque origin: a module script from our own origin would need CORS headers.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
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
