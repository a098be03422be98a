/**
 * Quality gates that hold for every page of the built site: accessibility (axe) in both themes, no errors,
 * no request to another host, no sideways scroll on a phone, a usable phone layout, and a clean printout.
 * The Content Security Policy is asserted in csp.spec.ts, links in links.spec.ts; timings and Lighthouse
 * are `npm run bench`'s (too noisy for a test on a shared machine), but its byte budget is checked here.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';
import { watchPage } from '../support/watch-page';

const PAGES = [
  { name: 'the landing page', path: '/' },
  ...CATALOGUE.map((q) => ({ name: `question ${q.n}`, path: `/questions/${q.slug}/` })),
];

async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Select theme' }).locator('visible=true').first().selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Scrolls every playground into view, which hydrates it, and waits until it can run. A playground in a
 * tab that is not selected stays as it is: hidden, it is nothing a reader (or axe) meets.
 */
async function hydratePlaygrounds(page: Page): Promise<void> {
  for (const host of await page.locator('.pg-host').all()) {
    if (!(await host.isVisible())) continue;
    await host.scrollIntoViewIfNeeded();
    await expect(host.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 30_000 });
  }
}

/**
 * Landmarks that libraries create on purpose, several alike on one page (axe's best-practice rule
 * landmark-unique): Starlight labels each aside with its title ("Correction" twice is two landmarks with
 * one name) and excludes this finding from its own axe runs — NVDA skips the label of a role="note";
 * Expressive Code makes each code block that scrolls sideways a focusable, unnamed region.
 */
const LIBRARY_LANDMARK = /^<(aside\b[^>]*class="starlight-aside\b|pre\b[^>]*\bdata-language=)/;

/**
 * axe's findings on the page, one line each. The diagrams are left to diagrams.spec.ts, which runs axe on
 * every figure of every page in both themes: axe spends most of its time in their SVG, and twice would
 * be too slow.
 */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).exclude('figure.diagram').analyze();
  return violations.flatMap((violation) =>
    violation.nodes
      .filter((node) => !(violation.id === 'landmark-unique' && LIBRARY_LANDMARK.test(node.html)))
      .map((node) => `${violation.id} (${violation.impact ?? '?'}): ${node.target.join(' ')} — ${violation.help}`),
  );
}

/** How far the page scrolls sideways, and the elements that stick out of the screen without a scroller. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const outside = [...document.querySelectorAll('main *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !clipped(element);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { scroll: document.documentElement.scrollWidth - width, outside: outside.slice(0, 5) };
  });

test.describe('every page', () => {
  for (const { name, path } of PAGES) {
    test(`${name}: axe finds nothing in light or dark; no errors; only our own host; nothing sideways at 375 px`, async ({
      page,
      baseURL,
    }) => {
      test.slow(); // axe reads every node of the page, in each theme
      const watch = watchPage(page, baseURL!);
      await page.goto(path);
      await hydratePlaygrounds(page);
      for (const theme of ['light', 'dark'] as const) {
        await chooseTheme(page, theme);
        expect(await axeViolations(page), `${theme} theme`).toEqual([]);
      }
      await page.setViewportSize({ width: 375, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await sidewaysOverflow(page)).toEqual({ scroll: 0, outside: [] });
      await page.waitForLoadState('networkidle');
      expect(watch.problems()).toEqual([]);
    });
  }
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test('the site title fits the bar whole', async ({ page }) => {
    await page.goto('/questions/sagas/');
    const title = page.locator('.site-title span');
    await expect(title).toHaveText('The Architecture Handbook');
    const { scrollWidth, clientWidth } = await title.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test('the menu opens the sidebar, which leads to a question', async ({ page }) => {
    await page.goto('/questions/sagas/');
    const menu = page.getByRole('button', { name: 'Menu' });
    const link = page.getByRole('link', { name: '24. Zero-downtime schema evolution' });
    await expect(link).toBeHidden();
    await menu.tap();
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport({ ratio: 1 });
    await link.tap();
    await expect(page).toHaveURL(/\/questions\/zero-downtime-schema-evolution\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  });

  test('search opens full-screen, finds a page, and its results fit the screen', async ({ page }) => {
    await page.goto('/questions/sagas/');
    await page.getByRole('button', { name: /^Search/ }).tap();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const input = dialog.getByRole('textbox');
    await expect(input).toBeFocused();
    await input.fill('thundering herd');
    const result = dialog.locator('.pagefind-ui__result-link').first();
    await expect(result).toHaveAttribute('href', /\/questions\/caching-layers\/$/);
    const box = (await result.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await result.tap();
    await expect(page).toHaveURL(/\/questions\/caching-layers\//);
  });

  test('a playground’s buttons and editor fit the screen, and Run works by touch', async ({ page }) => {
    await page.goto('/questions/principle-of-least-surprise/');
    const playground = page.locator('.pg').first();
    await playground.scrollIntoViewIfNeeded();
    const run = playground.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled();
    for (const control of [
      run,
      playground.getByRole('button', { name: 'Reset' }),
      playground.getByRole('button', { name: 'Share' }),
      playground.locator('.cm-scroller'),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x, await control.evaluate((e) => e.outerHTML.slice(0, 60))).toBeGreaterThanOrEqual(0);
      expect(box.x + Math.min(box.width, 375)).toBeLessThanOrEqual(375);
      expect(box.height).toBeGreaterThanOrEqual(24); // WCAG 2.5.8: targets of at least 24 × 24 px
    }
    await run.tap();
    await expect(playground.locator('.pg-status')).toHaveText(/^Finished in/);
    await expect(playground.getByRole('log', { name: 'Program output' })).toContainText(
      'returned the very object it was given: true',
    );
  });
});

test.describe('printing a question', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`(${theme} theme) shows the prose, diagrams and code in dark ink, and hides navigation and playground buttons`, async ({
      page,
    }) => {
      await page.goto('/questions/principle-of-least-surprise/');
      await chooseTheme(page, theme);
      const playground = page.locator('.pg').first();
      await playground.scrollIntoViewIfNeeded();
      await expect(playground.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
      // What a browser does when a reader prints (Playwright's media emulation fires no print events).
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });

      for (const chrome of [
        page.locator('header.header'),
        page.getByRole('navigation', { name: 'Main' }),
        page.getByRole('navigation', { name: 'On this page' }).first(),
        page.locator('.pagination-links'),
        page.getByRole('button', { name: /^Search/ }),
        page.getByRole('combobox', { name: 'Select theme' }).first(),
        ...(await page.getByRole('button', { name: /^Expand diagram/ }).all()),
        ...(await playground.getByRole('toolbar').getByRole('button').all()),
      ]) {
        await expect(chrome).toBeHidden();
      }

      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(main.locator('.sl-markdown-content p').first()).toBeVisible();
      const diagrams = main.locator('figure.diagram');
      expect(await diagrams.count()).toBeGreaterThan(0);
      for (const figure of await diagrams.all())
        await expect(figure.locator('svg[id^="dg-"]').locator('visible=true')).toHaveCount(1);
      await expect(main.locator('.expressive-code pre').first()).toBeVisible();

      // All of the open file prints, not the window the editor scrolls.
      const editor = playground.locator('.cm-scroller');
      await expect(editor).toBeVisible();
      const { scrollHeight, clientHeight } = await editor.evaluate((e) => ({
        scrollHeight: e.scrollHeight,
        clientHeight: e.clientHeight,
      }));
      expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);

      // Dark ink on white paper, whichever theme the screen was in.
      const inks = await page.evaluate(() => {
        const ink = (selector: string, property: 'color' | 'fill') => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element)[property] : `nothing matches ${selector}`;
        };
        return {
          prose: ink('.sl-markdown-content p', 'color'),
          code: ink('.pg .cm-line', 'color'),
          'sequence diagram message': ink('svg[aria-roledescription="sequence"] text.messageText', 'fill'),
          'flowchart label': ink('svg[aria-roledescription^="flowchart"] .nodeLabel', 'color'),
        };
      });
      for (const [what, ink] of Object.entries(inks)) expect(luminance(ink), `${what}: ${ink}`).toBeLessThan(0.2);

      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    });
  }
});

/** Relative luminance (0 black … 1 white) of an `rgb(…)` colour. */
function luminance(colour: string): number {
  const channels = colour.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/)?.slice(1);
  if (!channels) throw new Error(`not an rgb() colour: ${colour}`);
  const [r = 1, g = 1, b = 1] = channels.map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('each kind of page loads no more JavaScript before interaction than bench/budgets.json allows', async ({
  page,
}) => {
  const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as {
    jsBeforeInteractionGzipKB: number;
  };
  let bytes = 0;
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    bytes += gzipSync(await response.body().catch(() => Buffer.alloc(0))).length;
  });
  // The pages `npm run bench` measures: the landing page, a question without code, one with a playground.
  for (const path of ['/', '/questions/monolith-vs-microservices/', '/questions/principle-of-least-surprise/']) {
    bytes = 0;
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(Math.round(bytes / 102.4) / 10, `${path}: KB of gzipped JavaScript`).toBeLessThanOrEqual(
      budgets.jsBeforeInteractionGzipKB,
    );
  }
});
