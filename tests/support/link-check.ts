/**
 * A link checker over a built site: every internal link (`<a href>`, and the target of a redirect page's
 * `<meta http-equiv="refresh">`) must reach a file of the site, and its `#fragment` an element id of the
 * page it reaches. Pure: give it the site's files; tests/e2e/links.spec.ts reads them from dist/.
 */

/** A built file: its path relative to the site root with forward slashes (`questions/sagas/index.html`). */
export interface SiteFile {
  readonly path: string;
  /** The file's text for HTML files; undefined for any other file, whose existence is all that matters. */
  readonly html?: string | undefined;
}

export interface Link {
  /** The URL path of the page that holds the link (`/questions/sagas/`). */
  readonly from: string;
  readonly href: string;
}

export interface BrokenLink extends Link {
  readonly reason: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The URL path a built file is served at: `questions/sagas/index.html` → `/questions/sagas/`. */
export function urlPath(filePath: string): string {
  return `/${filePath}`.replace(/(^|\/)index\.html$/, '$1');
}

/** The links of a page, in document order: `<a href>` (also in SVG) and a meta refresh's target. */
export function linksOf(html: string): string[] {
  const links = [...html.matchAll(/<a\b[^>]*?\s(?:xlink:)?href\s*=\s*"([^"]*)"/gi)].map(([, href]) =>
    decodeEntities(href!),
  );
  const refresh = /<meta\s+http-equiv="refresh"\s+content="[^"]*?url=([^"]+)"/i.exec(html)?.[1];
  if (refresh) links.push(decodeEntities(refresh));
  return links;
}

/** Every id (and legacy `<a name>`) a fragment can point at. */
export function anchorsOf(html: string): Set<string> {
  const ids = [...html.matchAll(/<[a-z][\w:-]*\b[^>]*?\s(?:id|name)\s*=\s*"([^"]*)"/gi)].map(([, id]) =>
    decodeEntities(id!),
  );
  return new Set(ids);
}

/**
 * The links that do not resolve. Links to other origins, `mailto:` and the like are not checked; a link
 * to this site's `origin` (an absolute URL to itself) is. `base` is the site's base path (`/` or `/docs/`).
 */
export function brokenLinks(
  files: readonly SiteFile[],
  options: { origin?: string; base?: string } = {},
): BrokenLink[] {
  const origin = options.origin ?? 'http://site.invalid';
  const base = options.base ?? '/';
  const byPath = new Map(files.map((file) => [`${base}${file.path}`.replace(/\/{2,}/g, '/'), file]));
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (file: SiteFile) => {
    let set = anchors.get(file.path);
    if (!set) anchors.set(file.path, (set = anchorsOf(file.html ?? '')));
    return set;
  };
  /** The file a URL path is served from, the way static hosts resolve it. */
  const resolve = (pathname: string): SiteFile | undefined =>
    byPath.get(pathname) ??
    byPath.get(pathname.endsWith('/') ? `${pathname}index.html` : `${pathname}/index.html`) ??
    byPath.get(`${pathname}.html`);

  const broken: BrokenLink[] = [];
  for (const file of files) {
    if (file.html === undefined) continue;
    const from = `${base}${urlPath(file.path)}`.replace(/\/{2,}/g, '/');
    for (const href of linksOf(file.html)) {
      const report = (reason: string) => broken.push({ from, href, reason });
      if (/^javascript:/i.test(href.trim())) {
        report('javascript: URL');
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, origin + from);
      } catch {
        report('not a valid URL');
        continue;
      }
      if (url.origin !== origin) continue;
      const target = resolve(decodeURIComponent(url.pathname));
      if (!target) {
        report(`no page at ${url.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment === '' || fragment === 'top') continue;
      if (target.html === undefined) {
        report(`#${fragment} on a file that is not a page`);
      } else if (!anchorsFor(target).has(fragment)) {
        report(`no element with id "${fragment}" on ${url.pathname}`);
      }
    }
  }
  return broken;
}
