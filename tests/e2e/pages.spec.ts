import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';
import { loadSeed } from '../support/seed';

const titles = new Map(loadSeed().map((q) => [q.n, q.title]));

/** Collects console errors and uncaught page errors for the lifetime of the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

for (const q of CATALOGUE) {
  test(`question ${q.n} renders its title, sidebar and no errors`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/questions/${q.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.get(q.n)!);
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    const current = sidebar.locator('a[aria-current="page"]');
    await expect(current).toHaveText(`${q.n}. ${q.label}`);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

test('prev/next walks the questions in order', async ({ page }) => {
  await page.goto('/questions/race-conditions/');
  const pagination = page.locator('.pagination-links');
  await expect(pagination.locator('a[rel="prev"]')).toContainText('6. Idempotent operations');
  await expect(pagination.locator('a[rel="next"]')).toContainText('8. Queues, streams, direct calls');
});

test('the short link /q/7/ lands on race conditions', async ({ page }) => {
  await page.goto('/q/7/');
  await expect(page).toHaveURL(/\/questions\/race-conditions\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.get(7)!);
});

test('the landing page lists all 24 questions by topic, without errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const main = page.getByRole('main');
  for (const topic of [
    'Architecture style',
    'Communication & coordination',
    'Failure & consistency',
    'Performance & scale',
    'Data',
  ]) {
    await expect(main.getByRole('heading', { level: 2, name: topic })).toBeVisible();
  }
  const links = main.locator('a[href*="/questions/"]').filter({ hasText: /^\d+\. / });
  await expect(links).toHaveCount(24);
  await expect(links.nth(14)).toContainText(`15. ${titles.get(15)!}`);
  await links.nth(14).click();
  await expect(page).toHaveURL(/\/questions\/caching-layers\/$/);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});
