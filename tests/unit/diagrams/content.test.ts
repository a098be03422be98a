import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../../src/lib/diagrams/fence-meta';
import { loadQuestionPages } from '../../support/page-source';

const pages = loadQuestionPages();
const diagramsOf = (source: string) =>
  [...source.matchAll(/^```mermaid([^\n]*)\n([\s\S]*?)^```$/gm)].map(([, meta, code]) => ({
    meta: meta!,
    code: code!,
  }));

describe('diagrams in the question pages', () => {
  it.each(pages.map((page) => [page.slug, page.source] as const))('%s has at least one diagram', (_, source) => {
    expect(diagramsOf(source).length).toBeGreaterThanOrEqual(1);
  });

  it('the site has at least 40', () => {
    expect(pages.flatMap((page) => diagramsOf(page.source)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(pages.map((page) => [page.slug, page.source] as const))(
    '%s: every diagram has a caption, an accTitle and an accDescr',
    (_, source) => {
      for (const { meta, code } of diagramsOf(source)) {
        expect(parseFenceMeta(meta).caption, meta).toBeTruthy();
        expect(code).toMatch(/^\s*accTitle\s*:\s*\S/m);
        expect(code).toMatch(/^\s*accDescr\s*(:\s*\S|\{)/m);
      }
    },
  );
});
