/**
 * Site-absolute links in Markdown (`[Question 6](/questions/idempotent-operations/)`) get the base the
 * site is built for, so pages can link to each other however the site is deployed. Starlight does the
 * same for the sidebar and its components; Markdown links are left to us.
 */
interface UrlNode {
  readonly type: string;
  readonly url: string;
}
interface UrlContext {
  setProperty(node: UrlNode, key: 'url', value: string): void;
}
export interface BaseLinksMdastPlugin {
  name: string;
  link(node: UrlNode, ctx: UrlContext): void;
  definition(node: UrlNode, ctx: UrlContext): void;
  image(node: UrlNode, ctx: UrlContext): void;
}

/** "/questions/x/" under base "/handbook/" → "/handbook/questions/x/"; other URLs as they are. */
export function withBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || base === '/' || url.startsWith(base)) return url;
  return base.replace(/\/$/, '') + url;
}

/** The Sätteri mdast plugin; nothing to do (and not added) when the site is at the root. */
export function baseLinksPlugin(base: string): BaseLinksMdastPlugin {
  const rewrite = (node: UrlNode, ctx: UrlContext) => {
    const url = withBase(node.url, base);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  };
  return { name: 'handbook-base-links', link: rewrite, definition: rewrite, image: rewrite };
}
