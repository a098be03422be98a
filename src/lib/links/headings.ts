/**
 * Explicit heading ids. A heading names its id in a trailing MDX comment, which renders as nothing:
 *
 *   ### 1. Locking {/* #1-locking *\/}
 *
 * The id is part of the page's public contract (wikis link to it), so it stays put when the wording of
 * the heading changes. `## Title {#id}` is not valid MDX (braces are an expression), hence the comment.
 */

/** Lowercase words joined by hyphens; a doubled hyphen is allowed (ids generated from "A & B" have one). */
export const ANCHOR_ID = /^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/;

/** The body of the MDX comment expression, as Sätteri gives it: "/* #1-locking *\/" → "1-locking". */
export function idFromComment(expression: string): string | undefined {
  return /^\s*\/\*\s*#(\S+?)\s*\*\/\s*$/.exec(expression)?.[1];
}

const TRAILING_MARKER = /\s*\{\s*\/\*\s*#(\S+?)\s*\*\/\s*\}\s*$/;

export interface SourceHeading {
  readonly depth: number;
  /** The heading's source text without the marker. */
  readonly text: string;
  readonly id: string | undefined;
  /** 1-based line in the file. */
  readonly line: number;
}

/** The ATX headings of a Markdown/MDX source, outside frontmatter and fenced code. */
export function sourceHeadings(source: string): SourceHeading[] {
  const lines = source.split('\n');
  const headings: SourceHeading[] = [];
  let fence: string | undefined;
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) start = end + 1;
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const raw = heading[2]!;
    const marker = TRAILING_MARKER.exec(raw);
    headings.push({
      depth: heading[1]!.length,
      text: marker ? raw.slice(0, marker.index).trimEnd() : raw,
      id: marker?.[1],
      line: i + 1,
    });
  }
  return headings;
}

/** The public anchors of a question page: "/questions/<slug>/#<id>" for each h2/h3 with an explicit id. */
export function pageAnchors(slug: string, source: string): string[] {
  return sourceHeadings(source)
    .filter((h) => (h.depth === 2 || h.depth === 3) && h.id !== undefined)
    .map((h) => `/questions/${slug}/#${h.id}`);
}
