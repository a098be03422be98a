/**
 * Rounds the coordinates in path data and polygon points to 1/100 px (transforms keep theirs: a scale
 * factor needs every digit). Mermaid writes them
 * with up to 17 significant digits (a cylinder's outline alone can be 10 KB); a hundredth of a pixel is
 * far below what any screen shows, and the SVG shrinks by a third or more.
 */
export function compactNumbers(svg: string): string {
  return svg.replace(/\s(d|points)="([^"]*)"/g, (whole, name: string, value: string) =>
    // Arc flags may be written without separators (`a1 1 0 01.5 2`): rather than parse them, leave arcs be.
    name === 'd' && /[aA]/.test(value) ? whole : ` ${name}="${roundAll(value)}"`,
  );
}

/** One number of SVG path syntax, which may follow another with no separator: `12.258.001-.5`. */
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

function roundAll(value: string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(NUMBER)) {
    const between = value.slice(last, match.index);
    const number = match[0];
    const text = /\.\d{3}/.test(number) ? round(number) : number;
    // Keep numbers apart that touched: `12.258.001` must not become `12.260`.
    const separator = between === '' && /[\d.]$/.test(out) && !/^[+-]/.test(text) ? ' ' : '';
    out += between + separator + text;
    last = match.index + number.length;
  }
  return out + value.slice(last);
}

function round(number: string): string {
  const rounded = Math.round(Number(number) * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
