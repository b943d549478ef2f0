// Types for the tests that build basemap files with the writer (plain JS so `npm start` needs no build step).
import type { FeatureCollection } from 'geojson';

export function buildPmtiles(
  layers: Record<string, FeatureCollection>,
  bounds: [number, number, number, number],
  minZoom?: number,
  maxZoom?: number,
  meta?: { name?: string; attribution?: string },
): Uint8Array<ArrayBuffer>;
