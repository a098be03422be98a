/**
 * The anchor manifest (src/anchors.json): every public heading anchor of the question pages, as
 * "/questions/<slug>/#<id>", and where each anchor that no longer exists has moved. Links pasted into
 * wikis point at these; a test fails when one disappears without a "moved" entry, and the site sends
 * readers of a moved anchor on to its new place.
 */
export interface AnchorManifest {
  /** Every anchor ever published, current or moved. Append-only. */
  readonly anchors: readonly string[];
  /** Old anchor → where its section is now (another anchor, possibly on another page). */
  readonly moved: Readonly<Record<string, string>>;
}

export const anchorUrl = (slug: string, id: string): string => `/questions/${slug}/#${id}`;

/** "/questions/sagas/#when-to-use" → { path: "/questions/sagas/", id: "when-to-use" }. */
export function splitAnchor(anchor: string): { path: string; id: string } {
  const hash = anchor.indexOf('#');
  if (hash < 0) throw new Error(`"${anchor}" is not an anchor (no #)`);
  return { path: anchor.slice(0, hash), id: anchor.slice(hash + 1) };
}

/** Follows "moved" (A → B → C) to the anchor that exists now; undefined when `anchor` has not moved. */
export function resolveMoved(moved: AnchorManifest['moved'], anchor: string): string | undefined {
  let target = moved[anchor];
  if (target === undefined) return undefined;
  const seen = new Set([anchor]);
  while (moved[target] !== undefined) {
    if (seen.has(target)) throw new Error(`src/anchors.json: "moved" has a cycle through ${target}`);
    seen.add(target);
    target = moved[target]!;
  }
  return target;
}

/**
 * Everything wrong between the manifest and the anchors the pages have now, as messages that say what to
 * do. Empty when every published anchor still resolves and every current anchor is published.
 */
export function manifestProblems(manifest: AnchorManifest, current: readonly string[]): string[] {
  const problems: string[] = [];
  const now = new Set(current);
  const published = new Set(manifest.anchors);
  for (const anchor of current) {
    if (!published.has(anchor))
      problems.push(`${anchor} is new: add it to "anchors" in src/anchors.json (npm run anchors does)`);
  }
  for (const from of Object.keys(manifest.moved)) {
    if (!published.has(from)) problems.push(`"moved" lists ${from}, which is not in "anchors"`);
    if (now.has(from)) problems.push(`${from} still exists, so it cannot have moved: remove it from "moved"`);
    try {
      const target = resolveMoved(manifest.moved, from);
      if (target !== undefined && !now.has(target)) problems.push(`${from} moved to ${target}, which does not exist`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const anchor of manifest.anchors) {
    if (!now.has(anchor) && manifest.moved[anchor] === undefined) {
      problems.push(
        `${anchor} disappeared: keep its heading's id, or say where its section went in "moved" ` +
          `("${anchor}": "/questions/<slug>/#<new-id>") so that links to it keep working`,
      );
    }
  }
  return problems;
}

/**
 * Ids on the page at `path` that should lead to a heading on the same page: new id → old ids. The build
 * puts an empty element with each old id right before the heading, so old links work without script.
 */
export function samePageAliases(manifest: AnchorManifest, path: string): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const from of Object.keys(manifest.moved)) {
    const old = splitAnchor(from);
    if (old.path !== path) continue;
    const target = splitAnchor(resolveMoved(manifest.moved, from)!);
    if (target.path !== path) continue;
    aliases.set(target.id, [...(aliases.get(target.id) ?? []), old.id]);
  }
  return aliases;
}

/** A page's path as the manifest writes it, from its URL path under `base`: ("/handbook/questions/x/", "/handbook/") → "/questions/x/". */
export function sitePath(pathname: string, base: string): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return `/${path}`.replace(/\/?$/, '/');
}

/**
 * Where a link to `#id` on the page at `pathname` should go now: the URL path and hash (under `base`) of
 * the section it moved to, or undefined when that anchor has not moved.
 */
export function movedAnchorHref(
  moved: AnchorManifest['moved'],
  base: string,
  pathname: string,
  id: string,
): string | undefined {
  const target = resolveMoved(moved, `${sitePath(pathname, base)}#${id}`);
  if (target === undefined) return undefined;
  const to = splitAnchor(target);
  return `${base}${to.path.slice(1)}#${to.id}`;
}
