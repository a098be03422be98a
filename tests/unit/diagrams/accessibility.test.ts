import { describe, expect, it } from 'vitest';
import { readAccessibleText, withAccessibleText } from '../../../src/lib/diagrams/accessibility';

describe('readAccessibleText', () => {
  it('reads single-line accTitle and accDescr', () => {
    expect(readAccessibleText('flowchart TB\n  accTitle: Lost update\n  accDescr: Two buyers.\n  A --> B')).toEqual({
      title: 'Lost update',
      description: 'Two buyers.',
    });
  });

  it('reads a multi-line accDescr block', () => {
    expect(readAccessibleText('timeline\n  accDescr {\n    Expand first,\n    then contract.\n  }')).toEqual({
      description: 'Expand first, then contract.',
    });
  });
});

describe('withAccessibleText', () => {
  const bare = '<svg id="dg-1" viewBox="0 0 10 10"><g></g></svg>';

  it('adds <title>/<desc> and the aria references when mermaid left them out', () => {
    expect(withAccessibleText(bare, 'dg-1', { title: 'A & B', description: 'D' })).toBe(
      '<svg id="dg-1" viewBox="0 0 10 10" aria-labelledby="chart-title-dg-1" aria-describedby="chart-desc-dg-1">' +
        '<title id="chart-title-dg-1">A &amp; B</title><desc id="chart-desc-dg-1">D</desc><g></g></svg>',
    );
  });

  it('keeps what mermaid wrote', () => {
    const drawn = '<svg id="dg-1" aria-labelledby="t"><title id="t">Mine</title><desc>Mine too</desc></svg>';
    expect(withAccessibleText(drawn, 'dg-1', { title: 'Other', description: 'Other' })).toBe(drawn);
  });
});
