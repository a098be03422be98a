import { describe, expect, it } from 'vitest';
import { byTopic, CATALOGUE, topicAnchor, TOPICS } from '../../src/lib/catalogue';

describe('catalogue', () => {
  it('numbers the 24 questions 1 to 24 in order', () => {
    expect(CATALOGUE.map((q) => q.n)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('has unique, URL-safe slugs', () => {
    const slugs = CATALOGUE.map((q) => q.slug);
    expect(new Set(slugs).size).toBe(24);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('keeps the public slugs that wikis link to', () => {
    expect(CATALOGUE.find((q) => q.n === 7)?.slug).toBe('race-conditions');
    expect(CATALOGUE.find((q) => q.n === 15)?.slug).toBe('caching-layers');
    expect(CATALOGUE.find((q) => q.n === 22)?.slug).toBe('distributed-transactions-vs-eventual-consistency');
  });

  it('groups topics in the seed order, each covering a contiguous range', () => {
    expect(byTopic().map(({ topic, entries }) => [topic, entries.map((q) => q.n)])).toEqual([
      ['Architecture style', [1, 2, 3, 4]],
      ['Communication & coordination', [5, 6, 7, 8, 9, 10]],
      ['Failure & consistency', [11, 12, 13, 14]],
      ['Performance & scale', [15, 16, 17, 18, 19, 20]],
      ['Data', [21, 22, 23, 24]],
    ]);
  });

  it('makes topic anchors from topic names', () => {
    expect(TOPICS.map(topicAnchor)).toEqual([
      'architecture-style',
      'communication-coordination',
      'failure-consistency',
      'performance-scale',
      'data',
    ]);
  });
});
