// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import diagrams from './src/lib/diagrams/integration.ts';
import { byTopic, CATALOGUE, questionPath } from './src/lib/catalogue.ts';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

/** Sandpack dependencies the TypeScript-only editor never uses (see the stubs' comments). */
const editorStubs = Object.fromEntries(
  ['lang-html', 'lang-css'].map((name) => [
    `@codemirror/${name}`,
    fileURLToPath(new URL(`./src/components/playground/stubs/${name}.ts`, import.meta.url)),
  ]),
);
editorStubs['intersection-observer'] = fileURLToPath(
  new URL('./src/components/playground/stubs/intersection-observer.ts', import.meta.url),
);

export default defineConfig({
  site,
  vite: { resolve: { alias: editorStubs } },
  // Short links for wikis: /q/7/ → /questions/race-conditions/ (static redirect pages).
  redirects: Object.fromEntries(CATALOGUE.map((q) => [`/q/${q.n}`, `/${questionPath(q.slug)}/`])),
  integrations: [
    // ```mermaid blocks → inline SVG at build time (before Starlight, whose Expressive Code must not see them).
    diagrams(),
    starlight({
      title: 'The Architecture Handbook',
      description:
        'Twenty-four software-architecture interview questions with complete answers, diagrams and runnable playgrounds.',
      customCss: ['./src/styles/custom.css', './src/styles/diagrams.css'],
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
