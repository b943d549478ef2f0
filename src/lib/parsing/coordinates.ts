// Swedish coordinate systems → WGS 84 with proj4 (docs/domain.md, "Coordinates"). Systems are recognised by
// magnitude; Swedish files put N ("X") before E ("Y"), so the pair order is detected, not assumed. SWEREF 99 TM
// and the local SWEREF 99 zones overlap in magnitude: when samples can't tell them apart, `ambiguous` is set and
// the importer asks (and remembers the answer with the mapping).
import proj4 from 'proj4';
import { SWEREF99TM_ZONE, type TmZone } from '../geo/sweref99tm';

export type CrsCode = 'EPSG:4326' | 'EPSG:3006' | 'EPSG:3021' | `EPSG:${3007 | 3008 | 3009 | 3010 | 3011 | 3012 | 3013 | 3014 | 3015 | 3016 | 3017 | 3018}`;

const SWEREF_LOCAL_MERIDIANS: Record<number, number> = {
  3007: 12, 3008: 13.5, 3009: 15, 3010: 16.5, 3011: 18, 3012: 14.25, 3013: 15.75, 3014: 17.25, 3015: 18.75, 3016: 20.25, 3017: 21.75, 3018: 23.25,
};
const DEFINITIONS: Record<string, string> = {
  'EPSG:3006': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:3021': '+proj=tmerc +lat_0=0 +lon_0=15.8082777777778 +k=1 +x_0=1500000 +y_0=0 +ellps=bessel +towgs84=414.1,41.3,603.1,-0.855,2.141,-7.023,0 +units=m +no_defs',
  ...Object.fromEntries(
    Object.entries(SWEREF_LOCAL_MERIDIANS).map(([code, lon0]) => [
      `EPSG:${code}`,
      `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
    ]),
  ),
};
for (const [code, def] of Object.entries(DEFINITIONS)) proj4.defs(code, def);

export const SUPPORTED_CRS: CrsCode[] = ['EPSG:4326', 'EPSG:3006', ...Object.keys(SWEREF_LOCAL_MERIDIANS).map((c) => `EPSG:${c}` as CrsCode), 'EPSG:3021'];

/** The Transverse Mercator zone of SWEREF 99 TM or a local SWEREF 99 zone (GRS 80, no datum shift); null for others (RT 90, WGS 84). */
export function swerefZone(crs: CrsCode): TmZone | null {
  if (crs === 'EPSG:3006') return SWEREF99TM_ZONE;
  const meridian = SWEREF_LOCAL_MERIDIANS[Number(crs.slice(5))];
  return meridian === undefined ? null : { centralMeridian: meridian, scale: 1, falseEasting: 150000 };
}

/** Sweden with a margin: a converted point outside this box is rejected as "outside Sweden". */
export const SWEDEN_BOUNDS = { minLat: 55.0, maxLat: 69.2, minLon: 10.5, maxLon: 24.3 };

export function insideSweden(lat: number, lon: number): boolean {
  return lat >= SWEDEN_BOUNDS.minLat && lat <= SWEDEN_BOUNDS.maxLat && lon >= SWEDEN_BOUNDS.minLon && lon <= SWEDEN_BOUNDS.maxLon;
}

export type PairOrder = 'north-east' | 'east-north';

export interface CrsGuess {
  crs: CrsCode;
  /** Which column holds northing/latitude: the first of the pair as mapped, or the second. */
  order: PairOrder;
  /** True when the magnitudes fit both SWEREF 99 TM and a local zone: ask the user. */
  ambiguous: boolean;
}

type Kind = 'lat' | 'lon' | 'northing' | 'tm-easting' | 'local-easting' | 'rt90-easting';

function kindsOf(v: number): Kind[] {
  const kinds: Kind[] = [];
  if (v >= 55 && v <= 69.5) kinds.push('lat');
  if (v >= 10 && v <= 24.5) kinds.push('lon');
  if (v >= 6_100_000 && v <= 7_700_000) kinds.push('northing');
  if (v >= 250_000 && v <= 930_000) kinds.push('tm-easting');
  if (v >= 40_000 && v <= 320_000) kinds.push('local-easting');
  if (v >= 1_100_000 && v <= 2_000_000) kinds.push('rt90-easting');
  return kinds;
}

function share(values: number[], kind: Kind): number {
  return values.length ? values.filter((v) => kindsOf(v).includes(kind)).length / values.length : 0;
}

/** The share of pairs that must fit: a few bad rows are rejected row by row, they don't decide the system. */
const QUORUM = 0.8;

/** Guess the system and order from sample pairs [first column, second column]. Null when nothing fits. */
export function guessCrs(pairs: [number, number][]): CrsGuess | null {
  const firsts = pairs.map((p) => p[0]);
  const seconds = pairs.map((p) => p[1]);
  let best: { guess: CrsGuess; score: number } | null = null;
  const consider = (guess: CrsGuess, score: number) => {
    if (score >= QUORUM && (!best || score > best.score)) best = { guess, score };
  };
  for (const order of ['north-east', 'east-north'] as PairOrder[]) {
    const [north, east] = order === 'north-east' ? [firsts, seconds] : [seconds, firsts];
    const both = (a: Kind, b: Kind) => pairs.filter((_, i) => kindsOf(north[i]).includes(a) && kindsOf(east[i]).includes(b)).length / (pairs.length || 1);
    consider({ crs: 'EPSG:4326', order, ambiguous: false }, both('lat', 'lon'));
    if (share(north, 'northing') < QUORUM) continue;
    consider({ crs: 'EPSG:3021', order, ambiguous: false }, both('northing', 'rt90-easting'));
    const tm = both('northing', 'tm-easting');
    const local = both('northing', 'local-easting');
    const overlap = pairs.filter((_, i) => kindsOf(east[i]).includes('tm-easting') && kindsOf(east[i]).includes('local-easting')).length / (pairs.length || 1);
    // Eastings that fit both TM and a local zone can't decide between them: the user must.
    const ambiguous = overlap >= QUORUM || (tm >= QUORUM && local >= QUORUM);
    if (tm >= local) consider({ crs: 'EPSG:3006', order, ambiguous }, tm);
    else consider({ crs: localZoneFor(east), order, ambiguous: true }, local);
  }
  return (best as { guess: CrsGuess } | null)?.guess ?? null;
}

/** Local zone eastings (x_0 = 150 000) can't name their zone; the user's answer is needed. Default: 3011 (18°00'). */
function localZoneFor(_eastings: number[]): CrsCode {
  return 'EPSG:3011';
}

// One proj4 converter per system, made once: `proj4(from, to, point)` parses both definitions and builds new
// projection objects on every call — 10× slower than a kept converter, with the same numbers to the last bit, and on
// the Karta ~0.4 GB of garbage over ten steps at 1M rows (each cell's corners are projected).
const converters = new Map<CrsCode, proj4.Converter>();
function converterFor(crs: CrsCode): proj4.Converter {
  let converter = converters.get(crs);
  if (!converter) {
    converter = proj4(crs, 'WGS84');
    converters.set(crs, converter);
  }
  return converter;
}

/** Convert one pair, given as (north, east) or (lat, lon), to WGS 84. */
export function toWgs84(crs: CrsCode, north: number, east: number): { lat: number; lon: number } {
  if (crs === 'EPSG:4326') return { lat: north, lon: east };
  const [lon, lat] = converterFor(crs).forward([east, north]);
  return { lat, lon };
}

export function fromWgs84(crs: CrsCode, lat: number, lon: number): { north: number; east: number } {
  if (crs === 'EPSG:4326') return { north: lat, east: lon };
  const [east, north] = converterFor(crs).inverse([lon, lat]);
  return { north, east };
}
