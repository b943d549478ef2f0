// How the import form and the import history name an encoding, a delimiter, a quote and a coordinate system: one wording in
// both places, in the UI language (the history showed the stored codes — "utf-8", "EPSG:3006" — and the form's
// encoding and delimiter names were Swedish in the English UI).
import type { CrsCode } from '../../lib/parsing/coordinates';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The encodings the form offers, in its order. */
export const ENCODING_CODES = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/** An encoding's name as the form shows it ("Windows-1252 (Excel, äldre)"); an unknown code as it is. */
export function encodingLabel(code: string, t: Translate): string {
  return (ENCODING_CODES as readonly string[]).includes(code) ? t(`importer.encodings.${code}`) : code;
}

const DELIMITER_KEYS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** A delimiter as the form shows it ("; (semikolon)"); another character as it is. */
export function delimiterLabel(delimiter: string, t: Translate): string {
  return DELIMITER_KEYS[delimiter] ? t(`importer.delimiters.${DELIMITER_KEYS[delimiter]}`) : delimiter;
}

/** A quote character as the form shows it ('" (citattecken)'). */
export function quoteLabel(quote: string, t: Translate): string {
  return quote === '"' ? t('importer.quotes.double') : quote === "'" ? t('importer.quotes.single') : quote;
}

const CRS_LABELS: Record<string, string> = { 'EPSG:4326': 'WGS 84 (lat/long)', 'EPSG:3006': 'SWEREF 99 TM', 'EPSG:3021': 'RT 90 2.5 gon V' };
const LOCAL_ZONES = ['12 00', '13 30', '15 00', '16 30', '18 00', '14 15', '15 45', '17 15', '18 45', '20 15', '21 45', '23 15'];

/** A coordinate system's name ("SWEREF 99 TM"; the local zones "SWEREF 99 15 00 (EPSG:3009)"); another code as it is. */
export function crsLabel(code: CrsCode | string): string {
  if (CRS_LABELS[code]) return CRS_LABELS[code];
  const zone = /^EPSG:(\d+)$/.exec(code) ? LOCAL_ZONES[Number(code.slice(5)) - 3007] : undefined;
  return zone ? `SWEREF 99 ${zone} (${code})` : code;
}
