import { describe, expect, it } from 'vitest';
import {
  clampScale,
  fitView,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  pinch,
  wheelFactor,
  zoomAt,
} from '../../../src/lib/diagrams/zoom';

describe('zoom', () => {
  it('fits a wide diagram to the viewport width and centres it', () => {
    expect(fitView({ width: 2000, height: 500 }, { width: 1032, height: 800 }, 16)).toEqual({
      scale: 0.5,
      x: 16,
      y: 275,
    });
  });

  it('enlarges a small diagram at most twice', () => {
    expect(fitView({ width: 100, height: 100 }, { width: 1000, height: 1000 }).scale).toBe(2);
  });

  it('keeps the point under the cursor in place while zooming', () => {
    const view = { scale: 1, x: 10, y: 20 };
    const at = { x: 110, y: 220 };
    const zoomed = zoomAt(view, 2, at);
    // The diagram point under the cursor: (at - offset) / scale, before and after.
    expect((at.x - zoomed.x) / zoomed.scale).toBeCloseTo((at.x - view.x) / view.scale);
    expect((at.y - zoomed.y) / zoomed.scale).toBeCloseTo((at.y - view.y) / view.scale);
    expect(zoomed.scale).toBe(2);
  });

  it('clamps the scale', () => {
    expect(clampScale(100)).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
    expect(zoomAt({ scale: MAX_SCALE, x: 0, y: 0 }, 2, { x: 50, y: 50 })).toEqual({ scale: MAX_SCALE, x: 0, y: 0 });
  });

  it('zooms in on wheel up, out on wheel down, in any delta mode', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-3, 1)).toBeGreaterThan(1);
    expect(wheelFactor(-1e6, 0)).toBeCloseTo(wheelFactor(-100, 0));
  });

  it('pans and pinches', () => {
    expect(panBy({ scale: 1, x: 0, y: 0 }, 5, -5)).toEqual({ scale: 1, x: 5, y: -5 });
    const spread = pinch(
      { scale: 1, x: 0, y: 0 },
      [
        { x: 40, y: 50 },
        { x: 60, y: 50 },
      ],
      [
        { x: 30, y: 50 },
        { x: 70, y: 50 },
      ],
    );
    expect(spread.scale).toBe(2);
    // The midpoint (50, 50) stays under the fingers.
    expect((50 - spread.x) / spread.scale).toBeCloseTo(50);
  });
});
