// The hot-spot analysis shared by Karta and Lägesbild (and so the presentation): cells of the SWEREF 99 TM grid
// (squares, or on the Karta hexagons of the same area: lib/geo/cell-grid.ts),
// the study area, Gi* per cell and the emerging hot-spot patterns over two-week steps. Pure: rows in, cells out.
// The statistics themselves live in lib/statistics (tested against published values); this is how the app uses them.
import { confidenceBins, type ConfidenceBin } from '../../lib/statistics/confidence-bins';
import { emergingPattern, type EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import { giNeighbours, giStar, giStarWith, type GiFeature, type GiNeighbours, type GiResult } from '../../lib/statistics/gi-star';
import { withExactLocalSumP } from '../../lib/statistics/local-sum-test';
import { cellCentreMetres, type CellKey, type CellShape } from '../../lib/geo/cell-grid';

/** The located incidents' extent (GRID_EXTENT): grid metres for the cell size, degrees for the map's view. */
export interface GridExtent { min_e: number; max_e: number; min_n: number; max_n: number; west: number; south: number; east: number; north: number }

/** The cell sizes an analyst can choose, in metres. */
export const CELL_SIZES = [100, 125, 200, 250, 500, 1000] as const;
/** Fewer located incidents or cells than this and Gi* is not run (ArcGIS's Optimized Hot Spot Analysis asks for 30). */
export const MIN_INCIDENTS_FOR_TEST = 30;
export const MIN_CELLS_FOR_TEST = 30;

export type { CellKey };
/** `key`: Σ record keys of the cell's incidents (public view's noise), when the query selects it. */
export interface CellCount extends CellKey { n: number; key?: number | bigint }
/** `key`: Σ record keys of the step's incidents in the cell (public view's noise), when the query selects it. */
export interface StepCount extends CellKey { step: number; n: number; key?: number | bigint }

export interface HotSpotCell extends CellKey {
  n: number;
  /** Σ record keys of the n incidents (public view's noise). */
  key: number;
  z: number;
  p: number;
  bin: ConfidenceBin;
  neighbours: number;
  /** Incidents in the cell and its neighbours within the band: the local sum Gi* tests. */
  localSum: number;
  pattern?: EmergingPattern | null;
  patternSide?: 'hot' | 'cold' | null;
}

export type HotSpotOutcome =
  | { status: 'ok'; cells: HotSpotCell[]; band: number }
  | { status: 'too-few'; incidents: number; cells: number };

/** About 40 cells across the data's longer side, rounded to a size analysts know (SCB publishes 250 m and 1 km). */
export function defaultCellSize(extent: { min_e: number; max_e: number; min_n: number; max_n: number } | null): number {
  if (!extent) return 250;
  const side = Math.max(extent.max_e - extent.min_e, extent.max_n - extent.min_n);
  const wanted = side / 40;
  return CELL_SIZES.reduce((best, s) => (Math.abs(s - wanted) < Math.abs(best - wanted) ? s : best), CELL_SIZES[0]);
}

/**
 * Default distance band: two cells, so an inner cell has 12 neighbours besides itself (ESRI asks for ≥ 8) — on
 * either grid: a hexagon of the same area has 6 neighbours at 1.07 and 6 at 1.86 cell sizes (cell-grid.ts).
 */
export function defaultBand(size: number): number {
  return 2 * size;
}

const keyOf = (c: CellKey) => `${c.ix}:${c.iy}`;

/**
 * Gi* of counts as the app reads it: ArcGIS's z over the band, and as p the larger of the normal p and the exact
 * Poisson p of the local sum (local-sum-test.ts), so that sparse counts are not called hot on the normal curve's
 * thin tail.
 */
export function giStarOfCounts(features: GiFeature[], band: number): GiResult[] {
  return withExactLocalSumP(giStar(features, band), features.map((f) => f.value));
}

/** giStarOfCounts over neighbour lists built once (giNeighbours), for many periods of the same cells. */
function giStarOfCountsWith(neighbours: GiNeighbours, values: number[]): GiResult[] {
  return withExactLocalSumP(giStarWith(neighbours, values), values);
}

/**
 * Gi* over the study area (every cell that ever had a located incident, in the whole data set), with the filtered counts as values
 * (0 where the filter left none). Refuses when there is too little to test.
 */
export function hotSpots(universe: CellKey[], counts: CellCount[], size: number, band: number, fdr: boolean, shape: CellShape = 'square'): HotSpotOutcome {
  const total = counts.reduce((s, c) => s + c.n, 0);
  if (total < MIN_INCIDENTS_FOR_TEST || universe.length < MIN_CELLS_FOR_TEST) return { status: 'too-few', incidents: total, cells: universe.length };
  const byKey = new Map(counts.map((c) => [keyOf(c), c]));
  const features = universe.map((c) => {
    const [x, y] = cellCentreMetres(c, size, shape);
    return { x, y, value: byKey.get(keyOf(c))?.n ?? 0 };
  });
  const results = giStarOfCounts(features, band);
  const bins = confidenceBins(results, fdr);
  return {
    status: 'ok',
    band,
    cells: universe.map((c, i) => ({ ix: c.ix, iy: c.iy, n: features[i].value, key: Number(byKey.get(keyOf(c))?.key ?? 0), z: results[i].z, p: results[i].p, bin: bins[i], neighbours: results[i].neighbours, localSum: results[i].localSum })),
  };
}

/**
 * The emerging hot-spot analysis: Gi* per two-week step, then each location's category (emerging-hot-spots.ts).
 *
 * Study area: the cells with at least one incident (under the current filter) in the analysed steps — as ArcGIS
 * builds its space-time cube from the points in the cube's time span. Chosen on purpose: the question is how
 * places active in this window changed within it; cells active only years earlier would add zeros to every step
 * and lower the mean each cell is compared with. (The single-period Gi* layer keeps every cell that ever had a
 * located incident, so a quiet period still compares against the places incidents usually happen.)
 *
 * FDR on by default: ArcGIS's Emerging Hot Spot Analysis always corrects for multiple testing.
 * Returns one entry per location in the study area, keyed "ix:iy".
 */
export function emergingHotSpots(stepCounts: StepCount[], steps: number, size: number, band: number, fdr = true, shape: CellShape = 'square'): Map<string, { pattern: EmergingPattern | null; side: 'hot' | 'cold' | null }> {
  const perStep: Map<string, number>[] = Array.from({ length: steps }, () => new Map());
  const located = new Map<string, CellKey>();
  for (const r of stepCounts) {
    if (r.step < 0 || r.step >= steps || r.n <= 0) continue;
    perStep[r.step].set(keyOf(r), r.n);
    located.set(keyOf(r), { ix: r.ix, iy: r.iy });
  }
  // A fixed order, so sums (and so z-scores to the last bit) do not depend on the order SQL returned rows in.
  const universe = [...located.values()].sort((a, b) => a.iy - b.iy || a.ix - b.ix);
  const zs: number[][] = universe.map(() => []);
  const bins: ConfidenceBin[][] = universe.map(() => []);
  // The same cells in every step: their centres and neighbour lists are built once, not per step.
  const neighbours = giNeighbours(universe.map((c) => { const [x, y] = cellCentreMetres(c, size, shape); return { x, y }; }), band);
  const keys = universe.map(keyOf);
  for (const counts of perStep) {
    const results = giStarOfCountsWith(neighbours, keys.map((k) => counts.get(k) ?? 0));
    const b = confidenceBins(results, fdr);
    results.forEach((r, i) => { zs[i].push(r.z); bins[i].push(b[i]); });
  }
  const out = new Map<string, { pattern: EmergingPattern | null; side: 'hot' | 'cold' | null }>();
  universe.forEach((c, i) => {
    const r = emergingPattern(bins[i], zs[i]);
    out.set(keyOf(c), { pattern: r.pattern, side: r.side });
  });
  return out;
}

export function withPatterns(cells: HotSpotCell[], patterns: Map<string, { pattern: EmergingPattern | null; side: 'hot' | 'cold' | null }> | null): HotSpotCell[] {
  if (!patterns) return cells;
  return cells.map((c) => ({ ...c, pattern: patterns.get(keyOf(c))?.pattern ?? null, patternSide: patterns.get(keyOf(c))?.side ?? null }));
}

/** The ranked hot spots: significant hot cells, strongest first. */
export function rankedHotSpots(cells: HotSpotCell[]): HotSpotCell[] {
  return cells.filter((c) => c.bin > 0).sort((a, b) => b.z - a.z || b.n - a.n);
}

/**
 * The hot-spot table's split of the ranked hot spots (rankedHotSpots, order kept). Gi* tests a cell's local sum —
 * its own count and its neighbours' — so a cell with no incident of its own beside busy cells is a significant hot
 * spot too (ArcGIS and esda mark it so, and the map colours it). As a place to act on, a listed row with the count 0
 * read as a contradiction (a tester: 122 of 214 rows in one week at 250 m). `places`: the cells with incidents of
 * their own in the period; `surroundingsOnly`: how many significant hot cells have none (said under the table).
 * With `keepEmpty` (public view, where 0 is published as "<k" like 1–4, so leaving the zeros out would tell them
 * apart) every ranked cell stays a row, and cells of equal z are ordered by position, not by count.
 */
export function hotSpotTableRows(ranked: HotSpotCell[], keepEmpty: boolean): { places: HotSpotCell[]; surroundingsOnly: number } {
  // Public view: cells of equal z in grid order, not by their exact counts (the order told a hidden 1 from a 0).
  if (keepEmpty) return { places: [...ranked].sort((a, b) => b.z - a.z || a.iy - b.iy || a.ix - b.ix), surroundingsOnly: 0 };
  const places = ranked.filter((c) => c.n > 0);
  return { places, surroundingsOnly: ranked.length - places.length };
}


/**
 * The study area at square size `size` (metres) from the study area at `baseSize`, when `size` is a whole multiple of
 * it: each base square lies in exactly one larger square, floor(ix / k) with k = size / baseSize (the same floor
 * the SQL takes of the metres, so the result equals cellUniverseSql(size) — tested). Returns null when `size` is not
 * a multiple (ask the database instead). Order: first seen.
 */
export function squareUniverse(base: readonly CellKey[], baseSize: number, size: number): CellKey[] | null {
  const k = size / baseSize;
  if (!Number.isInteger(k) || k < 1) return null;
  const seen = new Set<string>();
  const cells: CellKey[] = [];
  for (const c of base) {
    const ix = Math.floor(c.ix / k);
    const iy = Math.floor(c.iy / k);
    const id = `${ix}:${iy}`;
    if (!seen.has(id)) { seen.add(id); cells.push({ ix, iy }); }
  }
  return cells;
}
