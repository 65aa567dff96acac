// Popup placement is pure: a corner of the work area of the display under the cursor, stacked
// away from the corner, wrapped into a new column when full, on whole physical pixels.
import { describe, expect, it } from 'vitest';
import type { DisplayArea } from '../../electron/main/windows/popup-placement.js';
import { cornerFor, placePopup } from '../../electron/main/windows/popup-placement.js';

const size = { width: 360, height: 128 };

const laptop: DisplayArea = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 }, // taskbar at the bottom
  scaleFactor: 1,
};
// A 4K screen at 150 % to the right, taskbar on its left edge, and a 125 % screen above.
const right4k: DisplayArea = {
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1968, y: 0, width: 2512, height: 1440 },
  scaleFactor: 1.5,
};
const above125: DisplayArea = {
  bounds: { x: 0, y: -864, width: 1536, height: 864 },
  workArea: { x: 0, y: -864, width: 1536, height: 824 },
  scaleFactor: 1.25,
};
const displays = [laptop, right4k, above125];

function isWholePhysicalPixel(value: number, scale: number): boolean {
  return Number.isInteger(value) && Math.abs(value * scale - Math.round(value * scale)) < 1e-9;
}

describe('popup placement', () => {
  it('one display: bottom-right corner of the work area, above the taskbar', () => {
    const rect = placePopup({
      displays: [laptop],
      cursor: { x: 5, y: 5 },
      size,
      slot: 0,
      corner: 'bottom-right',
    });
    expect(rect).toEqual({ x: 1920 - 12 - 360, y: 1040 - 12 - 128, width: 360, height: 128 });
  });

  it('macOS: top-right, under the menu bar', () => {
    expect(cornerFor('darwin')).toBe('top-right');
    expect(cornerFor('win32')).toBe('bottom-right');
    const mac: DisplayArea = { ...laptop, workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
    const rect = placePopup({
      displays: [mac],
      cursor: { x: 5, y: 5 },
      size,
      slot: 1,
      corner: 'top-right',
    });
    expect(rect.y).toBe(25 + 12 + 128 + 12);
  });

  it('several calls stack upwards without overlapping', () => {
    const rects = [0, 1, 2].map((slot) =>
      placePopup({
        displays: [laptop],
        cursor: { x: 5, y: 5 },
        size,
        slot,
        corner: 'bottom-right',
      }),
    );
    expect(rects.map((r) => r.x)).toEqual([1548, 1548, 1548]);
    expect(rects[0]!.y - rects[1]!.y).toBe(140);
    expect(rects[1]!.y - rects[2]!.y).toBe(140);
  });

  it('wraps into a second column when the work area is full', () => {
    const perColumn = Math.floor((1040 - 12) / 140); // 7
    const last = placePopup({
      displays: [laptop],
      cursor: { x: 5, y: 5 },
      size,
      slot: perColumn - 1,
      corner: 'bottom-right',
    });
    const wrapped = placePopup({
      displays: [laptop],
      cursor: { x: 5, y: 5 },
      size,
      slot: perColumn,
      corner: 'bottom-right',
    });
    expect(last.y).toBeGreaterThanOrEqual(0);
    expect(wrapped.y).toBe(1040 - 12 - 128);
    expect(wrapped.x).toBe(1548 - 372);
  });

  it('follows the cursor to another display, with its own work area and scaling', () => {
    const rect = placePopup({
      displays,
      cursor: { x: 3000, y: 700 },
      size,
      slot: 0,
      corner: 'bottom-right',
    });
    expect(rect.x + rect.width).toBeLessThanOrEqual(1968 + 2512 - 12);
    expect(rect.x).toBeGreaterThan(1968);
    expect(rect.y + rect.height).toBeLessThanOrEqual(1440 - 12);
    expect(isWholePhysicalPixel(rect.x, 1.5)).toBe(true);
    expect(isWholePhysicalPixel(rect.y, 1.5)).toBe(true);
  });

  it('lands on whole physical pixels at 125 % on a display with negative coordinates', () => {
    for (const slot of [0, 1, 2, 3]) {
      const rect = placePopup({
        displays,
        cursor: { x: 100, y: -100 },
        size,
        slot,
        corner: 'bottom-right',
      });
      expect(rect.y).toBeLessThan(-40);
      expect(rect.y).toBeGreaterThanOrEqual(-864);
      expect(isWholePhysicalPixel(rect.x, 1.25)).toBe(true);
      expect(isWholePhysicalPixel(rect.y, 1.25)).toBe(true);
    }
  });

  it('a cursor outside every display falls back to the primary display', () => {
    const rect = placePopup({
      displays,
      cursor: { x: -5000, y: 5000 },
      size,
      slot: 0,
      corner: 'bottom-right',
    });
    expect(rect.x).toBe(1548);
  });

  it('shrinks to fit a display smaller than the popup and refuses no display', () => {
    const tiny: DisplayArea = {
      bounds: { x: 0, y: 0, width: 300, height: 100 },
      workArea: { x: 0, y: 0, width: 300, height: 100 },
      scaleFactor: 1,
    };
    const rect = placePopup({
      displays: [tiny],
      cursor: { x: 1, y: 1 },
      size,
      slot: 0,
      corner: 'bottom-right',
    });
    expect(rect.x).toBeGreaterThanOrEqual(0);
    expect(rect.width).toBeLessThanOrEqual(300);
    expect(() =>
      placePopup({ displays: [], cursor: { x: 0, y: 0 }, size, slot: 0, corner: 'bottom-right' }),
    ).toThrow(/no display/);
  });
});
