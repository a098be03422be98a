import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts';
import { createDiagramDrawer, type DiagramDrawer } from './draw.ts';
import { mermaidPlugin } from './plugin.ts';

export interface DiagramsOptions {
  /** Chromium for drawing; default: $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. */
  readonly executablePath?: string | undefined;
  /** Keep mermaid's output between builds (in Astro's cacheDir). Default: on, unless DIAGRAM_CACHE=off. */
  readonly cache?: boolean;
}

/**
 * Mermaid diagrams drawn at build time. Adds the ```mermaid plugin to Astro's Sätteri Markdown processor
 * (which @astrojs/mdx uses too), the diagram viewer script to every page, and closes the build's one
 * Chromium when the build (or dev server) is done, so the process can exit.
 */
export default function diagrams(options: DiagramsOptions = {}): AstroIntegration {
  let drawer: DiagramDrawer | undefined;
  let started = 0;

  return {
    name: 'handbook-diagrams',
    hooks: {
      'astro:config:setup': ({ config, injectScript, logger }) => {
        const processor = config.markdown.processor as
          { name?: string; options?: { mdastPlugins?: unknown } } | undefined;
        const plugins = processor?.options?.mdastPlugins;
        if (processor?.name !== 'satteri' || !Array.isArray(plugins)) {
          throw new Error(`diagrams: markdown.processor must be Sätteri (Astro's default), not "${processor?.name}"`);
        }
        const cache = options.cache ?? process.env['DIAGRAM_CACHE'] !== 'off';
        const executablePath = options.executablePath ?? chromiumExecutable();
        plugins.push(
          mermaidPlugin({
            root: fileURLToPath(config.root),
            warn: (message) => logger.warn(message),
            drawer: () => {
              if (!drawer) {
                started = performance.now();
                drawer = createDiagramDrawer({
                  executablePath,
                  args: CHROMIUM_ARGS,
                  cacheDir: cache ? fileURLToPath(new URL('diagrams/', config.cacheDir)) : undefined,
                });
              }
              return drawer;
            },
          }),
        );
        injectScript(
          'page',
          `import ${JSON.stringify(fileURLToPath(new URL('../../scripts/diagram-viewer.ts', import.meta.url)))};`,
        );
      },
      'astro:build:done': async ({ logger }) => {
        if (!drawer) return;
        const { diagrams: count, renders, cacheHits, chromiumLaunches } = drawer.stats;
        await drawer.close();
        drawer = undefined;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${count} diagrams: ${renders} drawn by mermaid, ${cacheHits} from the cache, ` +
            `Chromium started ${chromiumLaunches}×, ${seconds} s from the first diagram to the end of the build`,
        );
      },
      'astro:server:done': async () => {
        await drawer?.close();
        drawer = undefined;
      },
    },
  };
}
