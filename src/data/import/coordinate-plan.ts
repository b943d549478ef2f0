// The coordinate system and pair order a plan proposes for its N/E columns, and what the card says about them: told
// from the values' magnitudes (guessCrs), a system named in the header, or the last import of this kind of file.
import { guessCrs, insideSweden, toWgs84, type CrsCode, type PairOrder } from '../../lib/parsing/coordinates';
import { parseNumber, type NumberFormatOptions } from '../../lib/parsing/swedish-number';
import { crsFromHeaders, degreesFromHeaders, type Mapping } from './column-mapping';

export interface CoordinateChoice {
  crs: CrsCode;
  order: PairOrder;
  /** The user must say which system: SWEREF 99 TM and a local zone both fit, or (`fitsNone`) no system does. */
  ambiguous: boolean;
  /** The values fit no system inside Sweden (degrees far away, metres of another country): ask, and say that. */
  fitsNone?: boolean;
  /**
   * No row read for the plan (the preview and the rows after it, `laterRows`) has both coordinates: nothing to judge the
   * system by. Asked, and said as that (helper-57: "the coordinates fit both SWEREF 99 TM and a local zone" over empty
   * columns).
   */
  noValues?: boolean;
  /** Rows have both values but none reads as a number (with the decimal mark chosen): said, with the mark. */
  unreadable?: boolean;
  /**
   * The chosen system (from the header or the last import) puts most of the sample's points outside Sweden while the
   * values fit this one: said, with a button to use it. Absent otherwise.
   */
  valuesFit?: { crs: CrsCode; order: PairOrder };
  /** The system was read from the column headers. */
  named?: boolean;
}

/** What planCoordinates reads of a plan: its columns, mapping, preview and later rows. */
interface CoordinateSource {
  dialect: { columns: string[] };
  mapping: Mapping;
  previewRows: string[][];
  laterRows?: string[][];
}

/** Pairs read for the guess: the preview's, or as many from the rows after it. */
const SAMPLE_PAIRS = 50;

/**
 * The plan's coordinate choice: null without both N and E mapped; `remembered` (the last import's) wins, then a system
 * the header names, then the values' guess. Numbers are read with `numbers` (the plan's decimal mark).
 */
export function planCoordinates(plan: CoordinateSource, numbers: NumberFormatOptions, remembered: { crs: CrsCode; order: PairOrder } | null): CoordinateChoice | null {
  const n = plan.mapping.north ? plan.dialect.columns.indexOf(plan.mapping.north) : -1;
  const e = plan.mapping.east ? plan.dialect.columns.indexOf(plan.mapping.east) : -1;
  if (n < 0 || e < 0) return null;
  const pairsOf = (rows: string[][]) => rows
    .map((r) => [parseNumber(r[n], numbers), parseNumber(r[e], numbers)] as const)
    .filter(([a, b]) => a.ok && b.ok && a.value !== null && b.value !== null)
    .map(([a, b]) => [(a as { value: number }).value, (b as { value: number }).value] as [number, number]);
  // The preview's pairs; none there (an export whose first rows have no position), the rows after it.
  const previewPairs = pairsOf(plan.previewRows);
  const pairs = previewPairs.length ? previewPairs : pairsOf(plan.laterRows ?? []).slice(0, SAMPLE_PAIRS);
  // No pair: because no row has both values, or because the values don't read as numbers (with this decimal mark)?
  const filled = (r: string[]) => Boolean(r[n]?.trim() && r[e]?.trim());
  const noValues = !pairs.length && !plan.previewRows.some(filled) && !(plan.laterRows ?? []).some(filled);
  const fitted = pairs.length ? guessCrs(pairs) : null;
  // Headers that say latitude/longitude over values in degrees are WGS 84, inside Sweden or not (a tester's
  // earthquake file was asked "SWEREF 99 TM or a local zone?"): its rows outside Sweden are then rejected with that reason.
  const degrees = !fitted && pairs.length > 0 && degreesFromHeaders(plan.mapping) && pairs.every(([a, b]) => Math.abs(a) <= 90 && Math.abs(b) <= 180);
  // Otherwise coordinates that fit no system: the user must choose one rather than see every row rejected.
  const guessed: CoordinateChoice = fitted
    ?? (degrees ? { crs: 'EPSG:4326', order: 'north-east', ambiguous: false, named: true } : { crs: 'EPSG:3006', order: 'north-east', ambiguous: true, fitsNone: pairs.length > 0, noValues, unreadable: !pairs.length && !noValues });
  // A system the header names ("X-koordinat (SWEREF 99 TM)") is the export's own word: it beats magnitudes.
  const named = crsFromHeaders(plan.mapping);
  const fromHeader = named ? { crs: named, order: orderByMagnitude(pairs), ambiguous: false, named: true } : null;
  let coordinates: CoordinateChoice = remembered ? { ...remembered, ambiguous: false } : fromHeader ?? guessed;
  // A system from the header or the last import that puts most of the file's points outside Sweden, where the values
  // fit another: said, with that one to choose (helper-58: WGS 84 values under "X-koordinat (SWEREF 99 TM)", and a
  // remembered SWEREF 99 TM over a WGS 84 export, were all rejected as "outside the box around Sweden", unexplained).
  if (fitted && !coordinates.ambiguous && (coordinates.crs !== fitted.crs || coordinates.order !== fitted.order) && mostlyOutside(pairs, coordinates)) {
    coordinates = { ...coordinates, valuesFit: { crs: fitted.crs, order: fitted.order } };
  }
  return coordinates;
}

/** Whether most of `pairs` (first column, second column) fall outside Sweden when read in `choice`'s system and order. */
function mostlyOutside(pairs: [number, number][], choice: { crs: CrsCode; order: PairOrder }): boolean {
  const outside = pairs.filter(([a, b]) => {
    const [north, east] = choice.order === 'north-east' ? [a, b] : [b, a];
    const { lat, lon } = toWgs84(choice.crs, north, east);
    return !insideSweden(lat, lon);
  }).length;
  return outside * 2 > pairs.length;
}

/**
 * In every Swedish system the northing (or latitude) is the larger number of a pair, so the order follows from
 * which column is larger in most rows; with no rows, Swedish convention (N/X first).
 */
function orderByMagnitude(pairs: [number, number][]): PairOrder {
  const firstLarger = pairs.filter(([a, b]) => a > b).length;
  return pairs.length && firstLarger * 2 < pairs.length ? 'east-north' : 'north-east';
}
