import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** Fails the build when a question page lacks the fields the sidebar, landing page and tests rely on. */
export const onRequest = defineRouteMiddleware((context) => {
  const { entry } = context.locals.starlightRoute;
  if (!entry.id.startsWith('questions/')) return;
  const missing = (['question', 'topic'] as const).filter((field) => entry.data[field] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `${entry.filePath ?? entry.id}: frontmatter is missing ${missing.map((f) => `"${f}"`).join(' and ')}`,
    );
  }
});
