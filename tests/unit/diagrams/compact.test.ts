import { describe, expect, it } from 'vitest';
import { compactNumbers } from '../../../src/lib/diagrams/compact';

describe('compactNumbers', () => {
  it('rounds long coordinates in d and points to 1/100 px', () => {
    expect(
      compactNumbers('<path d="M-24.205887262307805 -27 L40.34375 27.004"/><polygon points="0.0012,1.5 2.999,3"/>'),
    ).toBe('<path d="M-24.21 -27 L40.34 27"/><polygon points="0,1.5 3,3"/>');
  });

  it('keeps numbers apart that compact path syntax wrote without separators', () => {
    expect(compactNumbers('<path d="M12.258.001l.256.004-.0001.5"/>')).toBe('<path d="M12.26 0l0.26 0 0 .5"/>');
  });

  it('leaves paths with arcs alone (their flags may be written without separators)', () => {
    const arc = '<path d="M12.2581 2a10.0001 10.0001 0 01.1234 2"/>';
    expect(compactNumbers(arc)).toBe(arc);
  });

  it('leaves other attributes and text alone', () => {
    const svg =
      '<g transform="translate(90.70703125, 71) scale(0.0125)"><rect width="90.70703125"/><text>3.14159</text></g>';
    expect(compactNumbers(svg)).toBe(svg);
  });
});
