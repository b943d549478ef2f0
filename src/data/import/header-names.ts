// Header names as real exports write them: "X-koordinat (SWEREF 99 TM)", "Lat (WGS84)", "Ärendenr",
// "HändelseId". A header is folded to a plain key (no unit or system in brackets, no diacritics, camelCase split,
// "nr"/"koord" spelled out) so one synonym list covers the variants; the coordinate system a header names is
// read separately, because it is information, not noise.
import type { CrsCode } from '../../lib/parsing/coordinates';

/** SWEREF 99 local zones by the meridian written in their name ("SWEREF 99 18 00" → EPSG:3011). */
const LOCAL_ZONES: Record<string, CrsCode> = {
  '1200': 'EPSG:3007', '1330': 'EPSG:3008', '1500': 'EPSG:3009', '1630': 'EPSG:3010', '1800': 'EPSG:3011', '1415': 'EPSG:3012',
  '1545': 'EPSG:3013', '1715': 'EPSG:3014', '1845': 'EPSG:3015', '2015': 'EPSG:3016', '2145': 'EPSG:3017', '2315': 'EPSG:3018',
};
const KNOWN_EPSG = new Set(['4326', '3006', '3021', ...Object.values(LOCAL_ZONES).map((c) => c.slice(5))]);

// A coordinate-system name anywhere in a header (with or without spaces, dashes, underscores).
// "SWEREF" alone ("sweref_n", "SWEREF_X") is SWEREF 99 TM, the national system; a local zone always names its meridian.
const CRS_NAME = /sweref(?:[\s_-]*99)?(?:[\s_-]*tm|[\s_-]*(\d{2})[\s_-]*(\d{2}))?|rt[\s_-]*90(?:[\s_-]*2[.,]5[\s_-]*gon[\s_-]*v)?|wgs[\s_-]*84|epsg[\s_:-]*(\d{4,5})/gi;

/** The coordinate system a header names, e.g. "X-koordinat (SWEREF 99 TM)" → EPSG:3006; null when none. */
export function crsNamedIn(header: string): CrsCode | null {
  for (const m of header.matchAll(CRS_NAME)) {
    const name = m[0].toLowerCase();
    if (name.startsWith('sweref')) {
      if (m[1] && m[2]) return LOCAL_ZONES[m[1] + m[2]] ?? null;
      return 'EPSG:3006';
    }
    if (name.startsWith('rt')) return 'EPSG:3021';
    if (name.startsWith('wgs')) return 'EPSG:4326';
    if (m[3] && KNOWN_EPSG.has(m[3])) return `EPSG:${m[3]}` as CrsCode;
  }
  return null;
}

/** A header as a matching key: "X-koordinat (SWEREF 99 TM)" → "x koordinat", "Ärendenr" → "arendenummer". */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/^\ufeff/, '')
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .replace(CRS_NAME, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => word.replace(/(.)nr$/, '$1nummer').replace(/^nr$/, 'nummer').replace(/koord$/, 'koordinat').replace(/^coord$/, 'coordinate'))
    .join(' ');
}
