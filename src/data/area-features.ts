// GeoJSON area boundaries → rows of the `areas` table, every feature imported or rejected with a reason.
// Geometry is stored as GeoJSON text in WGS 84: DuckDB-wasm has no spatial extension offline, so
// point-in-polygon and rendering work on the GeoJSON in JavaScript. SWEREF 99 / RT 90 input is converted with
// proj4; the system comes from the file's `crs` member or, failing that, from the coordinates' magnitude.
import { namesAreCounties } from './swedish-counties';
import { cleanText } from '../lib/parsing/clean-text';
import { INTERNATIONAL_NUMBERS, SWEDISH_NUMBERS, parseNumber } from '../lib/parsing/swedish-number';
import { guessCrs, insideSweden, toWgs84, type CrsCode, SUPPORTED_CRS } from '../lib/parsing/coordinates';
import type { AreaRow } from './tables';
import { maskPersonalNumbers } from '../lib/parsing/personal-identity';
import { NUL_SYMBOL } from '../lib/parsing/utf8-check';

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
  crs?: { properties?: { name?: string } };
}

export interface AreaMapping {
  nameKey: string | null;
  kindKey: string | null;
  populationKey: string | null;
  /** The kind for every area when the file has no kind property (e.g. "kommun", "stadsdel"). */
  fixedKind: string | null;
  crs: CrsCode;
}

export type AreaRejectReason = 'no-geometry' | 'not-polygon' | 'missing-name' | 'outside-sweden' | 'nul-byte';

function positions(coordinates: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') out.push(coordinates as Position);
  else if (Array.isArray(coordinates)) for (const c of coordinates) positions(c, out);
  return out;
}

function mapPositions(coordinates: unknown, f: (p: Position) => Position): unknown {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return f(coordinates as Position);
  return Array.isArray(coordinates) ? coordinates.map((c) => mapPositions(c, f)) : coordinates;
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
  if (v === null || v === undefined) return null;
  const cleaned = cleanText(String(v));
  return cleaned === '' ? null : cleaned;
}

/**
 * A population as files write it: a number, or text in Swedish ("12 345", "12 345,0") or international form.
 * Missing (null, absent, empty) is unknown — never 0, which would divide rates by nothing. Text that is no
 * number is unknown too, and reported.
 */
export function readPopulation(v: unknown): { value: number | null; unreadable: boolean; negative?: boolean } {
  if (v === null || v === undefined) return { value: null, unreadable: false };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, unreadable: true };
    return v >= 0 ? { value: Math.round(v), unreadable: false } : { value: null, unreadable: true, negative: true };
  }
  const t = cleanText(String(v));
  if (t === '') return { value: null, unreadable: false };
  // A count of people written with dots between thousands ("1.234", "12.345.678", as many European tools do) is
  // that many people, not 1.234 rounded to one (tester: per-1 000 rates blew up).
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return { value: Number(t.replace(/\./g, '')), unreadable: false };
  for (const format of [SWEDISH_NUMBERS, INTERNATIONAL_NUMBERS]) {
    const parsed = parseNumber(t, format);
    if (parsed.ok && parsed.value !== null) return parsed.value >= 0 ? { value: Math.round(parsed.value), unreadable: false } : { value: null, unreadable: true, negative: true };
  }
  return { value: null, unreadable: true };
}

const NAME_KEYS = ['name', 'namn', 'kom_namn', 'kommunnamn', 'kommun', 'lan_namn', 'lansnamn', 'stadsdel', 'omrade', 'område', 'regso', 'deso', 'code', 'kod'];
const KIND_KEYS = ['kind', 'typ', 'type', 'omradestyp', 'områdestyp'];
/**
 * A name property that says the kind of area it names (SCB's and Lantmäteriet's exports: `kom_namn`, `lan_namn`, `deso`):
 * the kind the card suggests, which the analyst can change. A plain `name` or `namn` says nothing, and none is guessed.
 */
const KIND_OF_NAME_KEY: Record<string, string> = {
  kom_namn: 'kommun', kommunnamn: 'kommun', kommun: 'kommun', lan_namn: 'län', lansnamn: 'län', stadsdel: 'stadsdel', regso: 'RegSO', deso: 'DeSO',
};
const POPULATION_KEYS = ['population', 'befolkning', 'invanare', 'invånare', 'folkmangd', 'folkmängd', 'pop'];

/** The text as a FeatureCollection, or null when it is some other JSON. */
export function parseFeatureCollection(text: string): FeatureCollection | null {
  try {
    const parsed = JSON.parse(text) as { type?: unknown; features?: unknown };
    return parsed && parsed.type === 'FeatureCollection' && Array.isArray(parsed.features) ? (parsed as FeatureCollection) : null;
  } catch {
    return null;
  }
}

/** The text values of property `key` over the features (blank and missing ones left out). */
function featureNames(collection: FeatureCollection, key: string): string[] {
  return collection.features.flatMap((f) => { const v = f?.properties?.[key]; return typeof v === 'string' && v.trim() ? [v] : []; });
}

export function propertyKeys(collection: FeatureCollection): string[] {
  const keys = new Set<string>();
  for (const f of collection.features.slice(0, 50)) for (const k of Object.keys(f?.properties ?? {})) keys.add(k);
  return [...keys];
}

function pick(keys: string[], wanted: string[]): string | null {
  const lower = new Map(keys.map((k) => [k.toLowerCase(), k]));
  for (const w of wanted) if (lower.has(w)) return lower.get(w)!;
  return null;
}

/** The system named by a GeoJSON `crs` member ("urn:ogc:def:crs:EPSG::3006", "EPSG:3006"), if any. */
export function declaredCrs(collection: FeatureCollection): CrsCode | null {
  const name = collection.crs?.properties?.name ?? '';
  const code = /EPSG:{1,2}(\d{4,5})/i.exec(name)?.[1] ?? (/CRS84/i.test(name) ? '4326' : null);
  const crs = code ? (`EPSG:${code}` as CrsCode) : null;
  return crs && SUPPORTED_CRS.includes(crs) ? crs : null;
}

export function suggestAreaMapping(collection: FeatureCollection): AreaMapping & { crsAmbiguous: boolean } {
  const keys = propertyKeys(collection);
  const sample = collection.features.slice(0, 50).flatMap((f) => (f?.geometry ? positions(f.geometry.coordinates).slice(0, 3) : []));
  const declared = declaredCrs(collection);
  // GeoJSON is WGS 84 by definition (RFC 7946); only projected magnitudes (older files, SWEREF exports) need a
  // guess — positions are [x = east, y = north], and guessCrs tells the order itself.
  const lonLat = sample.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
  const guessed = declared || lonLat ? null : guessCrs(sample.map(([x, y]) => [x, y] as [number, number]));
  const nameKey = pick(keys, NAME_KEYS);
  const kindKey = pick(keys, KIND_KEYS);
  return {
    nameKey,
    kindKey,
    populationKey: pick(keys, POPULATION_KEYS),
    // helper-64 typed "kommun" by hand for a file whose names are in `kom_namn`.
    // helper-65: a file of län under a plain `name` ("Gävleborg", …) got no kind either; its names say it.
    fixedKind: kindKey === null && nameKey !== null ? KIND_OF_NAME_KEY[nameKey.toLowerCase()] ?? (namesAreCounties(featureNames(collection, nameKey)) ? 'län' : null) : null,
    crs: declared ?? guessed?.crs ?? 'EPSG:4326',
    crsAmbiguous: !declared && !lonLat && (guessed === null || guessed.ambiguous),
  };
}

export interface AreaConversion {
  rows: AreaRow[];
  /** `text`: the feature as read — its properties (JSON) and geometry type; `column`/`value` where one value is at fault. */
  rejected: { line: number; reason: AreaRejectReason; column?: string; value?: string; text: string }[];
  /** Imported areas whose population could not be read (stored as unknown). */
  notes?: { line: number; column: string; value: string; problem: 'unreadable-population' | 'negative-population' }[];
}

/** How much of a rejected feature's properties the report shows. */
const FEATURE_TEXT_CHARACTERS = 300;

/** Every feature → a row or a rejection (`line` is the feature's position in the file, from 1). */
export function areaRowsFromGeoJson(collection: FeatureCollection, source: string, mapping?: Partial<AreaMapping>): AreaConversion {
  const m = { ...suggestAreaMapping(collection), ...mapping };
  const rows: AreaRow[] = [];
  const rejected: AreaConversion['rejected'] = [];
  const notes: NonNullable<AreaConversion['notes']> = [];
  collection.features.forEach((f, i) => {
    const line = i + 1;
    const geometry = f?.geometry;
    // The feature as read, for the report (a rejected feature had no text at all: a tester could not tell which it was).
    const asRead = () => maskPersonalNumbers(`${JSON.stringify(f?.properties ?? {}).slice(0, FEATURE_TEXT_CHARACTERS)} · ${geometry?.type ?? 'null'}`);
    if (!geometry || positions(geometry.coordinates).length === 0) return void rejected.push({ line, reason: 'no-geometry', text: asRead() });
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return void rejected.push({ line, reason: 'not-polygon', column: 'geometry', value: String(geometry.type), text: asRead() });
    const p = f.properties ?? {};
    const name = text(m.nameKey ? p[m.nameKey] : null);
    if (!name) return void rejected.push({ line, reason: 'missing-name', ...(m.nameKey ? { column: m.nameKey, value: String(p[m.nameKey] ?? '') } : {}), text: asRead() });
    // A NUL character ("\u0000") in the name or kind: a damaged export, rejected as a CSV row holding one is.
    const nulKey = [m.nameKey, m.kindKey].find((key) => key && String(p[key] ?? '').includes('\u0000'));
    if (nulKey) return void rejected.push({ line, reason: 'nul-byte', column: nulKey, value: String(p[nulKey]).replaceAll('\u0000', NUL_SYMBOL), text: asRead() });
    const wgs = m.crs === 'EPSG:4326'
      ? geometry
      : { ...geometry, coordinates: mapPositions(geometry.coordinates, ([x, y]) => { const { lat, lon } = toWgs84(m.crs, y, x); return [lon, lat]; }) };
    const [min_lon, min_lat, max_lon, max_lat] = boundingBox(wgs);
    if (!insideSweden(min_lat, min_lon) || !insideSweden(max_lat, max_lon)) return void rejected.push({ line, reason: 'outside-sweden', text: asRead() });
    const population = readPopulation(m.populationKey ? p[m.populationKey] : null);
    if (population.unreadable && m.populationKey) notes.push({ line, column: m.populationKey, value: String(p[m.populationKey]), problem: population.negative ? 'negative-population' : 'unreadable-population' });
    rows.push({
      name,
      // Cleaned as every text (" kommun " is "kommun"); its case is matched to the stored kinds' on import.
      kind: text(m.kindKey ? p[m.kindKey] : null) ?? text(m.fixedKind),
      population: population.value,
      geometry: JSON.stringify(wgs),
      min_lon, min_lat, max_lon, max_lat,
      source,
    });
  });
  return { rows, rejected, notes };
}
