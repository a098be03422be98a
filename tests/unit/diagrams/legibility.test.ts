import { describe, expect, it } from 'vitest';
import { ensureLegibleColours, parseColour, textColourOn } from '../../../src/lib/diagrams/legibility';

describe('ensureLegibleColours', () => {
  it('gives a light classDef fill dark text, so it stays legible in dark mode', () => {
    expect(ensureLegibleColours('  classDef hot fill:#fde2e1,stroke:#b42318')).toBe(
      '  classDef hot fill:#fde2e1,stroke:#b42318,color:#1b1b1f',
    );
  });

  it('gives a dark fill white text, and handles style statements and rgb() with commas', () => {
    expect(ensureLegibleColours('style db fill:#1f2937')).toBe('style db fill:#1f2937,color:#ffffff');
    expect(ensureLegibleColours('classDef a fill:rgb(200, 230, 255),stroke:#333;')).toBe(
      'classDef a fill:rgb(200, 230, 255),stroke:#333,color:#1b1b1f;',
    );
  });

  it('leaves statements alone that set a colour, have no fill, or a fill it cannot read', () => {
    const untouched = [
      'classDef hot fill:#fde2e1,color:#3b0a06',
      'classDef edge stroke:#b42318,stroke-width:2px',
      'classDef v fill:var(--x)',
      'A[fill:#fff] --> B',
    ];
    for (const line of untouched) expect(ensureLegibleColours(line)).toBe(line);
  });

  it('keeps every line where it was (mermaid reports errors by line)', () => {
    const source = 'flowchart TB\n  A --> B\n  classDef x fill:#fff\n  class A x';
    expect(ensureLegibleColours(source).split('\n')).toHaveLength(4);
  });
});

describe('colours', () => {
  it('parses hex, rgb() and a few names', () => {
    expect(parseColour('#fff')).toEqual([255, 255, 255]);
    expect(parseColour('#B42318')).toEqual([180, 35, 24]);
    expect(parseColour('#b4231880')).toEqual([180, 35, 24]);
    expect(parseColour('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3]);
    expect(parseColour('white')).toEqual([255, 255, 255]);
    expect(parseColour('hsl(1, 2%, 3%)')).toBeUndefined();
  });

  it('picks the text colour with the higher contrast', () => {
    expect(textColourOn([255, 255, 255])).toBe('#1b1b1f');
    expect(textColourOn([255, 242, 204])).toBe('#1b1b1f');
    expect(textColourOn([0, 0, 0])).toBe('#ffffff');
    expect(textColourOn([180, 35, 24])).toBe('#ffffff');
  });
});
