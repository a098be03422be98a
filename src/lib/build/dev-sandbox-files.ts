/**
 * `astro dev` refuses cross-site subresource requests, a guard against other sites reading the dev
 * server's modules. The playground's sandbox frame has an opaque origin by design, so every request it
 * makes is cross-site, and the script it loads (runner/frame.js) was refused: no playground could run
 * in development. This serves the sandbox's own files from public/runner/ ahead of that guard, and
 * nothing else; they are public files that the production site serves to anyone.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.tgz': 'application/gzip',
};

/**
 * The file of public/runner/ that a request asks for, or undefined when it asks for anything else.
 * Only a plain file name directly under `<base>runner/` qualifies: no folders, no dot-dot.
 */
export function sandboxFileName(url: string | undefined, base: string): string | undefined {
  if (url === undefined) return undefined;
  const { pathname } = new URL(url, 'http://dev.invalid');
  const prefix = `${base.replace(/\/?$/, '/')}runner/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const name = pathname.slice(prefix.length);
  const extension = /\.[a-z]+$/.exec(name)?.[0];
  return /^[\w-]+\.[a-z]+$/.test(name) && extension !== undefined && extension in CONTENT_TYPES ? name : undefined;
}

/** The Vite plugin (dev server only) that serves `<base>runner/*` before Astro's cross-site guard. */
export function devSandboxFiles(): Plugin {
  return {
    name: 'handbook:dev-sandbox-files',
    apply: 'serve',
    configureServer(server) {
      const runnerDir = new URL('runner/', `file://${server.config.publicDir.replace(/\/?$/, '/')}`);
      const serve = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        const name =
          req.method === 'GET' || req.method === 'HEAD' ? sandboxFileName(req.url, server.config.base) : undefined;
        if (name === undefined) return next();
        readFile(new URL(name, runnerDir)).then(
          (body) => {
            res.setHeader('Content-Type', CONTENT_TYPES[/\.[a-z]+$/.exec(name)![0]]!);
            res.setHeader('Cache-Control', 'no-cache');
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          () => next(), // not built yet: Astro answers (404)
        );
      };
      // Runs after Astro's own post hook, which puts its guard first in the stack; this goes before it.
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: serve as never });
      };
    },
  };
}
