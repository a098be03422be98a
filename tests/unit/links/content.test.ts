import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANCHOR_ID, pageAnchors, sourceHeadings } from '../../../src/lib/links/headings';
import { manifestProblems, type AnchorManifest } from '../../../src/lib/links/manifest';
import { loadQuestionPages } from '../../support/page-source';

const pages = loadQuestionPages();
const manifest = JSON.parse(
  readFileSync(new URL('../../../src/anchors.json', import.meta.url), 'utf8'),
) as AnchorManifest;

describe('heading anchors of the question pages', () => {
  it.each(pages.map((p) => [p.slug, p.source] as const))(
    'every h2/h3 of %s has an explicit, unique id',
    (slug, source) => {
      const headings = sourceHeadings(source).filter((h) => h.depth === 2 || h.depth === 3);
      const withoutId = headings.filter((h) => h.id === undefined).map((h) => `line ${h.line}: ${h.text}`);
      expect(withoutId, `add {/* #id */} to these headings of ${slug}`).toEqual([]);
      const ids = headings.map((h) => h.id!);
      expect(ids.filter((id) => !ANCHOR_ID.test(id))).toEqual([]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    },
  );

  it('are all in src/anchors.json, and every anchor published there still leads somewhere', () => {
    const current = pages.flatMap((p) => pageAnchors(p.slug, p.source));
    expect(manifestProblems(manifest, current)).toEqual([]);
  });

  it('keep the anchors that were live before ids became explicit', () => {
    // A sample of the generated ids that links in the wild point at.
    for (const anchor of [
      '/questions/caching-layers/#thundering-herd-prevention',
      '/questions/caching-layers/#4-semaphorequeue',
      '/questions/distributed-transactions-vs-eventual-consistency/#distributed-transactions-2pc--two-phase-commit',
      '/questions/zero-downtime-schema-evolution/#3-expand-contract-pattern',
    ]) {
      expect(manifest.anchors).toContain(anchor);
    }
  });
});
