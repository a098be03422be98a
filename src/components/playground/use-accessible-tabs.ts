import { useEffect, type RefObject } from 'react';

/** Sets an attribute only when it differs, so that the observer below does not wake itself up. */
function set(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * Sandpack's file tabs put role="tab" on a <div> around the <button> a reader clicks: a control inside a
 * control (axe: nested-interactive), and the tab a screen reader announces is not the element that takes
 * focus. This moves the tab role and its state onto the buttons, and keeps them there as Sandpack
 * re-renders. The editor's tab panel is already labelled by the button's id.
 */
export function useAccessibleFileTabs(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const fix = () => {
      for (const container of element.querySelectorAll('.sp-tab-container')) {
        const button = container.querySelector('button');
        if (!button) continue;
        const controls = container.getAttribute('aria-controls') ?? button.getAttribute('aria-controls');
        set(button, 'role', 'tab');
        set(button, 'aria-selected', String(button.dataset['active'] === 'true'));
        set(button, 'aria-controls', controls);
        set(container, 'role', 'presentation');
        set(container, 'aria-selected', null);
        set(container, 'aria-controls', null);
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['role', 'aria-selected', 'data-active'],
    });
    return () => observer.disconnect();
  }, [root]);
}
