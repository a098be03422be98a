import { expect, test, type Locator, type Page } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';
import { loadSeed } from '../support/seed';

const titles = new Map(loadSeed().map((q) => [CATALOGUE[q.n - 1]!.slug, q.title]));

/** Each query must list one of these pages first (the acceptance queries). */
const ACCEPTANCE: readonly (readonly [string, readonly string[]])[] = [
  ['thundering herd', ['caching-layers']],
  ['idempotency key', ['idempotent-operations']],
  ['SELECT FOR UPDATE', ['race-conditions']],
  ['compensating transaction', ['sagas']],
  ['Conway', ['monolith-vs-microservices']],
  ['salting', ['hot-partitions']],
  ['expand contract', ['zero-downtime-schema-evolution']],
  ['two-phase commit', ['distributed-transactions-vs-eventual-consistency']],
  ['bulkhead', ['partial-failures', 'resilience-to-dependency-failures', 'slow-services']],
  ['write-behind', ['high-volume-writes', 'caching-layers']],
  ['CQRS', ['cross-service-consistency', 'read-heavy-workloads']],
  ['Debezium', ['audit-logging']],
];

/** Opens the search dialog as a reader would and returns it. */
async function openSearch(page: Page): Promise<Locator> {
  await page.goto('/questions/monolith-vs-microservices/');
  await page.getByRole('button', { name: 'Search' }).click();
  return page.getByRole('dialog');
}

/** Types a query and waits until the results for it (not the previous query's) are shown. */
async function search(dialog: Locator, query: string): Promise<void> {
  await dialog.getByRole('textbox').fill(query);
  await expect(dialog.locator('.pagefind-ui__message')).toHaveText(
    new RegExp(`^(\\d+ results?|No results) for ${escapeRegExp(query)}$`),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('each acceptance query lists its page first, with the page title and an excerpt from prose', async ({ page }) => {
  test.setTimeout(120_000); // twelve searches in one page
  const dialog = await openSearch(page);
  for (const [query, slugs] of ACCEPTANCE) {
    await search(dialog, query);
    const first = dialog.locator('.pagefind-ui__result').first();
    const link = first.locator('.pagefind-ui__result-link').first();
    const href = (await link.getAttribute('href')) ?? '';
    expect
      .soft(href, `"${query}" should list ${slugs.join(' or ')} first`)
      .toMatch(new RegExp(`^/questions/(${slugs.join('|')})/$`));
    const slug = /\/questions\/([^/]+)\//.exec(href)?.[1];
    if (slug) expect.soft(await link.textContent(), `"${query}": the result's title`).toBe(titles.get(slug));
    const excerpt = (await first.locator('.pagefind-ui__result-excerpt').first().innerHTML()) ?? '';
    expect.soft(excerpt, `"${query}": the excerpt highlights the match`).toContain('<mark>');
    // Prose, not code.
    expect.soft(excerpt, `"${query}": the excerpt is prose`).not.toMatch(/\bdef |\bself\.|=&gt;|console\.log|^import /);
  }
});

test('code blocks and playgrounds are not in the index', async ({ page }) => {
  // Names that appear only in caching-layers' Python sample and in its playground's TypeScript. Search is
  // fuzzy, so other pages may still match a part of them; no result may show the code itself.
  const dialog = await openSearch(page);
  for (const name of ['functools', 'InvalidationBus']) {
    await search(dialog, name);
    await expect(dialog.locator('.pagefind-ui__results')).not.toContainText(name);
  }
});

test('a sub-result opens the page at its heading', async ({ page }) => {
  const dialog = await openSearch(page);
  await search(dialog, 'salting');
  const first = dialog.locator('.pagefind-ui__result').first();
  await first.locator('.pagefind-ui__result-nested').getByRole('link', { name: '2. Salting' }).click();
  await expect(page).toHaveURL(/\/questions\/hot-partitions\/#2-salting$/);
  const heading = page.getByRole('heading', { level: 3, name: '2. Salting' });
  await expect(heading).toBeInViewport();
  expect((await heading.boundingBox())!.y).toBeLessThan(200);
});
