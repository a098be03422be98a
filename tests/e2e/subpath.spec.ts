/**
 * The build under a path (npm run build:subpath: BASE_PATH=/handbook/), as a GitHub Pages project site
 * serves it. The project's baseURL ends with the base, so relative paths here stay under it.
 */
import { expect, test, type Page } from '@playwright/test';
import { SUBPATH } from '../support/builds';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

test('pages, the sidebar and prev/next stay under the base, with every asset loading', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  await page.goto('');
  await page.getByRole('link', { name: /^7\. How would you prevent race conditions/ }).click();
  await expect(page).toHaveURL(`${baseURL}questions/race-conditions/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'How would you prevent race conditions in a high-throughput workflow?',
  );
  await page.locator('.pagination-links a[rel="next"]').click();
  await expect(page).toHaveURL(`${baseURL}questions/queues-streams-direct-calls/`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '23. Audit logging' }).click();
  await expect(page).toHaveURL(`${baseURL}questions/audit-logging/`);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('search finds pages and its results link under the base', async ({ page, baseURL }) => {
  await page.goto('questions/monolith-vs-microservices/');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('salting');
  const first = page.getByRole('dialog').locator('.pagefind-ui__result').first();
  await expect(first.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    `${SUBPATH.base}questions/hot-partitions/`,
  );
  await first.locator('.pagefind-ui__result-nested').getByRole('link', { name: '2. Salting' }).click();
  await expect(page).toHaveURL(`${baseURL}questions/hot-partitions/#2-salting`);
});

test('short links lead to their question, and the one shown copies with the base', async ({ page, baseURL }) => {
  await page.goto('q/7/');
  await expect(page).toHaveURL(`${baseURL}questions/race-conditions/`);
  await page.getByRole('button', { name: 'Copy the short link to question 7' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}q/7/`);
});

test('a playground runs in its sandbox frame under the base', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('questions/principle-of-least-surprise/');
  const playground = page.locator('.pg').first();
  await playground.scrollIntoViewIfNeeded();
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground.getByRole('log', { name: 'Program output' })).toContainText(
    'returned the very object it was given: true',
  );
  expect(errors).toEqual([]);
});
