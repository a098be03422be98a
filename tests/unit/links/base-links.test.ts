import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinksPlugin, withBase } from '../../../src/lib/links/base-links';

describe('withBase', () => {
  it('puts the base in front of site-absolute URLs only', () => {
    expect(withBase('/questions/sagas/#when-to-use', '/handbook/')).toBe('/handbook/questions/sagas/#when-to-use');
    expect(withBase('/handbook/q/7/', '/handbook/')).toBe('/handbook/q/7/');
    for (const url of ['https://example.com/', '//cdn.example.com/x.js', '../sagas/', '#top', 'mailto:a@b.c']) {
      expect(withBase(url, '/handbook/')).toBe(url);
    }
    expect(withBase('/questions/sagas/', '/')).toBe('/questions/sagas/');
  });
});

describe('baseLinksPlugin', () => {
  it('rewrites the links, reference definitions and images of a page', () => {
    const source =
      'See [Question 6](/questions/idempotent-operations/), [sagas][s] and ![card](/og/index.png).\n\n[s]: /questions/sagas/\n';
    const { code } = mdxToJs(source, { mdastPlugins: [baseLinksPlugin('/handbook/')] });
    expect(code).toContain('href: "/handbook/questions/idempotent-operations/"');
    expect(code).toContain('href: "/handbook/questions/sagas/"');
    expect(code).toContain('src: "/handbook/og/index.png"');
  });
});
