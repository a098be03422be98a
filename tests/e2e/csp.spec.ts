/**
 * The Content Security Policy (src/lib/csp/): every content page carries one that allows no inline or
 * eval'd script except the exact inline scripts the build hashed; the browser enforces it; and the
 * playground's sandbox frame has its own, tighter policy. Whether the pages still work under it is what
 * every other browser test checks (quality.spec.ts fails on any CSP violation a page reports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { inlineScripts, pagePolicy, parsePolicy, scriptHash } from '../../src/lib/csp/inline-hashes';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

function htmlUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlUnder(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The built pages a reader reads: all HTML but the /q/<n>/ redirects and the sandbox frame. */
const contentPages = () =>
  htmlUnder(dist)
    .map((file) => ({ path: relative(dist, file).split(sep).join('/'), html: readFileSync(file, 'utf8') }))
    .filter(({ path, html }) => !path.startsWith('runner/') && !/<meta\s+http-equiv="refresh"/i.test(html));

test.describe('Content Security Policy', () => {
  test('every content page has one, and it allows only our own and exactly-hashed scripts', () => {
    const pages = contentPages();
    expect(pages.length).toBeGreaterThanOrEqual(26);
    for (const { path, html } of pages) {
      const policy = pagePolicy(html);
      expect(policy, path).toBeDefined();
      const directives = parsePolicy(policy!);
      const scripts = directives.get('script-src') ?? [];
      const allowed = scripts.filter((source) => !source.startsWith("'sha256-"));
      expect(allowed, `${path}: script-src`).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives.get('default-src'), path).toEqual(["'self'"]);
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('base-uri'), path).toEqual(["'self'"]);
      for (const body of inlineScripts(html))
        expect(scripts, `${path}: ${body.trim().slice(0, 60)}`).toContain(scriptHash(body));
    }
  });

  // (eval cannot be tried from here: DevTools, which runs the test's code in the page, is exempt from the
  // policy's eval rule. The policy test above asserts that script-src has no 'unsafe-eval'.)
  test('the browser enforces it: an injected script does not run, while the page works', async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (d: string) => void }).reportViolation(event.effectiveDirective),
      );
    });
    await page.goto('/questions/race-conditions/');
    const injected = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return 'injected' in window;
    });
    expect(injected).toBe(false);
    await expect.poll(() => violations).toEqual(['script-src-elem']);

    // The page's own scripts still run: the theme switch and the search dialog.
    await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.keyboard.press('ControlOrMeta+k');
    await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('textbox')).toBeFocused();
  });

  test('the playground sandbox has its own, tighter policy: nothing but its script, workers and eval', async ({
    request,
  }) => {
    const response = await request.get('/runner/frame.html');
    expect(response.ok()).toBe(true);
    const policy = pagePolicy(await response.text());
    expect(policy).toBeDefined();
    const directives = parsePolicy(policy!);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).toContain("'unsafe-eval'");
    expect(directives.get('worker-src')).toEqual(['blob:']);
  });
});
