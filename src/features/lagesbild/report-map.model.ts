// Pure: the lägesbild's hot-spot map as SVG geometry. Drawn in SWEREF 99 TM metres (the grid the cells live in),
// so cells are true squares and the map needs no WebGL: it prints, goes into the HTML file and onto a slide.
import { toSweref99tm } from '../../lib/geo/sweref99tm';
import { areaLookup, type AreaShape } from '../../lib/geo/area-lookup';
import type { HotSpotCell, HotSpotGroup, IncidentExtent } from './lagesbild-hot-spots.model';
import { touchingClusters } from './hot-spot-names';

export interface AreaOutline { name: string; kind?: string | null; geometry: unknown }

/**
 * The outlines the lägesbild's map draws: the finest kind (smallest areas by median bounding box) and every kind
 * beside it, but no kind that contains it — a kommun or län layer holding the stadsdelar, or RegSO holding DeSO (any
 * one of its areas holds the centres of two or more finest-kind areas). Kommun and län outlines over stadsdelar were
 * clutter, and a name shared by two kinds (Gotland) was drawn twice. Ytterområden beside stadsdelar stay.
 */
export function outlineKinds(areas: AreaOutline[]): AreaOutline[] {
  const boxes = areas.map((a) => {
    const g = a.geometry as { type: string; coordinates: unknown };
    const points = (g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : []).flat(2);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return xs.length ? { w: Math.min(...xs), e: Math.max(...xs), s: Math.min(...ys), n: Math.max(...ys) } : null;
  });
  const kinds = [...new Set(areas.map((a) => a.kind ?? ''))];
  if (kinds.length < 2) return areas;
  const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? Infinity; };
  const size = (k: string) => median(areas.flatMap((a, i) => ((a.kind ?? '') === k && boxes[i] ? [(boxes[i]!.e - boxes[i]!.w) * (boxes[i]!.n - boxes[i]!.s)] : [])));
  const finest = kinds.reduce((best, k) => (size(k) < size(best) ? k : best));
  const centres = areas.flatMap((a, i) => ((a.kind ?? '') === finest && boxes[i] ? [[(boxes[i]!.w + boxes[i]!.e) / 2, (boxes[i]!.s + boxes[i]!.n) / 2]] : []));
  const containing = new Set(kinds.filter((k) => k !== finest && areas.some((a) => {
    if ((a.kind ?? '') !== k) return false;
    const lookup = areaLookup([a.geometry as AreaShape]);
    let inside = 0;
    for (const [x, y] of centres) if (lookup.find(x, y) === 0 && ++inside >= 2) return true;
    return false;
  })));
  return areas.filter((a) => !containing.has(a.kind ?? ''));
}
export interface MapFrame { minE: number; maxE: number; minN: number; maxN: number }

export const GROUP_STYLE: Record<HotSpotGroup, { fill: string; stroke: string; dash?: string }> = {
  new: { fill: '#d7301f', stroke: '#000000' },
  persistent: { fill: '#6a1b9a', stroke: '#000000' },
  other: { fill: '#f28e2b', stroke: '#5a3000' },
  fading: { fill: '#ffffff', stroke: '#555555', dash: '4 3' },
};

/**
 * A new or persistent hot spot's cell left out of the table (no incident of its own; public view: a hidden count):
 * pale and dotted, apart from "Ny" and "Bestående", so the map never shows a new hot spot the text and table do not.
 */
export const UNLISTED_STYLE: { fill: string; stroke: string; dash?: string } = { fill: '#f3d6d1', stroke: '#7a1a10', dash: '2 2' };

export const VIEW_WIDTH = 1000;
/** The narrowest the map gets, in metres: the whole frame and the closest zoom alike. */
const MIN_FRAME_SIDE = 2000;

/**
 * The frame: where the incidents are (their 2nd–98th percentile extent) and every hot-spot cell, with a margin,
 * never narrower than 2 km. Area outlines are context, not the extent: a national kommun file must not zoom a
 * district's lägesbild out to all of Sweden. Only without incidents do the outlines set the frame.
 */
export function mapFrame(cells: Pick<HotSpotCell, 'ix' | 'iy'>[], size: number, extent: IncidentExtent | null, outlines: [number, number][][] = []): MapFrame | null {
  const es: number[] = [];
  const ns: number[] = [];
  for (const c of cells) { es.push(c.ix * size, (c.ix + 1) * size); ns.push(c.iy * size, (c.iy + 1) * size); }
  if (extent) { es.push(extent.minE, extent.maxE); ns.push(extent.minN, extent.maxN); }
  if (es.length === 0) for (const ring of outlines) for (const [e, n] of ring) { es.push(e); ns.push(n); }
  if (es.length === 0) return null;
  let minE = Math.min(...es), maxE = Math.max(...es), minN = Math.min(...ns), maxN = Math.max(...ns);
  const pad = Math.max(300, 0.05 * Math.max(maxE - minE, maxN - minN));
  minE -= pad; maxE += pad; minN -= pad; maxN += pad;
  const minSide = MIN_FRAME_SIDE;
  if (maxE - minE < minSide) { const c = (minE + maxE) / 2; minE = c - minSide / 2; maxE = c + minSide / 2; }
  if (maxN - minN < minSide) { const c = (minN + maxN) / 2; minN = c - minSide / 2; maxN = c + minSide / 2; }
  // Never taller than 4:5 (width:height ≥ 5:4): the map sits in a landscape box on the page and the slide, and a tall
  // frame (data from Skåne to Stockholm) was drawn as a narrow strip with 6-pixel letters. Widening shows more land
  // at the sides; the scale is set by the height either way.
  const minWidth = (maxN - minN) * 1.25;
  if (maxE - minE < minWidth) { const c = (minE + maxE) / 2; minE = c - minWidth / 2; maxE = c + minWidth / 2; }
  return { minE, maxE, minN, maxN };
}

/** Area polygons (GeoJSON, WGS 84) as rings in SWEREF 99 TM. */
export function projectOutlines(areas: AreaOutline[]): { name: string; rings: [number, number][][] }[] {
  return areas.map((a) => {
    const g = a.geometry as { type: string; coordinates: unknown };
    const polygons = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : [];
    const rings = polygons.flatMap((poly) => poly.map((ring) => ring.map(([lon, lat]) => { const p = toSweref99tm(lat, lon); return [p.e, p.n] as [number, number]; })));
    return { name: a.name, rings };
  });
}

/** Whether a ring's bounding box meets the frame (rings wholly outside are not drawn). */
export function ringMeetsFrame(frame: MapFrame, ring: [number, number][]): boolean {
  let minE = Infinity, maxE = -Infinity, minN = Infinity, maxN = -Infinity;
  for (const [e, n] of ring) { if (e < minE) minE = e; if (e > maxE) maxE = e; if (n < minN) minN = n; if (n > maxN) maxN = n; }
  return maxE >= frame.minE && minE <= frame.maxE && maxN >= frame.minN && minN <= frame.maxN;
}

export interface LabelBox { x: number; y: number; width: number; height: number }
const overlaps = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Which area names fit: inside the view, over no hot-spot cell and no other label (greedy, larger areas first).
 * Widths are estimated from the text length (0.6 em per character), generous for Swedish names.
 */
export function placeLabels(candidates: { name: string; x: number; y: number; weight: number }[], obstacles: LabelBox[], view: { width: number; height: number }, fontSize: number): { name: string; x: number; y: number }[] {
  const placed: LabelBox[] = [];
  const out: { name: string; x: number; y: number }[] = [];
  for (const c of [...candidates].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name, 'sv'))) {
    const width = c.name.length * fontSize * 0.6;
    const box = { x: c.x - width / 2, y: c.y - fontSize, width, height: fontSize * 1.3 };
    if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) continue;
    if (obstacles.some((o) => overlaps(box, o)) || placed.some((p) => overlaps(box, p))) continue;
    placed.push(box);
    out.push({ name: c.name, x: c.x, y: c.y });
  }
  return out;
}

export function viewHeight(frame: MapFrame): number {
  return Math.round((VIEW_WIDTH * (frame.maxN - frame.minN)) / (frame.maxE - frame.minE));
}

/** Metres → SVG user units (north up). */
export function toView(frame: MapFrame, e: number, n: number): [number, number] {
  const scale = VIEW_WIDTH / (frame.maxE - frame.minE);
  return [(e - frame.minE) * scale, (frame.maxN - n) * scale];
}

export function ringPath(frame: MapFrame, ring: [number, number][]): string {
  return ring.map(([e, n], i) => { const [x, y] = toView(frame, e, n); return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`; }).join('') + 'Z';
}

/** A ring as path data without vertices less than a unit from the last one kept (the coast has ~30 000; the HTML file need not). */
export function coarseRingPath(frame: MapFrame, ring: [number, number][]): string {
  let out = '';
  let last: [number, number] | null = null;
  for (const [e, n] of ring) {
    const [x, y] = toView(frame, e, n);
    if (last && Math.abs(x - last[0]) < 1 && Math.abs(y - last[1]) < 1) continue;
    out += `${last ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    last = [x, y];
  }
  return last ? `${out}Z` : '';
}

/** A line (not closed) as SVG path data. */
export function linePath(frame: MapFrame, line: [number, number][]): string {
  return line.map(([e, n], i) => { const [x, y] = toView(frame, e, n); return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`; }).join('');
}

/**
 * Where a table row's letter goes, in grid metres: beside the easternmost cell (at its centre row) of each piece of
 * the row's cells that touch — one letter per piece, so a hot spot of one place in two pieces (up to 5 km apart,
 * hot-spot-names.ts) is lettered at both; with one letter the other piece was drawn unlettered, as if it were in no
 * row (a tester's two "Stationen" 3 km apart). `row` < 0: no letter. In row order.
 */
export function letterPoints(cells: { ix: number; iy: number; row: number }[], size: number): { row: number; e: number; n: number }[] {
  const byRow = new Map<number, { ix: number; iy: number; row: number }[]>();
  for (const c of cells) if (c.row >= 0) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).flatMap(([row, list]) =>
    touchingClusters(list).map((piece) => {
      const east = piece.reduce((a, b) => (b.ix > a.ix ? b : a));
      return { row, e: east.ix * size, n: (east.iy + 0.5) * size };
    }));
}

/** Map markers are letters (A, B, … Z, AA …), never numbers: a number beside a count could be read as one. */
export function markerLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Where an area's name goes: the centre of its outer ring's bounding box (fine for compact districts). */
/** A ring's area in m² (shoelace), for ordering labels: larger areas are named first. */
export function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(sum / 2);
}

export function ringCentre(ring: [number, number][]): [number, number] {
  const es = ring.map((p) => p[0]);
  const ns = ring.map((p) => p[1]);
  return [(Math.min(...es) + Math.max(...es)) / 2, (Math.min(...ns) + Math.max(...ns)) / 2];
}

/** A zoom into the map: `factor` ≥ 1 times closer than the whole frame, centred on (e, n) in SWEREF 99 TM metres. */
export interface MapZoom {
  factor: number;
  /** The centre; absent: the centre of the whole frame. */
  e?: number;
  n?: number;
  /** The area zoomed to, when the zoom came from choosing one (a step in or out leaves it). */
  area?: string;
}
/**
 * Closest zoom: 64 times closer, but never narrower than 2 km (a few cells across at the usual sizes) — a map over
 * several län zooms to one kommun; a town's map stops at a few times (zoomLimit).
 */
export const MAX_ZOOM = 64;

/** How far `base` can be zoomed: up to MAX_ZOOM, while the view stays at least 2 km wide. */
export function zoomLimit(base: MapFrame): number {
  return Math.max(1, Math.min(MAX_ZOOM, (base.maxE - base.minE) / MIN_FRAME_SIDE));
}
const ZOOM_STEP = 1.5;

/**
 * The part of `base` a zoom shows: the base's aspect ratio (the picture keeps its size), `factor` times smaller,
 * moved inside the base where the centre is near its edge. Factor 1 (or less) is the whole base.
 */
export function zoomFrame(base: MapFrame, zoom: MapZoom | null): MapFrame {
  if (!zoom || zoom.factor <= 1) return base;
  const factor = Math.min(zoom.factor, zoomLimit(base));
  const w = (base.maxE - base.minE) / factor;
  const h = (base.maxN - base.minN) / factor;
  const e = zoom.e ?? (base.minE + base.maxE) / 2;
  const n = zoom.n ?? (base.minN + base.maxN) / 2;
  const minE = Math.min(Math.max(e - w / 2, base.minE), base.maxE - w);
  const minN = Math.min(Math.max(n - h / 2, base.minN), base.maxN - h);
  return { minE, maxE: minE + w, minN, maxN: minN + h };
}

/**
 * The zoom that shows one area as large as the base frame allows: the part of its rings' bounding box inside the
 * frame (a district reaching far beyond the data is shown where the data is), with a 10 % margin.
 */
export function zoomToRings(base: MapFrame, rings: [number, number][][]): MapZoom | null {
  let minE = Infinity, maxE = -Infinity, minN = Infinity, maxN = -Infinity;
  for (const ring of rings) for (const [e, n] of ring) { if (e < minE) minE = e; if (e > maxE) maxE = e; if (n < minN) minN = n; if (n > maxN) maxN = n; }
  minE = Math.max(minE, base.minE); maxE = Math.min(maxE, base.maxE);
  minN = Math.max(minN, base.minN); maxN = Math.min(maxN, base.maxN);
  if (!Number.isFinite(minE) || minE >= maxE || minN >= maxN) return null;
  const factor = Math.min((base.maxE - base.minE) / ((maxE - minE) * 1.1 || 1), (base.maxN - base.minN) / ((maxN - minN) * 1.1 || 1));
  return { factor: Math.max(1, Math.min(MAX_ZOOM, factor)), e: (minE + maxE) / 2, n: (minN + maxN) / 2 };
}

/** One zoom step in (×1.5) or out (÷1.5) about the current centre; back at the whole frame it is null. */
export function stepZoom(zoom: MapZoom | null, direction: 1 | -1): MapZoom | null {
  const factor = direction > 0 ? Math.min(MAX_ZOOM, (zoom?.factor ?? 1) * ZOOM_STEP) : (zoom?.factor ?? 1) / ZOOM_STEP;
  return factor <= 1.01 ? null : { factor, e: zoom?.e, n: zoom?.n };
}
