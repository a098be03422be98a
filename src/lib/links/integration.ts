import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { baseLinksPlugin } from './base-links.ts';
import type { AnchorManifest } from './manifest.ts';
import { headingIdsPlugin } from './heading-ids.ts';

export const MANIFEST_URL = new URL('../../anchors.json', import.meta.url);

export function readManifest(): AnchorManifest {
  return JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as AnchorManifest;
}

/**
 * Links that last: explicit heading ids and Pagefind heading weights (heading-ids.ts), Markdown links
 * that follow the base (base-links.ts), and the page script that copies anchor and short links and
 * forwards moved anchors (src/scripts/deep-links.ts).
 */
export default function deepLinks(): AstroIntegration {
  return {
    name: 'handbook-deep-links',
    hooks: {
      'astro:config:setup': ({ config, injectScript }) => {
        const processor = config.markdown.processor as
          { name?: string; options?: { mdastPlugins?: unknown } } | undefined;
        const plugins = processor?.options?.mdastPlugins;
        if (processor?.name !== 'satteri' || !Array.isArray(plugins)) {
          throw new Error(`deep links: markdown.processor must be Sätteri (Astro's default), not "${processor?.name}"`);
        }
        plugins.push(
          headingIdsPlugin({
            root: fileURLToPath(config.root),
            docsDir: fileURLToPath(new URL('src/content/docs/', config.root)),
            manifest: readManifest(),
          }),
        );
        if (config.base !== '/') plugins.push(baseLinksPlugin(config.base));
        injectScript(
          'page',
          `import ${JSON.stringify(fileURLToPath(new URL('../../scripts/deep-links.ts', import.meta.url)))};`,
        );
      },
    },
  };
}
