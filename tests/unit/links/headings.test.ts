import { describe, expect, it } from 'vitest';
import { ANCHOR_ID, idFromComment, pageAnchors, sourceHeadings } from '../../../src/lib/links/headings';

describe('sourceHeadings', () => {
  const source = [
    '---',
    'title: "# not a heading"',
    '---',
    '',
    '## Cache layers {/* #cache-layers */}',
    '',
    '```python',
    '# a comment, not a heading',
    '```',
    '',
    '### 4. Semaphore/queue {/*  #4-semaphore-queue  */}',
    '### No id yet',
    '~~~',
    '## fenced',
    '~~~',
  ].join('\n');

  it('reads the headings outside frontmatter and fences, with their explicit ids', () => {
    expect(sourceHeadings(source)).toEqual([
      { depth: 2, text: 'Cache layers', id: 'cache-layers', line: 5 },
      { depth: 3, text: '4. Semaphore/queue', id: '4-semaphore-queue', line: 11 },
      { depth: 3, text: 'No id yet', id: undefined, line: 12 },
    ]);
  });

  it('gives the public anchors of a page', () => {
    expect(pageAnchors('caching-layers', source)).toEqual([
      '/questions/caching-layers/#cache-layers',
      '/questions/caching-layers/#4-semaphore-queue',
    ]);
  });
});

describe('ids', () => {
  it('reads the id from the MDX comment', () => {
    expect(idFromComment('/* #1-locking */')).toBe('1-locking');
    expect(idFromComment('/* a note */')).toBeUndefined();
  });

  it('accepts the ids Starlight generated, including a doubled hyphen, and nothing else', () => {
    for (const id of ['strategies', '1-ttl-time-to-live', 'hexagonal-architecture-ports--adapters'])
      expect(id).toMatch(ANCHOR_ID);
    for (const id of ['Strategies', 'two words', '-leading', 'trailing-', 'a---b', 'ünïcode'])
      expect(id).not.toMatch(ANCHOR_ID);
  });
});
