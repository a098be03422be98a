import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import type { DiagramDrawer, DrawnDiagram } from '../../../src/lib/diagrams/draw';
import { diagramId, effectiveTextPx, mermaidPlugin, uniqueId } from '../../../src/lib/diagrams/plugin';
import { MermaidSyntaxError } from '../../../src/lib/diagrams/renderer';

/** Draws every diagram as a tiny SVG naming its id; "BROKEN" on line 2 fails like mermaid does. */
function fakeDrawer(drawn: string[]): DiagramDrawer {
  return {
    async draw(id, source): Promise<DrawnDiagram> {
      if (source.includes('BROKEN')) throw new MermaidSyntaxError('Parse error on line 2:\nExpecting NODE_STRING', 2);
      drawn.push(id);
      const title = /accTitle: (.*)/.exec(source)?.[1] ?? '';
      const description = /accDescr: (.*)/.exec(source)?.[1] ?? '';
      return {
        svg: { both: `<svg id="${id}"><title>${title}</title></svg>` },
        width: 300,
        height: 200,
        minFontPx: 16,
        title,
        description,
      };
    },
    async close() {},
    stats: { diagrams: 0, renders: 0, cacheHits: 0, chromiumLaunches: 0 },
  };
}

const root = '/site';
const fileURL = pathToFileURL('/site/src/content/docs/questions/page.mdx');
const diagram = (body: string, meta = ' caption="A caption."') =>
  '```mermaid' + meta + '\nflowchart TB\n  accTitle: T\n  accDescr: D\n' + body + '\n```\n';

function setup() {
  const drawn: string[] = [];
  const warnings: string[] = [];
  const plugin = mermaidPlugin({ root, drawer: () => fakeDrawer(drawn), warn: (m) => warnings.push(m) });
  return { drawn, warnings, plugin };
}

describe('mermaidPlugin', () => {
  it('turns ```mermaid blocks of an MDX page into figures and leaves other code blocks alone', async () => {
    const { plugin, drawn } = setup();
    const source = `# Page\n\n${diagram('  A --> B')}\n\`\`\`python\nprint("hi")\n\`\`\`\n`;
    const { code } = await mdxToJs(source, { fileURL, mdastPlugins: [plugin] });
    expect(drawn).toEqual([diagramId('flowchart TB\n  accTitle: T\n  accDescr: D\n  A --> B')]);
    expect(code).toContain('set:html');
    expect(code).toContain('<figure class=\\"diagram not-content\\"');
    expect(code).toContain('Expand diagram: T');
    expect(code).toContain('print(\\"hi\\")');
    expect(code).not.toContain('flowchart TB');
  });

  it('writes raw HTML into a Markdown page', async () => {
    const { plugin } = setup();
    const { html } = await markdownToHtml(diagram('  A --> B'), { fileURL, mdastPlugins: [plugin] });
    expect(html).toMatch(/^<figure class="diagram not-content" id="figure-dg-[0-9a-f]{10}"/);
    expect(html).toContain('<figcaption class="diagram__caption">A caption.</figcaption>');
  });

  it('gives a repeated diagram its own id', async () => {
    const { plugin, drawn } = setup();
    await mdxToJs(diagram('  A --> B') + '\n' + diagram('  A --> B'), { fileURL, mdastPlugins: [plugin] });
    expect(drawn).toHaveLength(2);
    expect(drawn[1]).toBe(`${drawn[0]}-2`);
  });

  it('fails with the file, the line in it and mermaid’s message', async () => {
    const { plugin } = setup();
    const source = '# Page\n\nText.\n\n' + diagram('  BROKEN -->');
    // The fence is on line 5, mermaid's line 2 of the diagram is line 7 of the file.
    await expect(mdxToJs(source, { fileURL, mdastPlugins: [plugin] })).rejects.toThrow(
      /^src\/content\/docs\/questions\/page\.mdx:7: mermaid diagram 1 of this page \(the fence at line 5\): mermaid cannot parse it:\nParse error on line 2:/,
    );
  });

  it('requires a caption, an accTitle and an accDescr', async () => {
    const { plugin } = setup();
    await expect(mdxToJs(diagram('  A --> B', ''), { fileURL, mdastPlugins: [plugin] })).rejects.toThrow(
      /page\.mdx:1: .*no caption/,
    );
    const untitled = '```mermaid caption="C."\nflowchart TB\n  A --> B\n```\n';
    await expect(mdxToJs(untitled, { fileURL, mdastPlugins: [plugin] })).rejects.toThrow(/no accTitle/);
  });

  it('warns when a diagram is so wide that its text would shrink below 11 px', async () => {
    const warnings: string[] = [];
    const wide: DiagramDrawer = {
      ...fakeDrawer([]),
      draw: async (id, source) => ({ ...(await fakeDrawer([]).draw(id, source)), width: 1440 }),
    };
    const plugin = mermaidPlugin({ root, drawer: () => wide, warn: (m) => warnings.push(m) });
    await mdxToJs(diagram('  A --> B'), { fileURL, mdastPlugins: [plugin] });
    expect(warnings).toEqual([
      expect.stringMatching(/^src\/content\/docs\/questions\/page\.mdx:1: "T" is 1440 px wide.*8\.0 px/),
    ]);
  });

  it('stays out of pages without diagrams', () => {
    const { plugin } = setup();
    expect(plugin({ fileURL, sourceFormat: 'mdx', source: '# Page\n\n```python\nx = 1\n```\n' })).toBeUndefined();
  });
});

describe('ids and sizes', () => {
  it('derives a stable id from the source', () => {
    expect(diagramId('flowchart TB\n  A --> B')).toBe(diagramId('flowchart TB\n  A --> B'));
    expect(diagramId('flowchart TB\n  A --> B')).not.toBe(diagramId('flowchart TB\n  A --> C'));
    const used = new Set<string>();
    expect([uniqueId('dg-a', used), uniqueId('dg-a', used), uniqueId('dg-a', used)]).toEqual([
      'dg-a',
      'dg-a-2',
      'dg-a-3',
    ]);
  });

  it('computes the text size in the column', () => {
    expect(effectiveTextPx(16, 600)).toBe(16);
    expect(effectiveTextPx(16, 1440)).toBe(8);
  });
});
