// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { byTopic, CATALOGUE, questionPath } from './src/lib/catalogue.ts';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Short links for wikis: /q/7/ → /questions/race-conditions/ (static redirect pages).
  redirects: Object.fromEntries(CATALOGUE.map((q) => [`/q/${q.n}`, `/${questionPath(q.slug)}/`])),
  integrations: [
    starlight({
      title: 'The Architecture Handbook',
      description:
        'Twenty-four software-architecture interview questions with complete answers, diagrams and runnable playgrounds.',
      customCss: ['./src/styles/custom.css'],
      routeMiddleware: './src/route-middleware.ts',
      sidebar: byTopic().map(({ topic, entries }) => ({
        label: topic,
        items: entries.map((q) => ({ slug: questionPath(q.slug), label: `${q.n}. ${q.label}` })),
      })),
      lastUpdated: false,
      pagination: true,
    }),
    react(),
  ],
});
