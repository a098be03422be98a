import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readAccessibleText, withAccessibleText } from './accessibility.ts';
import { compactNumbers } from './compact.ts';
import { decodeEntities } from '../html-entities.ts';
import { cacheKey, createDiskCache, type DiskCache } from './cache.ts';
import type { DiagramSvg } from './figure.ts';
import { ensureLegibleColours } from './legibility.ts';
import { mermaidConfig, type SiteTheme } from './mermaid-config.ts';
import { createMermaidRenderer, RENDERER_FINGERPRINT, type MermaidRenderer, type RenderedSvg } from './renderer.ts';
import { mergeThemeSvgs } from './theme-merge.ts';

export interface DrawnDiagram {
  readonly svg: DiagramSvg;
  readonly width: number;
  readonly height: number;
  readonly minFontPx: number;
  /** From accTitle / accDescr, as mermaid wrote them into <title> / <desc>. */
  readonly title: string;
  readonly description: string;
  /** Why the two drawings could not become one SVG (then `svg` has both). */
  readonly mergeProblem?: string;
}

export interface DrawStats {
  diagrams: number;
  renders: number;
  cacheHits: number;
  chromiumLaunches: number;
}

export interface DiagramDrawer {
  /** Draws `source` for both themes. Rejects with a MermaidSyntaxError when mermaid rejects it. */
  draw(id: string, source: string): Promise<DrawnDiagram>;
  /** Closes Chromium (the build is over). */
  close(): Promise<void>;
  readonly stats: Readonly<DrawStats>;
}

export interface DrawerOptions {
  readonly executablePath?: string | undefined;
  readonly args?: readonly string[];
  /** Where raw mermaid output is kept between builds; `undefined` turns the cache off. */
  readonly cacheDir?: string | undefined;
}

const require = createRequire(import.meta.url);

/** What else decides mermaid's output besides the source: the browser (text measurement) above all. */
function browserIdentity(executablePath: string | undefined): string {
  if (!executablePath) return `playwright ${(require('playwright/package.json') as { version: string }).version}`;
  try {
    const { mtimeMs, size } = statSync(executablePath);
    return `${executablePath} ${mtimeMs} ${size}`;
  } catch {
    return executablePath;
  }
}

export function createDiagramDrawer(options: DrawerOptions = {}, renderer?: MermaidRenderer): DiagramDrawer {
  const mermaid =
    renderer ??
    createMermaidRenderer({
      executablePath: options.executablePath,
      ...(options.args ? { args: options.args } : {}),
    });
  const cache: DiskCache<RenderedSvg> | undefined = options.cacheDir ? createDiskCache(options.cacheDir) : undefined;
  const browser = browserIdentity(options.executablePath);
  const stats: DrawStats = { diagrams: 0, renders: 0, cacheHits: 0, chromiumLaunches: 0 };

  async function renderTheme(id: string, source: string, theme: SiteTheme): Promise<RenderedSvg> {
    const config = mermaidConfig(theme);
    // Only mermaid's own output is cached; everything done to it afterwards runs on every build.
    const key = cacheKey({ renderer: RENDERER_FINGERPRINT, browser, config, id, source });
    const cached = await cache?.get(key);
    if (cached) {
      stats.cacheHits += 1;
      return cached;
    }
    stats.renders += 1;
    const rendered = await mermaid.render(id, source, config);
    await cache?.set(key, rendered);
    return rendered;
  }

  return {
    async draw(id, source) {
      const legible = ensureLegibleColours(source);
      const darkId = `${id}-dark`;
      const [lightRender, darkRender] = await Promise.all([
        renderTheme(id, legible, 'light'),
        renderTheme(darkId, legible, 'dark'),
      ]);
      stats.diagrams += 1;
      const text = readAccessibleText(source);
      const light = { ...lightRender, svg: withAccessibleText(lightRender.svg, id, text) };
      const dark = { ...darkRender, svg: withAccessibleText(darkRender.svg, darkId, text) };
      const merged = mergeThemeSvgs(light.svg, dark.svg, id, darkId);
      const common = {
        width: light.width,
        height: light.height,
        minFontPx: Math.min(light.minFontPx, dark.minFontPx),
        title: elementText(light.svg, 'title'),
        description: elementText(light.svg, 'desc'),
      };
      return merged.ok
        ? { ...common, svg: { both: compactNumbers(merged.svg) } }
        : {
            ...common,
            svg: { light: compactNumbers(light.svg), dark: compactNumbers(dark.svg) },
            mergeProblem: merged.reason,
          };
    },
    async close() {
      await mermaid.close();
    },
    get stats() {
      return { ...stats, chromiumLaunches: mermaid.launches };
    },
  };
}

/** Text of the first <title>/<desc> of an SVG (mermaid escapes it as HTML text). */
export function elementText(svg: string, tag: 'title' | 'desc'): string {
  const raw = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(svg)?.[1] ?? '';
  return decodeEntities(raw).trim();
}
