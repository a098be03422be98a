import { describe, expect, it } from 'vitest';
import { extractCodeBlocks, loadSeed, parseSeed } from '../support/seed';
import { pageContainsBlock } from '../support/page-source';

describe('seed parser', () => {
  it('splits questions on numbered h2 headings', () => {
    const parsed = parseSeed('# Title\n\n## 1. First?\nbody one\n\n## 2. Second?\nbody two\n');
    expect(parsed.map((q) => [q.n, q.title, q.body.trim()])).toEqual([
      [1, 'First?', 'body one'],
      [2, 'Second?', 'body two'],
    ]);
  });

  it('extracts fenced blocks and strips the indentation of blocks nested in lists', () => {
    const blocks = extractCodeBlocks([
      '1. **Keys:**',
      '   ```python',
      '   def f():',
      '       return 1',
      '   ```',
      '```',
      'A → B',
      '```',
    ]);
    expect(blocks).toEqual([
      { lang: 'python', code: 'def f():\n    return 1' },
      { lang: '', code: 'A → B' },
    ]);
  });

  it('rejects an unclosed fence', () => {
    expect(() => extractCodeBlocks(['```sql', 'SELECT 1;'])).toThrow('unclosed code fence (sql)');
  });

  it('reads the real seed: 24 questions and 33 code blocks', () => {
    const seed = loadSeed();
    expect(seed).toHaveLength(24);
    const langs = seed.flatMap((q) => q.codeBlocks.map((b) => b.lang || 'text'));
    expect(langs).toHaveLength(33);
    expect(langs.filter((l) => l === 'sql')).toHaveLength(5);
    expect(langs.filter((l) => l === 'text')).toHaveLength(3);
  });
});

describe('pageContainsBlock', () => {
  it('ignores trailing whitespace but not changed code', () => {
    const source = '```python\ndef f():  \n    return 1\n```';
    expect(pageContainsBlock(source, 'def f():\n    return 1')).toBe(true);
    expect(pageContainsBlock(source, 'def f():\n    return 2')).toBe(false);
  });
});
