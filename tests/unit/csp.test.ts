import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addInlineScriptHashes,
  inlineEventHandlers,
  inlineScripts,
  pagePolicy,
  parsePolicy,
  scriptHash,
} from '../../src/lib/csp/inline-hashes';
import { contentSecurityPolicy } from '../../src/lib/csp/policy';

const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;

describe('inlineScripts', () => {
  it('finds classic and module inline scripts, not external scripts or data blocks', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script src="/c.js"></script>' +
      '<script type="application/ld+json">{"d":1}</script><script aria-hidden="true">e()</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'e()']);
  });
});

describe('scriptHash', () => {
  it('is the base64 SHA-256 of the exact body, as CSP expects', () => {
    const body = '\n\tStarlightThemeProvider.updatePickers();\n';
    const expected = createHash('sha256').update(body).digest('base64');
    expect(scriptHash(body)).toBe(`'sha256-${expected}'`);
  });
});

describe('addInlineScriptHashes', () => {
  it('adds each missing hash once to script-src and leaves other directives alone', () => {
    const known = scriptHash('known()');
    const html = `<head>${meta(`default-src 'self'; script-src 'self' ${known}; style-src 'self' 'unsafe-inline';`)}</head><script>known()</script><script>theme()</script><script>theme()</script>`;
    const { html: out, added } = addInlineScriptHashes(html);
    expect(added).toBe(1);
    const policy = parsePolicy(pagePolicy(out)!);
    expect(policy.get('script-src')).toEqual(["'self'", known, scriptHash('theme()')]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('leaves a page without a policy unchanged', () => {
    const html = '<script>a()</script>';
    expect(addInlineScriptHashes(html)).toEqual({ html, added: 0 });
  });

  it('refuses a policy without script-src', () => {
    expect(() => addInlineScriptHashes(`${meta("default-src 'self'")}<script>a()</script>`)).toThrow('no script-src');
  });
});

describe('inlineEventHandlers', () => {
  it('finds onclick-style attributes outside scripts', () => {
    const html =
      '<button onclick="go()">x</button><img src="a.png" onerror="x()"><script>if (a <b onload= c) {}</script><p data-onclick="x"><astro-island once>';
    expect(inlineEventHandlers(html)).toEqual(['<button onclick>', '<img onerror>']);
  });
});

describe('the site policy', () => {
  it('allows no inline or eval’d scripts, only WebAssembly compilation', () => {
    const scripts = contentSecurityPolicy.scriptDirective.resources as readonly string[];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const directives = parsePolicy(contentSecurityPolicy.directives.join(';'));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});
