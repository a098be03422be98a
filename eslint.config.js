// ESLint (flat config): typed rules for all TypeScript — src/, tests/ and playgrounds/ alike — the
// recommended rules for Astro components and plain JavaScript, React's rules of hooks for the islands.
// Formatting is Prettier's job (.prettierrc.json); eslint-config-prettier turns the clashing rules off.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Built, generated or vendored: dist/ and .astro/, the bundled sandbox runner and PGlite's files.
    ignores: [
      'dist/',
      'dist-subpath/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/runner/',
      'tests/fixtures/**/dist/',
      'tests/fixtures/**/.astro/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `void promise` marks a promise that is deliberately not awaited (event handlers, warm-ups).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // An async method without await is how a fake keeps the real interface (the playgrounds' simulated
      // databases and services, the tests' stubs).
      '@typescript-eslint/require-await': 'off',
      // Passing on a rejection received from elsewhere (a timeout wrapper) keeps its reason as it was.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // The sandbox exists to evaluate reader code.
    files: ['src/runner/**'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  {
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  // Astro components: their frontmatter and scripts get the untyped rules (the type checker does not see
  // into .astro files; `astro check` does).
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // The bench scripts hand functions to the browser (page.evaluate).
    files: ['scripts/bench*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Runs in the page that draws the diagrams at build time.
    files: ['src/lib/diagrams/realm.browser.js'],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
