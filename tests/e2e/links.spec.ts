import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';
import { brokenLinks, linksOf, type SiteFile } from '../support/link-check';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The built site as the link checker sees it: every file, with the text of the HTML pages. */
function builtSite(): SiteFile[] {
  return filesUnder(dist).map((file) => {
    const path = relative(dist, file).split(sep).join('/');
    return path.endsWith('.html') ? { path, html: readFileSync(file, 'utf8') } : { path };
  });
}

test.describe('links in the built site', () => {
  test('every internal link, #fragment and short link resolves', () => {
    const site = builtSite();
    const pages = site.filter((file) => file.html !== undefined);
    // Not vacuous: the pages, their tables of contents and the 24 short links are all in what it checks.
    const links = pages.flatMap((file) => linksOf(file.html!));
    expect(pages.length).toBeGreaterThanOrEqual(1 + 2 * CATALOGUE.length);
    expect(links.filter((href) => href.startsWith('#')).length).toBeGreaterThan(200);
    for (const q of CATALOGUE) {
      expect(linksOf(site.find((file) => file.path === `q/${q.n}/index.html`)!.html!)).toContain(
        `/questions/${q.slug}/`,
      );
    }
    expect(brokenLinks(site).map(({ from, href, reason }) => `${from}: ${href} — ${reason}`)).toEqual([]);
  });
});
