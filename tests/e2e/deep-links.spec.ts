import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** True when the element's top is near the top of the viewport, below the fixed header. */
async function atTop(page: Page, name: string, level: number) {
  const heading = page.getByRole('heading', { level, name, exact: true });
  await expect(heading).toBeInViewport();
  const box = (await heading.boundingBox())!;
  expect(box.y).toBeGreaterThan(0);
  expect(box.y).toBeLessThan(200);
}

test('a heading’s anchor link copies its full URL, and that URL opens at the section', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/questions/caching-layers/');
  await page.getByRole('link', { name: 'Section titled “Thundering herd prevention”' }).click();
  await expect(page).toHaveURL(/\/questions\/caching-layers\/#thundering-herd-prevention$/);
  await expect(page.getByRole('status')).toHaveText('Link to “Thundering herd prevention” copied');
  const copied = await clipboard(page);
  expect(copied).toBe(`${baseURL}/questions/caching-layers/#thundering-herd-prevention`);

  const reader = await context.newPage();
  await reader.goto(copied);
  await atTop(reader, 'Thundering herd prevention', 2);
});

test('each question shows its short link, and its Copy button copies it', async ({ page, baseURL }) => {
  await page.goto('/questions/caching-layers/');
  const shortLink = page.getByRole('link', { name: `${baseURL}/q/15/` });
  await expect(shortLink).toBeVisible();
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const { violations } = await new AxeBuilder({ page }).include('[data-short-link]').analyze();
    expect(violations.map((v) => `${theme}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await page.getByRole('button', { name: 'Copy the short link to question 15' }).click();
  await expect(page.getByRole('button', { name: 'Copy the short link to question 15' })).toHaveText('Copied');
  expect(await clipboard(page)).toBe(`${baseURL}/q/15/`);
  await page.goto(await clipboard(page));
  await expect(page).toHaveURL(/\/questions\/caching-layers\/$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('anchor links and the short link still work', async ({ page }) => {
    await page.goto('/questions/hot-partitions/');
    await expect(page.getByRole('button', { name: /Copy the short link/ })).toBeHidden();
    await page.getByRole('link', { name: 'Section titled “2. Salting”' }).click();
    await expect(page).toHaveURL(/#2-salting$/);
    await page.getByRole('link', { name: /\/q\/19\/$/ }).click();
    await expect(page).toHaveURL(/\/questions\/hot-partitions\/$/);
  });

  test('an anchor whose id changed still opens its section (src/anchors.json "moved")', async ({ page }) => {
    await page.goto('/questions/caching-layers/#4-semaphorequeue');
    await atTop(page, '4. Semaphore/queue', 3);
  });
});
