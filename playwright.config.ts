import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './src/lib/chromium';
import { SUBPATH } from './tests/support/builds';

/** The same Chromium the diagram build uses (src/lib/chromium.ts). */
const executablePath = chromiumExecutable();

const port = Number(process.env['E2E_PORT'] ?? 4399);
/** The build under a path (npm run build:subpath), served by a second preview server. */
const subpathPort = port + 1;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: process.env['CI'] ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /subpath\.spec\.ts$/, use: chromium },
    // Relative paths in these tests ('questions/…') resolve under the base.
    {
      name: 'subpath',
      testMatch: /subpath\.spec\.ts$/,
      use: { ...chromium, baseURL: `http://localhost:${subpathPort}${SUBPATH.base}` },
    },
  ],
  // Tests run against the production builds (Pagefind's index exists only there): `npm run build` and
  // `npm run build:subpath` first.
  webServer: [
    {
      command: `npx astro preview --port ${port}`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      // --ignore-lock: Astro tracks one preview server per project, and that is the one above.
      command: `npx astro preview --ignore-lock --outDir ${SUBPATH.dir} --port ${subpathPort}`,
      env: { BASE_PATH: SUBPATH.base, SITE_URL: SUBPATH.site },
      url: `http://localhost:${subpathPort}${SUBPATH.base}`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
