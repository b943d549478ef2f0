// GeoJSON area boundaries → rows of the `areas` table. Geometry stays GeoJSON text: DuckDB-wasm has no
// spatial extension offline, so point-in-polygon and rendering work on the GeoJSON in JavaScript.
import type { AreaRow } from './tables';

type Position = number[];
interface Geometry {
  type: string;
  coordinates?: unknown;
}
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

function positions(coordinates: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') out.push(coordinates as Position);
  else if (Array.isArray(coordinates)) for (const c of coordinates) positions(c, out);
  return out;
}

export function boundingBox(geometry: Geometry): [number, number, number, number] {
  const pts = positions(geometry.coordinates);
  if (pts.length === 0) throw new Error('Geometry has no coordinates');
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) {
    minX = Math.min(minX, x); minY = Math.min(minY, y);
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

function text(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

export function areaRowsFromGeoJson(collection: FeatureCollection, source: string): AreaRow[] {
  return collection.features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f, i) => {
      const p = f.properties ?? {};
      const [min_lon, min_lat, max_lon, max_lat] = boundingBox(f.geometry!);
      const population = Number(p.population ?? p.befolkning);
      return {
        name: text(p.name ?? p.namn ?? p.NAMN ?? p.code ?? p.kod) ?? `Område ${i + 1}`,
        kind: text(p.kind ?? p.typ),
        population: Number.isFinite(population) ? Math.round(population) : null,
        geometry: JSON.stringify(f.geometry),
        min_lon, min_lat, max_lon, max_lat,
        source,
      };
    });
}
