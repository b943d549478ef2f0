// Pure: the lägesbild's hot-spot map as SVG geometry. Drawn in SWEREF 99 TM metres (the grid the cells live in),
// so cells are true squares and the map needs no WebGL: it prints, goes into the HTML file and onto a slide.
import { toSweref99tm } from '../../lib/geo/sweref99tm';
import type { HotSpotCell, HotSpotGroup } from './lagesbild.model';

export interface AreaOutline { name: string; geometry: unknown }
export interface MapFrame { minE: number; maxE: number; minN: number; maxN: number }

export const GROUP_STYLE: Record<HotSpotGroup, { fill: string; stroke: string; dash?: string }> = {
  new: { fill: '#d7301f', stroke: '#000000' },
  persistent: { fill: '#6a1b9a', stroke: '#000000' },
  other: { fill: '#f28e2b', stroke: '#5a3000' },
  fading: { fill: '#ffffff', stroke: '#555555', dash: '4 3' },
};

export const VIEW_WIDTH = 1000;

/** The frame: the hot spots and area outlines with a margin, never narrower than 2 km. */
export function mapFrame(cells: Pick<HotSpotCell, 'ix' | 'iy'>[], size: number, outlines: [number, number][][]): MapFrame | null {
  const es: number[] = [];
  const ns: number[] = [];
  for (const c of cells) { es.push(c.ix * size, (c.ix + 1) * size); ns.push(c.iy * size, (c.iy + 1) * size); }
  for (const ring of outlines) for (const [e, n] of ring) { es.push(e); ns.push(n); }
  if (es.length === 0) return null;
  let minE = Math.min(...es), maxE = Math.max(...es), minN = Math.min(...ns), maxN = Math.max(...ns);
  const pad = Math.max(300, 0.05 * Math.max(maxE - minE, maxN - minN));
  minE -= pad; maxE += pad; minN -= pad; maxN += pad;
  const minSide = 2000;
  if (maxE - minE < minSide) { const c = (minE + maxE) / 2; minE = c - minSide / 2; maxE = c + minSide / 2; }
  if (maxN - minN < minSide) { const c = (minN + maxN) / 2; minN = c - minSide / 2; maxN = c + minSide / 2; }
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

/** Map markers are letters (A, B, … Z, AA …), never numbers: a number beside a count could be read as one. */
export function markerLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Where an area's name goes: the centre of its outer ring's bounding box (fine for compact districts). */
export function ringCentre(ring: [number, number][]): [number, number] {
  const es = ring.map((p) => p[0]);
  const ns = ring.map((p) => p[1]);
  return [(Math.min(...es) + Math.max(...es)) / 2, (Math.min(...ns) + Math.max(...ns)) / 2];
}
