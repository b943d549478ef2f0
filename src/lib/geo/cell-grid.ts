// The analysis grids in SWEREF 99 TM metres: squares, or hexagons of the same area.
// - Square (ix, iy): the cell [ix·s, (ix+1)·s) × [iy·s, (iy+1)·s) — floor(metres / s), the same as SCB's grids.
// - Hexagon (ix, iy): pointy-top hexagons in rows dy apart, odd rows shifted half a hexagon east — the layout and
//   the two-candidate point-to-hexagon rule of d3-hexbin (M. Bostock, https://github.com/d3/d3-hexbin, ISC), with
//   its distances compared in metres (data/grid-cells.query.ts says why). A hexagon of size s has the area of the s × s square
//   (ArcGIS's Generate Tessellation also sizes hexagons by area): counts per cell compare between the two grids.
//   Hexagons have one kind of neighbour (all six share an edge, centres equally far), which is why analysts use
//   them for distance-band statistics (ESRI, "Why hexagons?", Generate Tessellation tool reference).

/** A cell of either grid: column and row. */
export interface CellKey { ix: number; iy: number }

export type CellShape = 'square' | 'hex';
export const CELL_SHAPES: readonly CellShape[] = ['square', 'hex'];

/**
 * A hexagon's circumradius R (metres, centre to corner) for a cell size s: the hexagon's area (3√3/2)·R² equals s².
 * Rows are dy = 1.5·R apart, centres in a row dx = √3·R apart (d3-hexbin's dx and dy for radius R).
 */
export function hexSpacing(size: number): { r: number; dx: number; dy: number } {
  const r = size * Math.sqrt(2 / (3 * Math.sqrt(3)));
  return { r, dx: r * Math.sqrt(3), dy: r * 1.5 };
}

/** A cell's centre in SWEREF 99 TM metres: [east, north]. */
export function cellCentreMetres(c: CellKey, size: number, shape: CellShape = 'square'): [number, number] {
  if (shape === 'square') return [(c.ix + 0.5) * size, (c.iy + 0.5) * size];
  const { dx, dy } = hexSpacing(size);
  return [(c.ix + (((c.iy % 2) + 2) % 2) / 2) * dx, c.iy * dy];
}

/**
 * The point a cell is named by, in whole SWEREF 99 TM metres [east, north]: a square's south-west corner (SCB's
 * convention for grid cells), a hexagon's centre (it has no corner on the metre grid). Tables, chips and titles.
 */
export function cellReferenceMetres(c: CellKey, size: number, shape: CellShape = 'square'): [number, number] {
  if (shape === 'square') return [c.ix * size, c.iy * size];
  const [e, n] = cellCentreMetres(c, size, 'hex');
  return [Math.round(e), Math.round(n)];
}

/** A cell's corners in SWEREF 99 TM metres, [east, north], closed (first = last), counter-clockwise. */
export function cellCornersMetres(c: CellKey, size: number, shape: CellShape = 'square'): [number, number][] {
  if (shape === 'square') {
    return ([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]] as const).map(([a, b]) => [(c.ix + a) * size, (c.iy + b) * size]);
  }
  const [e, n] = cellCentreMetres(c, size, 'hex');
  const { r } = hexSpacing(size);
  // Pointy-top: corners at 30°, 90°, … from east (the top corner points north).
  const corners = [30, 90, 150, 210, 270, 330].map((deg): [number, number] => [e + r * Math.cos((deg * Math.PI) / 180), n + r * Math.sin((deg * Math.PI) / 180)]);
  return [...corners, corners[0]];
}
