import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addInlineScriptHashes, inlineEventHandlers } from './inline-hashes.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(path);
      return Promise.resolve(entry.name.endsWith('.html') ? [path] : []);
    }),
  );
  return nested.flat();
}

/**
 * Completes Astro's CSP (src/lib/csp/policy.ts) on the built pages: Astro hashes the scripts it bundles
 * but not the `is:inline` scripts Starlight renders (theme, search shortcut, sidebar state), so this adds
 * each page's inline-script hashes to its policy. Fails the build on an inline event handler (onclick=…),
 * which no hash can allow.
 */
export default function cspInlineHashes(): AstroIntegration {
  return {
    name: 'handbook-csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let pages = 0;
        let hashes = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const handlers = inlineEventHandlers(html);
          if (handlers.length > 0) {
            throw new Error(
              `${file.slice(root.length)}: inline event handlers are blocked by the CSP: ${handlers.join(', ')}`,
            );
          }
          const result = addInlineScriptHashes(html);
          if (result.added === 0) continue;
          await writeFile(file, result.html);
          pages += 1;
          hashes += result.added;
        }
        logger.info(`CSP: added ${hashes} inline-script hashes to ${pages} pages`);
      },
    },
  };
}
