// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import diagrams from './src/lib/diagrams/integration.ts';
import deepLinks from './src/lib/links/integration.ts';
import { pagefindIgnoreCode } from './src/lib/search/pagefind-ignore-code.ts';
import cspInlineHashes from './src/lib/csp/integration.ts';
import printInLight from './src/lib/print/integration.ts';
import { contentSecurityPolicy } from './src/lib/csp/policy.ts';
import { byTopic, questionPath } from './src/lib/catalogue.ts';
import { SITE_TITLE, siteLocation } from './src/lib/site.ts';
import { sandpackSlim } from './src/lib/build/sandpack-slim.ts';
import { devSandboxFiles } from './src/lib/build/dev-sandbox-files.ts';

// SITE_URL (the public origin) and BASE_PATH (the path the site is served under, "/" by default):
// the same sources build for a domain root or for a GitHub Pages project site (/<repository>/).
const { site, base } = siteLocation(process.env);

/** Sandpack dependencies the TypeScript-only editor never uses (see the stubs' comments). */
const editorStubs = Object.fromEntries(
  ['lang-html', 'lang-css'].map((name) => [
    `@codemirror/${name}`,
    fileURLToPath(new URL(`./src/components/playground/stubs/${name}.ts`, import.meta.url)),
  ]),
);
for (const name of ['intersection-observer', 'anser'])
  editorStubs[name] = fileURLToPath(new URL(`./src/components/playground/stubs/${name}.ts`, import.meta.url));

export default defineConfig({
  site,
  base,
  // sandpackSlim: Sandpack's framework starter templates, which a playground never reaches, stay out too.
  // devSandboxFiles: in `astro dev`, the sandbox frame (an opaque origin) may load its own script.
  vite: { resolve: { alias: editorStubs }, plugins: [sandpackSlim(), devSandboxFiles()] },
  // Content Security Policy: src/lib/csp/policy.ts (the inline-script hashes come from cspInlineHashes).
  security: { csp: contentSecurityPolicy },
  integrations: [
    // ```mermaid blocks → inline SVG at build time (before Starlight, whose Expressive Code must not see them).
    diagrams(),
    // Explicit heading ids ({/* #id */}), search weights of headings, Markdown links under the base,
    // copyable anchor and short links (src/lib/links/).
    deepLinks(),
    // Starlight uses this one instead of its own: the short-link pages (/q/<n>/) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/q\/\d+\/$/.test(new URL(page).pathname) }),
    starlight({
      title: SITE_TITLE,
      description:
        'Twenty-four software-architecture interview questions with complete answers, diagrams and runnable playgrounds.',
      customCss: ['./src/styles/custom.css', './src/styles/diagrams.css', './src/styles/print.css'],
      routeMiddleware: './src/route-middleware.ts',
      // Search excerpts come from prose: code blocks are not indexed (README, Search).
      expressiveCode: { plugins: [pagefindIgnoreCode()] },
      // Search loads Pagefind's UI on first use and names its button by its visible text.
      components: {
        Search: './src/components/starlight/Search.astro',
        // The title (weighted for search) and, on question pages, the short link.
        PageTitle: './src/components/starlight/PageTitle.astro',
      },
      sidebar: byTopic().map(({ topic, entries }) => ({
        label: topic,
        items: entries.map((q) => ({ slug: questionPath(q.slug), label: `${q.n}. ${q.label}` })),
      })),
      lastUpdated: false,
      pagination: true,
    }),
    react(),
    printInLight(),
    cspInlineHashes(),
  ],
});
