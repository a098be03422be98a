import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The figures of a built page, each with the inline SVGs of its canvas. */
function builtFigures(slug: string): Array<{ svgs: string[] }> {
  const html = readFileSync(join(dist, 'questions', slug, 'index.html'), 'utf8');
  return [
    ...html.matchAll(/<figure class="diagram[^"]*"[\s\S]*?<div class="diagram__canvas">([\s\S]*?)<figcaption/g),
  ].map(([, canvas]) => ({ svgs: [...canvas!.matchAll(/<svg\b[^>]*\bid="dg-[\s\S]*?<\/svg>/g)].map(([svg]) => svg) }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Select theme' }).locator('visible=true').first().selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** The SVGs of a figure that a reader can see right now. */
const visibleSvgs = (figure: Locator) => figure.locator('svg[id^="dg-"]').locator('visible=true');

test.describe('diagrams in the built site', () => {
  test('every question page has a diagram, 40 or more in all, each an inline SVG with a <title>', () => {
    let total = 0;
    for (const q of CATALOGUE) {
      const figures = builtFigures(q.slug);
      expect(figures.length, q.slug).toBeGreaterThanOrEqual(1);
      for (const { svgs } of figures) {
        expect(svgs.length, q.slug).toBeGreaterThanOrEqual(1);
        for (const svg of svgs) expect(svg, q.slug).toMatch(/<title\b[^>]*>\s*\S[^<]*<\/title>/);
      }
      total += figures.length;
    }
    expect(total).toBeGreaterThanOrEqual(40);
  });

  test('no JavaScript in dist/ contains mermaid', () => {
    const scripts = filesUnder(dist).filter((file) => /\.m?js$/.test(file));
    expect(scripts.length).toBeGreaterThan(0);
    // A MIME-type table (application/vnd.mermaid) in a runtime chunk is not mermaid's code.
    const withMermaid = scripts.filter((file) =>
      /mermaid/i.test(readFileSync(file, 'utf8').replaceAll('application/vnd.mermaid', '')),
    );
    expect(withMermaid).toEqual([]);
  });
});

test('switching the theme shows the drawing for that theme', async ({ page }) => {
  await page.goto('/questions/race-conditions/');
  const figure = page
    .locator('figure.diagram')
    .filter({ has: page.locator('svg[aria-roledescription="sequence"]') })
    .first();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const messageColour = () =>
    visibleSvgs(figure)
      .locator('text.messageText')
      .first()
      .evaluate((text) => getComputedStyle(text).fill);

  const seen: Record<string, string> = {};
  for (const theme of ['light', 'dark', 'light'] as const) {
    await chooseTheme(page, theme);
    await expect(visibleSvgs(figure)).toHaveCount(1);
    const colour = await messageColour();
    expect(contrast(colour, await background()), `${theme}: ${colour} on ${await background()}`).toBeGreaterThanOrEqual(
      4.5,
    );
    seen[theme] = colour;
  }
  expect(seen['light']).not.toBe(seen['dark']);
  // Every figure on the page shows exactly one drawing in either theme.
  for (const theme of ['dark', 'light'] as const) {
    await chooseTheme(page, theme);
    for (const each of await page.locator('figure.diagram').all()) {
      if (await each.isVisible()) await expect(visibleSvgs(each)).toHaveCount(1);
    }
  }
});

test('the expand button opens the diagram full-size; it zooms, pans, and Escape brings focus back', async ({
  page,
}) => {
  await page.goto('/questions/race-conditions/');
  const figure = page.locator('figure.diagram').first();
  const expand = figure.getByRole('button', { name: /^Expand diagram: \S/ });
  const title = (await figure.locator('svg title').first().textContent())!.trim();

  // Keyboard-reachable: focus it and press Enter.
  await expand.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const svg = dialog.locator('svg[id^="dg-"]').locator('visible=true');
  await expect(svg).toHaveCount(1);
  await expect(figure.locator('svg[id^="dg-"]')).toHaveCount(0);

  const width = async () => (await svg.boundingBox())!.width;
  const fitted = await width();
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  expect(await width()).toBeCloseTo(fitted * 1.25, 0);

  const viewport = dialog.locator('.diagram-dialog__viewport');
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(width).toBeGreaterThan(fitted * 1.3);

  const before = (await svg.boundingBox())!;
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 5 });
  await page.mouse.up();
  const after = (await svg.boundingBox())!;
  expect(after.x).toBeCloseTo(before.x - 120, 0);
  expect(after.y).toBeCloseTo(before.y - 60, 0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(expand).toBeFocused();
  await expect(figure.locator('svg[id^="dg-"]')).toHaveCount(1);
  await expect(visibleSvgs(figure)).toHaveCount(1);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 800 } });

  test('a pinch zooms the full-size diagram, and Close brings focus back', async ({ page }) => {
    await page.goto('/questions/race-conditions/');
    const expand = page.getByRole('button', { name: /^Expand diagram: / }).first();
    await expand.tap();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const svg = dialog.locator('svg[id^="dg-"]').locator('visible=true');
    const fitted = (await svg.boundingBox())!.width;

    const box = (await dialog.locator('.diagram-dialog__viewport').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: cx - spread, y: cy, id: 1 },
                { x: cx + spread, y: cy, id: 2 },
              ],
      });
    await touch('touchStart', 30);
    for (const spread of [45, 60, 75, 90]) await touch('touchMove', spread);
    await touch('touchEnd', 0);
    await expect.poll(async () => (await svg.boundingBox())!.width).toBeGreaterThan(fitted * 2);

    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toBeHidden();
    await expect(expand).toBeFocused();
  });
});

test.describe('axe finds nothing wrong with the diagrams', () => {
  // axe walks every node of the SVGs, twice per page: seconds on an idle machine, far more on a busy one.
  test.slow();

  for (const q of CATALOGUE) {
    test(`of question ${q.n}, in either theme`, async ({ page }) => {
      await page.goto(`/questions/${q.slug}/`);
      for (const theme of ['light', 'dark'] as const) {
        await chooseTheme(page, theme);
        const { violations } = await new AxeBuilder({ page }).include('figure.diagram').analyze();
        expect(
          violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        ).toEqual([]);
      }
    });
  }

  test('and with the expand dialog open', async ({ page }) => {
    await page.goto('/questions/race-conditions/');
    await page
      .getByRole('button', { name: /^Expand diagram: / })
      .first()
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('at 375 px wide', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  for (const q of CATALOGUE) {
    test(`no diagram makes question ${q.n} scroll sideways`, async ({ page }) => {
      await page.goto(`/questions/${q.slug}/`);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // A figure or drawing wider than the screen, even if something clips it instead of scrolling.
        diagrams: [...document.querySelectorAll('figure.diagram, figure.diagram svg[id^="dg-"]')].filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > document.documentElement.clientWidth);
        }).length,
      }));
      expect(overflow).toEqual({ page: 0, diagrams: 0 });
    });
  }
});
