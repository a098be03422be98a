import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/lib/html-entities';

describe('decodeEntities', () => {
  it('decodes the five entities serialisers write, &amp; last', () => {
    expect(decodeEntities('&lt;b&gt; &quot;Ada&#39;s&quot; &amp; co')).toBe('<b> "Ada\'s" & co');
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});
