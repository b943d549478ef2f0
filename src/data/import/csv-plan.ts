// What the importer proposes for a file before anything is stored: encoding, dialect, target table, column
// mapping, decimal mark and coordinate system, with the first rows to show. Pure: bytes in, plan out; the
// user's changes go through `replan`, so the preview always shows what the import will do.
import Papa from 'papaparse';
import type { CrsCode, PairOrder } from '../../lib/parsing/coordinates';
import { guessDecimalMark, parseNumber, INTERNATIONAL_NUMBERS, SWEDISH_NUMBERS } from '../../lib/parsing/swedish-number';
import { findPersonalIdentityNumbers, findPersonalNumberLookalikes, type PersonalDataAction } from '../../lib/parsing/personal-identity';
import { decodeText, detectEncoding, misreadExample, type EncodingGuess, type MisreadExample, type TextEncodingName } from '../../lib/parsing/text-encoding';
import { parseDateTime } from '../../lib/parsing/swedish-datetime';
import { afterLines, linesBeforeHeader } from './header-row';
import { FIELDS_FOR, guessTargetTable, suggestMapping, UNREADABLE, type CanonicalField, type Mapping, type TargetTable } from './column-mapping';
import { NUL_SYMBOL } from '../../lib/parsing/utf8-check';
import { planCoordinates, type CoordinateChoice } from './coordinate-plan';
import { defaultYearRange, type CsvDialect, type YearRange } from './csv-import.query';
import type { DecimalMark } from './value-conversions.query';

export const PREVIEW_ROWS = 50;
/** Enough bytes for 50 rows of any sane export; the preview never reads the whole file. */
export const PREVIEW_BYTES = 256 * 1024;
/** Rows after the preview the plan reads for coordinate pairs (TablePlan.laterRows). */
export const LATER_ROWS = 2000;
export const DELIMITERS = [',', ';', '\t', '|'] as const;


export interface TablePlan {
  /** Parquet files carry their own types and names: no encoding or dialect to choose. */
  format: 'csv' | 'parquet';
  encoding: TextEncodingName;
  bomLength: number;
  looksBinary: boolean;
  dialect: CsvDialect;
  previewRows: string[][];
  /**
   * Rows after the preview (CSV: up to LATER_ROWS more within the first PREVIEW_BYTES), read only for what the preview
   * may lack: coordinate pairs to tell the system by, when the first rows have none.
   */
  laterRows?: string[][];
  /** The preview and laterRows hold every row of the file (a small CSV): "none of the file's rows", not "the first N". */
  rowsAllRead?: boolean;
  target: TargetTable;
  mapping: Mapping;
  outcomes: { column: string; name: string }[];
  decimal: DecimalMark;
  coordinates: CoordinateChoice | null;
  /** Set when a mapping remembered for this header signature was applied. */
  remembered: boolean;
  /** Columns where the preview found valid personnummer, and how many. */
  /** Per column of the preview: valid personnummer, and values of that shape that fail the check. */
  personalData: { column: string; found: number; lookalike: number }[];
  /** The user's choice per column; the import masks any column with hits that has no choice. */
  personalChoices: Record<string, PersonalDataAction>;
  /** Plausible years: dates outside are rejected with this range in the reason. Shown and changeable. */
  years: YearRange;
  /**
   * The chosen encoding is not the one the file's bytes point to, with a word each reads differently (a UTF-8 file
   * read as Windows-1252 imports "StÃ¶ld" without any row failing). Absent when they agree.
   */
  misread?: MisreadExample & { detectedEncoding: TextEncodingName };
  /** The file mixes UTF-8 and another encoding (EncodingGuess.mixed): said on the card whatever is chosen. */
  mixedEncoding?: boolean;
  /** The first row was found to be data (firstRowIsData), so the file was taken to have no header row: said on the card. */
  firstRowIsData?: boolean;
  /** Fields a remembered mapping leaves unmapped that the file's columns would fill (field → column): said, with a button. */
  leftUnmapped?: Mapping;
}

export interface PlanChoices {
  encoding?: TextEncodingName;
  delimiter?: string;
  quote?: string;
  header?: boolean;
  target?: TargetTable;
  years?: YearRange;
  /** Physical lines above the header to skip. */
  skipLines?: number;
}

/** Column names DuckDB accepts: non-empty and unique — case-insensitively, as DuckDB compares them. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    // A NUL in a name (a damaged header) is shown as its symbol, U+2400: DuckDB refuses a name holding one ("String
    // contains a NUL character", the whole import failed), and the name is ours to give (the header line is skipped).
    const base = raw.replace(/^\ufeff/, '').replaceAll('\u0000', NUL_SYMBOL).trim() || `Kolumn ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A column name as a SQL-friendly outcome name: "Varav ej tidigare kända" → "varav_ej_tidigare_kanda". */
/** The interventions table's own columns: an outcome normalised to one of these names would write into it. */
const INTERVENTION_COLUMNS = new Set([
  'id', 'started_at', 'ended_at', 'type', 'organisation', 'area', 'place', 'lat', 'lon', 'source', 'epoch_day', 'row_key',
  'grid_e', 'grid_n', 'area_assignment', 'area_names', 'import_id', 'record_key',
]);

/** An outcome column's stored name: lower case a–z, 0–9 and _, never one of the table's own columns (then "…_utfall"). */
export function outcomeName(column: string): string {
  const name = column.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'varde';
  return INTERVENTION_COLUMNS.has(name) ? `${name}_utfall` : name;
}

export const QUOTES = ['"', "'"] as const;

function parsePreview(text: string, delimiter: string | undefined, quote: string, rows = PREVIEW_ROWS + 1) {
  const result = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    quoteChar: quote,
    preview: rows,
    // Only truly empty lines: a line of empty cells (";;;;") is a record to DuckDB and the record scan, so it is one here too.
    skipEmptyLines: true,
  });
  return { rows: result.data, delimiter: result.meta.delimiter };
}

/**
 * The delimiter of a CSV text that may start with a report's title lines. PapaParse guesses from how evenly each
 * candidate splits the lines, and a preamble splits unevenly under the true delimiter: a title (1 cell), a ";;;;;"
 * line, then the data. With decimal commas in the data ("6162048,6;374911,3") the comma then split more evenly and
 * won, and the header was looked for under the wrong delimiter (tester: SWEREF coordinates under a title block).
 * So every other candidate that finds lines above a header is tried too: it must split the text below them evenly
 * enough that PapaParse, asked again there, names that same delimiter, and it wins when it splits that text more
 * evenly than PapaParse's first guess splits the text below its own preamble (more rows of the usual width; equal:
 * more columns). A file in which no other delimiter finds a preamble keeps PapaParse's guess.
 */
function guessDelimiter(text: string, quote: string): string {
  const first = parsePreview(text, undefined, quote).delimiter;
  let best = { delimiter: first, ...evenness(text.slice(afterLines(text, linesBeforeHeader(text, first, quote))), first, quote) };
  for (const delimiter of DELIMITERS) {
    const above = delimiter === first ? 0 : linesBeforeHeader(text, delimiter, quote);
    if (above === 0) continue;
    const rest = text.slice(afterLines(text, above));
    if (parsePreview(rest, undefined, quote).delimiter !== delimiter) continue;
    const e = evenness(rest, delimiter, quote);
    if (e.share > best.share || (e.share === best.share && e.width > best.width)) best = { delimiter, ...e };
  }
  return best.delimiter;
}

/** The usual width of `text`'s rows under `delimiter` (the most common count, at least 2) and the share of rows of
 * that width; share 0 when no two rows have the same width of two or more cells (one line is no evidence: PapaParse's
 * own case "a,b,c" over "a,b,c|d|e|f" is a comma file with a title, not a pipe file). */
function evenness(text: string, delimiter: string, quote: string): { share: number; width: number } {
  const rows = parsePreview(text, delimiter, quote).rows;
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  const [width, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  return width >= 2 && n >= 2 ? { share: n / rows.length, width } : { share: 0, width: 0 };
}

function column(rows: string[][], index: number): string[] {
  return rows.map((r) => r[index] ?? '').filter((v) => v.trim() !== '');
}

/** Per column of the preview rows: valid personnummer and lookalikes; columns with neither are left out. */
function personalDataOf(columns: string[], previewRows: string[][]): TablePlan['personalData'] {
  const count = (i: number, find: (text: string) => string[]) => previewRows.reduce((n, r) => n + find(r[i] ?? '').length, 0);
  return columns
    .map((column, i) => ({ column, found: count(i, findPersonalIdentityNumbers), lookalike: count(i, findPersonalNumberLookalikes) }))
    .filter((p) => p.found > 0 || p.lookalike > 0);
}

/** A plan for rows that are already a table (Parquet): the same mapping, checks and coordinates as a CSV. */
export function planTable(columns: string[], previewRows: string[][], target?: TargetTable): TablePlan {
  const chosen = target ?? guessTargetTable(columns) ?? 'incidents';
  const personalData = personalDataOf(columns, previewRows);
  return completePlan({
    format: 'parquet', encoding: 'utf-8', bomLength: 0, looksBinary: false,
    dialect: { delimiter: ',', quote: '"', header: true, skipLines: 0, columns }, previewRows, target: chosen,
    mapping: suggestMapping(columns, chosen), outcomes: [], decimal: '.', coordinates: null, remembered: false, personalData, personalChoices: {}, years: defaultYearRange(),
  }, { decimal: tableDecimal(previewRows) });
}

/**
 * A table's decimal mark (Parquet): its numbers are typed and read with a point, whatever the mark (the checks cast a
 * plain number first, value-conversions.query.ts numberExpr), so a comma only where text columns write decimal commas
 * ("59,31": helper-58's positions were all rejected as "Ogiltigt tal" under the point).
 */
function tableDecimal(rows: string[][]): DecimalMark {
  return rows.some((r) => r.some((v) => /^\s*[-\u2212]?\d+,\d+\s*$/.test(v))) ? ',' : '.';
}

/**
 * Every byte of the file that is not UTF-8 (`invalidBytes`) stands in the lines above the data — the header, a title
 * (read as UTF-8, each is a U+FFFD there): no row reads wrong, so the file is not "mixed" (helper-61: a stray å in a
 * column name gave that warning beside the column-name one, and every row imported). U+FFFD marks one or more bytes.
 */
function damageAboveData(text: string, linesAbove: number, invalidBytes: number | undefined): boolean {
  if (invalidBytes === undefined) return false;
  const above = text.slice(0, afterLines(text, linesAbove));
  return above.split(UNREADABLE).length - 1 >= invalidBytes;
}

/**
 * `detected`: the encoding decided from the whole file (`detectFileEncoding`); without it, from these bytes. Bytes
 * beyond ASCII outweigh a remembered encoding (the last file of this kind may have been plain ASCII).
 */
export function planCsv(bytes: Uint8Array, choices: PlanChoices = {}, remembered?: RememberedMapping | null, detected?: EncodingGuess): TablePlan {
  const guess = detected ?? detectEncoding(bytes);
  const encoding = choices.encoding ?? (guess.decided === false ? remembered?.encoding : undefined) ?? guess.encoding;
  const bomLength = encoding === guess.encoding ? guess.bomLength : 0;
  // Every line end as LF: PapaParse takes the first kind it meets for the whole text, so rows after a change of kind
  // (a file pieced together from Windows and Unix exports) merged in the preview (helper-58). Each line end stays one,
  // as in the import's copy (csv-records.ts unifyLineEnds), so lines keep their numbers.
  const whole = decodeText(bytes.subarray(0, PREVIEW_BYTES), { encoding, bomLength }).replace(/\r\n?/g, '\n');
  const misread = misreadExample(bytes, encoding, guess);
  const quote = choices.quote ?? remembered?.quote ?? '"';
  // Lines above the header (a report's title and period), unless the user said how many.
  const delimiterGuess = choices.delimiter ?? remembered?.delimiter ?? guessDelimiter(whole, quote);
  const skipLines = Math.max(0, Math.floor(choices.skipLines ?? linesBeforeHeader(whole, delimiterGuess, quote)));
  const text = whole.slice(afterLines(whole, skipLines));
  const parsed = parsePreview(text, choices.delimiter ?? remembered?.delimiter ?? (skipLines > 0 ? delimiterGuess : undefined), quote, PREVIEW_ROWS + 1 + LATER_ROWS);
  // A first row that is data (a date where a name would be) is read as a row, not as names: taken as names it was a
  // row lost without a word, and the columns were called "2026-03-01" and "Stöld" (helper-56).
  const dataFirst = choices.header === undefined && remembered?.header === undefined && firstRowIsData(parsed.rows);
  const header = choices.header ?? remembered?.header ?? !dataFirst;
  const width = Math.max(0, ...parsed.rows.map((r) => r.length));
  const columns = header ? uniqueNames(parsed.rows[0] ?? []) : Array.from({ length: width }, (_, i) => `Kolumn ${i + 1}`);
  const dataRows = header ? parsed.rows.slice(1) : parsed.rows;
  const previewRows = dataRows.slice(0, PREVIEW_ROWS);
  const laterRows = dataRows.slice(PREVIEW_ROWS);
  // Every row of the file is in the preview and laterRows (the whole file within PREVIEW_BYTES, fewer rows than read).
  const rowsAllRead = bytes.length < PREVIEW_BYTES && parsed.rows.length < PREVIEW_ROWS + 1 + LATER_ROWS;
  const dialect: CsvDialect = { delimiter: parsed.delimiter, quote, header, skipLines, columns };

  const target = choices.target ?? remembered?.target ?? guessTargetTable(columns) ?? 'incidents';
  const suggested = suggestMapping(columns, target);
  const mapping = remembered && remembered.target === target ? filterMapping(remembered.mapping, columns) : suggested;
  // Fields the last import of this kind left unmapped that this file's columns would fill: said, with the columns,
  // since the remembered mapping carries the choice on silently (helper-58: positions unmapped once, lost in the next export).
  const leftUnmapped = mapping === suggested ? {} : Object.fromEntries(Object.entries(suggested).filter(([field, column]) => column && !mapping[field as CanonicalField] && !Object.values(mapping).includes(column)));
  const personalData = personalDataOf(columns, previewRows);
  return completePlan({
    format: 'csv', encoding, bomLength, looksBinary: guess.looksBinary, dialect, previewRows, laterRows, target, mapping, outcomes: [], decimal: ',', coordinates: null,
    remembered: Boolean(remembered), personalData, personalChoices: {}, years: choices.years ?? defaultYearRange(),
    ...(dataFirst ? { firstRowIsData: true } : {}),
    ...(guess.mixed && !damageAboveData(whole, skipLines + (header ? 1 : 0), guess.invalidBytes) ? { mixedEncoding: true } : {}),
    ...(rowsAllRead ? { rowsAllRead: true } : {}),
    ...(Object.keys(leftUnmapped).length ? { leftUnmapped: leftUnmapped as Mapping } : {}),
    ...(misread ? { misread: { ...misread, detectedEncoding: guess.encoding } } : {}),
  }, remembered);
}

/**
 * Whether a file's first row is data rather than column names: one of its cells reads as a date or date and time
 * (parseDateTime: no column name does) in a column where at least half of the next rows (up to 20) read as dates too.
 */
export function firstRowIsData(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first) return false;
  const isDate = (cell: string | undefined) => cell !== undefined && parseDateTime(cell).ok;
  const next = rest.slice(0, 20);
  return first.some((cell, i) => isDate(cell) && next.filter((r) => isDate(r[i])).length * 2 >= next.length);
}

function filterMapping(mapping: Mapping, columns: string[]): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, c]) => c && columns.includes(c))) as Mapping;
}

/**
 * Decimal mark, coordinate system and outcome columns follow from the mapping and the preview rows, unless
 * fixed (by the user, or by a remembered mapping).
 */
export function completePlan(plan: TablePlan, fixed: Partial<Pick<RememberedMapping, 'decimal' | 'coordinates'>> | null = null): TablePlan {
  const remembered = fixed;
  const index = (c: string | undefined) => (c ? plan.dialect.columns.indexOf(c) : -1);
  // Evidence from every cell but dates and times ("22.15" is a Swedish time, not a decimal); with none (only
  // integers), a semicolon file comes from Swedish Excel: comma.
  const temporal = new Set([plan.mapping.date, plan.mapping.time, plan.mapping.end_date, plan.mapping.end_time].map(index));
  const cells = plan.previewRows.flatMap((r) => r.filter((_, i) => !temporal.has(i)));
  const evidence = guessDecimalMark(cells);
  const hasEvidence = cells.some((v) => /\d[,.]\d/.test(v));
  const decimal = remembered?.decimal ?? (hasEvidence ? evidence : plan.dialect.delimiter === ';' ? ',' : '.');
  const numbers = decimal === ',' ? SWEDISH_NUMBERS : INTERNATIONAL_NUMBERS;

  const coordinates = planCoordinates(plan, numbers, remembered?.coordinates ?? null);

  let outcomes: TablePlan['outcomes'] = [];
  if (plan.target === 'interventions') {
    const mapped = new Set(Object.values(plan.mapping));
    outcomes = plan.dialect.columns
      .map((c, i) => ({ c, values: column(plan.previewRows, i) }))
      .filter(({ c, values }) => !mapped.has(c) && values.length > 0 && values.every((v) => { const r = parseNumber(v, numbers); return r.ok && r.value !== null; }))
      .map(({ c }) => ({ column: c, name: outcomeName(c) }));
  }
  return { ...plan, decimal, coordinates, outcomes };
}

export function replan(bytes: Uint8Array, plan: TablePlan, choices: PlanChoices): TablePlan {
  // The encoding in the plan was decided from the whole file (or chosen): it is kept, BOM included.
  // A new delimiter or quote finds the header again under it (the lines above it were counted under the old one),
  // unless the same choice also says how many lines to skip.
  const newDialect = (choices.delimiter !== undefined && choices.delimiter !== plan.dialect.delimiter) || (choices.quote !== undefined && choices.quote !== plan.dialect.quote);
  const skipLines = newDialect ? undefined : plan.dialect.skipLines;
  const next = planCsv(bytes, { encoding: plan.encoding, delimiter: plan.dialect.delimiter, quote: plan.dialect.quote, header: plan.dialect.header, target: plan.target, years: plan.years, skipLines, ...choices });
  // The guess that the first row is data stays said while the file is still read without a header row.
  return plan.firstRowIsData && !next.dialect.header ? { ...next, firstRowIsData: true } : next;
}

export function setMapping(plan: TablePlan, field: CanonicalField, columnName: string | undefined): TablePlan {
  const mapping = { ...plan.mapping };
  if (columnName) mapping[field] = columnName;
  else delete mapping[field];
  return completePlan({ ...plan, mapping });
}

export function fieldsOf(plan: TablePlan): CanonicalField[] {
  return FIELDS_FOR[plan.target];
}

/** A confirmed plan, remembered per header signature so the next export of the same kind imports in one click. */
export interface RememberedMapping {
  encoding: TextEncodingName;
  delimiter: string;
  /** Absent in mappings remembered before it was kept: '"'. */
  quote?: string;
  header: boolean;
  /**
   * Lines skipped above the header, for the import history. Not applied to the next file: the preamble of an export
   * (a report's title and period lines) can change length, and the lines are found again for each file.
   */
  skipLines?: number;
  target: TargetTable;
  mapping: Mapping;
  /** Absent when it does not apply to the file at hand (remembersFor): the file's numbers decide. */
  decimal?: DecimalMark;
  coordinates: { crs: CrsCode; order: PairOrder } | null;
  /**
   * The source names files with this header were imported under, most recent first (source-choice.ts): the next
   * export's default when just one of them has rows stored, so a system's exports stay one source. Absent before kept.
   */
  sources?: string[];
  /** The one name kept by the version before `sources` (read as a list of one). */
  source?: string;
}

/**
 * A remembered mapping as it applies to a file whose header was found under `delimiter`: that delimiter, and the
 * remembered decimal mark only when the delimiter is the remembered one (else the file's own numbers decide).
 */
export function remembersFor(remembered: RememberedMapping, delimiter: string): RememberedMapping {
  if (remembered.delimiter === delimiter) return remembered;
  return { ...remembered, delimiter, decimal: undefined };
}

export function rememberable(plan: TablePlan): RememberedMapping {
  return {
    encoding: plan.encoding, delimiter: plan.dialect.delimiter, quote: plan.dialect.quote, header: plan.dialect.header, skipLines: plan.dialect.skipLines,
    target: plan.target, mapping: plan.mapping, decimal: plan.decimal,
    coordinates: plan.coordinates ? { crs: plan.coordinates.crs, order: plan.coordinates.order } : null,
  };
}
