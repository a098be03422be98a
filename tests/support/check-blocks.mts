// Developer aid: node tests/support/check-blocks.mts 6 7 — reports seed code blocks missing from pages.
import { readFileSync } from 'node:fs';
import { loadSeed } from './seed.ts';
import { CATALOGUE } from '../../src/lib/catalogue.ts';
import { pageContainsBlock } from './page-source.ts';

const wanted = process.argv.slice(2).map(Number);
let missing = 0;
for (const q of loadSeed().filter((s) => wanted.length === 0 || wanted.includes(s.n))) {
  const slug = CATALOGUE[q.n - 1]!.slug;
  const source = readFileSync(new URL(`../../src/content/docs/questions/${slug}.mdx`, import.meta.url), 'utf8');
  q.codeBlocks.forEach((block, i) => {
    const ok = pageContainsBlock(source, block.code);
    if (!ok) missing++;
    console.log(`${ok ? 'ok     ' : 'MISSING'} Q${q.n} block ${i + 1} (${block.lang || 'plain'})`);
  });
}
process.exitCode = missing ? 1 : 0;
