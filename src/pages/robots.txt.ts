import type { APIRoute } from 'astro';
import { normaliseBase } from '../lib/site';

/** Everything may be crawled; the sitemap is at the site's base. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${normaliseBase(import.meta.env.BASE_URL)}sitemap-index.xml`, site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
