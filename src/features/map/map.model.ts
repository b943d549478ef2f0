// Pure: query rows → what the map and the hot-spot table show (cells with statistics, colours, GeoJSON).
// The analysis itself (cells, Gi*, emerging patterns) is shared with Lägesbild: analysis/hot-spots.
import { cellCentreMetres, cellCornersMetres, type CellShape } from '../../lib/geo/cell-grid';
import type { CellCount, CellKey } from '../../analysis/hot-spots/hot-spots.model';
import type { ConfidenceBin } from '../../lib/statistics/confidence-bins';
import type { EmergingPattern } from '../../lib/statistics/emerging-hot-spots';
import { toWgs84 } from '../../lib/parsing/coordinates';
import type { DayRange } from '../../lib/day-range';
import { previousPeriod } from '../../analysis/periods/period-buckets';
import type { FilterName } from '../../lib/filter-state';
import { publishCount } from '../../lib/disclosure/publish';
import { cutAtTie } from '../../lib/top-list';
import type { DisclosureRule } from '../../lib/disclosure/suppression';

/**
 * The map's own spatial filters: the grid's counts (Gi*, emerging hot spots, the count layer) are never filtered by
 * them. An area filter on the counts, with the study area still every cell, made every cell outside the area a 0 —
 * and the area itself a 99 % hot spot with z 13 for 9 incidents (a fresh tester); Gi* needs the counts around a cell.
 */
export const SPATIAL_FILTERS: FilterName[] = ['cell', 'extent', 'area'];

/** The side panel's comparison: the filtered period, else the data's last 28 days, against the equally long period before. */
export function comparisonWindows(period: DayRange | undefined, lastDay: number): { current: DayRange; previous: DayRange } {
  const current = period ?? { from: lastDay - 27, to: lastDay };
  return { current, previous: previousPeriod(current) };
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
  // A break at the largest value would leave the darkest class empty (helper-69: six areas, "≥ 249" held none and
  // the largest, 248, had the third colour): the largest value is always in the top class.
  const largest = sorted[sorted.length - 1];
  return [...new Set([q(0.3), q(0.5), q(0.7), q(0.85), q(0.95), q(0.99)])].filter((v) => v > 0 && v < largest);
}

/**
 * What each colour class of countColour holds, for the legend: class i is (breaks[i − 1], breaks[i]], the first from
 * above 0, the last everything above the last break. `integers`: counts (1–3, 4–7, ≥ 8); else rates with one
 * decimal (≤ 0,4, 0,4–1,2, > 1,2, each class's upper end included). Returns [colour, label] pairs,
 * one per class that occurs; none when no value is above 0.
 */
export function countClasses(breaks: number[], integers: boolean, format: (v: number) => string): [string, string][] {
  if (breaks.length === 0) return [];
  const classes: [string, string][] = [];
  for (let i = 0; i <= breaks.length; i++) {
    const colour = COUNT_COLOURS[Math.min(i, COUNT_COLOURS.length - 1)];
    const low = i === 0 ? null : breaks[i - 1];
    const high = i < breaks.length ? breaks[i] : null;
    if (integers) {
      const from = low === null ? 1 : Math.floor(low) + 1;
      if (high === null) classes.push([colour, `≥ ${format(from)}`]);
      else if (Math.floor(high) < from) continue; // no whole count falls in it
      else classes.push([colour, from === Math.floor(high) ? format(from) : `${format(from)}–${format(Math.floor(high))}`]);
    } else {
      classes.push([colour, low === null ? `≤ ${format(high!)}` : high === null ? `> ${format(low)}` : `${format(low)}–${format(high)}`]);
    }
  }
  return classes;
}

export function countColour(value: number, breaks: number[]): string {
  if (value <= 0) return 'rgba(0,0,0,0)';
  let i = 0;
  while (i < breaks.length && value > breaks[i]) i++;
  return COUNT_COLOURS[Math.min(i, COUNT_COLOURS.length - 1)];
}

/** A cell's corners in WGS 84 (the grid is SWEREF 99 TM, so cells are true squares or hexagons on the ground). */
export function cellRing(c: CellKey, size: number, shape: CellShape = 'square'): [number, number][] {
  return cellCornersMetres(c, size, shape).map(([e, n]) => {
    const { lat, lon } = toWgs84('EPSG:3006', n, e);
    return [lon, lat];
  });
}

/** The map view around a cell: the cell and `margin` cells on each side, in WGS 84 degrees (for "show on the map"). */
export function cellNeighbourhoodBounds(c: CellKey, size: number, margin = 6, shape: CellShape = 'square'): { west: number; south: number; east: number; north: number } {
  const corners = [...cellRing({ ix: c.ix - margin, iy: c.iy - margin }, size, shape), ...cellRing({ ix: c.ix + margin, iy: c.iy + margin }, size, shape)];
  return {
    west: Math.min(...corners.map((p) => p[0])), east: Math.max(...corners.map((p) => p[0])),
    south: Math.min(...corners.map((p) => p[1])), north: Math.max(...corners.map((p) => p[1])),
  };
}

export function cellCentre(c: CellKey, size: number, shape: CellShape = 'square'): [number, number] {
  const [e, n] = cellCentreMetres(c, size, shape);
  const { lat, lon } = toWgs84('EPSG:3006', n, e);
  return [lon, lat];
}

export interface Feature { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }
export interface Features { type: 'FeatureCollection'; features: Feature[] }

/**
 * Cells as GeoJSON polygons in WGS 84. Each feature carries only `ix`, `iy` (a click selects the cell), `colour` and
 * the fields named in `keep` (what the layer's paint reads): the map's worker holds every feature's properties in
 * every tile it cuts, and the whole cell object (counts, key sums, z, p, …) was most of the Karta's worker memory —
 * and in public view an exact count sat in the map's data.
 */
export function cellPolygons<C extends CellKey>(cells: C[], size: number, colour: (c: C) => string, shape: CellShape = 'square', keep: readonly (keyof C & string)[] = []): Features {
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => {
      const properties: Record<string, unknown> = { ix: c.ix, iy: c.iy, colour: colour(c) };
      for (const field of keep) properties[field] = c[field];
      return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [cellRing(c, size, shape)] } };
    }),
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

/** Whether any area of `kind` (null: the areas without a kind) has a population, so a rate per 1 000 can be shown. */
export function hasPopulation(shapes: AreaShape[], kind: string | null): boolean {
  return shapes.some((s) => (s.kind ?? '') === (kind ?? '') && s.population !== null && s.population > 0);
}

/** Choropleth value per area: count, or per 1 000 inhabitants when the area has a population. */
export function areaValue(count: number, population: number | null, measure: 'count' | 'rate'): number | null {
  if (measure === 'count') return count;
  return population && population > 0 ? (count / population) * 1000 : null;
}

/** The loaded area kinds ('' for areas without one), each once, in the order the areas come. */
export function areaKinds(shapes: AreaShape[]): string[] {
  return [...new Set(shapes.map((s) => s.kind ?? ''))];
}

/**
 * The area kind with the most areas that hold counted incidents (the one to colour by default). `counted`: the
 * areas with a count, by kind ('' for none) and name.
 */
export function bestAreaKind(shapes: AreaShape[], counted: { kind: string; area: string }[]): string | null {
  const names = new Set(counted.map((c) => `${c.kind}\u0000${c.area}`));
  const score = new Map<string, number>();
  for (const s of shapes) if (names.has(`${s.kind ?? ''}\u0000${s.name}`)) score.set(s.kind ?? '', (score.get(s.kind ?? '') ?? 0) + 1);
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : (shapes[0]?.kind ?? null);
}

/**
 * The side panel's top places as public view may show them: a place only beside a count that is shown — an address
 * listed with "<5" says that one to four incidents happened there (the hot-spot table names no place for a hidden count
 * for the same reason; a fresh tester read "Bakgrund Gränd 27: <5" off the panel). The row without a place (`place`
 * null) names nothing and stays. `leftOut`: how many places were not named. Without a rule every place is shown.
 */
export function publicPlaces<P extends { place: string | null; n: number; key: number }>(places: P[], rule: DisclosureRule | null): { places: P[]; leftOut: number } {
  const shown = places.filter((p) => rule === null || p.place === null || publishCount(p.n, p.key, rule) !== null);
  return { places: shown, leftOut: places.length - shown.length };
}

/**
 * The side panel's top places (map.query.ts topPlaces, at most `limit` rows sorted by count, each with `same_n`: how
 * many places share its count) as the panel lists them: never cut through a tie (lib/top-list.ts) — the places at the
 * count the cut goes through are left out together and counted in `tied` — and in public view only beside a count that
 * is shown (publicPlaces). Public view: tied places below k are among `leftOut` (not named, like every small place), at
 * k or more `tied.count` is 'hidden' (each would carry its own noise, so no one shared number is shown).
 */
export function panelPlaces<P extends { place: string | null; n: number; key: number; same_n: number }>(rows: P[], limit: number, rule: DisclosureRule | null): { places: P[]; leftOut: number; tied: { rows: number; count: number | 'hidden' } | null } {
  const cut = cutAtTie(rows, limit, (r) => r.n, (r) => r.same_n, (r) => r.place !== null);
  const { places, leftOut } = publicPlaces(cut.rows, rule);
  if (cut.tied === null) return { places, leftOut, tied: null };
  if (rule === null) return { places, leftOut, tied: cut.tied };
  if (cut.tied.count < rule.k) return { places, leftOut: leftOut + cut.tied.rows, tied: null };
  return { places, leftOut, tied: { rows: cut.tied.rows, count: 'hidden' } };
}
