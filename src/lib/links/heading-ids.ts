import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANCHOR_ID, idFromComment } from './headings.ts';
import { samePageAliases, type AnchorManifest } from './manifest.ts';

/**
 * Pagefind weights of section headings (the page title, an h1, gets 10 in PageTitle.astro; body text 1):
 * a query that names a section ranks the page that gives it a heading above pages that mention it.
 */
export const HEADING_WEIGHTS: Readonly<Record<number, string>> = { 2: '7', 3: '5' };

/** The few mdast shapes this plugin reads and writes (a structural subset of Sätteri's types). */
interface InlineNode {
  readonly type: string;
  readonly value?: string;
}
interface HeadingNode {
  readonly type: 'heading';
  readonly depth: number;
  readonly children: readonly InlineNode[];
  readonly data?: { readonly hProperties?: Readonly<Record<string, unknown>> } | undefined;
  readonly position?: { readonly start: { readonly line: number } } | undefined;
}
interface AliasNode {
  type: 'anchorAlias';
  data: { hName: 'span'; hProperties: { id: string; className: string[] } };
  children: [];
}
interface HeadingContext {
  removeNode(node: InlineNode): void;
  setProperty(node: InlineNode | HeadingNode, key: 'value' | 'data', value: unknown): void;
  insertBefore(node: HeadingNode, newNode: AliasNode[]): void;
}
interface FactoryContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: string;
}
export interface HeadingIdsMdastPlugin {
  name: string;
  options: { position: boolean };
  heading(node: HeadingNode, ctx: HeadingContext): void;
}

export interface HeadingIdsOptions {
  /** Paths in messages are relative to this folder. */
  readonly root: string;
  /** src/content/docs/: a page's URL path is its file's path below it. */
  readonly docsDir: string;
  readonly manifest: AnchorManifest;
}

/** A literal marker at the end of a plain-Markdown heading, where MDX comments do not exist. */
const LITERAL_MARKER = /\s*\{\s*\/\*\s*#(\S+?)\s*\*\/\s*\}\s*$/;

/**
 * The Sätteri mdast plugin for explicit heading ids: `## Title {/* #id *\/}` gets id="id" (Starlight's
 * anchor links and table of contents then use it, as they keep an id that is already there), the marker
 * disappears from the text, and every heading gets its Pagefind weight. An anchor that moved to a
 * heading of the same page (src/anchors.json) gets an empty element with the old id just before it.
 */
export function headingIdsPlugin(options: HeadingIdsOptions) {
  return (context: FactoryContext): HeadingIdsMdastPlugin => {
    const path = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
    const file = path ? relative(options.root, path) : '(unknown file)';
    const pagePath = path ? urlPath(relative(options.docsDir, path)) : undefined;
    const aliases = pagePath ? samePageAliases(options.manifest, pagePath) : new Map<string, string[]>();
    const used = new Map<string, number>();

    return {
      name: 'handbook-heading-ids',
      options: { position: true },
      heading(node, ctx) {
        const line = node.position?.start.line ?? 0;
        const properties: Record<string, unknown> = {};
        const marker = findMarker(node, context.sourceFormat);
        if (marker) {
          const { id } = marker;
          if (!ANCHOR_ID.test(id)) {
            throw new Error(
              `${file}:${line}: heading id "${id}" must be lowercase words joined by hyphens, e.g. {/* #read-replicas */}`,
            );
          }
          const earlier = used.get(id);
          if (earlier !== undefined)
            throw new Error(`${file}:${line}: heading id "${id}" is already used at line ${earlier}`);
          used.set(id, line);
          properties['id'] = id;
          marker.strip(ctx);
          const old = aliases.get(id) ?? [];
          if (old.length > 0) ctx.insertBefore(node, old.map(aliasNode));
        }
        Object.assign(properties, node.data?.hProperties);
        const weight = HEADING_WEIGHTS[node.depth];
        if (weight) properties['data-pagefind-weight'] = weight;
        ctx.setProperty(node, 'data', { ...node.data, hProperties: properties });
      },
    };
  };
}

/** The heading's id marker and how to remove it (and the space before it) from the heading's text. */
function findMarker(
  node: HeadingNode,
  sourceFormat: string,
): { id: string; strip(ctx: HeadingContext): void } | undefined {
  const last = node.children.at(-1);
  if (!last) return undefined;
  if (last.type === 'mdxTextExpression') {
    const id = idFromComment(last.value ?? '');
    if (id === undefined) return undefined;
    const before = node.children.at(-2);
    return {
      id,
      strip(ctx) {
        ctx.removeNode(last);
        if (before?.type !== 'text') return;
        const text = (before.value ?? '').trimEnd();
        if (text) ctx.setProperty(before, 'value', text);
        else ctx.removeNode(before);
      },
    };
  }
  if (last.type === 'text' && sourceFormat === 'markdown') {
    const match = LITERAL_MARKER.exec(last.value ?? '');
    if (!match) return undefined;
    return { id: match[1]!, strip: (ctx) => ctx.setProperty(last, 'value', (last.value ?? '').slice(0, match.index)) };
  }
  return undefined;
}

const aliasNode = (id: string): AliasNode => ({
  type: 'anchorAlias',
  data: { hName: 'span', hProperties: { id, className: ['anchor-alias'] } },
  children: [],
});

/** "questions/sagas.mdx" → "/questions/sagas/"; "index.mdx" → "/". Undefined outside the docs folder. */
export function urlPath(docsRelativeFile: string): string | undefined {
  if (docsRelativeFile.startsWith('..')) return undefined;
  const id = docsRelativeFile
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)index$/, '');
  return id ? `/${id}/` : '/';
}
