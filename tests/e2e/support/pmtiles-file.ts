// The tests' basemap files: the example's PMTiles writer (scripts/example/pmtiles-writer.mjs) with a test name and an
// attribution written the way real files carry it (HTML), so the app's text-only handling of it is tested too.
import type { FeatureCollection } from 'geojson';
import { buildPmtiles as write } from '../../../scripts/example/pmtiles-writer.mjs';

export function buildPmtiles(layers: Record<string, FeatureCollection>, bounds: [number, number, number, number], minZoom = 0, maxZoom = 12): Uint8Array<ArrayBuffer> {
  return write(layers, bounds, minZoom, maxZoom, { name: 'test basemap', attribution: '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a> (testdata)' });
}
