/**
 * Where the site is published: its origin (`SITE_URL`) and the path it lives under (`BASE_PATH`), so one
 * build works at a domain root (https://handbook.example.com/) or under a path (a GitHub Pages project
 * site, https://me.github.io/handbook/). Absolute URLs (canonical, Open Graph, sitemap) come from here.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export const SITE_TITLE = 'The Architecture Handbook';

export interface SiteLocation {
  /** Origin only, no trailing slash: "https://me.github.io". */
  readonly site: string;
  /** Always starts and ends with "/": "/" or "/handbook/". */
  readonly base: string;
}

/**
 * Reads SITE_URL and BASE_PATH. SITE_URL may carry the path itself (https://me.github.io/handbook)
 * when BASE_PATH is unset. Throws with the variable's name when a value cannot be used.
 */
export function siteLocation(env: Readonly<Record<string, string | undefined>>): SiteLocation {
  const rawSite = env['SITE_URL']?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL such as https://handbook.example.com, not "${rawSite}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must be an http(s) URL, not "${rawSite}"`);
  }
  if (url.search || url.hash) throw new Error(`SITE_URL must not have a query or a fragment: "${rawSite}"`);
  const rawBase = env['BASE_PATH']?.trim();
  return { site: url.origin, base: normaliseBase(rawBase ? rawBase : url.pathname) };
}

/** "handbook", "/handbook", "/handbook/" → "/handbook/"; "" or "/" → "/". */
export function normaliseBase(path: string): string {
  const segments = path.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new Error(`BASE_PATH must be a plain URL path such as /handbook/, not "${path}"`);
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** An absolute URL for a path inside the site: ("https://x.dev", "/handbook/", "q/7/") → "https://x.dev/handbook/q/7/". */
export function absoluteUrl(location: SiteLocation, path: string): string {
  return location.site + location.base + path.replace(/^\//, '');
}
