// npm run bench:diagrams [-- --no-build]
//
// Times a cold build (no diagram cache, as in CI) and a warm one (every diagram from the cache), then
// prints the diagram bytes of every question page in dist/, and fails when a page's diagrams exceed the
// budget. With --no-build it only reports on the existing dist/. `diagramBytes()` is exported for
// scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Raw HTML of one page's figures (SVG, caption, button); gzip takes it to a fifth or so. */
export const DIAGRAM_BUDGET_PER_PAGE = 256 * 1024;

/** Per question page of a built site: how many diagrams, their HTML bytes, and those bytes gzipped. */
export function diagramBytes(dist = join(root, 'dist')) {
  return readdirSync(join(dist, 'questions'))
    .sort()
    .map((slug) => {
      const html = readFileSync(join(dist, 'questions', slug, 'index.html'), 'utf8');
      const figures = html.match(/<figure class="diagram[\s\S]*?<\/figure>/g) ?? [];
      const markup = figures.join('');
      return {
        slug,
        diagrams: figures.length,
        bytes: Buffer.byteLength(markup),
        gzip: gzipSync(markup).length,
        page: Buffer.byteLength(html),
      };
    });
}

function timedBuild(label) {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`the ${label} build failed`);
  }
  const summary = /\[handbook-diagrams\] (.*)/.exec(result.stdout)?.[1] ?? '';
  console.log(`${label} build: ${seconds.toFixed(1)} s (${summary})`);
}

function main() {
  if (!process.argv.includes('--no-build')) {
    rmSync(join(root, 'node_modules/.astro/diagrams'), { recursive: true, force: true });
    timedBuild('cold');
    timedBuild('warm');
  }
  const rows = diagramBytes();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`\n${'page'.padEnd(50)} diagrams  diagram HTML    gzipped   whole page`);
  for (const r of rows) {
    console.log(
      `${r.slug.padEnd(50)} ${String(r.diagrams).padStart(8)}  ${kb(r.bytes)}    ${kb(r.gzip)} ${kb(r.page)}`,
    );
  }
  const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
  console.log(
    `${'all pages'.padEnd(50)} ${String(sum('diagrams')).padStart(8)}  ${kb(sum('bytes'))}    ${kb(sum('gzip'))} ${kb(sum('page'))}`,
  );
  const sorted = rows.map((r) => r.bytes).sort((a, b) => a - b);
  console.log(`median per page: ${kb(sorted[Math.floor(sorted.length / 2)])}, largest: ${kb(sorted.at(-1))}`);

  const over = rows.filter((r) => r.bytes > DIAGRAM_BUDGET_PER_PAGE);
  if (over.length > 0) {
    console.error(
      `\nOVER BUDGET (${kb(DIAGRAM_BUDGET_PER_PAGE)} of diagrams per page): ${over.map((r) => r.slug).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
