import { existsSync } from 'node:fs';

/**
 * The Chromium used by the diagram build and the browser tests: `$CHROMIUM_PATH` when set, else Debian's
 * `/usr/bin/chromium` when present, else `undefined`, which means Playwright's own browser
 * (`npx playwright install chromium`).
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env['CHROMIUM_PATH'];
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags for a headless Chromium in containers and CI (no sandbox, no GPU, no phoning home). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
