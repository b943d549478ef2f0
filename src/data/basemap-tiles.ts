// The stored street basemap's vector features inside a frame, for the maps that are drawn without MapLibre (the
// lägesbild's printed map, its HTML file and the presentation's map slide). Tiles are read from the stored PMTiles
// file with the `pmtiles` library and decoded with @mapbox/vector-tile (the decoder MapLibre itself uses); nothing
// is fetched from anywhere.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { StoredBasemap } from './basemap-file';

/** One feature as lon/lat lines or polygon rings (a Multi* is split into its parts). */
export interface BasemapFeature {
  /** The tile's source layer ("water", "roads", "transportation" …). */
  layer: string;
  /** The feature's `kind` (Protomaps) or `class` (OpenMapTiles, Shortbread), when it has one. */
  kind: string | null;
  type: 'Polygon' | 'LineString';
  /** LineString: one line. Polygon: its rings (the first is the outer ring). */
  coordinates: number[][] | number[][][];
}

/** Web Mercator tile numbers of a lon/lat at zoom z (clamped to the world). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

/**
 * The zoom whose tiles over `bbox` number at most `maxTiles`: the most detail the file has within that budget
 * (between the file's own min and max zoom). Pure.
 */
export function tileZoomFor(bbox: [number, number, number, number], minZoom: number, maxZoom: number, maxTiles: number): number {
  const [w, s, e, n] = bbox;
  for (let z = maxZoom; z > minZoom; z--) {
    const [x0, y0] = tileOf(w, n, z);
    const [x1, y1] = tileOf(e, s, z);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) <= maxTiles) return z;
  }
  return minZoom;
}

/**
 * Every line and polygon of the vector basemap's tiles that cover `bbox` ([west, south, east, north], degrees), at
 * the most detailed zoom within `maxTiles` tiles. A raster basemap gives nothing (it cannot be redrawn as vectors).
 * A tile that is missing or cannot be decoded is skipped. Errors reading the stored file are thrown.
 */
export async function readBasemapFeatures(basemap: StoredBasemap, bbox: [number, number, number, number], maxTiles = 24): Promise<BasemapFeature[]> {
  if (basemap.kind !== 'vector') return [];
  const [w, s, e, n] = [Math.max(bbox[0], basemap.bounds[0]), Math.max(bbox[1], basemap.bounds[1]), Math.min(bbox[2], basemap.bounds[2]), Math.min(bbox[3], basemap.bounds[3])];
  if (w >= e || s >= n) return [];
  const z = tileZoomFor([w, s, e, n], basemap.minZoom, basemap.maxZoom, maxTiles);
  const [x0, y0] = tileOf(w, n, z);
  const [x1, y1] = tileOf(e, s, z);
  const out: BasemapFeature[] = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const tile = await basemap.archive.getZxy(z, x, y);
      if (!tile) continue;
      let decoded: VectorTile;
      try {
        decoded = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
      } catch {
        continue;
      }
      for (const [layer, source] of Object.entries(decoded.layers)) {
        for (let i = 0; i < source.length; i++) {
          const feature = source.feature(i);
          if (feature.type !== 2 && feature.type !== 3) continue;
          const props = feature.properties;
          const kind = typeof props.kind === 'string' ? props.kind : typeof props.class === 'string' ? props.class : null;
          const geometry = feature.toGeoJSON(x, y, z).geometry;
          if (geometry.type === 'LineString') out.push({ layer, kind, type: 'LineString', coordinates: geometry.coordinates });
          else if (geometry.type === 'MultiLineString') for (const line of geometry.coordinates) out.push({ layer, kind, type: 'LineString', coordinates: line });
          else if (geometry.type === 'Polygon') out.push({ layer, kind, type: 'Polygon', coordinates: geometry.coordinates });
          else if (geometry.type === 'MultiPolygon') for (const rings of geometry.coordinates) out.push({ layer, kind, type: 'Polygon', coordinates: rings });
        }
      }
    }
  }
  return out;
}
