// Stands in for @codemirror/lang-html: playgrounds edit only TypeScript, so Sandpack's HTML support
// (with the CSS and JavaScript parsers it embeds) would be dead weight in every reader's download.
import type { Extension } from '@codemirror/state';

export const html = (): Extension => [];
