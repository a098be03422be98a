import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../../fixtures/broken-diagram/', import.meta.url));
const astro = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

afterAll(() => {
  for (const generated of ['.astro', 'dist', 'node_modules'])
    rmSync(fixture + generated, { recursive: true, force: true });
});

it('a diagram mermaid cannot parse fails the build, naming the file, the line and mermaid’s message', () => {
  const build = spawnSync(process.execPath, [astro, 'build', '--root', fixture], {
    encoding: 'utf8',
    // Also proves that Chromium, started for the first diagram, does not keep a failed build alive.
    timeout: 150_000,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const output = build.stdout + build.stderr;
  expect(build.error, output).toBeUndefined();
  expect(build.status, output).not.toBe(0);
  expect(output).toContain('src/content/docs/index.mdx:20: mermaid diagram 2 of this page (the fence at line 16)');
  expect(output).toMatch(/mermaid cannot parse it:\s+Parse error on line 4:/);
}, 160_000);
