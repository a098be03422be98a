import { describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, linksOf, urlPath } from '../support/link-check';

const page = (path: string, body: string) => ({ path, html: `<!doctype html><html><body>${body}</body></html>` });

describe('urlPath', () => {
  it('serves index.html at its folder', () => {
    expect(urlPath('index.html')).toBe('/');
    expect(urlPath('questions/sagas/index.html')).toBe('/questions/sagas/');
    expect(urlPath('404.html')).toBe('/404.html');
  });
});

describe('linksOf and anchorsOf', () => {
  it('finds hrefs (decoding entities), SVG links and a redirect target', () => {
    const html =
      '<a class="x" href="/a/?p=1&amp;q=2">a</a><svg><a xlink:href="#n1">n</a></svg>' +
      '<meta http-equiv="refresh" content="0;url=/questions/race-conditions/">';
    expect(linksOf(html)).toEqual(['/a/?p=1&q=2', '#n1', '/questions/race-conditions/']);
  });

  it('finds ids and names', () => {
    expect(anchorsOf('<h2 id="why-it-matters">x</h2><a name="legacy"></a><g id="n&amp;1"/>')).toEqual(
      new Set(['why-it-matters', 'legacy', 'n&1']),
    );
  });
});

describe('brokenLinks', () => {
  const site = [
    page('index.html', '<a href="/questions/sagas/">ok</a><a href="questions/sagas/#compensation">ok</a>'),
    page('questions/sagas/index.html', '<h1 id="_top">Sagas</h1><h2 id="compensation">C</h2><a href="#_top">top</a>'),
    page('q/9/index.html', '<meta http-equiv="refresh" content="0;url=/questions/sagas/">'),
    { path: 'favicon.svg' },
  ];

  it('accepts links to pages, files, ids, the page itself and other sites', () => {
    const links = page(
      'questions/other/index.html',
      '<a href="../sagas/">up</a><a href="/favicon.svg">icon</a><a href="#">top</a><a href="https://example.com/x#y">out</a>' +
        '<a href="mailto:a@b.c">mail</a><a href="/questions/sagas">no slash</a><a href="/q/9/">short</a>',
    );
    expect(brokenLinks([...site, links])).toEqual([]);
  });

  it('reports a missing page, a missing id, a fragment on a file and a javascript: URL', () => {
    const links = page(
      'questions/other/index.html',
      '<a href="/questions/sagaz/">typo</a><a href="/questions/sagas/#compensations">typo</a>' +
        '<a href="/favicon.svg#x">file</a><a href="javascript:void 0">js</a>',
    );
    expect(brokenLinks([...site, links]).map(({ href, reason }) => [href, reason])).toEqual([
      ['/questions/sagaz/', 'no page at /questions/sagaz/'],
      ['/questions/sagas/#compensations', 'no element with id "compensations" on /questions/sagas/'],
      ['/favicon.svg#x', '#x on a file that is not a page'],
      ['javascript:void 0', 'javascript: URL'],
    ]);
  });

  it('checks a short link’s redirect target', () => {
    const broken = brokenLinks([
      page('q/7/index.html', '<meta http-equiv="refresh" content="0;url=/questions/gone/">'),
    ]);
    expect(broken).toEqual([{ from: '/q/7/', href: '/questions/gone/', reason: 'no page at /questions/gone/' }]);
  });

  it('decodes percent-encoded paths and fragments', () => {
    const files = [
      page('index.html', '<a href="/caf%C3%A9/#%C3%A9t%C3%A9">x</a>'),
      page('café/index.html', '<p id="été">x</p>'),
    ];
    expect(brokenLinks(files)).toEqual([]);
  });

  it('resolves links under a base path', () => {
    const files = [
      page('index.html', '<a href="/docs/questions/sagas/">ok</a><a href="/questions/sagas/">outside the base</a>'),
      page('questions/sagas/index.html', ''),
    ];
    expect(brokenLinks(files, { base: '/docs/' }).map(({ href }) => href)).toEqual(['/questions/sagas/']);
  });
});
