import { escapeHtml } from './figure.ts';

export interface AccessibleText {
  readonly title?: string;
  readonly description?: string;
}

/** `accTitle: …` and `accDescr: …` (or `accDescr { … }` over several lines) from a diagram's source. */
export function readAccessibleText(source: string): AccessibleText {
  const title = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const single = /^\s*accDescr\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const block = /^\s*accDescr\s*\{([^}]*)\}/m.exec(source)?.[1];
  const description =
    single ??
    block
      ?.split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ');
  return { ...(title ? { title } : {}), ...(description ? { description } : {}) };
}

/**
 * Gives the SVG the <title>/<desc> that mermaid writes for most diagram types but skips for some
 * (timeline, mindmap, pie, gitGraph, architecture), from the same accTitle/accDescr, with the ids and
 * aria attributes mermaid would use.
 */
export function withAccessibleText(svg: string, id: string, text: AccessibleText): string {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open) return svg;
  let tag = open;
  let inserted = '';
  if (text.title && !/<title[\s>]/.test(svg)) {
    inserted += `<title id="chart-title-${id}">${escapeHtml(text.title)}</title>`;
    if (!/\saria-labelledby=/.test(tag)) tag = tag.replace(/>$/, ` aria-labelledby="chart-title-${id}">`);
  }
  if (text.description && !/<desc[\s>]/.test(svg)) {
    inserted += `<desc id="chart-desc-${id}">${escapeHtml(text.description)}</desc>`;
    if (!/\saria-describedby=/.test(tag)) tag = tag.replace(/>$/, ` aria-describedby="chart-desc-${id}">`);
  }
  return inserted ? tag + inserted + svg.slice(open.length) : svg;
}
