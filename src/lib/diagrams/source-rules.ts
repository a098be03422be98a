/**
 * Problems with a diagram's source that mermaid would accept but the site cannot: each diagram is drawn
 * once per site theme, so a `theme` set in the diagram itself (front matter or an init directive) would
 * show the same colours in light and dark mode.
 */
export function sourceProblems(source: string): string[] {
  const problems: string[] = [];
  const frontMatter = /^\s*---\n([\s\S]*?)\n\s*---/.exec(source)?.[1] ?? '';
  const directives = [...source.matchAll(/%%\{([\s\S]*?)\}%%/g)].map((m) => m[1]).join('\n');
  if (/^\s*theme\s*:/m.test(frontMatter) || /["']?theme["']?\s*:/.test(directives)) {
    problems.push('sets its own mermaid theme; remove it: the site draws every diagram in its light and dark theme');
  }
  return problems;
}
