import type { Page } from '@playwright/test';

/**
 * Records everything on a page that a reader should never run into: console errors (CSP violations are
 * reported there too), uncaught exceptions, requests that fail or answer with an error, and any request
 * to a host other than the site's own.
 */
export function watchPage(page: Page, origin: string): { problems: () => string[] } {
  const problems: string[] = [];
  const own = (url: string) => url.startsWith(`${origin}/`) || url === origin || /^(blob|data|about):/.test(url);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!own(request.url())) problems.push(`request to another host: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (own(request.url()))
      problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems: () => [...problems] };
}
