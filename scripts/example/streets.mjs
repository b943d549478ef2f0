// Exempelkommun's invented street map, in the Protomaps basemap schema (earth, water, landuse, roads, buildings),
// laid out in the same local metres as its areas and places (geography.mjs): a ring road (Ringvägen), Lindbyrakan
// and a north–south road through the centre, a street grid in the stadsdelar, parks at Skolparken, Idrottsplatsen
// and Stadsparken, the lake Bergsjön, the harbour basin east of Hamnen and a brook through Kvarnby. Written as a
// PMTiles file (data/exports/exempelkommun-gator.pmtiles) that a user can add under Inställningar to see a street
// map offline. Invented, like the data: it shows no real place.
import { toWgs84 } from './geography.mjs';

const point = ([x, y]) => { const p = toWgs84(x, y); return [p.lon, p.lat]; };
const line = (points, properties) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: points.map(point) } });
const polygon = (ring, properties = {}) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]].map(point)] } });
const rect = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const ellipse = (cx, cy, rx, ry, n = 40) => Array.from({ length: n }, (_, i) => [cx + rx * Math.cos((2 * Math.PI * i) / n), cy + ry * Math.sin((2 * Math.PI * i) / n)]);
// A deterministic ±20 m bend so the grid does not look ruled.
const bend = (x, y) => { const s = Math.sin(x * 0.0123 + y * 0.0371) * 43758.5453; return Math.round((s - Math.floor(s) - 0.5) * 40); };
const inside = ([x0, y0, x1, y1], x, y) => x > x0 && x < x1 && y > y0 && y < y1;

const PARKS = [[-1780, -1150, -1420, -850], [1700, 700, 2120, 1000], [-900, 350, -500, 700]];
const HARBOUR = [[2700, -900], [4200, -900], [4200, -2600], [8000, -2600], [8000, -7000], [3300, -7000], [3300, -2000], [2700, -2000]];
const LAKE = { cx: 1200, cy: 4300, rx: 900, ry: 450 };

/** The street map's layers as GeoJSON (WGS 84) and its extent [west, south, east, north]. */
export function streetLayers() {
  const roads = [];
  // Ringvägen around the town, Lindbyrakan west–east, Storgatan north–south, the road to Köpcentrum Norr.
  roads.push(line([[-2600, -1700], [2700, -1700], [2700, 1800], [-2600, 1800], [-2600, -1700]], { kind: 'major_road', name: 'Ringvägen' }));
  roads.push(line([[-7800, 420], [-5200, 300], [-2600, 250], [0, 220], [2700, 200], [7800, 150]], { kind: 'major_road', name: 'Lindbyrakan' }));
  roads.push(line([[-200, -6800], [-200, -1700], [-180, 1800], [-150, 3000], [-100, 6800]], { kind: 'major_road', name: 'Storgatan' }));
  roads.push(line([[-2600, 1800], [-2400, 2600], [-2200, 3600], [-2000, 5200]], { kind: 'major_road', name: 'Norra vägen' }));
  // Streets every 200 m inside the ring (not through parks or water), and a sparser grid in Lindby.
  const blocked = (x, y) => PARKS.some((p) => inside(p, x, y)) || inside([2700, -2000, 4200, -900], x, y);
  for (let x = -2400; x <= 2500; x += 200) {
    let run = [];
    for (let y = -1700; y <= 1800; y += 100) {
      if (blocked(x, y)) { if (run.length > 1) roads.push(line(run, { kind: 'minor_road' })); run = []; continue; }
      run.push([x + bend(x, y), y]);
    }
    if (run.length > 1) roads.push(line(run, { kind: 'minor_road' }));
  }
  for (let y = -1500; y <= 1600; y += 200) {
    let run = [];
    for (let x = -2600; x <= 2700; x += 100) {
      if (blocked(x, y)) { if (run.length > 1) roads.push(line(run, { kind: 'minor_road' })); run = []; continue; }
      run.push([x, y + bend(x, y)]);
    }
    if (run.length > 1) roads.push(line(run, { kind: 'minor_road' }));
  }
  for (let x = -6000; x <= -4400; x += 300) roads.push(line([[x, -500], [x, 1100]], { kind: 'minor_road' }));
  for (let y = -500; y <= 1100; y += 300) roads.push(line([[-6000, y], [-4400, y]], { kind: 'minor_road' }));
  // Buildings: a block in each street square of Centrum and along Lindbyrakan's shops in Lindby.
  const buildings = [];
  for (let x = -1000; x < 1000; x += 200) for (let y = 0; y < 2000; y += 200) {
    if (!blocked(x + 100, y + 100)) buildings.push(polygon(rect(x + 45, y + 45, x + 155, y + 155), { kind: 'building' }));
  }
  const landuse = [...PARKS.map(([x0, y0, x1, y1]) => polygon(rect(x0, y0, x1, y1), { kind: 'park' })), polygon(ellipse(LAKE.cx, LAKE.cy, LAKE.rx + 500, LAKE.ry + 400), { kind: 'forest' })];
  const water = [polygon(ellipse(LAKE.cx, LAKE.cy, LAKE.rx, LAKE.ry), { kind: 'lake', name: 'Bergsjön' }), polygon(HARBOUR, { kind: 'ocean' }),
    line([[-1500, -2000], [-1300, -3200], [-1100, -4500], [-800, -6000]], { kind: 'stream', name: 'Kvarnbäcken' })];
  const [w, s] = point([-8000, -7000]);
  const [e, n] = point([8000, 7000]);
  const collection = (features) => ({ type: 'FeatureCollection', features });
  return {
    bounds: [w, s, e, n],
    layers: {
      earth: collection([polygon(rect(-8000, -7000, 8000, 7000), { kind: 'earth' })]),
      landuse: collection(landuse), water: collection(water), roads: collection(roads), buildings: collection(buildings),
    },
  };
}
