/**
 * Pure helpers for the CSP of built pages: find the inline scripts of an HTML page, hash them, and add the
 * hashes to the page's <meta http-equiv="content-security-policy">.
 */
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;
/** Types a browser executes; JSON and other data blocks need no hash. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** An element's attributes by lower-case name; a bare attribute (`async`) has the value ''. */
function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name = '', double, single, bare] of source.matchAll(
    /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
  )) {
    found.set(name.toLowerCase(), double ?? single ?? bare ?? '');
  }
  return found;
}

/** The bodies of the page's executable inline scripts, in document order. */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const [, source = '', body = ''] of html.matchAll(SCRIPT)) {
    const attrs = attributes(source);
    if (attrs.has('src')) continue;
    if (!EXECUTABLE.has((attrs.get('type') ?? '').trim().toLowerCase())) continue;
    bodies.push(body);
  }
  return bodies;
}

/** A CSP source expression for a script body, e.g. `'sha256-…'`. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** The policy in the page's CSP <meta>, or undefined when it has none. */
export function pagePolicy(html: string): string | undefined {
  return META.exec(html)?.[1]?.replaceAll('&#39;', "'").replaceAll('&apos;', "'");
}

/** A policy's directives by name, each a list of source expressions. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The event handler content attributes of HTML (GlobalEventHandlers, WindowEventHandlers), without "on". */
const EVENTS = new Set(
  (
    'abort afterprint animationend animationiteration animationstart auxclick beforeinput beforeprint beforeunload ' +
    'blur cancel canplay canplaythrough change click close contextmenu copy cuechange cut dblclick drag dragend ' +
    'dragenter dragleave dragover dragstart drop durationchange emptied ended error focus focusin focusout ' +
    'formdata hashchange input invalid keydown keypress keyup languagechange load loadeddata loadedmetadata ' +
    'loadstart message messageerror mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup ' +
    'offline online pagehide pageshow paste pause play playing pointercancel pointerdown pointerenter ' +
    'pointerleave pointermove pointerout pointerover pointerup popstate progress ratechange rejectionhandled ' +
    'reset resize scroll scrollend securitypolicyviolation seeked seeking select slotchange stalled storage ' +
    'submit suspend timeupdate toggle touchcancel touchend touchmove touchstart transitionend unhandledrejection ' +
    'unload volumechange waiting wheel'
  ).split(' '),
);

/** Inline event handlers (`<button onclick="…">`): no hash can allow them, so they would not run. */
export function inlineEventHandlers(html: string): string[] {
  const handlers: string[] = [];
  for (const [, tag = '', source = ''] of html.replace(SCRIPT, '').matchAll(/<([a-z][\w-]*)(\s[^>]*)?>/gi)) {
    for (const name of attributes(source).keys())
      if (name.startsWith('on') && EVENTS.has(name.slice(2))) handlers.push(`<${tag} ${name}>`);
  }
  return handlers;
}

/**
 * Adds the hash of every inline script of the page to the script-src of its CSP <meta>.
 * Returns the page unchanged when it has no policy; throws when the policy has no script-src.
 */
export function addInlineScriptHashes(html: string): { html: string; added: number } {
  const match = META.exec(html);
  if (!match) return { html, added: 0 };
  const content = match[1] ?? '';
  const directives = content.split(';');
  const index = directives.findIndex((part) => part.trim().startsWith('script-src '));
  if (index < 0) throw new Error('the CSP <meta> has no script-src directive');
  const present = new Set(directives[index]!.trim().split(/\s+/));
  const missing = [...new Set(inlineScripts(html).map(scriptHash))].filter((hash) => !present.has(hash));
  if (missing.length === 0) return { html, added: 0 };
  directives[index] = `${directives[index]!.trimEnd()} ${missing.join(' ')}`;
  const meta = match[0].replace(content, directives.join(';'));
  return { html: html.replace(match[0], meta), added: missing.length };
}
