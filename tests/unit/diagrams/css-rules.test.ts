import { describe, expect, it } from 'vitest';
import { formatCssRule, splitCssRules, splitSelectorList } from '../../../src/lib/diagrams/css-rules';

describe('splitCssRules', () => {
  it('splits minified CSS into top-level rules, keeping nested blocks whole', () => {
    const css = '#d{font-family:"trebuchet ms",arial;}#d .a,#d .b{fill:#fff;}@keyframes dash{to{stroke-dashoffset:0;}}';
    expect(splitCssRules(css)).toEqual([
      { prelude: '#d', body: 'font-family:"trebuchet ms",arial;' },
      { prelude: '#d .a,#d .b', body: 'fill:#fff;' },
      { prelude: '@keyframes dash', body: 'to{stroke-dashoffset:0;}' },
    ]);
  });

  it('ignores braces inside strings and round-trips', () => {
    const css = '#d .x::after{content:"{";}';
    const rules = splitCssRules(css);
    expect(rules).toEqual([{ prelude: '#d .x::after', body: 'content:"{";' }]);
    expect(rules.map(formatCssRule).join('')).toBe(css);
  });

  it('throws on unbalanced CSS rather than guess', () => {
    expect(() => splitCssRules('#d{fill:red;')).toThrow(/unclosed/);
    expect(() => splitCssRules('#d{fill:red;} stray')).toThrow(/after its last rule/);
  });
});

describe('splitSelectorList', () => {
  it('splits on top-level commas only', () => {
    expect(splitSelectorList('#d .a, #d :is(.b, .c), #d [data-x="1,2"]')).toEqual([
      '#d .a',
      '#d :is(.b, .c)',
      '#d [data-x="1,2"]',
    ]);
  });
});
