import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright';

const require = createRequire(import.meta.url);

/** The version of the mermaid library that draws the diagrams (part of the cache key). */
export const MERMAID_VERSION: string = (require('mermaid/package.json') as { version: string }).version;

/** What mermaid drew for one diagram in one theme. */
export interface RenderedSvg {
  /** The `<svg>` element exactly as mermaid serialised it. */
  readonly svg: string;
  /** Size of the drawing in CSS pixels (its viewBox). */
  readonly width: number;
  readonly height: number;
  /** The smallest font size of any visible text in the drawing, at its natural size. */
  readonly minFontPx: number;
}

/** Mermaid rejected a diagram. `line` is the 1-based line inside the diagram, when mermaid says. */
export class MermaidSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'MermaidSyntaxError';
    this.line = line;
  }
}

export interface MermaidRenderer {
  render(id: string, source: string, config: Record<string, unknown>): Promise<RenderedSvg>;
  /** Closes Chromium; a later `render` starts it again. */
  close(): Promise<void>;
  /** How many times Chromium was started (once per build is the goal). */
  readonly launches: number;
}

export interface MermaidRendererOptions {
  /** Chromium binary; `undefined` means Playwright's own browser. */
  readonly executablePath?: string | undefined;
  readonly args?: readonly string[];
  /** Pages drawing side by side (each is its own renderer process); default: 2 to 4, by CPU count. */
  readonly concurrency?: number;
  /** A diagram that takes longer than this fails the build rather than hang it. */
  readonly timeoutMs?: number;
}

type RealmResult = { ok: true; value: RenderedSvg } | { ok: false; message: string; line: number | null };

/** The in-browser half (plain JavaScript, see the file). */
const REALM_SCRIPT = readFileSync(new URL('./realm.browser.js', import.meta.url), 'utf8');

/** Changes whenever mermaid or the way it is run changes: part of the cache key. */
export const RENDERER_FINGERPRINT: string = createHash('sha256')
  .update(`${MERMAID_VERSION}\n${REALM_SCRIPT}`)
  .digest('hex');

/**
 * A mermaid renderer backed by one headless Chromium that stays up until `close()` (the Astro
 * integration closes it when the build ends), with a few pages that each load mermaid's browser bundle
 * once and then draw one diagram at a time.
 */
export function createMermaidRenderer(options: MermaidRendererOptions = {}): MermaidRenderer {
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, Math.max(2, availableParallelism())));
  const timeoutMs = options.timeoutMs ?? 60_000;
  let browser: Promise<Browser> | undefined;
  let launches = 0;
  const idle: Page[] = [];
  const waiting: Array<(page: Page) => void> = [];
  let pageCount = 0;

  function launch(): Promise<Browser> {
    if (!browser) {
      launches += 1;
      browser = chromium
        .launch({
          ...(options.executablePath ? { executablePath: options.executablePath } : {}),
          args: [...(options.args ?? [])],
        })
        .catch((error: unknown) => {
          browser = undefined;
          const where = options.executablePath ?? "Playwright's Chromium";
          throw new Error(
            `Could not start Chromium (${where}) to draw the mermaid diagrams. Install it ` +
              '(`apt-get install chromium fonts-liberation` or `npx playwright install chromium`) or point ' +
              `CHROMIUM_PATH at a Chromium binary.\n${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }
    return browser;
  }

  async function newPage(): Promise<Page> {
    const page = await (await launch()).newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: REALM_SCRIPT });
    // Sent once per page; every diagram then evaluates it in a fresh iframe.
    const bundle = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    await page.evaluate((source) => {
      (globalThis as unknown as { mermaidBundle: string }).mermaidBundle = source;
    }, bundle);
    return page;
  }

  async function acquire(): Promise<Page> {
    const page = idle.pop();
    if (page) return page;
    if (pageCount < concurrency) {
      pageCount += 1;
      try {
        return await newPage();
      } catch (error) {
        pageCount -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(page: Page): void {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  }

  async function render(id: string, source: string, config: Record<string, unknown>): Promise<RenderedSvg> {
    const page = await acquire();
    let timer: NodeJS.Timeout | undefined;
    let healthy = true;
    try {
      const result = await Promise.race([
        page.evaluate(
          (input) =>
            (
              globalThis as unknown as { renderDiagramInFreshRealm: (i: unknown) => Promise<RealmResult> }
            ).renderDiagramInFreshRealm(input),
          { id, source, config },
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            healthy = false;
            reject(new Error(`mermaid took longer than ${timeoutMs} ms`));
          }, timeoutMs);
        }),
      ]);
      if (!result.ok) throw new MermaidSyntaxError(result.message, result.line ?? undefined);
      return result.value;
    } finally {
      clearTimeout(timer);
      if (healthy) release(page);
      else {
        pageCount -= 1;
        void page.close().catch(() => undefined);
      }
    }
  }

  async function close(): Promise<void> {
    const closing = browser;
    browser = undefined;
    idle.length = 0;
    pageCount = 0;
    if (closing) await (await closing.catch(() => undefined))?.close();
  }

  return {
    render,
    close,
    get launches() {
      return launches;
    },
  };
}
