import type { AstroUserConfig } from 'astro';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Directive = NonNullable<CspOptions['directives']>[number];

/**
 * The site's Content Security Policy, as Astro's `security.csp` option. Astro writes it into a <meta> on
 * every page and adds hashes of the scripts it bundles; ./integration.ts adds the hashes of the inline
 * scripts Starlight renders itself (theme, search shortcut, sidebar state), which Astro does not hash.
 *
 * - Scripts: our own files and hashed inline scripts only. No 'unsafe-inline', no 'unsafe-eval':
 *   'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly (PostgreSQL compiles in the sandbox).
 * - Styles may be inline: Starlight, diagrams and the Sandpack editor set style attributes and <style>
 *   elements, and a hash list would make browsers ignore 'unsafe-inline'.
 * - The playground's sandbox frame (public/runner/frame.html) has its own, tighter policy; it is the only
 *   place where reader code is evaluated.
 *
 * A <meta> policy cannot carry frame-ancestors, report-uri or sandbox: a host that sends headers can add them.
 */
export const CSP_DIRECTIVES: readonly Directive[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const contentSecurityPolicy = {
  algorithm: 'SHA-256',
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
} satisfies CspOptions;
