/** One top-level rule of a stylesheet: `prelude { body }` (an at-rule keeps its `@` in the prelude). */
export interface CssRule {
  readonly prelude: string;
  readonly body: string;
}

/**
 * Splits minified CSS (what mermaid emits) into its top-level rules. Nested blocks (`@keyframes`,
 * `@media`) stay whole in their rule's body. Throws on unbalanced braces rather than guess.
 */
export function splitCssRules(css: string): CssRule[] {
  const rules: CssRule[] = [];
  let i = 0;
  while (i < css.length) {
    const open = findOutsideStrings(css, '{', i);
    if (open === -1) {
      if (css.slice(i).trim()) throw new Error(`CSS has text after its last rule: ${css.slice(i, i + 40)}`);
      break;
    }
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      const ch = css[j];
      if (ch === '"' || ch === "'") j = endOfString(css, j);
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth !== 0) throw new Error('CSS has an unclosed block');
    rules.push({ prelude: css.slice(i, open).trim(), body: css.slice(open + 1, j - 1) });
    i = j;
  }
  return rules;
}

/** Splits a selector list on its top-level commas (not those inside `:is(a, b)` or strings). */
export function splitSelectorList(prelude: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const ch = prelude[i];
    if (ch === '"' || ch === "'") i = endOfString(prelude, i) - 1;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(prelude.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

export const formatCssRule = (rule: CssRule): string => `${rule.prelude}{${rule.body}}`;

function findOutsideStrings(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") i = endOfString(text, i) - 1;
    else if (ch === char) return i;
  }
  return -1;
}

/** Index just after the string literal that starts at `start`. */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}
