// Which analysis cell a located row is in, as SQL over its SWEREF 99 TM metres (grid_e, grid_n). The geometry and
// the sources are in lib/geo/cell-grid.ts; every query that groups or filters by cell uses these expressions, so
// the cell filter, the counts and the hot-spot statistics always agree on a cell.
import { hexSpacing, type CellShape } from '../lib/geo/cell-grid';

const num = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  return String(x);
};

/**
 * SQL for the cell's (ix, iy) of the row's grid_e/grid_n (INTEGER each; NULL where the row has no position).
 * Square: floor(metres / size), so a point on an edge belongs to exactly one cell. Hexagon: the hexagon whose
 * centre is nearest — d3-hexbin's two-candidate rule (the nearest centre in the point's row, or in the row above or
 * below when the point is near the zig-zag), with the distances compared in metres. Written out in SQL because
 * DuckDB-wasm has no hexagon binning of its own (the spatial and H3 extensions are not offline, and H3 is not in
 * SWEREF 99 TM metres).
 */
export function cellIndexSql(size: number, shape: CellShape = 'square'): { ix: string; iy: string } {
  if (shape === 'square') return { ix: `floor(grid_e / ${num(size)})::INTEGER`, iy: `floor(grid_n / ${num(size)})::INTEGER` };
  const { dx, dy } = hexSpacing(size);
  const py = `(grid_n / ${num(dy)})`;
  const pj = `floor(${py} + 0.5)`; // Math.round for positive and negative halves alike (d3 rounds .5 up)
  const odd = `((${pj}::BIGINT % 2 + 2) % 2)`;
  const px = `(grid_e / ${num(dx)} - ${odd} / 2)`;
  const pi = `floor(${px} + 0.5)`;
  const pi2 = `(${pi} + CASE WHEN ${px} < ${pi} THEN -0.5 ELSE 0.5 END)`;
  const pj2 = `(${pj} + CASE WHEN ${py} < ${pj} THEN -1 ELSE 1 END)`;
  // Distances in metres: d3-hexbin compares them in units of dx and dy, which are not equal, and so puts ~2 % of
  // points (near the zig-zag between rows) in a hexagon whose centre is not the nearest (cell-grid.test.ts).
  const dist = (a: string, b: string) => `((${a}) * ${num(dx)}) ^ 2 + ((${b}) * ${num(dy)}) ^ 2`;
  const other = `(abs(${py} - ${pj}) * 3 > 1 AND ${dist(`${px} - ${pi}`, `${py} - ${pj}`)} > ${dist(`${px} - ${pi2}`, `${py} - ${pj2}`)})`;
  return {
    ix: `(CASE WHEN ${other} THEN ${pi2} + CASE WHEN ${odd} = 1 THEN 0.5 ELSE -0.5 END ELSE ${pi} END)::INTEGER`,
    iy: `(CASE WHEN ${other} THEN ${pj2} ELSE ${pj} END)::INTEGER`,
  };
}
