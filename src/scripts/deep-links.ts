/**
 * Deep links, enhanced (every link also works without this script):
 * - a heading's anchor link copies its full URL when clicked, and still jumps to the heading;
 * - the short link box (ShortLink.astro) gets a working Copy button;
 * - an anchor that has moved (src/anchors.json) forwards to its new place, on this page or another.
 */
import { moved } from '../anchors.json';
import { movedAnchorHref } from '../lib/links/manifest.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Writes to the clipboard; falls back to a selection and execCommand where the Clipboard API is missing. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.cssText = 'position:fixed;inset-block-start:0;opacity:0';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}

/** One polite live region for the page, so screen reader users hear that a link was copied. */
function announce(message: string): void {
  let region = document.getElementById('deep-links-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'deep-links-status';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  const live = region;
  live.textContent = '';
  // Clearing first makes a repeated message announce again.
  requestAnimationFrame(() => (live.textContent = message));
}

function flag(element: HTMLElement, attribute: string, ms = 2000): void {
  element.setAttribute(attribute, '');
  window.setTimeout(() => element.removeAttribute(attribute), ms);
}

// Heading anchor links: copy the full URL; the default action still moves to the heading.
document.addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.sl-anchor-link') : null;
  if (!link) return;
  const heading = link.parentElement?.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.trim() ?? 'this section';
  void copyText(link.href).then((ok) => {
    if (!ok) return;
    flag(link, 'data-copied');
    announce(`Link to “${heading}” copied`);
  });
});

// Short link boxes: the Copy button exists for script users only.
for (const box of document.querySelectorAll<HTMLElement>('[data-short-link]')) {
  const link = box.querySelector<HTMLAnchorElement>('a');
  const button = box.querySelector<HTMLButtonElement>('button');
  if (!link || !button) continue;
  link.textContent = link.href;
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener('click', () => {
    void copyText(link.href).then((ok) => {
      button.textContent = ok ? 'Copied' : 'Press Ctrl+C to copy';
      if (!ok) window.getSelection()?.selectAllChildren(link);
      announce(ok ? `Short link ${link.href} copied` : 'Could not copy: select the link and copy it');
      window.setTimeout(() => (button.textContent = label), 2000);
    });
  });
}

function followMovedAnchor(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  // An anchor that exists (a heading, or the alias the build leaves where a heading moved) needs nothing.
  if (!id || document.getElementById(id)) return;
  const href = movedAnchorHref(moved, base, location.pathname, id);
  if (href === undefined) return;
  const [path, hash = ''] = href.split('#');
  if (path === location.pathname) {
    history.replaceState(history.state, '', `#${hash}`);
    document.getElementById(hash)?.scrollIntoView();
  } else {
    location.replace(href);
  }
}

followMovedAnchor();
window.addEventListener('hashchange', followMovedAnchor);
