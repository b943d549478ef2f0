// Suggest which export column fills which canonical field, from Swedish and English header names.
// Pure: headers in, suggestion out. The user can change every choice; a confirmed mapping is remembered per
// header signature (see header-signature below) so the next export from the same system imports in one click.
import { crsNamedIn, headerKey } from './header-names';

export type TargetTable = 'incidents' | 'interventions';

export type CanonicalField =
  | 'id' | 'date' | 'time' | 'category' | 'subcategory' | 'north' | 'east' | 'area' | 'place' | 'description'
  | 'type' | 'organisation' | 'end_date' | 'end_time';

/** Only for the header signature: it must stay as it was, or remembered mappings would be lost. */
const normalise = (h: string) =>
  h.trim().toLowerCase().replace(/^\ufeff/, '').replace(/[_\-./()]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Header names per field, written as people write them; folded with `headerKey` before matching, so case,
 * diacritics, brackets ("(SWEREF 99 TM)"), dashes and "nr"/"koord" don't matter. The first match wins, in field
 * order; within a field, earlier names win (so "Brottstyp" and "Brottsbenämning" beat "Brottskod": an analyst who clicks
 * Importera on a police register export wants offence names, not codes, as categories — a tester got "0866", "1201").
 */
const NAMES: Record<CanonicalField, string[]> = {
  id: ['id', 'diarienummer', 'ärendenummer', 'ärende', 'händelse id', 'händelseid', 'händelsenummer', 'anmälningsnummer', 'anmälan id', 'aktivitets id', 'löpnummer', 'nummer',
    'event id', 'eventid', 'incident id', 'incidentid', 'case id', 'case number', 'reference number'],
  date: ['datum', 'händelsedatum', 'brottsdatum', 'anmälningsdatum', 'startdatum', 'tidpunkt', 'händelsetidpunkt', 'brottstidpunkt', 'datum och tid', 'datum tid',
    'date', 'datetime', 'date time', 'timestamp', 'occurred at', 'occurred', 'event date', 'incident date', 'started at', 'start', 'från'],
  time: ['tid', 'klockslag', 'kl', 'klocka', 'händelsetid', 'brottstid', 'starttid', 'time', 'start time', 'time of day'],
  end_date: ['slutdatum', 'end date', 'ended at', 'till'],
  end_time: ['sluttid', 'end time'],
  category: ['brottstyp', 'händelsetyp', 'kategori', 'brottskategori', 'händelsekategori', 'brottsrubricering', 'rubricering', 'brottsbenämning',
    'händelsebenämning', 'benämning', 'category', 'offence', 'offense', 'crime type',
    'incident type', 'event type', 'brottskod', 'crime code', 'offence code'],
  subcategory: ['underkategori', 'underrubrik', 'underbrottstyp', 'subcategory', 'sub category'],
  type: ['aktivitet', 'insats', 'insatstyp', 'aktivitetstyp', 'åtgärd', 'type', 'activity', 'intervention'],
  organisation: ['ansvarig', 'organisation', 'aktör', 'utförare', 'organization', 'owner'],
  // Swedish convention: X is the northing, Y the easting (the order is checked by magnitude anyway).
  north: ['n', 'x', 'nord', 'lat', 'latitud', 'latitude', 'breddgrad', 'nordkoordinat', 'nordlig koordinat', 'koordinat n', 'koordinat x', 'koordinat nord', 'x koordinat', 'n koordinat',
    'north', 'northing', 'x coordinate', 'coordinate x'],
  east: ['e', 'y', 'ost', 'lon', 'long', 'lng', 'longitud', 'longitude', 'langdgrad', 'ostkoordinat', 'ostlig koordinat', 'koordinat e', 'koordinat y', 'koordinat ost', 'y koordinat', 'e koordinat',
    'east', 'easting', 'y coordinate', 'coordinate y'],
  area: ['område', 'stadsdel', 'kommundel', 'delområde', 'distrikt', 'lokalpolisområde', 'polisområde', 'area', 'district', 'neighbourhood', 'neighborhood'],
  place: ['plats', 'adress', 'gatuadress', 'platsnamn', 'brottsplats', 'händelseplats', 'place', 'address', 'location', 'site', 'street'],
  description: ['beskrivning', 'händelsebeskrivning', 'fritext', 'kommentar', 'anteckning', 'sammanfattning', 'description', 'summary', 'text', 'notes'],
};
/** Compound words are written together or apart ("Ärende nr", "Ärendenr"): compare without spaces. */
const compactKey = (h: string) => headerKey(h).replace(/ /g, '');
const SYNONYMS = Object.fromEntries(
  Object.entries(NAMES).map(([field, names]) => [field, [...new Set(names.map(compactKey))]]),
) as Record<CanonicalField, string[]>;

export const FIELDS_FOR: Record<TargetTable, CanonicalField[]> = {
  incidents: ['id', 'date', 'time', 'category', 'subcategory', 'north', 'east', 'area', 'place', 'description'],
  interventions: ['id', 'type', 'date', 'time', 'end_date', 'end_time', 'organisation', 'north', 'east', 'area', 'place', 'description'],
};

export const REQUIRED_FOR: Record<TargetTable, CanonicalField[]> = {
  incidents: ['date', 'category'],
  interventions: ['date', 'type'],
};

export type Mapping = Partial<Record<CanonicalField, string>>;

export function suggestMapping(headers: string[], table: TargetTable): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  // The first header with a key wins (a later duplicate must not shadow it).
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(compactKey(h))) byNorm.set(compactKey(h), h);
  // Three readable letters at least: "\ufffd" alone would fit every one-letter name (N, E, X, Y).
  const damaged = headers.filter((h) => h.includes(UNREADABLE) && compactKey(h).replace(/ /g, '').length >= 3).map((h) => ({ header: h, pattern: damagedPattern(h) }));
  for (const field of FIELDS_FOR[table]) {
    for (const synonym of SYNONYMS[field]) {
      const header = byNorm.get(synonym) ?? damaged.find((d) => !used.has(d.header) && d.pattern.test(synonym))?.header;
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** U+FFFD, what a byte that is not valid in the file's encoding reads as ("Omr\ufffdde": Område with a stray Windows-1252 å in a UTF-8 file). */
export const UNREADABLE = '\ufffd';
/**
 * A header with unreadable characters as a pattern over folded names: each stands for any one letter, so "Omr\ufffdde"
 * is still Område (helper-59: such a column was left unmapped without a word). "ʔ" (U+0294) is a letter no Swedish or
 * English header has; it carries the place through headerKey, which drops what is not a letter.
 */
function damagedPattern(header: string): RegExp {
  const key = compactKey(header.replaceAll(UNREADABLE, 'ʔ'));
  return new RegExp(`^${key.split('ʔ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.')}$`, 'u');
}

/** Which table an export most likely fills: the one whose required fields its headers cover. */
export function guessTargetTable(headers: string[]): TargetTable | null {
  const covers = (t: TargetTable) => REQUIRED_FOR[t].every((f) => suggestMapping(headers, t)[f] !== undefined);
  const incident = covers('incidents');
  const intervention = covers('interventions');
  if (incident && !intervention) return 'incidents';
  if (intervention && !incident) return 'interventions';
  if (incident && intervention) {
    // Both fit (e.g. "Typ" alone): a crime-type header decides.
    return headers.some((h) => /brott|händelsetyp|kategori|offen/i.test(h)) ? 'incidents' : 'interventions';
  }
  return null;
}

/** Identifies "the same export from the same system": its normalised header names, in order. */
export function headerSignature(headers: string[]): string {
  return headers.map(normalise).join('\u001f');
}

export function missingRequired(mapping: Mapping, table: TargetTable): CanonicalField[] {
  return REQUIRED_FOR[table].filter((f) => !mapping[f]);
}

const LATITUDE_KEYS = new Set(['lat', 'latitud', 'latitude', 'breddgrad']);
const LONGITUDE_KEYS = new Set(['lon', 'lng', 'long', 'longitud', 'longitude', 'langdgrad']);

/** The mapped N/E headers say latitude and longitude ("latitude", "Lng", "Breddgrad"): the values are degrees. */
export function degreesFromHeaders(mapping: Mapping): boolean {
  return Boolean(mapping.north && mapping.east && LATITUDE_KEYS.has(headerKey(mapping.north)) && LONGITUDE_KEYS.has(headerKey(mapping.east)));
}

/** The coordinate system the mapped N/E headers name ("X-koordinat (SWEREF 99 TM)"), or null. */
export function crsFromHeaders(mapping: Mapping): ReturnType<typeof crsNamedIn> {
  return (mapping.north ? crsNamedIn(mapping.north) : null) ?? (mapping.east ? crsNamedIn(mapping.east) : null);
}
