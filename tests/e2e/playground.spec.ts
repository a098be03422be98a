import { expect, test, type Locator, type Page } from '@playwright/test';

const PAGE = '/questions/principle-of-least-surprise/';

/** The demo playground on the principle-of-least-surprise page, hydrated and ready. */
async function openPlayground(page: Page): Promise<Locator> {
  await page.goto(PAGE);
  const playground = page.locator('.pg').first();
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.locator('.cm-content')).toBeVisible();
  await expect(playground.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  return playground;
}

/** Replaces the open file's code as a reader would: select all, then type (pasted, without auto-closing). */
async function replaceCode(page: Page, playground: Locator, code: string) {
  await playground.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

const run = (playground: Locator) => playground.getByRole('button', { name: 'Run', exact: true }).click();
const output = (playground: Locator) => playground.getByRole('log', { name: 'Program output' });
const status = (playground: Locator) => playground.locator('.pg-status');

/** Every request the page makes; the site must never talk to another host. */
function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

test.describe('playground', () => {
  test('shows the code before hydration, runs it, and shows the pattern', async ({ page, baseURL }) => {
    const foreign = recordForeignRequests(page, baseURL!);
    const playground = await openPlayground(page);
    await expect(playground.locator('.sp-tab-button')).toHaveText(['main.ts', 'user-data.ts']);
    await run(playground);
    await expect(status(playground)).toHaveText(/^Finished in/);
    await expect(output(playground)).toContainText('returned the very object it was given: true');
    await expect(output(playground)).toContainText("caller's object unchanged: true");
    expect(foreign).toEqual([]);
  });

  test('runs edited code with Ctrl+Enter and maps a runtime error to the TypeScript line', async ({ page }) => {
    const playground = await openPlayground(page);
    await replaceCode(
      page,
      playground,
      "const total: number = [1, 2, 3].reduce((a, b) => a + b, 0);\nconsole.log('total', total);\nconsol.log('typo');\n",
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(output(playground)).toContainText('total 6');
    await expect(output(playground)).toContainText('Uncaught ReferenceError: consol is not defined (main.ts:3:1)');
    await expect(status(playground)).toHaveText(/^Failed after/);
  });

  test('reports a syntax error with its file, line, column and the line itself', async ({ page }) => {
    const playground = await openPlayground(page);
    await replaceCode(page, playground, "const ok = 1;\nconst broken = ;\nconsole.log('never');\n");
    await run(playground);
    await expect(output(playground)).toContainText('SyntaxError: Unexpected token (main.ts:2:16)');
    await expect(output(playground)).toContainText('2 | const broken = ;');
    await expect(output(playground)).not.toContainText('never');
  });

  test('stops an endless loop, on request and at the timeout, while the page stays responsive', async ({ page }) => {
    const playground = await openPlayground(page);
    await replaceCode(page, playground, "console.log('spinning');\nwhile (true) {}\n");
    await run(playground);
    await expect(status(playground)).toHaveText(/^Running…/);
    const stop = playground.getByRole('button', { name: 'Stop' });
    await expect(stop).toBeEnabled();
    await stop.click();
    await expect(status(playground)).toHaveText(/^Stopped after/);

    await run(playground);
    await expect(status(playground)).toHaveText(/^Running…/);
    // The loop runs in a worker: the page keeps responding to typing meanwhile.
    await playground.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('// typed while running');
    await expect(playground.locator('.cm-content')).toContainText('// typed while running');
    await expect(status(playground)).toHaveText(/still running after 5 s/, { timeout: 10_000 });
    await expect(output(playground)).toContainText('spinning');
  });

  test('keeps edits across reloads until Reset restores the original', async ({ page }) => {
    const playground = await openPlayground(page);
    await replaceCode(page, playground, "console.log('my edit');\n");
    await expect(playground.getByText('edited', { exact: true })).toBeVisible();
    await page.reload();
    const reloaded = page.locator('.pg').first();
    await expect(reloaded.locator('.cm-content')).toContainText("console.log('my edit');");
    await expect(reloaded.getByText('edited', { exact: true })).toBeVisible();

    page.once('dialog', (dialog) => void dialog.accept());
    await reloaded.getByRole('button', { name: 'Reset' }).click();
    await expect(reloaded.locator('.cm-content')).toContainText('Surprising (bad)');
    await expect(reloaded.getByText('edited', { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.pg').first().locator('.cm-content')).toContainText('Surprising (bad)');
  });

  test('a share link opens the edited code without running it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const playground = await openPlayground(page);
    await replaceCode(page, playground, "console.log('shared with a colleague');\n");
    await playground.getByRole('button', { name: 'Share' }).click();
    await expect(playground.getByRole('status')).toHaveText(/Link with your edits copied/);
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#playground=principle-of-least-surprise%2Fprocess-user-data&share=/);

    const other = await context.newPage();
    await other.goto(url);
    const opened = other.locator('.pg').first();
    await expect(opened.getByRole('status')).toHaveText('Shared code loaded — review it before running.');
    await expect(opened.locator('.cm-content')).toContainText('shared with a colleague');
    await expect(opened.locator('.pg-status')).toHaveText(/^Press Run/);
    await expect(opened.getByRole('log', { name: 'Program output' })).toBeEmpty();

    await other.goto(`${PAGE}#playground=principle-of-least-surprise%2Fprocess-user-data&share=broken`);
    await other.reload();
    await expect(other.locator('.pg').first().getByRole('status')).toHaveText(/damaged.*The original code is shown/);
  });

  test('sandboxed code cannot reach the page, its storage or the network', async ({ page, baseURL }) => {
    const foreign = recordForeignRequests(page, baseURL!);
    const playground = await openPlayground(page);
    await page.evaluate(() => {
      document.cookie = 'session=SECRET-COOKIE; path=/';
      localStorage.setItem('token', 'SECRET-STORAGE');
    });
    await replaceCode(
      page,
      playground,
      [
        'const g = globalThis as any;',
        'async function attempt(name: string, fn: () => unknown): Promise<void> {',
        '  try {',
        "    console.log(name, 'GOT', String(await fn()));",
        '  } catch (error) {',
        "    console.log(name, 'blocked', (error as Error).name);",
        '  }',
        '}',
        "await attempt('parent.document', () => g.parent.document.title);",
        "await attempt('document.cookie', () => g.document.cookie);",
        "await attempt('localStorage', () => g.localStorage.getItem('token'));",
        "await attempt('indexedDB', () => new Promise((ok, fail) => { const r = g.indexedDB.open('x'); r.onsuccess = () => ok('opened'); r.onerror = () => fail(r.error); }));",
        "await attempt('fetch other host', () => fetch('http://example.com/').then((r) => r.status));",
        "await attempt('fetch own site', () => fetch('/').then((r) => r.status));",
        "console.log('origin', g.origin);",
      ].join('\n'),
    );
    await run(playground);
    await expect(status(playground)).toHaveText(/^Finished in/);
    const text = await output(playground).innerText();
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('GOT');
    for (const name of [
      'parent.document',
      'document.cookie',
      'localStorage',
      'indexedDB',
      'fetch other host',
      'fetch own site',
    ]) {
      expect(text).toContain(`${name} blocked`);
    }
    expect(text).toContain('origin null');
    expect(foreign).toEqual([]);
  });
});
