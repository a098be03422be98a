import { describe, expect, it } from 'vitest';
import { changedDeclarations, DARK_SCOPE, mergeThemeSvgs, tokenize } from '../../../src/lib/diagrams/theme-merge';

const svg = (style: string, body: string, id = 'dg-1') =>
  `<svg id="${id}" viewBox="0 0 10 10"><style>${style}</style>${body}</svg>`;
const where = `:where(${DARK_SCOPE})`;

describe('mergeThemeSvgs', () => {
  it('returns the light drawing when both are the same', () => {
    const light = svg('#dg-1 .a{fill:#fff;}', '<g><rect class="a"></rect></g>');
    expect(mergeThemeSvgs(light, light, 'dg-1')).toEqual({ ok: true, svg: light });
  });

  it('follows a rule that changes with its dark twin, same specificity, only the changed declarations', () => {
    const light = svg('#dg-1 .a{fill:#fff;stroke:#000;}#dg-1 .b{fill:red;}', '<rect class="a"></rect>');
    const dark = svg('#dg-1 .a{fill:#111;stroke:#000;}#dg-1 .b{fill:red;}', '<rect class="a"></rect>');
    expect(mergeThemeSvgs(light, dark, 'dg-1')).toEqual({
      ok: true,
      svg: svg(
        `#dg-1 .a{fill:#fff;stroke:#000;}${where} #dg-1 .a{fill:#111}#dg-1 .b{fill:red;}`,
        '<rect class="a"></rect>',
      ),
    });
  });

  it('turns a paint attribute that changes into a zero-specificity dark rule', () => {
    const light = svg('', '<rect fill="#ECECFF" x="1"></rect><feDropShadow flood-color="#000"/>');
    const dark = svg('', '<rect fill="#1f2020" x="1"></rect><feDropShadow flood-color="#FFF"/>');
    expect(mergeThemeSvgs(light, dark, 'dg-1')).toEqual({
      ok: true,
      svg: svg(
        `:where(${DARK_SCOPE} #dg-1 [data-dark="1"]){fill:#1f2020}:where(${DARK_SCOPE} #dg-1 [data-dark="2"]){flood-color:#FFF}`,
        '<rect fill="#ECECFF" x="1" data-dark="1"></rect><feDropShadow flood-color="#000" data-dark="2"/>',
      ),
    });
  });

  it('overrides an inline style declaration with !important (still below mermaid’s !important rules)', () => {
    const light = svg('', '<path style="fill:#fff5ad;stroke:none"></path>');
    const dark = svg('', '<path style="fill:hsl(180, 1.5%, 28%);stroke:none"></path>');
    const merged = mergeThemeSvgs(light, dark, 'dg-1');
    expect(merged.ok && merged.svg).toContain(
      `:where(${DARK_SCOPE} #dg-1 [data-dark="1"]){fill:hsl(180, 1.5%, 28%)!important}`,
    );
  });

  it('ignores a paint attribute that an inline style of the same property hides', () => {
    const light = svg('', '<rect fill="#fff" style="fill:red"></rect>');
    const dark = svg('', '<rect fill="#000" style="fill:red"></rect>');
    expect(mergeThemeSvgs(light, dark, 'dg-1')).toEqual({ ok: true, svg: light });
  });

  it('rewrites the dark drawing’s id and keeps a gradient only the dark drawing defines', () => {
    const light = svg('#dg-1 .a{fill:#fff;}', '<rect class="a"></rect>');
    const dark = svg(
      '#dg-1-dark .a{fill:#000;}',
      '<rect class="a"></rect><linearGradient id="dg-1-dark-gradient"><stop stop-color="#ccc"></stop></linearGradient>',
      'dg-1-dark',
    );
    const merged = mergeThemeSvgs(light, dark, 'dg-1', 'dg-1-dark');
    expect(merged.ok && merged.svg).toBe(
      svg(
        `#dg-1 .a{fill:#fff;}${where} #dg-1 .a{fill:#000}`,
        '<rect class="a"></rect><linearGradient id="dg-1-gradient"><stop stop-color="#ccc"></stop></linearGradient>',
      ),
    );
  });

  it('scopes a rule only one sheet has to its theme, in its place', () => {
    const light = svg('#dg-1 .a{fill:#fff;}', '<g></g>');
    const dark = svg('#dg-1 .a{fill:#fff;}#dg-1 .neo{stroke:#ccc;}', '<g></g>');
    const merged = mergeThemeSvgs(light, dark, 'dg-1');
    expect(merged.ok && merged.svg).toContain(`#dg-1 .a{fill:#fff;}${where} #dg-1 .neo{stroke:#ccc;}`);
  });

  it('refuses what CSS cannot express: geometry, text, unscoped rules', () => {
    const base = svg('#dg-1 .a{fill:#fff;}', '<rect width="10"></rect><text>A</text>');
    expect(mergeThemeSvgs(base, svg('#dg-1 .a{fill:#fff;}', '<rect width="12"></rect><text>A</text>'), 'dg-1')).toEqual(
      {
        ok: false,
        reason: '<rect> attribute "width" differs',
      },
    );
    expect(mergeThemeSvgs(base, svg('#dg-1 .a{fill:#fff;}', '<rect width="10"></rect><text>B</text>'), 'dg-1').ok).toBe(
      false,
    );
    expect(mergeThemeSvgs(svg('.a{fill:#fff;}', ''), svg('.a{fill:#000;}', ''), 'dg-1').ok).toBe(false);
    expect(
      mergeThemeSvgs(svg('', '<rect style="width:1px"></rect>'), svg('', '<rect style="width:2px"></rect>'), 'dg-1').ok,
    ).toBe(false);
  });
});

describe('helpers', () => {
  it('tokenize keeps quoted > inside attributes', () => {
    expect(tokenize('<g data-x="a>b"><text>1 &lt; 2</text></g>')).toEqual([
      '<g data-x="a>b">',
      '<text>',
      '1 &lt; 2',
      '</text>',
      '</g>',
    ]);
  });

  it('changedDeclarations falls back to the whole body when the properties differ', () => {
    expect(changedDeclarations('fill:#fff;stroke:#000;', 'fill:#111;stroke:#000;')).toBe('fill:#111');
    expect(changedDeclarations('fill:#fff;', 'fill:#111;stroke:#000;')).toBe('fill:#111;stroke:#000;');
  });
});
