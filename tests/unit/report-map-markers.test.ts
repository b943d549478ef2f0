// The lägesbild map's letters: never on each other, never on a cell, inside the picture, a line back when moved; one per piece of a hot spot.
import { describe, expect, it } from 'vitest';
import { placeMarkers, type MarkerBox } from '../../src/features/lagesbild/report-map-markers';
import { letterPoints, markerLetter } from '../../src/features/lagesbild/report-map.model';

const overlaps = (a: MarkerBox, b: MarkerBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeMarkers', () => {
  it('keeps the letter beside its cell when there is room', () => {
    const [m] = placeMarkers([{ row: 0, x: 100, y: 100, side: 10 }], markerLetter, [{ x: 95, y: 95, width: 10, height: 10 }], { width: 400, height: 300 }, 18);
    expect(m.x).toBeGreaterThan(105);
    expect(m.y).toBe(100);
    expect(m.leader).toBeNull();
  });

  it('spreads 30 letters of hot spots a few pixels apart (a map of several län) so none overlaps another or a cell', () => {
    const anchors = Array.from({ length: 30 }, (_, i) => ({ row: i, x: 200 + (i % 6) * 7, y: 150 + Math.floor(i / 6) * 7, side: 6 }));
    const cells = anchors.map((a) => ({ x: a.x - 3, y: a.y - 3, width: 6, height: 6 }));
    const view = { width: 1000, height: 700 };
    const placed = placeMarkers(anchors, markerLetter, cells, view, 18);
    expect(placed.map((m) => m.row)).toEqual(anchors.map((a) => a.row));
    for (const [i, m] of placed.entries()) {
      for (const c of cells) expect(overlaps(m.box, c)).toBe(false);
      for (const other of placed.slice(i + 1)) expect(overlaps(m.box, other.box)).toBe(false);
      expect(m.box.x).toBeGreaterThanOrEqual(0);
      expect(m.box.x + m.box.width).toBeLessThanOrEqual(view.width);
    }
    // Letters moved off their cell point back to it.
    expect(placed.some((m) => m.leader !== null)).toBe(true);
  });

  it('stays inside the picture at its edge', () => {
    const [m] = placeMarkers([{ row: 0, x: 995, y: 5, side: 6 }], markerLetter, [], { width: 1000, height: 500 }, 18);
    expect(m.box.x + m.box.width).toBeLessThanOrEqual(1000);
    expect(m.box.y).toBeGreaterThanOrEqual(0);
  });
});

describe('letterPoints', () => {
  it('letters every piece of a hot spot whose cells lie apart (one place, 3 km apart), once per piece, in row order', () => {
    // Row 0: two touching cells and, 13 cells (3.25 km at 250 m) east, one more — one place, one row. Row 1: one cell.
    // Row −1 (recurring or left out): no letter.
    const cells = [
      { ix: 10, iy: 10, row: 0 }, { ix: 11, iy: 11, row: 0 }, { ix: 24, iy: 10, row: 0 },
      { ix: 40, iy: 40, row: 1 }, { ix: 60, iy: 60, row: -1 },
    ];
    const points = letterPoints(cells, 250);
    expect(points.map((p) => p.row)).toEqual([0, 0, 1]);
    // Each beside its piece's easternmost cell, at that cell's centre row.
    expect(points.map((p) => [p.e, p.n]).sort((a, b) => a[0] - b[0])).toEqual([[11 * 250, 11.5 * 250], [24 * 250, 10.5 * 250], [40 * 250, 40.5 * 250]]);
  });
});
