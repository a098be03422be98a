/** Normalises trailing whitespace so a block matches regardless of editor settings. */
const normalise = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

/** True when `code` appears, line for line, inside a fenced block of the page's source. */
export function pageContainsBlock(source: string, code: string): boolean {
  return normalise(source).includes(normalise(code));
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

export const QUESTIONS_DIR = fileURLToPath(new URL('../../src/content/docs/questions/', import.meta.url));

export interface PageSource {
  readonly slug: string;
  readonly frontmatter: Record<string, unknown>;
  readonly body: string;
  readonly source: string;
}

export function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error('page has no frontmatter block');
  const frontmatter = load(match[1]!);
  if (typeof frontmatter !== 'object' || frontmatter === null) throw new Error('frontmatter is not a map');
  return { frontmatter: frontmatter as Record<string, unknown>, body: match[2]! };
}

export function loadQuestionPages(): PageSource[] {
  return readdirSync(QUESTIONS_DIR)
    .filter((file) => file.endsWith('.mdx') || file.endsWith('.md'))
    .sort()
    .map((file) => {
      const source = readFileSync(QUESTIONS_DIR + file, 'utf8');
      return { slug: file.replace(/\.mdx?$/, ''), ...splitFrontmatter(source), source };
    });
}

/** Reduces Markdown/MDX to comparable words: no emphasis, code ticks, tags, punctuation or case. */
export function plainWords(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[*_`\\]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%+<>=→]+/g, ' ')
    .trim();
}
