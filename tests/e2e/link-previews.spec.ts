/**
 * Checks of the built files (no browser): link-preview tags on every page, the card images, robots.txt
 * and the sitemap, and that every internal URL respects the base. For both builds (tests/support/builds.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { CATALOGUE } from '../../src/lib/catalogue';
import { decodeEntities } from '../../src/lib/html-entities';
import { loadQuestionPages } from '../support/page-source';
import { ROOT, SUBPATH } from '../support/builds';

const descriptions = new Map(loadQuestionPages().map((p) => [p.slug, String(p.frontmatter['description'])]));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => join(dir, file))
    .sort();
}

/** The head's meta tags by property or name, and its links by rel. */
function head(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  const headHtml = html.slice(0, html.indexOf('</head>'));
  for (const [, attributes] of headHtml.matchAll(/<(?:meta|link)\s([^>]*)>/g)) {
    const attr = (name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes!)?.[1];
    const key = attr('property') ?? attr('name') ?? (attr('rel') ? `rel:${attr('rel')}` : undefined);
    const value = attr('content') ?? attr('href');
    if (key && value !== undefined) {
      if (/^(og:|twitter:|rel:canonical)/.test(key)) expect(tags.has(key), `<head> repeats ${key}`).toBe(false);
      tags.set(key, decodeEntities(value));
    }
  }
  return tags;
}

for (const build of [ROOT, SUBPATH]) {
  const root = `${build.site}${build.base}`;

  test.describe(`${build.dir}/ (base ${build.base})`, () => {
    test.beforeAll(() => {
      expect(existsSync(build.dir), `${build.dir}/ is missing: run npm run build and npm run build:subpath`).toBe(true);
    });

    test('every page has og:title, its description, absolute og:url and canonical, and a 1200×630 card', async () => {
      // Pages, not the playgrounds' sandbox frame (runner/frame.html), which only ever loads in an iframe.
      const pages = htmlFiles(build.dir).filter((file) => !relative(build.dir, file).startsWith('runner/'));
      expect(pages.length).toBeGreaterThanOrEqual(2 + 2 * CATALOGUE.length);
      for (const file of pages) {
        const path = relative(build.dir, file)
          .replace(/(^|\/)index\.html$/, '$1')
          .replace(/\.html$/, '/');
        const tags = head(readFileSync(file, 'utf8'));
        const where = `${build.dir}/${relative(build.dir, file)}`;
        const question = /^(?:questions\/([^/]+)|q\/(\d+))\/$/.exec(path);
        const slug = question?.[1] ?? (question?.[2] ? CATALOGUE[Number(question[2]) - 1]!.slug : undefined);

        expect(tags.get('og:title'), where).toBeTruthy();
        if (slug) expect(tags.get('og:description'), where).toBe(descriptions.get(slug));
        else expect(tags.get('og:description'), where).toBeTruthy();
        const url = tags.get('og:url');
        expect(url, where).toBe(tags.get('rel:canonical'));
        expect(url, where).toBe(slug ? `${root}questions/${slug}/` : path === '404/' ? url : `${root}${path}`);
        expect(url!.startsWith(root), where).toBe(true);
        expect(tags.get('twitter:card'), where).toBe('summary_large_image');

        const image = tags.get('og:image')!;
        expect(image, where).toBe(slug ? `${root}og/questions/${slug}.png` : `${root}og/index.png`);
        expect(tags.get('twitter:image'), where).toBe(image);
        const png = join(build.dir, image.slice(root.length));
        expect(existsSync(png), `${where}: ${png} does not exist`).toBe(true);
        const { width, height, format } = await sharp(png).metadata();
        expect([format, width, height], png).toEqual(['png', 1200, 630]);
        expect([tags.get('og:image:width'), tags.get('og:image:height')], where).toEqual(['1200', '630']);
        if (slug)
          expect(tags.get('rel:shortlink'), where).toBe(`${root}q/${CATALOGUE.find((q) => q.slug === slug)!.n}/`);
      }
    });

    test('robots.txt points at the sitemap, which lists the pages but not the short links', () => {
      expect(readFileSync(join(build.dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${root}sitemap-index.xml`);
      expect(readFileSync(join(build.dir, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${root}sitemap-0.xml</loc>`);
      const urls = [...readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (m) => m[1],
      );
      expect(urls).toEqual(expect.arrayContaining([root, ...CATALOGUE.map((q) => `${root}questions/${q.slug}/`)]));
      expect(urls).toHaveLength(1 + CATALOGUE.length);
    });

    test('every internal link and asset URL is under the base', () => {
      const outside: string[] = [];
      for (const file of htmlFiles(build.dir)) {
        const html = readFileSync(file, 'utf8');
        for (const [, attribute, url] of html.matchAll(/\s(href|src|action|content|srcset)="(\/[^"]*)"/g)) {
          if (url!.startsWith('//') || url!.startsWith(build.base)) continue;
          outside.push(`${relative(build.dir, file)}: ${attribute}="${url}"`);
        }
        for (const [, url] of html.matchAll(/\surl=(\/[^"]*)"/g))
          if (!url!.startsWith(build.base)) outside.push(`${relative(build.dir, file)}: refresh to ${url}`);
      }
      expect(outside).toEqual([]);
    });
  });
}
