// Stands in for @codemirror/lang-css: playgrounds edit only TypeScript (see lang-html.ts).
import type { Extension } from '@codemirror/state';

export const css = (): Extension => [];
