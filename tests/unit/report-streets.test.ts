// The street basemap under the lägesbild's SVG map: features read back from a PMTiles file built here from GeoJSON
// (where they were put, to within a metre), sorted into the drawn classes in the Protomaps and OpenMapTiles schemas,
// projected into the map's frame, and the zoom chosen within the tile budget.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { describeBasemap } from '../../src/data/basemap-file';
import { readBasemapFeatures, tileZoomFor } from '../../src/data/basemap-tiles';
import { toSweref99tm } from '../../src/lib/geo/sweref99tm';
import { frameBbox, projectStreets, streetClass } from '../../src/features/lagesbild/report-streets.model';
import { buildPmtiles } from '../e2e/support/pmtiles-file';

const box = (w: number, s: number, e: number, n: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
const BOUNDS: [number, number, number, number] = [16.6, 59.9, 17.0, 60.05];
const road = { type: 'Feature', properties: { kind: 'major_road' }, geometry: { type: 'LineString', coordinates: [[16.75, 59.95], [16.85, 59.97]] } };
const street = { type: 'Feature', properties: { kind: 'minor_road' }, geometry: { type: 'LineString', coordinates: [[16.79, 59.94], [16.79, 59.98]] } };
const footway = { type: 'Feature', properties: { kind: 'path' }, geometry: { type: 'LineString', coordinates: [[16.78, 59.94], [16.78, 59.98]] } };
const park = { ...box(16.81, 59.955, 16.82, 59.96), properties: { kind: 'park' } };
const farAway = { ...box(16.61, 59.91, 16.62, 59.92), properties: { kind: 'park' } };

async function basemap() {
  const bytes = buildPmtiles({
    earth: collection(box(...BOUNDS)), water: collection(box(16.80, 59.94, 16.84, 59.96)),
    roads: collection(road, street, footway), landuse: collection(park, farAway), buildings: collection(box(16.795, 59.951, 16.796, 59.9515)),
  }, BOUNDS, 0, 14);
  return describeBasemap(new File([bytes], 'gator.pmtiles'));
}

describe('the street basemap on the printed map', () => {
  it('reads the features back where they were put', async () => {
    const features = await readBasemapFeatures(await basemap(), [16.74, 59.93, 16.86, 59.99]);
    const roads = features.filter((f) => f.layer === 'roads' && f.kind === 'major_road');
    expect(roads.length).toBeGreaterThan(0);
    // Every piece of the road lies on the line it was drawn along (tile coordinates: within ~1 m at zoom 14).
    for (const r of roads) for (const [lon, lat] of r.coordinates as number[][]) {
      const t = (lon - 16.75) / 0.1;
      expect(Math.abs(lat - (59.95 + t * 0.02))).toBeLessThan(2e-5);
    }
    expect(features.some((f) => f.layer === 'water' && f.type === 'Polygon')).toBe(true);
    expect(features.some((f) => f.layer === 'buildings')).toBe(true);
  });

  it('sorts features into the drawn classes, in either schema', () => {
    const c = (layer: string, kind: string | null, type: 'Polygon' | 'LineString') => streetClass({ layer, kind, type });
    expect([c('water', 'lake', 'Polygon'), c('water', 'river', 'LineString'), c('waterway', 'stream', 'LineString')]).toEqual(['water', 'waterway', 'waterway']);
    expect([c('roads', 'highway', 'LineString'), c('roads', 'major_road', 'LineString'), c('roads', 'minor_road', 'LineString'), c('roads', 'path', 'LineString')]).toEqual(['major', 'major', 'minor', null]);
    expect([c('transportation', 'primary', 'LineString'), c('transportation', 'service', 'LineString'), c('transportation', 'rail', 'LineString')]).toEqual(['major', 'minor', null]);
    expect([c('landuse', 'park', 'Polygon'), c('landuse', 'industrial', 'Polygon'), c('landcover', 'wood', 'Polygon'), c('park', 'nature_reserve', 'Polygon')]).toEqual(['green', null, 'green', 'green']);
    expect([c('building', null, 'Polygon'), c('buildings', 'building', 'Polygon'), c('earth', 'earth', 'Polygon'), c('boundaries', 'country', 'LineString'), c('places', 'city', 'LineString')]).toEqual(['building', 'building', null, null, null]);
  });

  it('projects into the frame: what lies outside is left out, buildings only on a close map', async () => {
    const centre = toSweref99tm(59.955, 16.8);
    const frame = { minE: centre.e - 2500, maxE: centre.e + 2500, minN: centre.n - 2000, maxN: centre.n + 2000 };
    const features = await readBasemapFeatures(await basemap(), frameBbox(frame));
    const shapes = projectStreets(features, frame);
    const classes = new Set(shapes.map((s) => s.cls));
    expect(classes).toEqual(new Set(['water', 'green', 'building', 'major', 'minor']));
    // The park 10 km away is not drawn; the path is not drawn; the road is in SWEREF 99 TM metres near the frame.
    const greens = shapes.filter((s) => s.cls === 'green');
    for (const g of greens) for (const [e] of g.rings![0]) expect(Math.abs(e - centre.e)).toBeLessThan(5000);
    const major = shapes.find((s) => s.cls === 'major')!;
    const start = toSweref99tm(59.95, 16.75);
    expect(Math.min(...major.line!.map(([e, n]) => Math.hypot(e - start.e, n - start.n)))).toBeLessThan(200);
    // Wider than 5 km: no buildings.
    const wide = { ...frame, minE: frame.minE - 2000, maxE: frame.maxE + 2000 };
    expect(projectStreets(features, wide).some((s) => s.cls === 'building')).toBe(false);
    // Drawing order: areas first, the major road last.
    expect(shapes.at(-1)!.cls).toBe('major');
  });

  it('chooses the most detailed zoom within the tile budget', () => {
    const bbox: [number, number, number, number] = [16.7, 59.9, 16.9, 60.0];
    const z = tileZoomFor(bbox, 0, 14, 24);
    expect(z).toBeLessThan(14);
    expect(tileZoomFor(bbox, 0, 14, 10_000)).toBe(14);
    expect(tileZoomFor(bbox, 5, 14, 1)).toBeGreaterThanOrEqual(5);
    // At z the bbox spans at most 24 tiles, at z + 1 more.
    const tiles = (zoom: number) => {
      const n = 2 ** zoom;
      const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
      const y = (lat: number) => { const r = (lat * Math.PI) / 180; return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n); };
      return (x(bbox[2]) - x(bbox[0]) + 1) * (y(bbox[1]) - y(bbox[3]) + 1);
    };
    expect(tiles(z)).toBeLessThanOrEqual(24);
    expect(tiles(z + 1)).toBeGreaterThan(24);
  });
});
