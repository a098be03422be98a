import { expect, test } from '@playwright/test';
import { CATALOGUE } from '../../src/lib/catalogue';

// Every question page carries at least one playground; its first one must run in the browser and finish
// cleanly — the same programs the unit tests run in Node, here through the real sandbox.
for (const q of CATALOGUE) {
  test(`question ${q.n}: the first playground runs to completion`, async ({ page }) => {
    test.slow(); // SQL playgrounds download and start PostgreSQL on their first run
    await page.goto(`/questions/${q.slug}/`);
    const playground = page.locator('.pg').first();
    await playground.scrollIntoViewIfNeeded();
    const run = playground.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled({ timeout: 30_000 });
    await run.click();
    await expect(playground.locator('.pg-status')).toHaveText(/^Finished in/, { timeout: 150_000 });
    const output = playground.getByRole('log', { name: 'Program output' });
    await expect(output).not.toBeEmpty();
    await expect(output).not.toContainText('Uncaught');
  });
}
