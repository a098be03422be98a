/**
 * The real thing: mermaid in the build's Chromium. Slower than the other unit tests (a few seconds per
 * diagram type on a busy machine), so it draws a handful of diagrams, one of each kind the site uses.
 */
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../src/lib/chromium';
import { compactNumbers } from '../../../src/lib/diagrams/compact';
import { mermaidConfig } from '../../../src/lib/diagrams/mermaid-config';
import { createMermaidRenderer, MermaidSyntaxError, type MermaidRenderer } from '../../../src/lib/diagrams/renderer';
import { mergeThemeSvgs } from '../../../src/lib/diagrams/theme-merge';

const DIAGRAMS: Record<string, string> = {
  flowchart: `flowchart TB
  accTitle: Decision
  accDescr: Team size decides.
  A([Team size?]) -->|small| B{Domain clear?}
  B -->|yes| C[Modular monolith]
  A ==>|large| D[(Microservices)]
  subgraph ops [Ops maturity]
    D
  end
  classDef hot fill:#fde2e1,stroke:#b42318,color:#3b0a06
  class D hot`,
  sequence: `sequenceDiagram
  accTitle: Retry
  accDescr: A retry after a lost response.
  autonumber
  actor U as User
  participant C as Client
  participant S as Server
  U->>C: Pay
  C->>S: POST /pay (key=abc)
  S--)C: 201 (lost)
  Note over C,S: the response is lost
  alt retry
    C->>S: POST /pay (key=abc)
    S-->>C: 201 (stored)
  end
  rect rgba(120, 160, 255, 0.15)
    S->>S: dedupe
  end`,
  state: `stateDiagram-v2
  accTitle: Breaker
  accDescr: Circuit breaker states.
  [*] --> Closed
  Closed --> Open: failures over threshold
  Open --> HalfOpen: after timeout
  HalfOpen --> Closed: probe succeeds
  note right of Open: fail fast`,
  er: `erDiagram
  accTitle: Orders
  accDescr: Customers place orders.
  CUSTOMER ||--o{ ORDER : places
  ORDER {
    bigint id PK
    text status
  }`,
  gantt: `gantt
  accTitle: Trace
  accDescr: One slow span.
  dateFormat x
  axisFormat %L ms
  section gateway
    GET /checkout :0, 950
  section pricing
    quote :crit, 180, 940`,
};

let renderer: MermaidRenderer;
let browser: Browser;

beforeAll(async () => {
  renderer = createMermaidRenderer({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await renderer.close();
  await browser.close();
});

describe('mermaid in Chromium', () => {
  it('draws a diagram the same whatever was drawn before it, in one Chromium', async () => {
    const first = await renderer.render('dg-a', DIAGRAMS['sequence']!, mermaidConfig('light'));
    await renderer.render('dg-b', DIAGRAMS['flowchart']!, mermaidConfig('dark'));
    await renderer.render('dg-c', DIAGRAMS['sequence']!, mermaidConfig('light'));
    const again = await renderer.render('dg-a', DIAGRAMS['sequence']!, mermaidConfig('light'));
    expect(again.svg).toBe(first.svg);
    expect(first.svg).toContain('<title id="chart-title-dg-a">Retry</title>');
    expect(renderer.launches).toBe(1);
  }, 120_000);

  it('reports a syntax error with mermaid’s message and line', async () => {
    const error = await renderer
      .render('dg-x', 'flowchart TB\n  A --> B\n  B --> --> C', mermaidConfig('light'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MermaidSyntaxError);
    expect((error as MermaidSyntaxError).message).toMatch(/^Parse error on line 3:/);
    expect((error as MermaidSyntaxError).line).toBe(3);
  }, 60_000);

  it.each(Object.keys(DIAGRAMS))(
    'merges the light and dark %s into one SVG that looks exactly like each',
    async (kind) => {
      const source = DIAGRAMS[kind]!;
      const [light, dark] = await Promise.all([
        renderer.render('dg-m', source, mermaidConfig('light')),
        renderer.render('dg-m-dark', source, mermaidConfig('dark')),
      ]);
      const merged = mergeThemeSvgs(light.svg, dark.svg, 'dg-m', 'dg-m-dark');
      if (!merged.ok) throw new Error(merged.reason);

      const page = await browser.newPage({ viewport: { width: Math.ceil(light.width) + 20, height: 800 } });
      const shot = async (svg: string, theme: 'light' | 'dark') => {
        await page.setContent(
          `<!doctype html><html data-theme="${theme}"><body style="margin:0;background:${theme === 'light' ? '#fff' : '#17181c'}">` +
            `<div id="d" style="width:${Math.ceil(light.width)}px">${svg}</div></body></html>`,
        );
        return page.locator('#d').screenshot();
      };
      // Each original keeps its own ids: the dark one was drawn as dg-m-dark.
      expect((await shot(merged.svg, 'light')).equals(await shot(light.svg, 'light'))).toBe(true);
      expect((await shot(merged.svg, 'dark')).equals(await shot(dark.svg, 'dark'))).toBe(true);
      // …and the two themes really differ, or the comparison above proves nothing.
      expect((await shot(merged.svg, 'light')).equals(await shot(merged.svg, 'dark'))).toBe(false);

      // What ships has its coordinates rounded: every path must still parse.
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await shot(compactNumbers(merged.svg), 'light');
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
