import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { previewTags, withTags } from './lib/link-preview';
import { normaliseBase, SITE_TITLE, siteLocation } from './lib/site';

/**
 * Fails the build when a question page lacks the fields the sidebar, landing page and tests rely on, and
 * adds the link-preview tags (card image, short link) to every page's head.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { entry } = route;
  if (entry.id.startsWith('questions/')) {
    const missing = (['question', 'topic'] as const).filter((field) => entry.data[field] === undefined);
    if (missing.length > 0) {
      throw new Error(
        `${entry.filePath ?? entry.id}: frontmatter is missing ${missing.map((f) => `"${f}"`).join(' and ')}`,
      );
    }
  }
  const location = {
    site: context.site?.origin ?? siteLocation({}).site,
    base: normaliseBase(import.meta.env.BASE_URL),
  };
  // Pages that are not content entries (the 404 page) show the landing page's card.
  const isEntry = !(entry.id === '404' || entry.id.endsWith('/404'));
  const page = isEntry
    ? { id: entry.id || 'index', title: entry.data.title, question: entry.data.question, topic: entry.data.topic }
    : { id: 'index', title: SITE_TITLE };
  route.head = withTags(route.head, previewTags(page, location));
});
