// Police public events (polisen.se /api/events dumps): `id, datetime, name, summary, url, type, location{name,gps}`.
// `datetime` is when the event was published; the event's own time is in `name` ("06 juni 18.50, Trafikbrott,
// Kungsör"). `gps` is the centre of the kommun or län, not the event's place: these rows get
// location_precision = area, so the map counts them per area and never draws a street-level hot spot from them.
// The events are turned into a canonical CSV and go through the same import as any CSV (same checks, same
// accounting, append by id).
import { parseDateTime, parsePoliceEventName } from '../../lib/parsing/swedish-datetime';
import { planCsv, type CsvPlan } from './csv-plan';

export const POLICE_EVENT_COLUMNS = ['id', 'occurred_at', 'type', 'summary', 'location', 'lat', 'lon'] as const;

export class NotPoliceEventsError extends Error {
  constructor(detail: string) {
    super(`Not a police events file: ${detail}`);
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

/** The events as a UTF-8 CSV (comma, '.' decimals), one row per event in file order. */
export function policeEventsToCsv(text: string): { csv: string; events: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NotPoliceEventsError(`invalid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new NotPoliceEventsError('the top level is not a list of events');
  if (parsed.length === 0) throw new NotPoliceEventsError('the list is empty');
  const sample = parsed.slice(0, 20) as PoliceEvent[];
  if (!sample.some((e) => e && typeof e === 'object' && 'datetime' in e && 'name' in e && 'location' in e)) {
    throw new NotPoliceEventsError('the objects lack datetime, name and location');
  }
  const lines = [POLICE_EVENT_COLUMNS.join(',')];
  for (const raw of parsed as PoliceEvent[]) {
    const e = raw && typeof raw === 'object' ? raw : {};
    const published = parseDateTime(str(e.datetime));
    const occurred = published.ok ? parsePoliceEventName(str(e.name), published.value) : null;
    // An unreadable time is passed on as text, so the import rejects the row with "bad date" and its number.
    const occurredText = occurred?.ok ? occurred.value : str(e.name) || str(e.datetime);
    const [lat, lon] = str(e.location?.gps).split(',').map((s) => s.trim());
    lines.push([str(e.id), occurredText, str(e.type), str(e.summary), str(e.location?.name), lat ?? '', lon ?? ''].map(csvField).join(','));
  }
  return { csv: lines.join('\n') + '\n', events: parsed.length };
}

/** The fixed plan for the converted events: nothing to guess, nothing for the user to map. */
export function policeEventsPlan(csv: Uint8Array): CsvPlan {
  const plan = planCsv(csv, { encoding: 'utf-8', delimiter: ',', header: true, target: 'incidents' });
  return {
    ...plan,
    mapping: { id: 'id', date: 'occurred_at', category: 'type', description: 'summary', area: 'location', north: 'lat', east: 'lon' },
    decimal: '.',
    coordinates: { crs: 'EPSG:4326', order: 'north-east', ambiguous: false },
    outcomes: [],
  };
}
