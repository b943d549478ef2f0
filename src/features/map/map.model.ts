// Pure: query rows → what the map and the hot-spot table show (cells with statistics, colours, GeoJSON).
import { confidenceBins, type ConfidenceBin } from '../../lib/statistics/confidence-bins';
import { emergingPattern, type EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import { giStar } from '../../lib/statistics/gi-star';
import { toWgs84 } from '../../lib/parsing/coordinates';
import type { DayRange } from '../../lib/day-range';
import { previousPeriod } from '../trends/trend-buckets';

export const CELL_SIZES = [100, 125, 200, 250, 500, 1000] as const;
/** Fewer located incidents or cells than this and Gi* is not run (ArcGIS's Optimized Hot Spot Analysis asks for 30). */
export const MIN_INCIDENTS_FOR_TEST = 30;
export const MIN_CELLS_FOR_TEST = 30;

export interface CellKey { ix: number; iy: number }
export interface CellCount extends CellKey { n: number }
export interface StepCount extends CellKey { step: number; n: number }

export interface HotSpotCell extends CellKey {
  n: number;
  z: number;
  p: number;
  bin: ConfidenceBin;
  neighbours: number;
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

/** Default distance band: two cells, so an inner cell has 12 neighbours besides itself (ESRI asks for ≥ 8). */
export function defaultBand(size: number): number {
  return 2 * size;
}

const keyOf = (c: CellKey) => `${c.ix}:${c.iy}`;

/**
 * Gi* over the study area (every cell that ever had a located incident, in the whole data set), with the filtered counts as values
 * (0 where the filter left none). Refuses when there is too little to test.
 */
export function hotSpots(universe: CellKey[], counts: CellCount[], size: number, band: number, fdr: boolean): HotSpotOutcome {
  const total = counts.reduce((s, c) => s + c.n, 0);
  if (total < MIN_INCIDENTS_FOR_TEST || universe.length < MIN_CELLS_FOR_TEST) return { status: 'too-few', incidents: total, cells: universe.length };
  const byKey = new Map(counts.map((c) => [keyOf(c), c.n]));
  const features = universe.map((c) => ({ x: (c.ix + 0.5) * size, y: (c.iy + 0.5) * size, value: byKey.get(keyOf(c)) ?? 0 }));
  const results = giStar(features, band);
  const bins = confidenceBins(results, fdr);
  return {
    status: 'ok',
    band,
    cells: universe.map((c, i) => ({ ix: c.ix, iy: c.iy, n: features[i].value, z: results[i].z, p: results[i].p, bin: bins[i], neighbours: results[i].neighbours })),
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
export function emergingHotSpots(stepCounts: StepCount[], steps: number, size: number, band: number, fdr = true): Map<string, { pattern: EmergingPattern | null; side: 'hot' | 'cold' | null }> {
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
  for (const counts of perStep) {
    const features = universe.map((c) => ({ x: (c.ix + 0.5) * size, y: (c.iy + 0.5) * size, value: counts.get(keyOf(c)) ?? 0 }));
    const results = giStar(features, band);
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

/** The side panel's comparison: the filtered period, else the data's last 28 days, against the equally long period before. */
export function comparisonWindows(period: DayRange | undefined, lastDay: number): { current: DayRange; previous: DayRange } {
  const current = period ?? { from: lastDay - 27, to: lastDay };
  return { current, previous: previousPeriod(current) };
}

/** The ranked hot spots: significant hot cells, strongest first. */
export function rankedHotSpots(cells: HotSpotCell[]): HotSpotCell[] {
  return cells.filter((c) => c.bin > 0).sort((a, b) => b.z - a.z || b.n - a.n);
}

// ArcGIS's hot-spot palette (cold 99 → hot 99).
export const BIN_COLOURS: Record<ConfidenceBin, string> = {
  [-3]: '#4575b5', [-2]: '#849eba', [-1]: '#c0ccbe', 0: '#f2f2ee', 1: '#fab984', 2: '#ed7551', 3: '#d62f27',
};
export const PATTERN_COLOURS: Record<EmergingPattern, string> = {
  new: '#e41a1c', consecutive: '#ff7f00', intensifying: '#b10026', persistent: '#984ea3',
  diminishing: '#f781bf', sporadic: '#e3cba8', oscillating: '#9ecae1', historical: '#999999',
};
/** Count classes for the plain count map (sequential, colour-blind safe). */
export const COUNT_COLOURS = ['#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'];

export function countBreaks(values: number[]): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
  return [...new Set([q(0.3), q(0.5), q(0.7), q(0.85), q(0.95), q(0.99)])].filter((v) => v > 0);
}

export function countColour(value: number, breaks: number[]): string {
  if (value <= 0) return 'rgba(0,0,0,0)';
  let i = 0;
  while (i < breaks.length && value > breaks[i]) i++;
  return COUNT_COLOURS[Math.min(i, COUNT_COLOURS.length - 1)];
}

/** A cell's corners in WGS 84 (the grid is SWEREF 99 TM, so cells are true squares on the ground). */
export function cellRing(c: CellKey, size: number): [number, number][] {
  const corners: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
  return corners.map(([dx, dy]) => {
    const { lat, lon } = toWgs84('EPSG:3006', (c.iy + dy) * size, (c.ix + dx) * size);
    return [lon, lat];
  });
}

export function cellCentre(c: CellKey, size: number): [number, number] {
  const { lat, lon } = toWgs84('EPSG:3006', (c.iy + 0.5) * size, (c.ix + 0.5) * size);
  return [lon, lat];
}

export interface Feature { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }
export interface Features { type: 'FeatureCollection'; features: Feature[] }

export function cellPolygons(cells: (CellKey & Record<string, unknown>)[], size: number, colour: (c: never) => string): Features {
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => ({ type: 'Feature', properties: { ...c, colour: colour(c as never) }, geometry: { type: 'Polygon', coordinates: [cellRing(c, size)] } })),
  };
}

export function cellPoints(cells: CellCount[], size: number): Features {
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => ({ type: 'Feature', properties: { ...c }, geometry: { type: 'Point', coordinates: cellCentre(c, size) } })),
  };
}

/** Cluster size for the points layer by zoom: about 20 px on screen, at least 20 m (a street corner). */
export function clusterSizeForZoom(zoom: number, latitude: number): number {
  const metresPerPixel = (156543.03 * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoom;
  const wanted = metresPerPixel * 20;
  const sizes = [20, 50, 100, 200, 500, 1000, 2000, 5000];
  return sizes.find((s) => s >= wanted) ?? sizes[sizes.length - 1];
}

/** An area as the map uses it: the geometry parsed once, when the map context loads. */
export interface AreaShape { name: string; kind: string | null; population: number | null; geometry: unknown; label_lon: number | null; label_lat: number | null }

/** Choropleth value per area: count, or per 1 000 inhabitants when the area has a population. */
export function areaValue(count: number, population: number | null, measure: 'count' | 'rate'): number | null {
  if (measure === 'count') return count;
  return population && population > 0 ? (count / population) * 1000 : null;
}

/** The area kind whose names match the incidents' area column best (the one to colour by default). */
export function bestAreaKind(shapes: AreaShape[], countedNames: string[]): string | null {
  const names = new Set(countedNames);
  const score = new Map<string, number>();
  for (const s of shapes) if (names.has(s.name)) score.set(s.kind ?? '', (score.get(s.kind ?? '') ?? 0) + 1);
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : (shapes[0]?.kind ?? null);
}
