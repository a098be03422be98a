/** Where the diagram sits in the full-size view: drawn at `scale`, its top-left corner at (x, y). */
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 8;

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * The diagram as large as fits in the viewport (small ones up to twice their natural size), centred.
 * `padding` is kept free on every side.
 */
export function fitView(content: Size, viewport: Size, padding = 16): View {
  const room = { width: Math.max(1, viewport.width - 2 * padding), height: Math.max(1, viewport.height - 2 * padding) };
  const scale = clampScale(Math.min(room.width / content.width, room.height / content.height, 2));
  return {
    scale,
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
  };
}

/** Zooms by `factor` keeping the diagram point under `at` (viewport coordinates) where it is. */
export function zoomAt(view: View, factor: number, at: Point): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

export const panBy = (view: View, dx: number, dy: number): View => ({ ...view, x: view.x + dx, y: view.y + dy });

/** Wheel zoom factor: smooth for trackpads (small deltas), one notch of a mouse wheel ≈ ×1.2. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-100, Math.min(100, pixels)) * 0.0018);
}

/** One step of the pinch gesture: how the two touch points moved from `before` to `after`. */
export function pinch(view: View, before: readonly [Point, Point], after: readonly [Point, Point]): View {
  const distance = ([a, b]: readonly [Point, Point]) => Math.hypot(a.x - b.x, a.y - b.y);
  const middle = ([a, b]: readonly [Point, Point]): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const from = middle(before);
  const to = middle(after);
  const factor = distance(before) > 0 ? distance(after) / distance(before) : 1;
  return panBy(zoomAt(view, factor, from), to.x - from.x, to.y - from.y);
}
