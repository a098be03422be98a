import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandboxFileName } from '../../src/lib/build/dev-sandbox-files';

describe('sandboxFileName', () => {
  it('accepts a plain file name of the sandbox under the base', () => {
    expect(sandboxFileName('/runner/frame.js', '/')).toBe('frame.js');
    expect(sandboxFileName('/runner/frame.html?v=2', '/')).toBe('frame.html');
    expect(sandboxFileName('/handbook/runner/pglite.wasm', '/handbook/')).toBe('pglite.wasm');
  });

  it('refuses other paths, folders, dot-dot and unknown kinds of file', () => {
    expect(sandboxFileName('/runner/frame.js', '/handbook/')).toBeUndefined();
    expect(sandboxFileName('/src/lib/site.ts', '/')).toBeUndefined();
    expect(sandboxFileName('/runner/../package.json', '/')).toBeUndefined();
    expect(sandboxFileName('/runner/%2e%2e%2fpackage.json', '/')).toBeUndefined();
    expect(sandboxFileName('/runner/sub/frame.js', '/')).toBeUndefined();
    expect(sandboxFileName('/runner/notes.txt', '/')).toBeUndefined();
    expect(sandboxFileName(undefined, '/')).toBeUndefined();
  });
});

const root = fileURLToPath(new URL('../../', import.meta.url));
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
/** GET with exactly these headers (fetch() would set the Sec-Fetch-* headers itself). */
function request(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    }).on('error', reject);
  });
}

/** What a <script src> in the sandbox frame (an opaque origin) sends. */
const CROSS_SITE_SCRIPT = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' };

it('astro dev serves the sandbox its files, and still refuses other cross-site requests', async () => {
  const server = spawn(process.execPath, [astro, 'dev', '--port', '4480', '--root', root], {
    // Without Vitest's variables: with VITEST set, Astro leaves its dev server middleware (and guard) out.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITEST|^NODE_ENV$/.test(name))),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 90_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Local\s+(http:\/\/localhost:\d+)\//.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.on('exit', () => reject(new Error(`astro dev exited:\n${output}`)));
    });
    const frame = await request(`${origin}/runner/frame.html`, CROSS_SITE_SCRIPT);
    expect(frame.status, output).toBe(200);
    expect(frame.type).toBe('text/html; charset=utf-8');
    expect(frame.body).toContain('<title>Playground sandbox</title>');
    // Astro's guard still stands for everything else.
    const other = await request(`${origin}/src/lib/site.ts`, CROSS_SITE_SCRIPT);
    expect(other.status).toBe(403);
  } finally {
    server.kill();
  }
}, 120_000);
