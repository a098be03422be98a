/**
 * The link-preview card of a page (og:image): 1200×630, in the site's colours, with the question's
 * number, title and topic. card.ts is the pure layout; render.ts draws it with sharp.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface CardContent {
  /** Small caps line above the title: "Question 15". */
  readonly eyebrow: string;
  readonly title: string;
  /** Shown as a chip at the bottom; omitted on pages without a topic. */
  readonly topic?: string | undefined;
  readonly siteTitle: string;
}

/** Where the title goes: rendered separately (with line wrapping) and laid over the background. */
export const TITLE_BOX = { left: 80, top: 236, width: 1040, height: 250 } as const;
/** Title sizes to try, largest first, until the wrapped title fits TITLE_BOX. */
export const TITLE_SIZES = [64, 58, 52, 46, 40] as const;

export const COLOURS = {
  /** Starlight's dark background and the favicon's navy. */
  backgroundFrom: '#17181c',
  backgroundTo: '#1f3b73',
  accent: '#9cc4ff',
  text: '#ffffff',
  muted: '#c5cfe0',
} as const;

export const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** The topic chip's outline; its text is laid out by Pango (render.ts), which also measures it. */
export const CHIP = { left: 80, top: 520, height: 52, padding: 26, fontSize: 26 } as const;

/**
 * Everything but the title and the topic's text: background, logo, site name, eyebrow and, given the
 * width of the topic's text, the chip's outline.
 */
export function backgroundSvg(card: CardContent, topicTextWidth = 0): string {
  const topic = card.topic
    ? `<rect x="${CHIP.left}" y="${CHIP.top}" width="${topicTextWidth + 2 * CHIP.padding}" height="${CHIP.height}" ` +
      `rx="${CHIP.height / 2}" fill="none" stroke="${COLOURS.accent}" stroke-width="2"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="${FONT}">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0.35" stop-color="${COLOURS.backgroundFrom}"/><stop offset="1" stop-color="${COLOURS.backgroundTo}"/>` +
    `</linearGradient></defs>` +
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="url(#bg)"/>` +
    `<rect width="12" height="${OG_HEIGHT}" fill="${COLOURS.accent}"/>` +
    // The favicon's cube, 64 px.
    `<g transform="translate(80 64) scale(2)">` +
    `<rect width="32" height="32" rx="6" fill="${COLOURS.backgroundTo}"/>` +
    `<path d="M8 23V11l8-4 8 4v12l-8 4z" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>` +
    `<path d="M8 11l8 4 8-4M16 15v12" fill="none" stroke="${COLOURS.accent}" stroke-width="2" stroke-linejoin="round"/></g>` +
    `<text x="164" y="107" font-size="30" font-weight="bold" fill="${COLOURS.muted}">${escapeXml(card.siteTitle)}</text>` +
    `<text x="80" y="206" font-size="28" font-weight="bold" letter-spacing="3" fill="${COLOURS.accent}">${escapeXml(card.eyebrow.toUpperCase())}</text>` +
    topic +
    `</svg>`
  );
}

/** Text as Pango markup (sharp's text renderer, at 72 dpi, so 1 pt = 1 px). */
export function pangoMarkup(text: string, size: number, colour: string, bold = false): string {
  const weight = bold ? ' font_weight="bold"' : '';
  return `<span font_family="Liberation Sans"${weight} font_size="${size * 1024}" foreground="${colour}">${escapeXml(text)}</span>`;
}
