// Pure: the street basemap under the lägesbild's SVG map — which basemap features are drawn, how, and where. The
// features come from the stored PMTiles file (data/basemap-tiles.ts) in lon/lat; here they are sorted into a few
// muted classes (water, green, buildings, roads, waterways) in either the Protomaps schema (`kind`) or OpenMapTiles
// / Shortbread (`class`), and projected to SWEREF 99 TM metres like everything else on that map. Labels and icons
// are not drawn: the map names its areas and hot spots itself.
import type { BasemapFeature } from '../../data/basemap-tiles';
import { toWgs84 } from '../../lib/parsing/coordinates';
import { toSweref99tm } from '../../lib/geo/sweref99tm';
import type { MapFrame } from './report-map.model';

export type StreetClass = 'green' | 'water' | 'building' | 'waterway' | 'minor' | 'major';
/** Drawing order: areas first, then lines, the largest roads on top. */
export const STREET_CLASSES: StreetClass[] = ['green', 'water', 'building', 'waterway', 'minor', 'major'];

export interface StreetShape {
  cls: StreetClass;
  /** Polygon rings or one line, in SWEREF 99 TM metres [east, north]. */
  rings?: [number, number][][];
  line?: [number, number][];
}

/** The basemap drawn under a printed map: its shapes and the file's attribution (shown with the map). */
export interface ReportStreets { shapes: StreetShape[]; attribution: string }

export const STREET_STYLE: Record<StreetClass, { fill?: string; stroke?: string; width?: number }> = {
  green: { fill: '#e2ecd9' },
  water: { fill: '#cddff0' },
  building: { fill: '#e3e0da' },
  waterway: { stroke: '#a9c4d8', width: 1.2 },
  minor: { stroke: '#d3cdc3', width: 1.1 },
  major: { stroke: '#b9ad9c', width: 2.6 },
};

const GREEN = /^(park|forest|wood|grass|garden|meadow|nature_reserve|cemetery|golf_course|recreation_ground|playground|village_green|allotments|scrub|heath|wetland|national_park|protected_area)$/;
const MAJOR = /^(highway|motorway|trunk|major_road|primary|secondary|motorway_link|trunk_link|primary_link)$/;
const PATH = /^(path|footway|cycleway|steps|track|pedestrian|bridleway|ferry|rail|transit|aerialway)$/;

/** Which class a feature is drawn as, or null when it is left out (labels, boundaries, paths, rail, other landuse). */
export function streetClass(f: Pick<BasemapFeature, 'layer' | 'kind' | 'type'>): StreetClass | null {
  const layer = f.layer.toLowerCase();
  const kind = (f.kind ?? '').toLowerCase();
  if (/water|ocean|lake|sea|vatten/.test(layer)) return f.type === 'Polygon' ? 'water' : 'waterway';
  if (/building|byggnad/.test(layer)) return f.type === 'Polygon' ? 'building' : null;
  if (/landuse|landcover|park|natural|green/.test(layer)) return f.type === 'Polygon' && GREEN.test(kind) ? 'green' : null;
  if (/road|transportation|street|highway|väg/.test(layer) && f.type === 'LineString') {
    if (PATH.test(kind)) return null;
    return MAJOR.test(kind) ? 'major' : 'minor';
  }
  return null;
}

/** The frame's extent in degrees [west, south, east, north] (its four corners; SWEREF 99 TM is not north-aligned). */
export function frameBbox(frame: MapFrame): [number, number, number, number] {
  const corners = [[frame.minE, frame.minN], [frame.maxE, frame.minN], [frame.maxE, frame.maxN], [frame.minE, frame.maxN]].map(([e, n]) => toWgs84('EPSG:3006', n, e));
  return [Math.min(...corners.map((c) => c.lon)), Math.min(...corners.map((c) => c.lat)), Math.max(...corners.map((c) => c.lon)), Math.max(...corners.map((c) => c.lat))];
}

/**
 * The features to draw under a map of `frame`, projected to SWEREF 99 TM: classified, buildings only when the frame
 * is at most `buildingsUpTo` metres wide (beyond that they are a grey haze), anything wholly outside the frame left out.
 */
export function projectStreets(features: BasemapFeature[], frame: MapFrame, buildingsUpTo = 5000): StreetShape[] {
  const withBuildings = frame.maxE - frame.minE <= buildingsUpTo;
  const project = (line: number[][]) => line.map(([lon, lat]) => { const p = toSweref99tm(lat, lon); return [p.e, p.n] as [number, number]; });
  const meets = (points: [number, number][]) => {
    let minE = Infinity, maxE = -Infinity, minN = Infinity, maxN = -Infinity;
    for (const [e, n] of points) { if (e < minE) minE = e; if (e > maxE) maxE = e; if (n < minN) minN = n; if (n > maxN) maxN = n; }
    return maxE >= frame.minE && minE <= frame.maxE && maxN >= frame.minN && minN <= frame.maxN;
  };
  const shapes: StreetShape[] = [];
  for (const f of features) {
    const cls = streetClass(f);
    if (!cls || (cls === 'building' && !withBuildings)) continue;
    if (f.type === 'Polygon') {
      const rings = (f.coordinates as number[][][]).map(project);
      if (rings.length && meets(rings[0])) shapes.push({ cls, rings });
    } else {
      const line = project(f.coordinates as number[][]);
      if (line.length > 1 && meets(line)) shapes.push({ cls, line });
    }
  }
  return STREET_CLASSES.flatMap((cls) => shapes.filter((s) => s.cls === cls));
}
