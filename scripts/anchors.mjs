// npm run anchors: adds the current heading anchors of the question pages to src/anchors.json, and lists
// the published anchors that no longer exist (say where each went in "moved"; this script never does).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { pageAnchors } from '../src/lib/links/headings.ts';
import { manifestProblems } from '../src/lib/links/manifest.ts';

const manifestFile = new URL('../src/anchors.json', import.meta.url);
const pagesDir = new URL('../src/content/docs/questions/', import.meta.url);

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const current = readdirSync(pagesDir)
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .flatMap((file) => pageAnchors(file.replace(/\.mdx$/, ''), readFileSync(new URL(file, pagesDir), 'utf8')));

const published = new Set(manifest.anchors);
const added = current.filter((anchor) => !published.has(anchor));
const anchors = [...manifest.anchors, ...added].sort();
writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, anchors }, null, 2)}\n`);
console.log(`src/anchors.json: ${anchors.length} anchors, ${added.length} added`);

const problems = manifestProblems({ ...manifest, anchors }, current);
for (const problem of problems) console.error(`  ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
