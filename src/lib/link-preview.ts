/**
 * Link previews: the tags that make a pasted URL unfurl with the page's title, summary and card image.
 * Starlight already writes og:title, og:description (the frontmatter description), og:url, canonical and
 * twitter:card; these add the card image, and the short link of a question.
 */
import type { CardContent } from './og/card.ts';
import { OG_HEIGHT, OG_WIDTH } from './og/card.ts';
import { absoluteUrl, type SiteLocation } from './site.ts';

export interface HeadTag {
  readonly tag: 'meta' | 'link';
  readonly attrs: Record<string, string>;
}

export interface PreviewPage {
  /** The docs entry id: "questions/caching-layers", "index". */
  readonly id: string;
  readonly title: string;
  readonly question?: number | undefined;
  readonly topic?: string | undefined;
}

/** The card image's path inside the site: "og/questions/caching-layers.png". */
export const ogImagePath = (id: string): string => `og/${id}.png`;

/** The short link's path inside the site: "q/7/". */
export const shortLinkPath = (n: number): string => `q/${n}/`;

export function cardFor(page: PreviewPage, siteTitle: string): CardContent {
  return page.question === undefined
    ? { eyebrow: 'Software architecture', title: page.title, siteTitle }
    : { eyebrow: `Question ${page.question}`, title: page.title, topic: page.topic, siteTitle };
}

/** The head tags a page adds to Starlight's, with absolute URLs from the configured site and base. */
export function previewTags(page: PreviewPage, location: SiteLocation): HeadTag[] {
  const image = absoluteUrl(location, ogImagePath(page.id));
  const alt = page.question === undefined ? page.title : `Question ${page.question}: ${page.title}`;
  const tags: HeadTag[] = [
    { tag: 'meta', attrs: { property: 'og:image', content: image } },
    { tag: 'meta', attrs: { property: 'og:image:type', content: 'image/png' } },
    { tag: 'meta', attrs: { property: 'og:image:width', content: String(OG_WIDTH) } },
    { tag: 'meta', attrs: { property: 'og:image:height', content: String(OG_HEIGHT) } },
    { tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
    { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
    { tag: 'meta', attrs: { name: 'twitter:image', content: image } },
    { tag: 'meta', attrs: { name: 'twitter:image:alt', content: alt } },
  ];
  if (page.question !== undefined) {
    tags.push({ tag: 'link', attrs: { rel: 'shortlink', href: absoluteUrl(location, shortLinkPath(page.question)) } });
    if (page.topic) tags.push({ tag: 'meta', attrs: { property: 'article:section', content: page.topic } });
  }
  return tags;
}

interface HeadEntry {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string | boolean | undefined>> | undefined;
}

/** What makes two head tags the same tag: a meta's property or name, a link's rel. */
const tagKey = (entry: HeadEntry): string | undefined =>
  entry.tag === 'meta'
    ? `meta:${entry.attrs?.['property'] ?? entry.attrs?.['name']}`
    : entry.tag === 'link'
      ? `link:${entry.attrs?.['rel']}`
      : undefined;

/** `head` with `tags` added; a tag replaces an existing one with the same property, name or rel. */
export function withTags<T extends HeadEntry>(head: readonly T[], tags: readonly HeadTag[]): (T | HeadTag)[] {
  const replaced = new Set(tags.map(tagKey));
  return [...head.filter((entry) => !replaced.has(tagKey(entry))), ...tags];
}
