import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Adds src/scripts/print-in-light.ts to every page: printing uses the light theme. */
export default function printInLight(): AstroIntegration {
  return {
    name: 'handbook-print-in-light',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        const script = fileURLToPath(new URL('../../scripts/print-in-light.ts', import.meta.url));
        injectScript('page', `import ${JSON.stringify(script)};`);
      },
    },
  };
}
