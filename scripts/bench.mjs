// npm run bench [-- --reuse] — measures the production site and checks bench/budgets.json.
// Prints a table, writes bench/results.json, and exits 1 when a budget is exceeded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
// Node 24 runs TypeScript modules directly (type stripping).
import { CHROMIUM_ARGS, chromiumExecutable } from '../src/lib/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const reuse = process.argv.includes('--reuse');
const port = Number(process.env.BENCH_PORT ?? 4500);
const origin = `http://localhost:${port}`;
const executablePath = chromiumExecutable();
const chromeArgs = [...CHROMIUM_ARGS];

const PAGES = {
  landing: '/',
  // Every question has a playground now; question 1's answer had no code in the seed.
  'question 1 (no seed code)': '/questions/monolith-vs-microservices/',
  'question 3 (playground demo)': '/questions/principle-of-least-surprise/',
};
const step = (text) => console.error(`bench: ${text}`);
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function dirSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    total += stat.isDirectory() ? dirSize(full) : stat.size;
  }
  return total;
}

// 1. Build (timed) unless reusing an existing dist/.
let buildSeconds = null;
if (!reuse || !existsSync(join(root, 'dist/index.html'))) {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  buildSeconds = Math.round((performance.now() - started) / 100) / 10;
}
const distBytes = dirSize(join(root, 'dist'));

// 2. Serve the build.
step('serving dist/');
// Its own process group, so that stopping it also stops the astro process npx starts.
const server = spawn('npx', ['astro', 'preview', '--port', String(port)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('astro preview did not start')), 60_000);
  server.stdout.on('data', (chunk) => {
    if (String(chunk).includes(`localhost:${port}`)) {
      clearTimeout(timer);
      resolve();
    }
  });
});

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [...chromeArgs, '--remote-debugging-port=9333'],
});
const results = {
  date: new Date().toISOString(),
  buildSeconds,
  distKB: kb(distBytes),
  pages: {},
  playground: {},
  pagefindFirstQueryGzipKB: null,
  lighthouse: {},
};

/** Opens a page in a fresh context and records the gzip size of every response by resource type. */
async function openRecorded(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      seen.push({ url: response.url(), type: response.request().resourceType(), gzip: gzipSync(body).length });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const sum = (type, from = 0) =>
    seen
      .slice(from)
      .filter((r) => r.type === type)
      .reduce((a, r) => a + r.gzip, 0);
  return { context, page, seen, sum };
}

try {
  // 3. Bytes before interaction, and after the first playground hydrates.
  for (const [name, path] of Object.entries(PAGES)) {
    step(`bytes: ${path}`);
    const { context, page, seen, sum } = await openRecorded(path);
    const entry = {
      htmlGzipKB: kb(sum('document')),
      cssGzipKB: kb(sum('stylesheet')),
      jsBeforeInteractionGzipKB: kb(sum('script')),
    };
    const playground = page.locator('.pg').first();
    if ((await playground.count()) > 0) {
      await playground.scrollIntoViewIfNeeded();
      await playground.getByRole('button', { name: 'Run', exact: true }).and(page.locator(':enabled')).waitFor();
      await page.waitForLoadState('networkidle');
      entry.jsAfterHydrationGzipKB = kb(sum('script'));
      const diagrams = await page
        .locator('figure svg')
        .evaluateAll((svgs) => svgs.reduce((a, s) => a + s.outerHTML.length, 0));
      entry.diagramKB = kb(diagrams);
    } else {
      const diagrams = await page
        .locator('figure svg')
        .evaluateAll((svgs) => svgs.reduce((a, s) => a + s.outerHTML.length, 0));
      entry.diagramKB = kb(diagrams);
    }
    void seen;
    results.pages[name] = entry;
    await context.close();
  }

  // 4. Run → first output, the first run on a fresh page and warm runs after it.
  {
    step('playground run timing');
    const { context, page } = await openRecorded(PAGES['question 3 (playground demo)']);
    const playground = page.locator('.pg').first();
    await playground.scrollIntoViewIfNeeded();
    const run = playground.getByRole('button', { name: 'Run', exact: true });
    await run.and(page.locator(':enabled')).waitFor();
    const timeRun = async () => {
      const ms = await playground.evaluate(
        (el) =>
          new Promise((resolve) => {
            const output = el.querySelector('.pg-output');
            const button = [...el.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Run');
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (output.querySelector('.pg-line')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(output, { childList: true, subtree: true });
            button.click();
          }),
      );
      await playground.locator('.pg-status', { hasText: /^Finished/ }).waitFor();
      return Math.round(ms);
    };
    const first = await timeRun();
    const warm = [];
    for (let i = 0; i < 7; i++) warm.push(await timeRun());
    results.playground = { firstRunToOutputMs: first, warmRunToOutputMsMedian: median(warm) };
    await context.close();
  }

  // 5. Pagefind: bytes fetched to answer a first query.
  {
    step('pagefind');
    const { context, page, seen } = await openRecorded('/');
    const before = seen.length;
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('thundering herd');
    await page.locator('.pagefind-ui__result').first().waitFor();
    await page.waitForLoadState('networkidle');
    results.pagefindFirstQueryGzipKB = kb(
      seen
        .slice(before)
        .filter((r) => r.url.includes('/pagefind/'))
        .reduce((a, r) => a + r.gzip, 0),
    );
    await context.close();
  }

  // 6. Lighthouse (mobile) on the same Chromium.
  const { default: lighthouse } = await import('lighthouse');
  for (const [name, path] of Object.entries(PAGES)) {
    step(`lighthouse: ${path}`);
    const { lhr } = await lighthouse(origin + path, {
      port: 9333,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    results.lighthouse[name] = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
    );
  }
} finally {
  await browser.close();
  stopServer();
}

// 7. Report and budgets.
const failures = [];
for (const [name, page] of Object.entries(results.pages)) {
  if (page.jsBeforeInteractionGzipKB > budgets.jsBeforeInteractionGzipKB)
    failures.push(
      `${name}: JS before interaction ${page.jsBeforeInteractionGzipKB} KB > ${budgets.jsBeforeInteractionGzipKB} KB`,
    );
  if (page.jsAfterHydrationGzipKB > budgets.jsAfterHydrationGzipKB)
    failures.push(
      `${name}: JS after hydration ${page.jsAfterHydrationGzipKB} KB > ${budgets.jsAfterHydrationGzipKB} KB`,
    );
}
for (const [name, scores] of Object.entries(results.lighthouse)) {
  if (scores.performance < budgets.lighthousePerformanceMin)
    failures.push(`${name}: Lighthouse performance ${scores.performance} < ${budgets.lighthousePerformanceMin}`);
  if (scores.accessibility < budgets.lighthouseAccessibilityMin)
    failures.push(`${name}: Lighthouse accessibility ${scores.accessibility} < ${budgets.lighthouseAccessibilityMin}`);
}
results.failures = failures;
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows = Object.entries(results.pages).map(([name, p]) => {
  const lh = results.lighthouse[name] ?? {};
  return [
    name,
    p.htmlGzipKB,
    p.cssGzipKB,
    p.jsBeforeInteractionGzipKB,
    p.jsAfterHydrationGzipKB ?? '–',
    p.diagramKB,
    `${lh.performance}/${lh.accessibility}/${lh['best-practices']}/${lh.seo}`,
  ];
});
const header = [
  'page',
  'HTML gz KB',
  'CSS gz KB',
  'JS gz KB (load)',
  'JS gz KB (hydrated)',
  'diagram SVG KB',
  'Lighthouse perf/a11y/bp/seo',
];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\nbuild: ${buildSeconds ?? 'reused'} s · dist: ${(distBytes / 1024 / 1024).toFixed(1)} MB · Pagefind first query: ${results.pagefindFirstQueryGzipKB} KB gz`,
);
console.log(
  `playground Run → first output: first ${results.playground.firstRunToOutputMs} ms, warm median ${results.playground.warmRunToOutputMsMedian} ms`,
);
if (failures.length > 0) {
  console.log(`\nOVER BUDGET:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll budgets met.');
