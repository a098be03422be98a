import { pathToFileURL } from 'node:url';
import type { MarkdownHeading } from 'astro';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { headingIdsPlugin, urlPath } from '../../../src/lib/links/heading-ids';

const root = '/site';
const docsDir = '/site/src/content/docs';
const fileURL = pathToFileURL('/site/src/content/docs/questions/page.mdx');
const manifest = {
  anchors: ['/questions/page/#old-name', '/questions/page/#new-name'],
  moved: { '/questions/page/#old-name': '/questions/page/#new-name' },
};

/** Compiles MDX the way Astro does: our mdast plugin, then the heading-ids plugin Starlight runs. */
async function compile(source: string) {
  const data = {
    astro: {
      headings: [] as MarkdownHeading[],
      frontmatter: {},
      localImagePaths: new Set<string>(),
      remoteImagePaths: new Set<string>(),
    },
  };
  const result = await mdxToJs(source, {
    fileURL,
    mdastPlugins: [headingIdsPlugin({ root, docsDir, manifest })],
    hastPlugins: [satteriHeadingIdsPlugin()],
    data,
  });
  return { code: result.code, headings: (result.data as typeof data).astro.headings };
}

describe('headingIdsPlugin', () => {
  it('gives a heading its explicit id, drops the marker from the text, and weights it for search', async () => {
    const { code, headings } = await compile(
      '## Cache *layers* {/* #cache-layers */}\n\n### 2. Two {/* #two */}\n\n### Plain\n',
    );
    expect(headings).toEqual([
      { depth: 2, slug: 'cache-layers', text: 'Cache layers' },
      { depth: 3, slug: 'two', text: '2. Two' },
      { depth: 3, slug: 'plain', text: 'Plain' },
    ]);
    expect(code).toMatch(/id: "cache-layers",\s+"data-pagefind-weight": "7"/);
    expect(code).toMatch(/id: "two",\s+"data-pagefind-weight": "5"/);
    expect(code).not.toContain('#cache-layers */');
  });

  it('keeps a moved anchor working: an element with the old id right before the heading', async () => {
    const { code } = await compile('Text.\n\n## New wording {/* #new-name */}\n');
    expect(code).toMatch(
      /_jsx\(_components\.span, \{\s+id: "old-name",\s+className: "anchor-alias"\s+\}\),\s+"\\n",\s+_jsx\(_components\.h2, \{\s+id: "new-name"/,
    );
  });

  it('fails with the file and line on a repeated or malformed id', async () => {
    await expect(compile('## A {/* #same */}\n\n## B {/* #same */}\n')).rejects.toThrow(
      'src/content/docs/questions/page.mdx:3: heading id "same" is already used at line 1',
    );
    await expect(compile('## A {/* #Not_An_Id */}\n')).rejects.toThrow(
      /page\.mdx:1: heading id "Not_An_Id" must be lowercase/,
    );
  });

  it('reads the marker as plain text in a Markdown page', async () => {
    const { html } = markdownToHtml('## Title {/* #explicit */}\n', {
      fileURL: pathToFileURL('/site/src/content/docs/notes.md'),
      mdastPlugins: [headingIdsPlugin({ root, docsDir, manifest })],
    });
    expect(html.trim()).toBe('<h2 id="explicit" data-pagefind-weight="7">Title</h2>');
  });

  it('maps a docs file to its URL path', () => {
    expect(urlPath('questions/sagas.mdx')).toBe('/questions/sagas/');
    expect(urlPath('index.mdx')).toBe('/');
    expect(urlPath('../elsewhere.mdx')).toBeUndefined();
  });
});
