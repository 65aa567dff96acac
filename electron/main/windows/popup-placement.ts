/**
 * Pure (runs anywhere, used by the main process): where the call popups go. The first popup sits
 * in a corner of the work area of the display the user is on (the one under the cursor); the
 * next ones stack away from that corner and wrap into a new column when the work area is full.
 * Positions are whole DIPs that land on whole physical pixels, so a popup stays crisp at 125 % or
 * 150 % scaling.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayArea {
  readonly bounds: Rect;
  readonly workArea: Rect;
  readonly scaleFactor: number;
}

export type PopupCorner = 'bottom-right' | 'top-right';

export interface PopupPlacementInput {
  readonly displays: readonly DisplayArea[];
  readonly cursor: { readonly x: number; readonly y: number };
  readonly size: { readonly width: number; readonly height: number };
  /** 0 for the first (oldest) popup, 1 for the next, and so on. */
  readonly slot: number;
  readonly corner: PopupCorner;
  /** Space between popups and from the work-area edge, in DIPs. */
  readonly gap?: number;
}

/** macOS shows its notifications top-right under the menu bar; Windows and Linux bottom-right. */
export function cornerFor(platform: string): PopupCorner {
  return platform === 'darwin' ? 'top-right' : 'bottom-right';
}

function contains(rect: Rect, point: { x: number; y: number }): boolean {
  return (
    point.x >= rect.x &&
    point.x < rect.x + rect.width &&
    point.y >= rect.y &&
    point.y < rect.y + rect.height
  );
}

export function displayUnderCursor(
  displays: readonly DisplayArea[],
  cursor: { x: number; y: number },
): DisplayArea | null {
  return displays.find((display) => contains(display.bounds, cursor)) ?? displays[0] ?? null;
}

/**
 * Window positions are whole DIPs; at 125 % or 150 % only some of them fall on a whole physical
 * pixel. Moving at most 3 DIPs left/up finds one, so the popup's edges are never blurred.
 */
function snap(value: number, scaleFactor: number): number {
  const start = Math.floor(value);
  for (let shift = 0; shift < 4; shift += 1) {
    const physical = (start - shift) * scaleFactor;
    if (Math.abs(physical - Math.round(physical)) < 1e-6) return start - shift;
  }
  return start;
}

export function placePopup(input: PopupPlacementInput): Rect {
  const display = displayUnderCursor(input.displays, input.cursor);
  if (!display) throw new Error('Cannot place a popup: the system reported no display');

  const gap = input.gap ?? 12;
  const area = display.workArea;
  const width = Math.min(input.size.width, area.width - 2 * gap);
  const height = Math.min(input.size.height, area.height - 2 * gap);

  const perColumn = Math.max(1, Math.floor((area.height - gap) / (height + gap)));
  const column = Math.floor(input.slot / perColumn);
  const row = input.slot % perColumn;

  const right = area.x + area.width - gap - column * (width + gap);
  const x = Math.max(area.x, right - width);
  const y =
    input.corner === 'top-right'
      ? area.y + gap + row * (height + gap)
      : area.y + area.height - gap - height - row * (height + gap);

  const scale = display.scaleFactor > 0 ? display.scaleFactor : 1;
  return { x: snap(x, scale), y: snap(y, scale), width, height };
}
