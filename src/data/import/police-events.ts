// Police public events (polisen.se /api/events dumps): `id, datetime, name, summary, url, type, location{name,gps}`.
// `datetime` is when the event was published; the event's own time is in `name` ("06 juni 18.50, Trafikbrott,
// Kungsör"). `gps` is the centre of the kommun or län, not the event's place: these rows get
// location_precision = area, so the map counts them per area and never draws a street-level hot spot from them.
// The events are turned into a canonical CSV and go through the same import as any CSV (same checks, same
// accounting, append by id).
import { parseDateTime, parsePoliceEventName } from '../../lib/parsing/swedish-datetime';
import { planCsv, type TablePlan } from './csv-plan';
import { scanRecords, type RecordScan } from './csv-records';
import type { ImportResult } from './import-csv';

export const POLICE_EVENT_COLUMNS = ['id', 'occurred_at', 'type', 'summary', 'location', 'lat', 'lon'] as const;

/** Which field of the JSON post each converted column comes from: a rejected event names the file's own field. */
const FIELD_OF_COLUMN: Record<(typeof POLICE_EVENT_COLUMNS)[number], string> = {
  id: 'id', occurred_at: 'name / datetime', type: 'type', summary: 'summary', location: 'location.name', lat: 'location.gps', lon: 'location.gps',
};

/** A rejected event's column(s) ("lat / lon" for a position) as the JSON's field names. */
export function policeEventField(column: string | undefined): string | undefined {
  if (column === undefined) return undefined;
  const fields = column.split(' / ').map((c) => FIELD_OF_COLUMN[c as keyof typeof FIELD_OF_COLUMN] ?? c);
  return [...new Set(fields)].join(' / ');
}

/** Longest JSON post shown as a rejected event's "line as read". */
const MAX_POST_TEXT = 1_000;

/** Why a JSON file is not police events; the page says it in the user's language (importer.policeReason_*). */
export type NotPoliceEventsReason = 'invalid-json' | 'not-a-list' | 'empty' | 'missing-fields';

export class NotPoliceEventsError extends Error {
  constructor(readonly reason: NotPoliceEventsReason, detail?: string) {
    super(`Not a police events file: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

interface PoliceEvent {
  id?: unknown;
  datetime?: unknown;
  name?: unknown;
  summary?: unknown;
  type?: unknown;
  location?: { name?: unknown; gps?: unknown } | null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function csvField(value: string): string {
  return /[,"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Event types that are not incidents: the police's own summaries of a night or weekend, general information and
 * updates of an earlier event (which would count the event twice). Left out by default; the user can change it.
 */
export function isNotIncidentType(type: string): boolean {
  return /^sammanfattning\b/i.test(type.trim()) || /^(information|uppdatering)$/i.test(type.trim());
}

/** What to leave out of a police events file: event types, and places (kommun or län, `location.name`). */
export interface PoliceEventChoice {
  excludedTypes: string[];
  excludedLocations: string[];
}

export interface NameCount {
  name: string;
  count: number;
}

export interface PoliceEventCounts {
  events: number;
  /** Per event type and per place, most first (ties by name, Swedish order). */
  types: NameCount[];
  locations: NameCount[];
  /**
   * Events whose name dates them more than DATED_LONG_BEFORE_DAYS days before their publication — an update of an
   * old event ("18 september … Anträffad död", published 26 August 2025: 2024-09-18). Counted on that day; said on the
   * card, since one such event moves "Data från" months back (helper-65, helper-66).
   */
  datedLongBefore: number;
}

/** How many days before its publication an event's own date may lie before the card mentions it. */
export const DATED_LONG_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether the event's own date (from its name) lies more than DATED_LONG_BEFORE_DAYS before its publication. */
function datedLongBefore(e: PoliceEvent): boolean {
  const published = parseDateTime(str(e.datetime));
  if (!published.ok) return false;
  const occurred = parsePoliceEventName(str(e.name), published.value);
  if (!occurred.ok) return false;
  return Date.parse(`${published.value.slice(0, 10)}T00:00:00Z`) - Date.parse(`${occurred.value.slice(0, 10)}T00:00:00Z`) > DATED_LONG_BEFORE_DAYS * DAY_MS;
}

function countsOf(values: string[]): NameCount[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv'));
}

/** The default: every place kept, every type that is not an incident left out. */
export function defaultPoliceChoice(counts: PoliceEventCounts): PoliceEventChoice {
  return { excludedTypes: counts.types.filter((t) => isNotIncidentType(t.name)).map((t) => t.name), excludedLocations: [] };
}

/** How many events a choice leaves out: by type first, then (of the rest) by place. */
export function leftOutBy(pairs: [string, string][], choice: PoliceEventChoice): { type: number; location: number } {
  const types = new Set(choice.excludedTypes);
  const places = new Set(choice.excludedLocations);
  let type = 0;
  let location = 0;
  for (const [t, l] of pairs) {
    if (types.has(t)) type++;
    else if (places.has(l)) location++;
  }
  return { type, location };
}

/**
 * The counts beside each choice under the rest of the choice: a type's events among the places kept, a place's among
 * the types kept — what ticking the item in or out adds or leaves out. The whole file's counts beside a place read
 * "Västra Götalands län (1 917)" where unticking it left out 1 318, the rest being types already left out (helper-62).
 * The items keep the order of `counts` (most first under the default choice: orderedByDefaultChoice), so ticking does
 * not move them.
 */
/**
 * `counts` with its types and places ordered most first by the counts shown beside them under `choice` (the default
 * one, as the card opens): ordered by the whole file's counts, "Västra Götalands län (1 318)" stood above "Skåne län
 * (1 672)" and the list looked unsorted (helper-64, helper-66). Ties by name, Swedish order.
 */
export function orderedByChoice<C extends Pick<PoliceEventCounts, 'types' | 'locations'>>(counts: C, pairs: [string, string][], choice: PoliceEventChoice): C {
  const shown = choiceCounts(counts, pairs, choice);
  const order = (list: NameCount[], by: NameCount[]) => {
    const n = new Map(by.map((c) => [c.name, c.count]));
    return [...list].sort((a, b) => (n.get(b.name) ?? 0) - (n.get(a.name) ?? 0) || a.name.localeCompare(b.name, 'sv'));
  };
  return { ...counts, types: order(counts.types, shown.types), locations: order(counts.locations, shown.locations) };
}

export function choiceCounts(counts: Pick<PoliceEventCounts, 'types' | 'locations'>, pairs: [string, string][], choice: PoliceEventChoice): { types: NameCount[]; locations: NameCount[] } {
  const excludedTypes = new Set(choice.excludedTypes);
  const excludedPlaces = new Set(choice.excludedLocations);
  const perType = new Map<string, number>();
  const perPlace = new Map<string, number>();
  for (const [t, l] of pairs) {
    if (!excludedPlaces.has(l)) perType.set(t, (perType.get(t) ?? 0) + 1);
    if (!excludedTypes.has(t)) perPlace.set(l, (perPlace.get(l) ?? 0) + 1);
  }
  return {
    types: counts.types.map((c) => ({ name: c.name, count: perType.get(c.name) ?? 0 })),
    locations: counts.locations.map((c) => ({ name: c.name, count: perPlace.get(c.name) ?? 0 })),
  };
}

function parseEvents(text: string): PoliceEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NotPoliceEventsError('invalid-json', (error as Error).message);
  }
  if (!Array.isArray(parsed)) throw new NotPoliceEventsError('not-a-list');
  if (parsed.length === 0) throw new NotPoliceEventsError('empty');
  const sample = parsed.slice(0, 20) as PoliceEvent[];
  if (!sample.some((e) => e && typeof e === 'object' && 'datetime' in e && 'name' in e && 'location' in e)) {
    throw new NotPoliceEventsError('missing-fields');
  }
  return (parsed as unknown[]).map((raw) => (raw && typeof raw === 'object' ? raw : {}) as PoliceEvent);
}

const typeOf = (e: PoliceEvent) => str(e.type).trim();
const locationOf = (e: PoliceEvent) => str(e.location?.name).trim();

/** The file's event types and places with their counts (for the choice in the preview), and each event's pair. */
export function policeEventCounts(text: string): PoliceEventCounts & { pairs: [string, string][] } {
  const events = parseEvents(text);
  const pairs = events.map((e) => [typeOf(e), locationOf(e)] as [string, string]);
  return { events: events.length, types: countsOf(pairs.map((p) => p[0])), locations: countsOf(pairs.map((p) => p[1])), datedLongBefore: events.filter(datedLongBefore).length, pairs };
}

/**
 * The events as a UTF-8 CSV (comma, '.' decimals), one row per kept event in file order. `positions[i]` is the
 * 1-based number in the file of the i-th row; `leftOut` counts the events the choice left out.
 */
export function policeEventsToCsv(text: string, choice: PoliceEventChoice = { excludedTypes: [], excludedLocations: [] }): { csv: string; events: number; leftOut: { type: number; location: number }; positions: number[]; posts: unknown[]; nulRows: number[] } {
  const events = parseEvents(text);
  const types = new Set(choice.excludedTypes);
  const places = new Set(choice.excludedLocations);
  const leftOut = { type: 0, location: 0 };
  const positions: number[] = [];
  // Kept rows (0-based) with a NUL character in a field ("\u0000" in the JSON): rejected as 'nul-byte', as in a CSV.
  const nulRows: number[] = [];
  const lines = [POLICE_EVENT_COLUMNS.join(',')];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (types.has(typeOf(e))) { leftOut.type++; continue; }
    if (places.has(locationOf(e))) { leftOut.location++; continue; }
    positions.push(i + 1);
    const published = parseDateTime(str(e.datetime));
    const occurred = published.ok ? parsePoliceEventName(str(e.name), published.value) : null;
    // An unreadable time is passed on as text, so the import rejects the row with "bad date" and its number.
    const occurredText = occurred?.ok ? occurred.value : str(e.name) || str(e.datetime);
    const [lat, lon] = str(e.location?.gps).split(',').map((s) => s.trim());
    const line = [str(e.id), occurredText, str(e.type), str(e.summary), str(e.location?.name), lat ?? '', lon ?? ''].map(csvField).join(',');
    if (line.includes('\u0000')) nulRows.push(positions.length - 1);
    lines.push(line);
  }
  return { csv: lines.join('\n') + '\n', events: events.length, leftOut, positions, posts: events, nulRows };
}

/**
 * Everything the import needs for a police events file under a choice: the kept events as CSV with its plan and
 * record scan, how many were left out, and a function that renumbers rejected rows by their event's position in
 * the original file ("post" N).
 */
export function policeEventsImport(text: string, choice?: PoliceEventChoice): {
  utf8: Uint8Array; plan: TablePlan; scan: RecordScan; events: number; leftOut: number; leftOutBy: { type: number; location: number }; renumber: (r: ImportResult) => ImportResult;
  /** Lines of the converted CSV whose record holds a NUL (see policeEventsToCsv), for the import's 'nul-byte' check. */
  nulRecords: number[];
} {
  const converted = policeEventsToCsv(text, choice);
  const utf8 = new TextEncoder().encode(converted.csv);
  const plan = policeEventsPlan(utf8);
  const scan = scanRecords(utf8, { delimiter: ',', quote: '"', header: true });
  const recordOfLine = new Map<number, number>();
  scan.startLines.forEach((line, i) => recordOfLine.set(line, i));
  // A rejected event: numbered by its post in the file, its column named by the JSON's field, and the post itself
  // as the "line as read" (not the converted CSV line, which is nowhere in the user's file).
  const renumber = (r: ImportResult): ImportResult => ({
    ...r,
    rejected: r.rejected.map((x) => {
      const post = converted.positions[recordOfLine.get(x.line) ?? x.line - 2] ?? x.line - 1;
      const json = JSON.stringify(converted.posts[post - 1] ?? null);
      return { ...x, line: post, column: policeEventField(x.column), text: json.length > MAX_POST_TEXT ? `${json.slice(0, MAX_POST_TEXT)} …` : json };
    }),
  });
  const leftOut = converted.leftOut.type + converted.leftOut.location;
  const nulRecords = converted.nulRows.map((row) => scan.startLines[row]);
  return { utf8, plan, scan, events: converted.events, leftOut, leftOutBy: converted.leftOut, renumber, nulRecords };
}

/** The fixed plan for the converted events: nothing to guess, nothing for the user to map. */
export function policeEventsPlan(csv: Uint8Array): TablePlan {
  const plan = planCsv(csv, { encoding: 'utf-8', delimiter: ',', header: true, target: 'incidents' });
  return {
    ...plan,
    mapping: { id: 'id', date: 'occurred_at', category: 'type', description: 'summary', area: 'location', north: 'lat', east: 'lon' },
    decimal: '.',
    coordinates: { crs: 'EPSG:4326', order: 'north-east', ambiguous: false },
    outcomes: [],
  };
}
