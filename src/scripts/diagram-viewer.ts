/**
 * The full-size diagram viewer: every figure's "Expand diagram" button opens the diagram in a modal
 * <dialog>, where it can be zoomed (wheel, pinch, buttons, + and −) and panned (drag, arrow keys).
 * Escape or Close puts the diagram back and returns focus to the button.
 *
 * The SVG is moved into the dialog, not copied: a copy would duplicate its ids (and its <style> is
 * scoped by id). No mermaid here: the diagrams are drawn at build time.
 */
import { fitView, panBy, pinch, wheelFactor, zoomAt, type Point, type View } from '../lib/diagrams/zoom.ts';

interface Open {
  readonly figure: HTMLElement;
  readonly canvas: HTMLElement;
  readonly opener: HTMLButtonElement;
  readonly width: number;
  readonly height: number;
  view: View;
}

let dialog: HTMLDialogElement | undefined;
let stage: HTMLElement;
let viewport: HTMLElement;
let heading: HTMLElement;
let current: Open | undefined;

/** The diagram's own SVGs (one, or one per theme), not icons nested inside them. */
const drawings = (): NodeListOf<SVGSVGElement> =>
  stage.querySelectorAll<SVGSVGElement>(':scope > svg, :scope > .diagram__theme > svg');

function button(label: string, text: string, action: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'diagram-dialog__button';
  element.setAttribute('aria-label', label);
  element.title = label;
  element.textContent = text;
  element.addEventListener('click', action);
  return element;
}

function createDialog(): HTMLDialogElement {
  const element = document.createElement('dialog');
  element.className = 'diagram-dialog';
  element.setAttribute('aria-labelledby', 'diagram-dialog-title');

  const toolbar = document.createElement('div');
  toolbar.className = 'diagram-dialog__toolbar';
  heading = document.createElement('h2');
  heading.id = 'diagram-dialog-title';
  heading.className = 'diagram-dialog__title';
  const center = (): Point => ({ x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 });
  const close = button('Close', '✕', () => element.close());
  close.classList.add('diagram-dialog__close');
  close.autofocus = true;
  toolbar.append(
    heading,
    button('Zoom out', '−', () => update(zoomAt(current!.view, 1 / 1.25, center()))),
    button('Fit to screen', 'Fit', () => update(fit())),
    button('Zoom in', '+', () => update(zoomAt(current!.view, 1.25, center()))),
    close,
  );

  viewport = document.createElement('div');
  viewport.className = 'diagram-dialog__viewport';
  stage = document.createElement('div');
  stage.className = 'diagram-dialog__stage';
  viewport.append(stage);
  element.append(toolbar, viewport);

  viewport.addEventListener('wheel', onWheel, { passive: false });
  viewport.addEventListener('pointerdown', onPointerDown);
  viewport.addEventListener('pointermove', onPointerMove);
  viewport.addEventListener('pointerup', onPointerEnd);
  viewport.addEventListener('pointercancel', onPointerEnd);
  element.addEventListener('keydown', onKeyDown);
  element.addEventListener('close', onClose);
  // A click on the backdrop (outside the dialog's box) closes it too.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.body.append(element);
  return element;
}

function fit(): View {
  const { width, height } = current!;
  return fitView({ width, height }, { width: viewport.clientWidth, height: viewport.clientHeight });
}

function update(view: View): void {
  if (!current) return;
  current.view = view;
  // Resizing the SVG (rather than scaling it with a transform) keeps text crisp at every zoom.
  for (const svg of drawings()) {
    svg.style.width = `${current.width * view.scale}px`;
    svg.style.height = `${current.height * view.scale}px`;
  }
  stage.style.transform = `translate(${view.x}px, ${view.y}px)`;
  stage.dataset['scale'] = view.scale.toFixed(3);
}

function open(opener: HTMLButtonElement): void {
  const figure = opener.closest<HTMLElement>('figure.diagram');
  const canvas = figure?.querySelector<HTMLElement>('.diagram__canvas');
  if (!figure || !canvas) return;
  dialog ??= createDialog();
  current = {
    figure,
    canvas,
    opener,
    width: Number(figure.dataset['width']) || canvas.clientWidth,
    height: Number(figure.dataset['height']) || canvas.clientHeight,
    view: { scale: 1, x: 0, y: 0 },
  };
  heading.textContent = figure.querySelector('svg title')?.textContent ?? 'Diagram';
  // Keep the figure's place on the page while its drawing is in the dialog.
  canvas.style.minHeight = `${canvas.offsetHeight}px`;
  stage.append(...canvas.childNodes);
  dialog.showModal();
  update(fit());
}

function onClose(): void {
  if (!current) return;
  const { canvas, opener } = current;
  for (const svg of drawings()) {
    svg.style.removeProperty('width');
    svg.style.removeProperty('height');
  }
  canvas.append(...stage.childNodes);
  canvas.style.removeProperty('min-height');
  current = undefined;
  opener.focus();
}

function onWheel(event: WheelEvent): void {
  if (!current) return;
  event.preventDefault();
  update(zoomAt(current.view, wheelFactor(event.deltaY, event.deltaMode), local(event)));
}

const pointers = new Map<number, Point>();

function local(event: MouseEvent): Point {
  const box = viewport.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}

function onPointerDown(event: PointerEvent): void {
  if (event.button !== 0) return;
  try {
    viewport.setPointerCapture(event.pointerId);
  } catch {
    // Synthetic pointers cannot be captured; dragging still works while the pointer stays inside.
  }
  pointers.set(event.pointerId, local(event));
  viewport.classList.add('is-dragging');
}

function onPointerMove(event: PointerEvent): void {
  const before = pointers.get(event.pointerId);
  if (!current || !before) return;
  const after = local(event);
  const others = [...pointers.entries()].filter(([id]) => id !== event.pointerId);
  if (others.length === 1) {
    const other = others[0]![1];
    update(pinch(current.view, [before, other], [after, other]));
  } else if (others.length === 0) {
    update(panBy(current.view, after.x - before.x, after.y - before.y));
  }
  pointers.set(event.pointerId, after);
}

function onPointerEnd(event: PointerEvent): void {
  pointers.delete(event.pointerId);
  if (pointers.size === 0) viewport.classList.remove('is-dragging');
}

function onKeyDown(event: KeyboardEvent): void {
  if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
  const center = { x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 };
  const step = 48;
  const views: Record<string, () => View> = {
    '+': () => zoomAt(current!.view, 1.25, center),
    '=': () => zoomAt(current!.view, 1.25, center),
    '-': () => zoomAt(current!.view, 1 / 1.25, center),
    '0': fit,
    ArrowLeft: () => panBy(current!.view, step, 0),
    ArrowRight: () => panBy(current!.view, -step, 0),
    ArrowUp: () => panBy(current!.view, 0, step),
    ArrowDown: () => panBy(current!.view, 0, -step),
  };
  const next = views[event.key];
  if (!next) return;
  event.preventDefault();
  update(next());
}

document.addEventListener('click', (event) => {
  const opener = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button.diagram__expand');
  if (opener) open(opener);
});
