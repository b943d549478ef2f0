// Pure: the chosen layer and its aggregates → the MapLibre layers the adapter draws.
import type { CellShape } from '../../lib/geo/cell-grid';
import type { MapLayer } from '../../components/map-canvas';
import type { FeatureCollection, Geometry } from 'geojson';
import { BIN_COLOURS, PATTERN_COLOURS, areaValue, cellPoints, cellPolygons, countBreaks, countColour, type AreaShape } from './map.model';
import { type CellCount, type CellKey, type HotSpotCell } from '../../analysis/hot-spots/hot-spots.model';
import { publishList, shownNumber, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';

export const LAYER_KINDS = ['hotspots', 'emerging', 'cells', 'points', 'heat', 'areas'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/** Points and density can single out one incident: not offered in public view. */
export const POINT_KINDS: readonly LayerKind[] = ['points', 'heat'];

/**
 * The layer to draw for the one chosen: data with no located incident (`located` false — police events name only a
 * kommun or län) has only Områden, so the map opens on it rather than on a greyed-out Hot spots over an empty map
 * (helper-64); public view turns points and density into Hot spots. `located` undefined: not known yet, no change.
 */
export function availableLayerKind(chosen: LayerKind, publicView: boolean, located: boolean | undefined): LayerKind {
  if (located === false) return 'areas';
  return publicView && POINT_KINDS.includes(chosen) ? 'hotspots' : chosen;
}

const asCollection = (f: unknown) => f as FeatureCollection;

export function hotSpotLayer(cells: HotSpotCell[], size: number, shape: CellShape = 'square'): MapLayer {
  // Not-significant cells are drawn faintly so the study area stays visible without competing with the result.
  return {
    id: 'cells', type: 'fill', interactive: true,
    data: asCollection(cellPolygons(cells, size, (c) => BIN_COLOURS[c.bin], shape, ['bin'])),
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': ['case', ['==', ['get', 'bin'], 0], 0.12, 0.85], 'fill-outline-color': 'rgba(80,80,80,0.25)' },
  };
}

export function emergingLayer(cells: HotSpotCell[], size: number, shape: CellShape = 'square'): MapLayer {
  const shown = cells.filter((c) => c.pattern);
  return {
    id: 'cells', type: 'fill', interactive: true,
    data: asCollection(cellPolygons(shown, size, (c) => (c.patternSide === 'cold' ? '#4575b5' : PATTERN_COLOURS[c.pattern!]), shape)),
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.8, 'fill-outline-color': 'rgba(40,40,40,0.5)' },
  };
}

/** In public view, the cells whose counts may be shown, with their counts as shown; the rest are not drawn (a drawn cell says "something here"). */
export function publishedCells(cells: CellCount[], rule: DisclosureRule | null): CellCount[] {
  if (!rule) return cells;
  const shown = publishList(cells.map((c) => c.n), cells.map((c) => Number(c.key ?? 0)), rule, true).values;
  // With the count as shown (perturbed): the colour classes and anything reading n see no exact count.
  return cells.flatMap((c, i) => { const n = shown[i]; return typeof n === 'number' ? [{ ...c, n }] : []; });
}

/** `breaks`: the colour classes (countBreaks over the cells' counts), computed once by the caller for the legend too. */
export function countLayer(cells: CellCount[], size: number, shape: CellShape = 'square', breaks = countBreaks(cells.map((c) => c.n))): MapLayer {
  return {
    id: 'cells', type: 'fill', interactive: true,
    data: asCollection(cellPolygons(cells, size, (c) => countColour(c.n, breaks), shape)),
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.8, 'fill-outline-color': 'rgba(80,80,80,0.3)' },
  };
}

/** Points, clustered in DuckDB by a zoom-dependent grid: one circle per cluster, its area proportional to the count. */
export function pointLayer(clusters: CellCount[], size: number): MapLayer {
  const max = Math.max(1, ...clusters.map((c) => c.n));
  return {
    id: 'points', type: 'circle', interactive: true,
    data: asCollection(cellPoints(clusters, size)),
    paint: {
      'circle-radius': ['+', 3, ['*', 18, ['sqrt', ['/', ['get', 'n'], max]]]],
      'circle-color': '#1d3557', 'circle-opacity': 0.7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
    },
  };
}

/** Kernel density from fine cells weighted by their counts (MapLibre's heat map is a Gaussian kernel). */
export function heatLayer(cells: CellCount[], size: number): MapLayer {
  const max = Math.max(1, ...cells.map((c) => c.n));
  return {
    id: 'heat', type: 'heatmap',
    data: asCollection(cellPoints(cells, size)),
    paint: {
      'heatmap-weight': ['/', ['get', 'n'], max],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 9, 8, 13, 25, 16, 60],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 3],
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(255,255,204,0)', 0.2, '#ffeda0', 0.4, '#feb24c', 0.6, '#fd8d3c', 0.8, '#f03b20', 1, '#bd0026'],
      'heatmap-opacity': 0.85,
    },
  };
}

/** n is null where public view hides the count; its rate is hidden with it (the population would give it away). */
/** One area's published count; `noData` when the area lies wholly outside the located incidents (shown "–", not 0). */
/** `noShape`: an area the rows name (a file's own area column) with no boundary loaded: counted and listed, not drawn. */
export interface AreaValue { name: string; n: PublishedCount; value: number | null; population: number | null; noData?: boolean; noShape?: boolean }

/** West, south, east, north of any GeoJSON geometry's coordinates (degrees), or null for an empty one. */
function geometryBounds(geometry: unknown): [number, number, number, number] | null {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1] as number); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1] as number);
    } else c.forEach(walk);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return Number.isFinite(b[0]) ? (b as [number, number, number, number]) : null;
}

/**
 * The areas of one kind with their published counts (or rates) and the features to draw. An area with no incident
 * that lies wholly outside the located incidents' extent (`dataExtent`) is "no data" — a kommun file for all of
 * Sweden beside one town's incidents must not paint 289 kommuner with 0 — and stays out of the published list.
 * An area counted in `counts` with no shape of the kind (a file's own area column and no boundary file) is a row
 * with its count (`noShape`) and no feature: a tester's file with ten areas showed an empty table and a blank map.
 */
export function areaFeatures(shapes: AreaShape[], kind: string | null, counts: Map<string, number>, keys: Map<string, number>, measure: 'count' | 'rate', rule: DisclosureRule | null = null, dataExtent: { west: number; south: number; east: number; north: number } | null = null): { collection: FeatureCollection; values: AreaValue[]; breaks: number[] } {
  const shaped = shapes.filter((s) => (s.kind ?? '') === (kind ?? ''));
  const shapeNames = new Set(shaped.map((s) => s.name));
  const shapeless = [...counts.keys()].filter((name) => !shapeNames.has(name)).sort((a, b) => a.localeCompare(b, 'sv'));
  const chosen: (AreaShape & { noShape?: boolean })[] = [...shaped, ...shapeless.map((name) => ({ name, kind, population: null, geometry: null, label_lon: null, label_lat: null, noShape: true }))];
  const outside = (s: AreaShape) => {
    if (!dataExtent || counts.has(s.name)) return false;
    const b = geometryBounds(s.geometry);
    return b !== null && (b[2] < dataExtent.west || b[0] > dataExtent.east || b[3] < dataExtent.south || b[1] > dataExtent.north);
  };
  const noData = chosen.map(outside);
  const withData = chosen.filter((_, i) => !noData[i]);
  const publishedWithData = publishList(withData.map((s) => counts.get(s.name) ?? 0), withData.map((s) => keys.get(s.name) ?? 0), rule, true).values;
  let next = 0;
  const published = chosen.map((_, i) => (noData[i] ? null : publishedWithData[next++]));
  const values: AreaValue[] = chosen.map((s, i) => {
    const n = published[i];
    if (noData[i]) return { name: s.name, n: null, population: s.population, value: null, noData: true };
    return { name: s.name, n, population: s.population, value: typeof n === 'number' ? areaValue(n, s.population, measure) : null, ...(s.noShape ? { noShape: true } : {}) };
  });
  const breaks = countBreaks(values.map((v) => v.value ?? 0));
  const features = chosen.flatMap((s, i) => (s.noShape ? [] : [{
    type: 'Feature' as const,
    properties: { name: s.name, n: shownNumber(values[i].n), protected: values[i].n !== null && typeof values[i].n === 'object', value: values[i].value, colour: values[i].noData ? 'rgba(0,0,0,0)' : values[i].value == null ? '#e0e0e0' : countColour(values[i].value!, breaks), noData: values[i].noData ?? false },
    geometry: s.geometry as Geometry,
  }]));
  return { collection: { type: 'FeatureCollection', features }, values, breaks };
}

export function areaFillLayer(collection: FeatureCollection): MapLayer {
  return { id: 'area-fill', type: 'fill', interactive: true, data: collection, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75 } };
}

export function areaOutlineLayer(collection: FeatureCollection): MapLayer {
  return { id: 'area-outline', type: 'line', data: collection, paint: { 'line-color': '#1d3557', 'line-width': 1.2, 'line-opacity': 0.7 } };
}

export function selectionLayer(cell: CellKey | null, size: number, area: FeatureCollection | null, shape: CellShape = 'square'): MapLayer | null {
  if (cell) return { id: 'selection', type: 'line', data: asCollection(cellPolygons([cell], size, () => '', shape)), paint: { 'line-color': '#a4147f', 'line-width': 3 } };
  if (area && area.features.length) return { id: 'selection', type: 'line', data: area, paint: { 'line-color': '#a4147f', 'line-width': 3 } };
  return null;
}
