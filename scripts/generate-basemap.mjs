#!/usr/bin/env node
// Writes the offline basemap: Natural Earth 1:10m countries (public domain, via the world-atlas package) cut to
// the Nordic and Baltic countries, as GeoJSON the app serves from its own origin. Coarse (about 1 km) by design:
// it gives the loaded area boundaries context (coast, lakes, borders) without any tile server.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const NORDIC = { west: 3, south: 53.5, east: 32.5, north: 71.5 };
const KEEP = new Set(['Sweden', 'Norway', 'Finland', 'Denmark', 'Estonia', 'Latvia', 'Lithuania', 'Åland']);

function ringInside(ring) {
  return ring.some(([lon, lat]) => lon >= NORDIC.west && lon <= NORDIC.east && lat >= NORDIC.south && lat <= NORDIC.north);
}
const round = (ring) => ring.map(([lon, lat]) => [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4]);

export function buildBasemap() {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  const countries = feature(topology, topology.objects.countries);
  const features = [];
  for (const f of countries.features) {
    if (!KEEP.has(f.properties.name)) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polygons.filter((p) => ringInside(p[0])).map((p) => p.map(round));
    if (kept.length) features.push({ type: 'Feature', properties: { name: f.properties.name }, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }
  return { type: 'FeatureCollection', attribution: 'Natural Earth (public domain)', features };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'basemap', 'nordic.geojson');
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(buildBasemap());
  writeFileSync(out, json);
  console.log(`basemap: ${out} (${Math.round(json.length / 1024)} kB)`);
}
