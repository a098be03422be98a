/**
 * Sandpack's editor bundle carries 23 framework starter templates (Angular, Vue, Next.js, …, about 40 KB
 * of source) in one object, SANDBOX_TEMPLATES, which its `template` prop and its all-in-one <Sandpack>
 * preset read. Playgrounds pass `customSetup` and their own files and never a `template`, so the only
 * entry Sandpack can reach is its fallback, `vanilla`. Keeping just that entry lets the bundler drop the
 * rest from every reader's download.
 *
 * Its module also creates every component's styles (stitches' `css(…)`) and wrappers (`forwardRef(…)`) at
 * the top level, calls a bundler must keep unless told they are pure. They are: stitches injects a style
 * only when a component renders with it, and forwardRef only wraps a function. Marking them lets the
 * components a playground does not use (preview, console, file explorer, tests) drop out with their styles.
 */
import type { Plugin } from 'vite';

const TEMPLATES = /var SANDBOX_TEMPLATES = \{[^}]*\};/;
const PURE_CALLS = /^(var [\w$]+ = )((?:React\.)?forwardRef|css|keyframes)\(/gm;

/** Returns sandpack-react's module with SANDBOX_TEMPLATES reduced to its `vanilla` fallback. */
export function slimSandpackTemplates(code: string): string {
  if (!TEMPLATES.test(code))
    throw new Error(
      'sandpack-react no longer declares `var SANDBOX_TEMPLATES = { … };`: update src/lib/build/sandpack-slim.ts',
    );
  return code.replace(TEMPLATES, 'var SANDBOX_TEMPLATES = { vanilla: VANILLA_TEMPLATE };');
}

/** Marks sandpack-react's top-level style and forwardRef calls as pure, so unused ones can be dropped. */
export function markPureSandpackCalls(code: string): string {
  const marked = code.replace(PURE_CALLS, '$1/*#__PURE__*/ $2(');
  if (marked === code)
    throw new Error('sandpack-react has no top-level `var x = css(…)` any more: update src/lib/build/sandpack-slim.ts');
  return marked;
}

/** The Vite plugin that applies both to @codesandbox/sandpack-react. */
export function sandpackSlim(): Plugin {
  return {
    name: 'handbook:sandpack-slim',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@codesandbox[\\/]sandpack-react[\\/]dist[\\/]index\.mjs$/.test(id.split('?')[0]!)) return;
      return { code: markPureSandpackCalls(slimSandpackTemplates(code)), map: null };
    },
  };
}
