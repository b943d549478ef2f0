// Suggest which export column fills which canonical field, from Swedish and English header names.
// Pure: headers in, suggestion out. The user can change every choice; a confirmed mapping is remembered per
// header signature (see header-signature below) so the next export from the same system imports in one click.
export type TargetTable = 'incidents' | 'interventions';

export type CanonicalField =
  | 'id' | 'date' | 'time' | 'category' | 'subcategory' | 'north' | 'east' | 'area' | 'place' | 'description'
  | 'type' | 'organisation' | 'end_date' | 'end_time';

const normalise = (h: string) =>
  h.trim().toLowerCase().replace(/^\ufeff/, '').replace(/[_\-./()]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Header names per field, already normalised; the first list that matches wins, in field order. */
const SYNONYMS: Record<CanonicalField, string[]> = {
  id: ['id', 'diarienummer', 'ärendenummer', 'arendenummer', 'händelse id', 'handelse id', 'händelsenummer', 'anmälningsnummer', 'aktivitets id', 'löpnummer', 'nr', 'event id'],
  date: ['datum', 'händelsedatum', 'handelsedatum', 'brottsdatum', 'anmälningsdatum', 'startdatum', 'tidpunkt', 'date', 'datetime', 'occurred at', 'started at', 'start', 'från', 'fran'],
  time: ['tid', 'klockslag', 'kl', 'händelsetid', 'starttid', 'time', 'start time'],
  end_date: ['slutdatum', 'end date', 'ended at', 'till'],
  end_time: ['sluttid', 'end time'],
  category: ['brottstyp', 'händelsetyp', 'handelsetyp', 'kategori', 'brottskategori', 'category', 'offence', 'offense', 'crime type'],
  subcategory: ['underkategori', 'underrubrik', 'underbrottstyp', 'subcategory', 'sub category'],
  type: ['aktivitet', 'insats', 'insatstyp', 'aktivitetstyp', 'åtgärd', 'type', 'activity', 'intervention'],
  organisation: ['ansvarig', 'organisation', 'aktör', 'utförare', 'organization', 'owner'],
  north: ['n', 'x', 'lat', 'latitud', 'latitude', 'nordkoordinat', 'koordinat n', 'koordinat x', 'northing', 'n sweref99tm', 'x koordinat'],
  east: ['e', 'y', 'lon', 'long', 'lng', 'longitud', 'longitude', 'ostkoordinat', 'östkoordinat', 'koordinat e', 'koordinat y', 'easting', 'e sweref99tm', 'y koordinat'],
  area: ['område', 'omrade', 'stadsdel', 'kommundel', 'distrikt', 'area', 'district', 'neighbourhood'],
  place: ['plats', 'adress', 'gatuadress', 'platsnamn', 'place', 'address', 'location', 'site'],
  description: ['beskrivning', 'händelsebeskrivning', 'fritext', 'kommentar', 'anteckning', 'sammanfattning', 'description', 'summary', 'text', 'notes'],
};

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
  const byNorm = new Map(headers.map((h) => [normalise(h), h]));
  for (const field of FIELDS_FOR[table]) {
    for (const synonym of SYNONYMS[field]) {
      const header = byNorm.get(synonym);
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
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
