import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed text the 24 pages were written from (a verbatim copy of the original source). */
export const SEED_PATH = fileURLToPath(new URL('../../seed/answers.md', import.meta.url));

export interface SeedCodeBlock {
  readonly lang: string;
  /** The block's lines with the fence's own indentation removed. */
  readonly code: string;
}

export interface SeedQuestion {
  readonly n: number;
  readonly title: string;
  readonly body: string;
  readonly codeBlocks: readonly SeedCodeBlock[];
}

const QUESTION_HEADING = /^## (\d+)\. (.+)$/;
const FENCE = /^( *)```(\w*)\s*$/;

export function parseSeed(text: string): SeedQuestion[] {
  const questions: { n: number; title: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const heading = QUESTION_HEADING.exec(line);
    if (heading) {
      questions.push({ n: Number(heading[1]), title: heading[2]!.trim(), lines: [] });
    } else {
      questions.at(-1)?.lines.push(line);
    }
  }
  return questions.map(({ n, title, lines }) => ({
    n,
    title,
    body: lines.join('\n'),
    codeBlocks: extractCodeBlocks(lines),
  }));
}

export function extractCodeBlocks(lines: readonly string[]): SeedCodeBlock[] {
  const blocks: SeedCodeBlock[] = [];
  let open: { indent: number; lang: string; lines: string[] } | undefined;
  for (const line of lines) {
    const fence = FENCE.exec(line);
    if (!open) {
      if (fence) open = { indent: fence[1]!.length, lang: fence[2] ?? '', lines: [] };
    } else if (fence && fence[2] === '' && fence[1]!.length <= open.indent) {
      blocks.push({ lang: open.lang, code: open.lines.join('\n') });
      open = undefined;
    } else {
      open.lines.push(line.slice(Math.min(open.indent, line.length - line.trimStart().length)));
    }
  }
  if (open) throw new Error(`unclosed code fence (${open.lang || 'plain'})`);
  return blocks;
}

export function loadSeed(): SeedQuestion[] {
  return parseSeed(readFileSync(SEED_PATH, 'utf8'));
}
