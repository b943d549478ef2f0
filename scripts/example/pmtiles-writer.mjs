// Builds a small PMTiles (v3) file from GeoJSON — the example's invented street map and the tests' basemaps:
// geojson-vt slices, vt-pbf encodes Mapbox Vector Tiles, and the archive is laid out as the PMTiles v3 spec says
// (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md). The `pmtiles` package only reads; no maintained JS
// writer exists (the Go `pmtiles` CLI and tippecanoe write them), and a single-directory archive is small:
// a 127-byte header, one root directory (no leaves, no internal compression), JSON metadata, then the tiles.
// Tile ids come from the `pmtiles` library's own zxyToTileId (the Hilbert order the reader uses).
import geojsonvt from 'geojson-vt';
import { zxyToTileId } from 'pmtiles';
import vtpbf from 'vt-pbf';

function varint(out, n) {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function lonLatToTile(lon, lat, z) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

/**
 * A PMTiles archive of vector tiles, one source layer per entry of `layers`, for zooms minZoom–maxZoom over
 * `bounds` [west, south, east, north]; `meta` gives the archive its name and attribution. Returns the file's bytes.
 */
export function buildPmtiles(layers, bounds, minZoom = 0, maxZoom = 12, meta = {}) {
  const indexes = Object.fromEntries(Object.entries(layers).map(([name, fc]) => [name, geojsonvt(fc, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0 })]));
  const tiles = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = lonLatToTile(bounds[0], bounds[3], z);
    const [x1, y1] = lonLatToTile(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tileLayers = {};
        for (const [name, index] of Object.entries(indexes)) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length) tileLayers[name] = tile;
        }
        if (Object.keys(tileLayers).length) tiles.push({ id: zxyToTileId(z, x, y), data: vtpbf.fromGeojsonVt(tileLayers, { version: 2 }) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  // Root directory: counts, delta ids, run lengths, lengths, offsets (0 = right after the previous tile).
  const dir = [];
  varint(dir, tiles.length);
  let last = 0;
  for (const t of tiles) { varint(dir, t.id - last); last = t.id; }
  for (let i = 0; i < tiles.length; i++) varint(dir, 1);
  for (const t of tiles) varint(dir, t.data.length);
  for (let i = 0; i < tiles.length; i++) varint(dir, i === 0 ? 1 : 0);
  const metadata = new TextEncoder().encode(JSON.stringify({
    name: meta.name ?? 'basemap',
    attribution: meta.attribution ?? '',
    vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
  }));
  const tileBytes = tiles.reduce((s, t) => s + t.data.length, 0);
  const header = new ArrayBuffer(127);
  const v = new DataView(header);
  new Uint8Array(header).set(new TextEncoder().encode('PMTiles'), 0);
  v.setUint8(7, 3);
  const rootOffset = 127;
  const metadataOffset = rootOffset + dir.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (at, n) => v.setBigUint64(at, BigInt(n), true);
  u64(8, rootOffset); u64(16, dir.length);
  u64(24, metadataOffset); u64(32, metadata.length);
  u64(40, 0); u64(48, 0);
  u64(56, dataOffset); u64(64, tileBytes);
  u64(72, tiles.length); u64(80, tiles.length); u64(88, tiles.length);
  v.setUint8(96, 1); // clustered
  v.setUint8(97, 1); // internal compression: none
  v.setUint8(98, 1); // tile compression: none
  v.setUint8(99, 1); // tile type: MVT
  v.setUint8(100, minZoom);
  v.setUint8(101, maxZoom);
  const e7 = (deg) => Math.round(deg * 1e7);
  v.setInt32(102, e7(bounds[0]), true); v.setInt32(106, e7(bounds[1]), true);
  v.setInt32(110, e7(bounds[2]), true); v.setInt32(114, e7(bounds[3]), true);
  v.setUint8(118, Math.min(maxZoom, 10));
  v.setInt32(119, e7((bounds[0] + bounds[2]) / 2), true); v.setInt32(123, e7((bounds[1] + bounds[3]) / 2), true);
  const out = new Uint8Array(new ArrayBuffer(dataOffset + tileBytes));
  out.set(new Uint8Array(header), 0);
  out.set(dir, rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const t of tiles) { out.set(t.data, at); at += t.data.length; }
  return out;
}
