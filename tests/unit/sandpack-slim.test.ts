import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { markPureSandpackCalls, slimSandpackTemplates } from '../../src/lib/build/sandpack-slim';

const require = createRequire(import.meta.url);
const sandpackModule = require.resolve('@codesandbox/sandpack-react').replace(/index\.js$/, 'index.mjs');

describe('slimSandpackTemplates', () => {
  it("keeps only the vanilla fallback of the installed sandpack-react's templates", () => {
    const source = readFileSync(sandpackModule, 'utf8');
    expect(source).toContain('"vite-react-ts": VITE_REACT_TS_TEMPLATE');
    const slim = slimSandpackTemplates(source);
    expect(slim).toContain('var SANDBOX_TEMPLATES = { vanilla: VANILLA_TEMPLATE };');
    expect(slim).not.toContain('"vite-react-ts": VITE_REACT_TS_TEMPLATE');
    expect(slim.length).toBeLessThan(source.length);
  });

  it('fails, saying what to update, when sandpack-react changes shape', () => {
    expect(() => slimSandpackTemplates('export const templates = {};')).toThrow(/src\/lib\/build\/sandpack-slim\.ts/);
  });
});

describe('markPureSandpackCalls', () => {
  it('marks top-level css(), keyframes() and forwardRef() calls, and nothing inside functions', () => {
    const source = [
      'var wrapper = css({ display: "flex" });',
      'var Preview = React.forwardRef(function (props, ref) { var inner = css({}); });',
      'var fade = keyframes({});',
      'var theme = createTheme();',
    ].join('\n');
    expect(markPureSandpackCalls(source).split('\n')).toEqual([
      'var wrapper = /*#__PURE__*/ css({ display: "flex" });',
      'var Preview = /*#__PURE__*/ React.forwardRef(function (props, ref) { var inner = css({}); });',
      'var fade = /*#__PURE__*/ keyframes({});',
      'var theme = createTheme();',
    ]);
  });

  it('finds such calls in the installed sandpack-react, and fails when there are none', () => {
    const source = readFileSync(sandpackModule, 'utf8');
    expect(markPureSandpackCalls(source).match(/\/\*#__PURE__\*\/ css\(/g)?.length).toBeGreaterThan(50);
    expect(() => markPureSandpackCalls('var x = 1;')).toThrow(/src\/lib\/build\/sandpack-slim\.ts/);
  });
});
