import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/lib/catalogue';
import { loadSeed } from '../support/seed';
import { loadQuestionPages, pageContainsBlock, plainWords } from '../support/page-source';

const seed = loadSeed();
const pages = loadQuestionPages();
const pageFor = (n: number) => {
  const slug = CATALOGUE[n - 1]!.slug;
  const page = pages.find((p) => p.slug === slug);
  if (!page) throw new Error(`no page for question ${n} (${slug})`);
  return page;
};

describe('question pages', () => {
  it('are exactly the 24 public slugs', () => {
    expect(pages.map((p) => p.slug).sort()).toEqual(CATALOGUE.map((q) => q.slug).sort());
  });

  it('cover numbers 1–24 once each, with the catalogue topic', () => {
    const numbers = pages.map((p) => p.frontmatter['question']);
    expect([...numbers].sort((a, b) => Number(a) - Number(b))).toEqual(CATALOGUE.map((q) => q.n));
    for (const q of CATALOGUE) expect(pageFor(q.n).frontmatter['topic'], q.slug).toBe(q.topic);
  });

  it.each(seed.map((q) => [q.n, q.title] as const))('question %i is titled as the seed asks it', (n, title) => {
    expect(pageFor(n).frontmatter['title']).toBe(title);
  });

  it.each(CATALOGUE.map((q) => [q.n, q.slug] as const))('question %i (%s) has a one-sentence description', (n) => {
    const description = pageFor(n).frontmatter['description'];
    expect(typeof description).toBe('string');
    expect(String(description)).toMatch(/^[A-Z].{29,299}\.$/s);
    expect(String(description).slice(0, -1)).not.toMatch(/[.!?] [A-Z]/);
  });

  it.each(seed.filter((q) => q.codeBlocks.length > 0).map((q) => [q.n, q.codeBlocks] as const))(
    'question %i shows every seed code block verbatim',
    (n, blocks) => {
      const { source } = pageFor(n);
      for (const [i, block] of blocks.entries()) {
        expect(pageContainsBlock(source, block.code), `block ${i + 1} (${block.lang || 'text'})`).toBe(true);
      }
    },
  );

  it.each(seed.map((q) => [q.n, q.body] as const))('question %i carries every seed bullet', (n, body) => {
    const pageText = plainWords(pageFor(n).body);
    const bulletsOutsideCode = body
      .replace(/^ *```[\s\S]*?^ *```/gm, '')
      .split('\n')
      .map((line) => /^\s*(?:[-*]|\d+\.) (.+)$/.exec(line)?.[1])
      .filter((text): text is string => text !== undefined)
      // A bold label such as "**Use when:**" becomes a heading of its own wording; its items are checked.
      .filter((text) => !/^\*\*[^*]+:\*\*$/.test(text.trim()))
      .map(plainWords)
      .filter((words) => words.length > 0);
    const missing = bulletsOutsideCode.filter((words) => !pageText.includes(words));
    expect(missing).toEqual([]);
  });

  it('contain no leftover placeholders', () => {
    for (const page of pages) expect(page.source, page.slug).not.toMatch(/\bTODO\b|\bTBD\b|lorem ipsum|coming soon/i);
  });
});
