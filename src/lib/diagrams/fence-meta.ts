/** What a ```mermaid fence may say after its language: `caption="…"`. */
export interface FenceMeta {
  readonly caption?: string;
}

/**
 * Parses the fence meta, e.g. `caption="A retry after a lost response."` (single quotes work too, and
 * `\"` inside double quotes). Throws on anything else, so a typo does not silently drop a caption.
 */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const text = (meta ?? '').trim();
  const result: { caption?: string } = {};
  const attribute = /\s*([a-zA-Z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*/y;
  let at = 0;
  while (at < text.length) {
    attribute.lastIndex = at;
    const match = attribute.exec(text);
    if (!match) throw new Error(`cannot read the fence meta at "${text.slice(at)}"; write caption="One sentence."`);
    const [, name, doubleQuoted, singleQuoted] = match;
    if (name !== 'caption') throw new Error(`unknown fence attribute "${name}"; only caption="…" is supported`);
    result.caption = (doubleQuoted ?? singleQuoted ?? '').replace(/\\(.)/g, '$1').trim();
    at = attribute.lastIndex;
  }
  return result;
}
