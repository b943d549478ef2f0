// Where each hot spot's letter goes on the lägesbild's map, so that no two letters overlap and no letter covers a
// cell. Over a map of several län the hot spots are a few pixels apart and the letters used to sit on top of each
// other ("EC", "IJ"). Greedy, in row order (A first): the nearest free spot around the row's anchor cell, ring by
// ring further out; a letter moved off its cell gets a leader line back to it.

export interface MarkerBox { x: number; y: number; width: number; height: number }

export interface PlacedMarker {
  row: number;
  /** The letter's centre, in view units. */
  x: number;
  y: number;
  /** The anchor (the cell's edge) when the letter stands away from it: draw a line from here. */
  leader: { x: number; y: number } | null;
  box: MarkerBox;
}

const overlaps = (a: MarkerBox, b: MarkerBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Eight directions, east first (beside the cell, where the letter always stood), then west, north, south, corners. */
const DIRECTIONS: [number, number][] = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1]];

/**
 * Letters for `anchors` (one or more per table row — one per piece of its cells: the cell's centre `x`, `y` and its drawn side, in view units),
 * `text(row)` the letter. Obstacles: every drawn cell. The view's edge is respected. A letter that finds no free
 * spot within four rings is placed in its first ring anyway (never dropped: the table refers to it).
 */
export function placeMarkers(anchors: { row: number; x: number; y: number; side: number }[], text: (row: number) => string, cells: MarkerBox[], view: { width: number; height: number }, fontSize: number): PlacedMarker[] {
  const placed: PlacedMarker[] = [];
  for (const a of anchors) {
    const width = text(a.row).length * fontSize * 0.7 + 4;
    const height = fontSize + 2;
    const boxAt = (cx: number, cy: number): MarkerBox => ({ x: cx - width / 2, y: cy - height / 2, width, height });
    let chosen: PlacedMarker | null = null;
    let first: PlacedMarker | null = null;
    for (let ring = 0; ring < 4 && !chosen; ring++) {
      for (const [dx, dy] of DIRECTIONS) {
        const reach = a.side / 2 + 2 + ring * height;
        const cx = a.x + dx * (reach + width / 2);
        const cy = a.y + dy * (reach + height / 2);
        const box = boxAt(cx, cy);
        const candidate = { row: a.row, x: cx, y: cy, box, leader: ring === 0 ? null : { x: a.x + dx * (a.side / 2), y: a.y + dy * (a.side / 2) } };
        first ??= candidate;
        if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) continue;
        if (cells.some((c) => overlaps(box, c)) || placed.some((p) => overlaps(box, p.box))) continue;
        chosen = candidate;
        break;
      }
    }
    placed.push(chosen ?? first!);
  }
  return placed;
}
