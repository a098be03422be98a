import { expect, test, type Page } from '@playwright/test';

const PAGE = '/questions/audit-logging/';
const PLAYGROUND = '#playground-audit-logging--partitioned-audit-logs';

/** Starting Postgres in WebAssembly takes seconds, more on a busy CI machine; so can hydration there. */
const POSTGRES_RUN = { timeout: 60_000 };
const HYDRATED = { timeout: 20_000 };

async function openSqlPlayground(page: Page) {
  await page.goto(PAGE);
  const playground = page.locator(PLAYGROUND).locator('.pg');
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.locator('.cm-content')).toBeVisible(HYDRATED);
  await expect(playground.getByRole('button', { name: 'Run', exact: true })).toBeEnabled(HYDRATED);
  return playground;
}

test.describe('SQL playground', () => {
  test('runs the corrected audit_logs schema on PostgreSQL in the browser and shows the result tables', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const playground = await openSqlPlayground(page);
    await expect(playground.locator('.sp-tab-button')).toHaveText(['main.sql']);
    // Highlighted as SQL, not as JavaScript.
    await expect(playground.locator('.cm-content .sp-syntax-keyword', { hasText: 'PARTITION' }).first()).toBeVisible();
    await expect(playground.locator('.pg-status')).toHaveText(/on a fresh PostgreSQL database/);
    expect(requests.filter((url) => url.includes('/runner/'))).toEqual([]); // nothing of Postgres before Run

    await playground.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(playground.locator('.pg-status')).toHaveText(/^Finished in/, POSTGRES_RUN);
    const output = playground.getByRole('log', { name: 'Program output' });
    await expect(output).toContainText('INSERT 0 8640');
    // Each result follows the comment written above its statement, as a caption.
    await expect(
      output.locator('.pg-sql-comment').filter({ hasText: 'Every row went to the partition' }),
    ).toBeVisible();
    const partitions = output.getByRole('table').first();
    await expect(partitions.getByRole('columnheader')).toHaveText(['partition', 'rows', 'first', 'last']);
    await expect(partitions.getByRole('row')).toHaveCount(4);
    await expect(partitions.getByRole('row', { name: /audit_logs_2026_02/ })).toContainText('2688');
    await expect(output).toContainText('ERROR:  no partition of relation "audit_logs" found for row (main.sql:44:1)');
    await expect(output).toContainText(
      'Index Scan using audit_logs_2026_02_entity_type_entity_id_idx on audit_logs_2026_02',
    );

    // PGlite came from this site, fetched by the page; nothing went to another host.
    const fromRunner = requests
      .filter((url) => url.startsWith(`${baseURL}/runner/`))
      .map((url) => url.slice(`${baseURL}/runner/`.length));
    expect(fromRunner).toEqual(expect.arrayContaining(['postgres.js', 'pglite.wasm', 'pglite.data', 'pgdata.tgz']));
    expect(
      requests.filter((url) => !url.startsWith(baseURL!) && !url.startsWith('blob:') && !url.startsWith('data:')),
    ).toEqual([]);
  });

  test("shows an edited statement's error with its line and column, and runs again without refetching", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const playground = await openSqlPlayground(page);
    await playground.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      'CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1), (2), (3);\nSELECT id, id * 10 AS tenfold\n  FROM t WHERE nope > 1;\n',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(playground.locator('.pg-status')).toHaveText(/^Finished in/, POSTGRES_RUN);
    const output = playground.getByRole('log', { name: 'Program output' });
    await expect(output).toContainText('INSERT 0 3');
    await expect(output).toContainText('ERROR:  column "nope" does not exist (main.sql:4:16)');
    await expect(output).toContainText('4 |   FROM t WHERE nope > 1;');

    let fetched = 0;
    page.on('request', (request) => void (request.url().includes('/runner/pglite.wasm') && fetched++));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('SELECT 6 * 7 AS answer;');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(output.getByRole('table')).toContainText('42', POSTGRES_RUN);
    await expect(playground.locator('.pg-status')).toHaveText(/^Finished in/);
    expect(fetched).toBe(0);
  });
});
