import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagramDrawer } from './draw.ts';
import { parseFenceMeta } from './fence-meta.ts';
import { figureHtml } from './figure.ts';
import { MermaidSyntaxError } from './renderer.ts';
import { sourceProblems } from './source-rules.ts';

/** The width of Starlight's content column (45rem) on desktop. */
export const CONTENT_COLUMN_PX = 720;
/** Smallest text the issue allows at that width. */
export const MIN_TEXT_PX = 11;

/** The few mdast shapes this plugin reads and writes (a structural subset of Sätteri's types). */
interface CodeNode {
  readonly type: 'code';
  readonly lang?: string | null | undefined;
  readonly meta?: string | null | undefined;
  readonly value: string;
  readonly position?: { readonly start: { readonly line: number } } | undefined;
}
type ReplacementNode =
  | { type: 'html'; value: string }
  | {
      type: 'mdxJsxFlowElement';
      name: string;
      attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value: string }>;
      children: [];
    };
interface FactoryContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: string;
  readonly source: string;
}
export interface MermaidMdastPlugin {
  name: string;
  options: { position: boolean };
  code(node: CodeNode): Promise<ReplacementNode | undefined>;
}

export interface MermaidPluginOptions {
  readonly drawer: () => DiagramDrawer;
  readonly warn: (message: string) => void;
  /** Paths in messages are relative to this folder. */
  readonly root: string;
}

/** A build error about one diagram: names the file, the line and what is wrong. */
export class DiagramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiagramError';
  }
}

/**
 * The Sätteri mdast plugin: every ```mermaid block of a page becomes a <figure> with the diagram drawn
 * at build time (see draw.ts), its caption and an expand button. Runs before Expressive Code (a hast
 * plugin), which therefore never sees these blocks. Returns a factory: Sätteri calls it once per
 * document, which gives each page its own diagram ids.
 */
export function mermaidPlugin(options: MermaidPluginOptions) {
  return (context: FactoryContext): MermaidMdastPlugin | undefined => {
    if (!/^\s*(```|~~~)\s*mermaid\b/m.test(context.source)) return undefined;
    const file = context.fileURL ? relative(options.root, fileURLToPath(context.fileURL)) : '(unknown file)';
    const usedIds = new Set<string>();
    let count = 0;

    return {
      name: 'handbook-mermaid',
      options: { position: true },
      async code(node) {
        if (node.lang !== 'mermaid') return undefined;
        count += 1;
        const fenceLine = node.position?.start.line ?? 0;
        const where = `${file}:${fenceLine}`;
        const fail = (line: number, message: string) =>
          new DiagramError(
            `${file}:${line}: mermaid diagram ${count} of this page (the fence at line ${fenceLine}): ${message}`,
          );

        let caption: string | undefined;
        try {
          caption = parseFenceMeta(node.meta).caption;
        } catch (error) {
          throw fail(fenceLine, (error as Error).message);
        }
        if (!caption)
          throw fail(fenceLine, 'no caption; write ```mermaid caption="One sentence shown under the diagram."');

        const [problem] = sourceProblems(node.value);
        if (problem) throw fail(fenceLine, problem);

        const id = uniqueId(diagramId(node.value), usedIds);
        let drawn;
        try {
          drawn = await options.drawer().draw(id, node.value);
        } catch (error) {
          if (error instanceof MermaidSyntaxError) {
            const line = error.line === undefined ? fenceLine : fenceLine + error.line;
            throw fail(line, `mermaid cannot parse it:\n${error.message}`);
          }
          throw fail(fenceLine, (error as Error).message);
        }
        if (!drawn.title) throw fail(fenceLine, 'no accTitle; add `accTitle: …` (it becomes the SVG <title>)');
        if (!drawn.description) throw fail(fenceLine, 'no accDescr; add `accDescr: …` (it becomes the SVG <desc>)');

        const textPx = effectiveTextPx(drawn.minFontPx, drawn.width);
        if (textPx < MIN_TEXT_PX) {
          options.warn(
            `${where}: "${drawn.title}" is ${Math.round(drawn.width)} px wide, so its smallest text shows at ` +
              `${textPx.toFixed(1)} px in the ${CONTENT_COLUMN_PX} px column; prefer top-to-bottom or fewer columns`,
          );
        }
        if (drawn.mergeProblem) {
          options.warn(`${where}: "${drawn.title}" ships two drawings (one per theme): ${drawn.mergeProblem}`);
        }

        const html = figureHtml({
          id,
          svg: drawn.svg,
          caption,
          title: drawn.title,
          width: drawn.width,
          height: drawn.height,
        });
        return context.sourceFormat === 'mdx'
          ? {
              // MDX has no raw HTML node: Astro's <Fragment set:html> inserts the markup as it is.
              type: 'mdxJsxFlowElement',
              name: 'Fragment',
              attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
              children: [],
            }
          : { type: 'html', value: html };
      },
    };
  };
}

/** A stable id from the diagram's source: editing one diagram does not renumber (or re-render) the others. */
export function diagramId(source: string): string {
  return `dg-${createHash('sha256').update(source).digest('hex').slice(0, 10)}`;
}

/** `id`, or `id-2`, `id-3`… when a page repeats a diagram. */
export function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** The size at which the smallest text shows when the diagram is scaled down to fit the column. */
export function effectiveTextPx(minFontPx: number, width: number, column: number = CONTENT_COLUMN_PX): number {
  return minFontPx * Math.min(1, column / width);
}
