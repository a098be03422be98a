/** A diagram ready for the page: one SVG that follows the theme, or one drawing per theme. */
export type DiagramSvg = { readonly both: string } | { readonly light: string; readonly dark: string };

export interface FigureInput {
  readonly id: string;
  readonly svg: DiagramSvg;
  /** Plain text (a ``` fence's info string cannot hold backticks anyway). */
  readonly caption: string;
  /** The diagram's accTitle, to tell the expand buttons of a page apart. */
  readonly title: string;
  /** Natural size in CSS pixels, for the full-size view. */
  readonly width: number;
  readonly height: number;
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const EXPAND_ICON =
  '<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" ' +
  'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7"/></svg>';

/**
 * The figure a ```mermaid block becomes. A theme-switching SVG is shown as is; two drawings are switched
 * by CSS on `:root[data-theme]`, and only the light one is indexed by Pagefind. The expand button is
 * wired up by the diagram viewer script.
 */
export function figureHtml(input: FigureInput): string {
  const size = `data-width="${round(input.width)}" data-height="${round(input.height)}"`;
  const drawings =
    'both' in input.svg
      ? input.svg.both
      : `<div class="diagram__theme diagram__theme--light">${input.svg.light}</div>` +
        `<div class="diagram__theme diagram__theme--dark" data-pagefind-ignore>${input.svg.dark}</div>`;
  return (
    `<figure class="diagram not-content" id="figure-${input.id}" ${size}>` +
    `<div class="diagram__canvas">${drawings}</div>` +
    `<figcaption class="diagram__caption">${escapeHtml(input.caption)}</figcaption>` +
    `<button type="button" class="diagram__expand" aria-label="${escapeHtml(`Expand diagram: ${input.title}`)}" ` +
    `title="Expand diagram" data-pagefind-ignore>${EXPAND_ICON}</button>` +
    `</figure>`
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
