// Runs inside the build's headless Chromium, never on the site. Plain JavaScript, loaded as-is, so no
// bundler or transpiler can rewrite it (Playwright serialises functions with `toString()`).
//
// Draws one diagram in a brand-new iframe, so that nothing a diagram leaves behind (mermaid keeps id
// counters in module scope) changes the next one: the output depends only on the diagram's id, source and
// config. `Math.random` and the clock are fixed for the same reason.
'use strict';

/** A frame with mermaid loaded, `Math.random` seeded and the clock fixed, not yet used. */
function prepareFrame() {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:absolute;left:0;top:0;width:1280px;height:800px;border:0;visibility:hidden';
  document.body.append(frame);
  const win = frame.contentWindow;
  const doc = frame.contentDocument;

  let seed = 0x2545f491; // mulberry32
  win.Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RealmDate = win.Date;
  const epoch = Date.UTC(2025, 0, 1);
  win.Date = class extends RealmDate {
    constructor(...args) {
      if (args.length === 0) super(epoch);
      else super(...args);
    }
    static now() {
      return epoch;
    }
  };

  const script = doc.createElement('script');
  script.textContent = globalThis.mermaidBundle;
  doc.head.append(script);
  return frame;
}

/** Loading mermaid takes about as long as drawing; the next frame is loaded while Node is busy elsewhere. */
let spare;

/**
 * @param {{ id: string, source: string, config: Record<string, unknown> }} input
 * Expects `globalThis.mermaidBundle`: the text of mermaid's browser bundle (mermaid.min.js).
 */
globalThis.renderDiagramInFreshRealm = async function renderDiagramInFreshRealm(input) {
  const frame = spare ?? prepareFrame();
  spare = undefined;
  try {
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    const mermaid = win.mermaid;
    mermaid.initialize(input.config);

    let svg;
    try {
      ({ svg } = await mermaid.render(input.id, input.source));
    } catch (error) {
      const message = typeof error?.message === 'string' ? error.message : String(error);
      const fromMessage = /\bline:? (\d+)/i.exec(message)?.[1];
      const line = error?.hash?.loc?.first_line ?? (fromMessage ? Number(fromMessage) : null);
      return { ok: false, message, line };
    }

    const holder = doc.createElement('div');
    holder.innerHTML = svg;
    doc.body.append(holder);
    const element = holder.querySelector('svg');
    if (!element) throw new Error('mermaid returned no <svg>');
    const { width, height } = element.viewBox.baseVal;
    let minFontPx = Infinity;
    const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent.trim() || parent.closest('style, title, desc')) continue;
      const size = parseFloat(win.getComputedStyle(parent).fontSize);
      if (size > 0) minFontPx = Math.min(minFontPx, size);
    }
    return { ok: true, value: { svg, width, height, minFontPx: Number.isFinite(minFontPx) ? minFontPx : 16 } };
  } finally {
    frame.remove();
    setTimeout(() => {
      spare ??= prepareFrame();
    }, 0);
  }
};
