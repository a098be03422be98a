import type { SandpackTheme } from '@codesandbox/sandpack-react';

/**
 * Every colour is a CSS variable (src/styles/playground.css), defined for Starlight's light and dark
 * themes, so the editor follows the theme toggle with no JavaScript.
 */
export const playgroundTheme: SandpackTheme = {
  colors: {
    surface1: 'var(--pg-surface1)',
    surface2: 'var(--pg-surface2)',
    surface3: 'var(--pg-surface3)',
    clickable: 'var(--pg-clickable)',
    base: 'var(--pg-base)',
    disabled: 'var(--pg-disabled)',
    hover: 'var(--pg-hover)',
    accent: 'var(--pg-accent)',
    error: 'var(--pg-error)',
    errorSurface: 'var(--pg-error-surface)',
  },
  syntax: {
    plain: 'var(--pg-syntax-plain)',
    comment: { color: 'var(--pg-syntax-comment)', fontStyle: 'italic' },
    keyword: 'var(--pg-syntax-keyword)',
    tag: 'var(--pg-syntax-tag)',
    punctuation: 'var(--pg-syntax-punctuation)',
    definition: 'var(--pg-syntax-definition)',
    property: 'var(--pg-syntax-property)',
    static: 'var(--pg-syntax-static)',
    string: 'var(--pg-syntax-string)',
  },
  font: {
    body: 'var(--sl-font, system-ui, sans-serif)',
    mono: 'var(--sl-font-mono, var(--sl-font-system-mono, ui-monospace, monospace))',
    size: '0.875rem',
    lineHeight: '1.5rem',
  },
};
