// Exempelkommun's invented geography, laid out in SWEREF 99 TM metres around a centre and
// converted to WGS 84 with proj4 (the same library the importer uses), so exports in SWEREF
// and the canonical WGS 84 files describe the same points.
import proj4 from 'proj4';

export const SWEREF99TM =
  '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const CENTRE = { e: 601_000, n: 6_648_000 };

export function toWgs84(dx, dy) {
  const [lon, lat] = proj4(SWEREF99TM, 'WGS84', [CENTRE.e + dx, CENTRE.n + dy]);
  return { lat: round(lat, 6), lon: round(lon, 6) };
}
export function toSweref(dx, dy) {
  return { e: CENTRE.e + dx, n: CENTRE.n + dy };
}
function round(v, digits) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

// Rectangles in local metres [x0, y0, x1, y1]; edges get a position-only wobble so shared edges stay shared.
export const AREAS = [
  { name: 'Norrmalm', kind: 'stadsdel', population: 9_400, box: [-3000, 0, -1000, 2000] },
  { name: 'Centrum', kind: 'stadsdel', population: 7_800, box: [-1000, 0, 1000, 2000] },
  { name: 'Österäng', kind: 'stadsdel', population: 8_900, box: [1000, 0, 3000, 2000] },
  { name: 'Västerby', kind: 'stadsdel', population: 11_200, box: [-3000, -2000, -1000, 0] },
  { name: 'Söderäng', kind: 'stadsdel', population: 10_300, box: [-1000, -2000, 1000, 0] },
  { name: 'Hamnstaden', kind: 'stadsdel', population: 6_100, box: [1000, -2000, 3000, 0] },
  { name: 'Bergsjö', kind: 'ytterområde', population: 4_300, box: [-3000, 2000, 3000, 6000] },
  { name: 'Lindby', kind: 'ytterområde', population: 2_600, box: [-7000, -4000, -3000, 4000] },
  { name: 'Åsby', kind: 'ytterområde', population: 3_100, box: [3000, -4000, 7000, 4000] },
  { name: 'Kvarnby', kind: 'ytterområde', population: 2_200, box: [-3000, -6000, 3000, -2000] },
];

/** Hot-spot places. `story` drives how their intensity changes over time (see model.mjs). */
export const PLACES = [
  { name: 'Resecentrum', area: 'Centrum', x: 150, y: 250, spread: 90, story: 'persistent-then-insats' },
  { name: 'Stora torget', area: 'Centrum', x: -350, y: 1050, spread: 80, story: 'persistent' },
  { name: 'Krogstråket', area: 'Centrum', x: 650, y: 1350, spread: 110, story: 'nightlife' },
  { name: 'Köpcentrum Norr', area: 'Bergsjö', x: -2200, y: 3500, spread: 120, story: 'persistent' },
  { name: 'Hamnen', area: 'Hamnstaden', x: 2300, y: -1250, spread: 100, story: 'emerging' },
  { name: 'Skolparken', area: 'Västerby', x: -1600, y: -1000, spread: 90, story: 'fading' },
  { name: 'Idrottsplatsen', area: 'Österäng', x: 1900, y: 850, spread: 120, story: 'sporadic' },
  { name: 'Ringvägen', area: 'Norrmalm', x: -2600, y: 150, spread: 200, story: 'traffic' },
  { name: 'Lindbyrakan', area: 'Lindby', x: -5200, y: 300, spread: 250, story: 'traffic' },
  { name: 'Stadshuset', area: 'Centrum', x: -150, y: 800, spread: 20, story: 'none' },
];

function wobble(x, y) {
  // A deterministic offset of up to ±120 m that depends only on the point.
  const s = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
  return Math.round((s - Math.floor(s) - 0.5) * 240);
}
function edge(from, to) {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const steps = Math.max(1, Math.round(Math.hypot(x1 - x0, y1 - y0) / 500));
  const points = [];
  for (let i = 0; i < steps; i++) {
    const x = x0 + ((x1 - x0) * i) / steps;
    const y = y0 + ((y1 - y0) * i) / steps;
    const corner = i === 0;
    const w = corner ? 0 : wobble(x, y);
    points.push(y0 === y1 ? [x, y + w] : [x + w, y]);
  }
  return points;
}
export function areaRing(box) {
  const [x0, y0, x1, y1] = box;
  const corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const ring = corners.flatMap((c, i) => edge(c, corners[(i + 1) % 4]));
  ring.push(ring[0]);
  return ring;
}
/** Is a local point inside an area's wobbly ring? (ray casting) */
export function insideRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
export function areasGeoJson() {
  return {
    type: 'FeatureCollection',
    name: 'Exempelkommun – stadsdelar och ytterområden (påhittade)',
    features: AREAS.map((a) => ({
      type: 'Feature',
      properties: { name: a.name, kind: a.kind, population: a.population },
      geometry: {
        type: 'Polygon',
        coordinates: [areaRing(a.box).map(([x, y]) => { const p = toWgs84(x, y); return [p.lon, p.lat]; })],
      },
    })),
  };
}
