import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/lib/catalogue';
import samples from '../../playgrounds/samples.json';
import { loadSeed } from '../support/seed';
import { loadQuestionPages } from '../support/page-source';

/** Every Python and SQL sample of the seed, as "Q<n>#<k>" (k counts the question's code blocks from 1). */
const seedSamples = loadSeed().flatMap((q) =>
  q.codeBlocks.flatMap((block, i) => (block.lang === 'python' || block.lang === 'sql' ? [`Q${q.n}#${i + 1}`] : [])),
);
/** A sample may have more than one playground (Q7's Python runs on the kit's db, its SQL on PostgreSQL). */
const manifest = samples as Record<string, string | string[]>;
const pairs = Object.entries(manifest).flatMap(([sample, ids]) =>
  (Array.isArray(ids) ? ids : [ids]).map((id) => [sample, id] as const),
);
const pages = new Map(loadQuestionPages().map((p) => [p.slug, p.source]));

describe('every seed sample is a playground', () => {
  it('maps each of the seed samples, and nothing else', () => {
    expect(Object.keys(manifest).sort()).toEqual([...seedSamples].sort());
  });

  it.each(pairs)('%s → %s exists and is on its page', (sample, id) => {
    const n = Number(/^Q(\d+)#/.exec(sample)![1]);
    const slug = CATALOGUE[n - 1]!.slug;
    expect(id.startsWith(`${slug}/`), `${id} belongs to ${slug}`).toBe(true);
    const folder = new URL(`../../playgrounds/${id}/`, import.meta.url);
    expect(
      existsSync(new URL('main.ts', folder)) || existsSync(new URL('main.sql', folder)),
      `playgrounds/${id}/main.*`,
    ).toBe(true);
    expect(pages.get(slug)).toContain(`<Playground id="${id}" />`);
  });

  it('has a test for every playground folder it lists', () => {
    for (const id of new Set(pairs.map(([, id]) => id))) {
      const slug = id.split('/')[0]!;
      const testFile = new URL(`./playgrounds/${slug}.test.ts`, import.meta.url);
      expect(existsSync(testFile), `tests/unit/playgrounds/${slug}.test.ts`).toBe(true);
      // The test names the playground (often as `${slug}/<name>`), so look for its own folder name.
      expect(readFileSync(testFile, 'utf8')).toContain(id.slice(slug.length + 1));
    }
  });
});
