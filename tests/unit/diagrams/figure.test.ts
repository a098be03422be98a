import { describe, expect, it } from 'vitest';
import { figureHtml } from '../../../src/lib/diagrams/figure';

const base = {
  id: 'dg-1',
  caption: 'Reads <hit> the cache & fall back.',
  title: 'Read path',
  width: 320.5,
  height: 200,
};

describe('figureHtml', () => {
  it('wraps one theme-following SVG with its caption and an expand button named after the diagram', () => {
    const html = figureHtml({ ...base, svg: { both: '<svg id="dg-1"></svg>' } });
    expect(html).toBe(
      '<figure class="diagram not-content" id="figure-dg-1" data-width="320.5" data-height="200">' +
        '<div class="diagram__canvas"><svg id="dg-1"></svg></div>' +
        '<figcaption class="diagram__caption">Reads &lt;hit&gt; the cache &amp; fall back.</figcaption>' +
        '<button type="button" class="diagram__expand" aria-label="Expand diagram: Read path" title="Expand diagram" data-pagefind-ignore>' +
        html.match(/<svg aria-hidden="true"[\s\S]*?<\/svg>/)![0] +
        '</button></figure>',
    );
  });

  it('ships two drawings switched by theme, and only the light one is indexed', () => {
    const html = figureHtml({ ...base, svg: { light: '<svg id="dg-1"></svg>', dark: '<svg id="dg-1-dark"></svg>' } });
    expect(html).toContain('<div class="diagram__theme diagram__theme--light"><svg id="dg-1"></svg></div>');
    expect(html).toContain(
      '<div class="diagram__theme diagram__theme--dark" data-pagefind-ignore><svg id="dg-1-dark"></svg></div>',
    );
  });
});
