// The street-map file (data/basemap-file.ts) and its layers (components/basemap-layers.ts), on PMTiles archives built
// in the test from GeoJSON, and read back with the `pmtiles` library the app uses.
import type { FeatureCollection } from 'geojson';
import { PMTiles, FileSource, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { BasemapFileError, describeBasemap } from '../../src/data/basemap-file';
import { basemapLayers, PMTILES_LAYER_PREFIX, PMTILES_SOURCE } from '../../src/components/basemap-layers';
import { buildPmtiles } from '../e2e/support/pmtiles-file';

const box = (w: number, s: number, e: number, n: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
const BOUNDS: [number, number, number, number] = [16.0, 59.5, 17.6, 60.4];
const road = { type: 'Feature', properties: { kind: 'major_road' }, geometry: { type: 'LineString', coordinates: [[16.2, 59.9], [17.4, 60.1]] } };

function protomapsShaped(): File {
  const bytes = buildPmtiles({ earth: collection(box(...BOUNDS)), water: collection(box(16.7, 59.9, 16.9, 60.0)), roads: collection(road) }, BOUNDS, 0, 12);
  return new File([bytes], 'kommun.pmtiles');
}

describe('a PMTiles basemap file', () => {
  it('is read back by the pmtiles library: header, metadata and the tile under a feature', async () => {
    const archive = new PMTiles(new FileSource(protomapsShaped()));
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom, header.tileType]).toEqual([0, 12, 1]);
    expect(header.minLon).toBeCloseTo(16.0, 6);
    expect(header.maxLat).toBeCloseTo(60.4, 6);
    // z12 tile holding the lake's middle (16.8 E, 59.95 N): x = 2239, y = 1190 by the slippy-map formula.
    const x = Math.floor(((16.8 + 180) / 360) * 4096);
    const r = (59.95 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 4096);
    expect(zxyToTileId(12, x, y)).toBeGreaterThan(0);
    expect((await archive.getZxy(12, x, y))?.data.byteLength).toBeGreaterThan(0);
    // Far outside the bounds: no tile.
    expect(await archive.getZxy(12, 0, 0)).toBeUndefined();
  });

  it('is described for the map: vector, its layers, zooms, bounds and its attribution as text', async () => {
    const d = await describeBasemap(protomapsShaped());
    expect(d.kind).toBe('vector');
    expect(d.vectorLayers).toEqual(['earth', 'water', 'roads']);
    expect([d.minZoom, d.maxZoom]).toEqual([0, 12]);
    expect(d.bounds.map((v) => Math.round(v * 10) / 10)).toEqual(BOUNDS);
    expect(d.attribution).toBe('© OpenStreetMap (testdata)');
    expect(d.key).toBe('kommun.pmtiles');
  });

  it('refuses what is not a PMTiles file, with the reason', async () => {
    const csv = new File(['Datum;Brottstyp\n2026-01-01;Stöld\n'.repeat(20)], 'data.pmtiles');
    await expect(describeBasemap(csv)).rejects.toMatchObject({ reason: 'not-pmtiles' });
    // A PMTiles header whose tile type is "unknown" (0): not drawable.
    const bytes = buildPmtiles({ earth: collection(box(...BOUNDS)) }, BOUNDS, 0, 2);
    bytes[99] = 0;
    await expect(describeBasemap(new File([bytes], 'okand.pmtiles'))).rejects.toBeInstanceOf(BasemapFileError);
    await expect(describeBasemap(new File([bytes], 'okand.pmtiles'))).rejects.toMatchObject({ reason: 'tile-type' });
    // Cut short: header and index intact, tiles missing.
    const whole = buildPmtiles({ earth: collection(box(...BOUNDS)) }, BOUNDS, 0, 6);
    await expect(describeBasemap(new File([whole.slice(0, whole.length - 10)], 'avkortad.pmtiles'))).rejects.toMatchObject({ reason: 'truncated' });
    // Any version byte other than 3 (byte 7, after the magic "PMTiles"): refused, not read as if it were 3.
    for (const version of [1, 2, 4, 255]) {
      const other = buildPmtiles({ earth: collection(box(...BOUNDS)) }, BOUNDS, 0, 2);
      other[7] = version;
      await expect(describeBasemap(new File([other], `v${version}.pmtiles`))).rejects.toMatchObject({ reason: 'not-pmtiles' });
    }
    // PNG tiles are a raster basemap.
    bytes[99] = 2;
    expect((await describeBasemap(new File([bytes], 'raster.pmtiles'))).kind).toBe('raster');
  });
});

describe('basemap layers', () => {
  it('styles the Protomaps schema with Protomaps’ style, without label or icon layers (no glyphs or sprites)', () => {
    const layers = basemapLayers('vector', ['earth', 'water', 'roads', 'landuse', 'buildings', 'places', 'pois', 'boundaries']);
    expect(layers.length).toBeGreaterThan(20);
    expect(layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(layers.every((l) => l.id.startsWith(PMTILES_LAYER_PREFIX))).toBe(true);
    expect(layers.filter((l) => 'source' in l).every((l) => (l as { source: string }).source === PMTILES_SOURCE)).toBe(true);
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
    // Roads and water are drawn.
    expect(layers.some((l) => (l as { 'source-layer'?: string })['source-layer'] === 'roads' && l.type === 'line')).toBe(true);
    expect(layers.some((l) => (l as { 'source-layer'?: string })['source-layer'] === 'water' && l.type === 'fill')).toBe(true);
  });

  it('gives any other vector schema a plain fill and line per layer, and raster one raster layer', () => {
    const layers = basemapLayers('vector', ['transportation', 'water', 'building']);
    expect(layers.map((l) => `${l.type}:${(l as { 'source-layer': string })['source-layer']}`)).toEqual([
      'fill:transportation', 'line:transportation', 'fill:water', 'line:water', 'fill:building', 'line:building',
    ]);
    expect(basemapLayers('raster', []).map((l) => l.type)).toEqual(['raster']);
  });
});
