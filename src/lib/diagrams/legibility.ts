/**
 * Keeps colours that authors set with `classDef` / `style` legible in both themes. Mermaid takes the text
 * colour from the theme (dark in light mode, light in dark mode), so a light `fill` without a `color`
 * gives light-on-light text in dark mode. For every such statement we add the text colour that contrasts
 * with the fill. Lines keep their numbers, so mermaid's error positions still point at the source.
 */
export function ensureLegibleColours(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      const match = /^(\s*(?:classDef\s+\S+|style\s+\S+)\s+)(\S.*?)(\s*;?\s*)$/.exec(line);
      if (!match) return line;
      const [, head, styles, tail] = match as unknown as [string, string, string, string];
      const declarations = styles.split(/,(?![^(]*\))/).map((d) => d.trim());
      const get = (property: string) =>
        declarations
          .find((d) => d.toLowerCase().startsWith(`${property}:`))
          ?.slice(property.length + 1)
          .trim();
      const fill = get('fill');
      if (fill === undefined || get('color') !== undefined) return line;
      const rgb = parseColour(fill);
      if (!rgb) return line;
      return `${head}${styles},color:${textColourOn(rgb)}${tail}`;
    })
    .join('\n');
}

/** Near-black on light fills, white on dark ones (WCAG relative luminance). */
export function textColourOn([r, g, b]: readonly [number, number, number]): string {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  // The luminance where black and white text contrast equally with the fill.
  return luminance > 0.179 ? '#1b1b1f' : '#ffffff';
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`/`rgba(…)` → [r, g, b]; anything else → undefined. */
export function parseColour(value: string): [number, number, number] | undefined {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const named: Record<string, [number, number, number]> = {
    white: [255, 255, 255],
    black: [0, 0, 0],
    red: [255, 0, 0],
    green: [0, 128, 0],
    blue: [0, 0, 255],
    yellow: [255, 255, 0],
    orange: [255, 165, 0],
    gray: [128, 128, 128],
    grey: [128, 128, 128],
    lightgray: [211, 211, 211],
    lightgrey: [211, 211, 211],
    pink: [255, 192, 203],
  };
  return named[v];
}
