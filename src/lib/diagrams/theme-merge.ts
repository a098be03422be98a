import { formatCssRule, splitCssRules, splitSelectorList, type CssRule } from './css-rules.ts';
import { decodeEntities } from '../html-entities.ts';

/**
 * Where the dark drawing applies. Starlight sets `data-theme` on `<html>` before the first paint and is
 * dark when it is missing (no JavaScript), so the diagrams are too.
 */
export const DARK_SCOPE = ":root:not([data-theme='light'])";
export const LIGHT_SCOPE = ":root[data-theme='light']";

/** Attributes that only paint, and that CSS can therefore override exactly. */
const PAINT_PROPERTIES = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'color',
  'opacity',
  'flood-color',
  'flood-opacity',
  'stop-color',
  'stop-opacity',
  'lighting-color',
  'background',
  'background-color',
  'border-color',
  'outline-color',
]);

export type MergeResult = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly reason: string };

/**
 * Merges mermaid's light and dark drawings of one diagram into a single SVG that looks exactly like the
 * light drawing under `[data-theme='light']` and exactly like the dark one otherwise. That is possible
 * when the two differ only in paint (colours in the `<style>` sheet and in fill/stroke-like attributes),
 * which is the case for every theme switch mermaid makes; anything else (a layout difference) is
 * reported, and the caller falls back to two drawings.
 *
 * How the cascade is kept exact:
 * - a `<style>` rule whose body differs is followed by its dark twin, with the same specificity
 *   (`:where(scope) selector`), so it wins against exactly what the light rule wins against;
 * - a differing paint attribute becomes a zero-specificity rule (still above presentation attributes,
 *   still below every mermaid rule, as the attribute was); a differing inline `style` declaration
 *   becomes a zero-specificity `!important` rule (above the inline declaration, below mermaid's own
 *   `!important` rules, as the inline declaration was).
 *
 * @param darkId the render id the dark drawing was made with; it is rewritten to `id`.
 */
export function mergeThemeSvgs(light: string, dark: string, id: string, darkId: string = id): MergeResult {
  const darkSameIds = darkId === id ? dark : dark.split(darkId).join(id);
  const lightParts = splitStyle(light);
  const darkParts = splitStyle(darkSameIds);
  if (!lightParts || !darkParts) return fail('the drawings do not have exactly one <style> element');

  const lightTokens = tokenize(lightParts.markup);
  const darkTokens = tokenize(darkParts.markup);
  const overrides: string[] = [];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < lightTokens.length || j < darkTokens.length) {
    const a = lightTokens[i];
    const b = darkTokens[j];
    if (a !== undefined && a === b) {
      out.push(a);
      i++;
      j++;
      continue;
    }
    // A paint server or other never-drawn element that only one drawing has (mermaid's dark theme
    // defines an extra gradient) is kept: it changes nothing until something refers to it.
    const extraDark = b === undefined ? -1 : endOfUndrawnElement(darkTokens, j);
    if (extraDark !== -1) {
      out.push(...darkTokens.slice(j, extraDark + 1));
      j = extraDark + 1;
      continue;
    }
    const extraLight = a === undefined ? -1 : endOfUndrawnElement(lightTokens, i);
    if (extraLight !== -1) {
      out.push(...lightTokens.slice(i, extraLight + 1));
      i = extraLight + 1;
      continue;
    }
    if (a === undefined || b === undefined) return fail('the drawings have different structures');
    const merged = mergeStartTags(a, b, id, () => String(overrides.length + 1));
    if (!merged.ok) return merged;
    if (merged.rule) overrides.push(merged.rule);
    out.push(merged.svg);
    i++;
    j++;
  }

  const css = mergeStyleSheets(lightParts.css, darkParts.css, id);
  if (typeof css !== 'string') return css;
  const markup = out.join('');
  const svg = `${markup.slice(0, lightParts.styleAt)}<style>${overrides.join('')}${css}</style>${markup.slice(lightParts.styleAt)}`;
  return { ok: true, svg };
}

/** One start tag from each drawing: the light tag, marked for a dark override rule if paint differs. */
function mergeStartTags(
  a: string,
  b: string,
  id: string,
  nextKey: () => string,
): { ok: true; svg: string; rule?: string } | { ok: false; reason: string } {
  const tagA = parseStartTag(a);
  const tagB = parseStartTag(b);
  if (!tagA || !tagB) return fail(`the drawings differ in text or markup: ${JSON.stringify(a.slice(0, 60))}`);
  if (tagA.name !== tagB.name || tagA.attributes.map(([n]) => n).join() !== tagB.attributes.map(([n]) => n).join()) {
    return fail(`the drawings differ in the structure of <${tagA.name}>`);
  }
  const inlineStyle = parseDeclarations(tagA.attributes.find(([n]) => n === 'style')?.[1] ?? '');
  const declarations: string[] = [];
  for (const [index, [name, lightValue]] of tagA.attributes.entries()) {
    const darkValue = tagB.attributes[index]![1];
    if (lightValue === darkValue) continue;
    if (name === 'style') {
      const result = diffDeclarations(lightValue, darkValue);
      if (typeof result === 'string') return fail(`<${tagA.name} style> ${result}`);
      declarations.push(...result.map(([property, value]) => `${property}:${value}!important`));
    } else if (PAINT_PROPERTIES.has(name)) {
      // An inline declaration of the same property already hides the attribute in both drawings.
      if (!inlineStyle.some(([property]) => property === name))
        declarations.push(`${name}:${decodeEntities(darkValue)}`);
    } else {
      return fail(`<${tagA.name}> attribute "${name}" differs`);
    }
  }
  if (declarations.length === 0) return { ok: true, svg: a };
  const key = nextKey();
  return {
    ok: true,
    svg: a.replace(/\s*(\/?)>$/, ` data-dark="${key}"$1>`),
    rule: `:where(${DARK_SCOPE} #${id} [data-dark="${key}"]){${declarations.join(';')}}`,
  };
}

const UNDRAWN = new Set([
  'defs',
  'linearGradient',
  'radialGradient',
  'pattern',
  'marker',
  'filter',
  'clipPath',
  'mask',
  'symbol',
]);

/** If `tokens[start]` opens a never-drawn element (a gradient, a marker…), the index of its end tag. */
function endOfUndrawnElement(tokens: readonly string[], start: number): number {
  const name = /^<([A-Za-z][^\s/>]*)/.exec(tokens[start] ?? '')?.[1];
  if (!name || !UNDRAWN.has(name)) return -1;
  if (tokens[start]!.endsWith('/>')) return start;
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (new RegExp(`^<${name}[\\s/>]`).test(token) && !token.endsWith('/>')) depth++;
    else if (token === `</${name}>`) depth--;
    if (depth === 0) return k;
  }
  return -1;
}

/**
 * Light rules stay; a rule whose body differs in the dark drawing gets its dark twin right after it. A
 * rule only one sheet has (mermaid's dark theme adds a few) is kept, scoped to its theme, in its place.
 */
function mergeStyleSheets(light: string, dark: string, id: string): string | MergeResult {
  let lightRules: CssRule[];
  let darkRules: CssRule[];
  try {
    lightRules = splitCssRules(light);
    darkRules = splitCssRules(dark);
  } catch (error) {
    return fail(`the <style> sheet cannot be read: ${(error as Error).message}`);
  }
  const out: string[] = [];
  const scoped = (rule: CssRule, scope: string): string | undefined => {
    if (rule.prelude.startsWith('@')) return undefined;
    const selectors = splitSelectorList(rule.prelude);
    if (!selectors.every((selector) => selector.startsWith(`#${id}`))) return undefined;
    return formatCssRule({ prelude: selectors.map((s) => `:where(${scope}) ${s}`).join(','), body: rule.body });
  };
  const laterIndex = (rules: CssRule[], from: number, prelude: string) =>
    rules.findIndex((rule, k) => k >= from && rule.prelude === prelude);
  let i = 0;
  let j = 0;
  while (i < lightRules.length || j < darkRules.length) {
    const a = lightRules[i];
    const b = darkRules[j];
    if (a && b && a.prelude === b.prelude) {
      out.push(formatCssRule(a));
      if (a.body !== b.body) {
        const twin = scoped({ prelude: b.prelude, body: changedDeclarations(a.body, b.body) }, DARK_SCOPE);
        if (!twin) return fail(`the <style> sheets differ in "${a.prelude.slice(0, 80)}"`);
        out.push(twin);
      }
      i++;
      j++;
    } else if (b && (!a || laterIndex(lightRules, i, b.prelude) === -1)) {
      const only = scoped(b, DARK_SCOPE);
      if (!only) return fail(`only the dark <style> sheet has "${b.prelude.slice(0, 80)}"`);
      out.push(only);
      j++;
    } else if (a && (!b || laterIndex(darkRules, j, a.prelude) === -1)) {
      const only = scoped(a, LIGHT_SCOPE);
      if (!only) return fail(`only the light <style> sheet has "${a.prelude.slice(0, 80)}"`);
      out.push(only);
      i++;
    } else {
      return fail('the <style> sheets order their rules differently');
    }
  }
  return out.join('');
}

/**
 * The declarations of `dark` that differ from `light`, when both declare the same properties in the
 * same order (then the light rule still supplies the rest); otherwise all of `dark`.
 */
export function changedDeclarations(light: string, dark: string): string {
  const split = (body: string) =>
    body
      .split(/;(?![^(]*\))/)
      .map((d) => d.trim())
      .filter(Boolean);
  const property = (declaration: string) => declaration.slice(0, declaration.indexOf(':')).trim();
  const a = split(light);
  const b = split(dark);
  if (a.length !== b.length || a.some((d, k) => property(d) !== property(b[k]!)) || b.some((d) => d.includes('{'))) {
    return dark;
  }
  return b.filter((d, k) => d !== a[k]).join(';');
}

/** The SVG without its one `<style>` element, and where that element was. */
function splitStyle(svg: string): { markup: string; css: string; styleAt: number } | undefined {
  const styles = [...svg.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)];
  if (styles.length !== 1) return undefined;
  const match = styles[0]!;
  const at = match.index;
  return { markup: svg.slice(0, at) + svg.slice(at + match[0].length), css: match[1]!, styleAt: at };
}

/** Tags, comments and text runs of serialised markup. Quoted attribute values may contain `>`. */
export function tokenize(markup: string): string[] {
  return (
    markup.match(
      /<!--[\s\S]*?-->|<\/?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>|[^<]+|</g,
    ) ?? []
  );
}

interface StartTag {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
}

export function parseStartTag(token: string): StartTag | undefined {
  const match = /^<([A-Za-z][^\s/>]*)([\s\S]*?)\/?>$/.exec(token);
  if (!match) return undefined;
  const attributes: Array<[string, string]> = [];
  for (const [, name, dq, sq, bare] of match[2]!.matchAll(
    /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
  )) {
    attributes.push([name!, dq ?? sq ?? bare ?? '']);
  }
  return { name: match[1]!, attributes };
}

/** `fill:#fff; stroke : red` → [['fill', '#fff'], ['stroke', 'red']]. */
export function parseDeclarations(style: string): Array<[string, string]> {
  return decodeEntities(style)
    .split(/;(?![^(]*\))/)
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim()];
    });
}

/** The dark declarations that differ, or why the difference cannot be expressed in CSS. */
function diffDeclarations(light: string, dark: string): Array<[string, string]> | string {
  const a = parseDeclarations(light);
  const b = parseDeclarations(dark);
  if (a.map(([p]) => p).join() !== b.map(([p]) => p).join()) return 'declares different properties';
  const changed: Array<[string, string]> = [];
  for (const [i, [property, value]] of a.entries()) {
    const darkValue = b[i]![1];
    if (value === darkValue) continue;
    if (!PAINT_PROPERTIES.has(property)) return `differs in "${property}"`;
    if (/!important/.test(value) || /!important/.test(darkValue)) return `differs in an !important "${property}"`;
    changed.push([property, darkValue]);
  }
  return changed;
}

const fail = (reason: string): MergeResult => ({ ok: false, reason });
