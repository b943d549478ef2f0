// The SQL of a CSV import. Every identifier from the file is quoted, every value from the file stays data;
// settings the user chose (delimiter, formats) enter only through `literal`.
// Conversions live here, in one place, so the preview and the import can't disagree, and they run at DuckDB
// speed. No TIMESTAMPTZ: an explicit offset is removed by arithmetic and Swedish DST is computed by rule.
import type { PersonalDataAction } from '../../lib/parsing/personal-identity';
import { areaNamesAtInsertSql } from '../area-assignment.query';
import { withGridCoordinates } from '../grid.query';
import { recordKeySalt } from '../record-key-salt';
import { importedRecordKey } from '../record-keys.query';
import { placeOrBlankSql } from '../place-or-blank.query';
import { literal, quoteIdentifier as q } from '../sql-text';
import { spellingKeySql } from '../spelling-key.query';
import { dateTimeExpr, monthNamesRead, numberExpr, timeGivenExpr, typedDateExpr, typedTimeGivenExpr, type DecimalMark, type TypedDateKind } from './value-conversions.query';
import { dateReasons } from './date-reasons.query';
import { maskedPersonalNumbers, normalisedValue, trimmed } from './text-values.query';

export interface CsvDialect {
  delimiter: string;
  quote: string;
  header: boolean;
  skipLines: number;
  /** Column names as the preview found them (made unique); with no header row, generated names. */
  columns: string[];
}

export const RAW = 'import_raw';
export const REJECTS = 'import_rejects';
export const REJECTS_SCAN = 'import_rejects_scan';
export const LINES = 'import_lines';
export const CHECKED = 'import_checked';
export const COORDS = 'import_coords';
/** Start lines of records with bytes that are not valid in the chosen encoding. */
export const BAD_BYTES = 'import_bad_bytes';
/** The text of rows rejected by the checks (see saveRejectText). */
export const REJECT_TEXT = 'import_reject_text';
/**
 * A Parquet file's rows, typed as Arrow gave them, appended a chunk at a time in file order: the import's staging.
 * The checks read them as text through the view RAW (table-stage.query.ts), so no text copy of the file is made.
 */
export const ARROW_TABLE = 'import_arrow';
export const PREVIEW_TABLE = 'import_preview';
/** One row of the Parquet file, in the stored database: its columns give the temporary ARROW_TABLE its shape. */
export const ARROW_SHAPE_TABLE = 'import_arrow_shape';
/**
 * The Parquet file's table, temporary (in memory, never written to the stored file — that write took ~1 s of a 1M-row
 * import). DuckDB-wasm's Arrow insert can't create a temporary table itself ("Only TEMPORARY table names can use the
 * temp catalog"), so it is made empty from ARROW_SHAPE_TABLE and the rows are inserted into it.
 */
export const CREATE_ARROW_TABLE = `CREATE OR REPLACE TEMP TABLE ${ARROW_TABLE} AS SELECT * FROM ${ARROW_SHAPE_TABLE} LIMIT 0; DROP TABLE ${ARROW_SHAPE_TABLE}`;

export function dropTable(table: string): string {
  return `DROP TABLE IF EXISTS ${q(table)}`;
}

/**
 * One row, `n` INTEGER: 1 when RAW is a view (a table's rows read as text, table-stage.query.ts), 0 when it is a table
 * or absent. DuckDB refuses `DROP TABLE` of a view and `DROP VIEW` of a table, even with IF EXISTS.
 */
export const RAW_IS_VIEW = `SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = '${RAW}' AND temporary`;

const dropRaw = (rawIsView: boolean) => `DROP ${rawIsView ? 'VIEW' : 'TABLE'} IF EXISTS ${RAW};`;

/**
 * Every staging table of an import. `keepTableStage` at the start of an import: a Parquet file's rows (ARROW_TABLE) are
 * its input. `rawIsView`: what RAW is (RAW_IS_VIEW).
 */
export function dropStaging(keepTableStage = false, rawIsView = false): string {
  return dropRaw(rawIsView) + ' ' + [LINES, CHECKED, COORDS, BAD_BYTES, REJECT_TEXT, ARROW_SHAPE_TABLE, ...(keepTableStage ? [] : [ARROW_TABLE])].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ') + ` DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECTS_SCAN};`;
}

/**
 * A file's column as it is named in the staging table: prefixed, so a header can never collide with the staging
 * table's own columns (`__record`, `line`, …) — a header named `__record` once failed the import with a raw
 * "Binder Error". No internal column starts with this prefix.
 */
export function stagedColumn(name: string): string {
  return `u:${name}`;
}

/**
 * A column's typed value beside its text in a table's staging view (table-stage.query.ts): `t:` + the file's name. Only
 * dates are given one (StagedRows.typedDates); no internal column starts with either prefix.
 */
export function typedColumn(name: string): string {
  return `t:${name}`;
}

/** Every column as text; malformed rows go to DuckDB's rejects table with their line. Read in file order. */
export function readRawCsv(fileName: string, d: CsvDialect): string {
  const columns = d.columns.map((c) => `${literal(stagedColumn(c))}: 'VARCHAR'`).join(', ');
  return `CREATE TEMP TABLE ${RAW} AS SELECT row_number() OVER ()::INTEGER AS __record, * FROM read_csv(${literal(fileName)},
    delim = ${literal(d.delimiter)}, quote = ${literal(d.quote)}, escape = ${literal(d.quote)}, header = ${d.header ? 'true' : 'false'},
    skip = ${Math.max(0, Math.floor(d.skipLines))}, auto_detect = false, columns = {${columns}}, null_padding = false,
    store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECTS_SCAN}', parallel = false, max_line_size = 10000000)`;
}

const asText = (columns: string[]) => columns.map((c) => `CAST(${q(c)} AS VARCHAR) AS ${q(c)}`).join(', ');

/** The same text, for the preview. */
export function textRows(table: string, columns: string[]): string {
  return `SELECT ${asText(columns)} FROM ${q(table)}`;
}

/**
 * Once every reject's text is saved the staged rows (RAW, and a Parquet file's typed rows under it) and the line map are
 * not needed: freed before the insert, which lowers the import's peak memory.
 */
export function dropRawStaging(rawIsView: boolean): string {
  return `${dropRaw(rawIsView)} DROP TABLE IF EXISTS ${LINES}; DROP TABLE IF EXISTS ${ARROW_TABLE};`;
}

/** What a read into staging made (readRawCsv), so the read can be done again from another copy of the file. */
export const DROP_READ = `DROP TABLE IF EXISTS ${RAW}; DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECTS_SCAN};`;

export const COUNT_RAW = `SELECT count(*)::INTEGER AS n FROM ${RAW}`;
export const READ_REJECTS = `SELECT line::INTEGER AS line, error_type, csv_line FROM ${REJECTS} ORDER BY line`;
export const CREATE_LINES = `CREATE TEMP TABLE ${LINES} (__record INTEGER, __line INTEGER)`;

/**
 * How a staged record's physical line is found: `__record + offset` when every accepted record is one line and
 * they follow each other (nearly every file: no quoted newlines, no reader rejects, no blank lines between rows), else
 * through the LINES table. The join with that table cost the check a hash table over every staged row — at 5M rows
 * the step where the import's memory peaks.
 */
export type LineMap = { offset: number } | null;

/**
 * What the checks need to know of the staged rows: how lines are found, whether the file writes dates month first
 * (monthFirstSql), and which columns the staging also holds typed as dates (a Parquet file's; typedColumn), by the
 * file's column name.
 */
export interface StagedRows { lineMap?: LineMap; monthFirst?: boolean; typedDates?: Record<string, TypedDateKind> }

/** The staged rows with their physical `line` (`r.*` and `line`). */
function stagedWithLines(lineMap: LineMap): string {
  return lineMap
    ? `SELECT (r.__record + ${Math.trunc(lineMap.offset)})::INTEGER AS line, r.* FROM ${RAW} r`
    : `SELECT l.__line AS line, r.* FROM ${RAW} r JOIN ${LINES} l USING (__record)`;
}

/** `JOIN` of the staged row `r` to the checked row `c` (alias `c` with its `line`). */
export function rawOfCheckedJoin(lineMap: LineMap): string {
  return lineMap
    ? `JOIN ${RAW} r ON r.__record = c.line - ${Math.trunc(lineMap.offset)}`
    : `JOIN ${LINES} l ON l.__line = c.line JOIN ${RAW} r USING (__record)`;
}
export const CREATE_BAD_BYTES = `CREATE OR REPLACE TEMP TABLE ${BAD_BYTES} (__line INTEGER)`;
/** Bytes that are not text in the chosen encoding decide a row's reason before anything else can. */
export const MARK_BAD_BYTES = `UPDATE ${CHECKED} SET reason = 'invalid-encoding' WHERE line IN (SELECT __line FROM ${BAD_BYTES})`;
/** Rows holding a NUL byte (read-file.ts): stored, a NUL would sit inside a value nobody sees (a damaged export). */
export const MARK_NUL_BYTES = `UPDATE ${CHECKED} SET reason = 'nul-byte' WHERE line IN (SELECT __line FROM ${BAD_BYTES})`;
export const CREATE_COORDS = `CREATE TEMP TABLE ${COORDS} (__line INTEGER, lat DOUBLE, lon DOUBLE)`;

// --- conversions -------------------------------------------------------------------------------------------

const text = (column: string | undefined) => (column ? trimmed(q(stagedColumn(column))) : 'NULL::VARCHAR');

function normalisedText(column: string | undefined, normalize: boolean): string {
  if (!column || !normalize) return text(column);
  return normalisedValue(q(stagedColumn(column)));
}

/** What to do with text columns where personnummer were found: mask them, drop the column, or keep it. */
export type PersonalDataPolicy = Record<string, PersonalDataAction>;

/** A stored text field under the personal-data policy. */
function stored(column: string | undefined, policy: PersonalDataPolicy, normalize: boolean): string {
  const action = column ? policy[column] : undefined;
  if (action === 'drop') return 'NULL::VARCHAR';
  const value = normalisedText(column, normalize);
  if (action === 'mask') return maskedPersonalNumbers(value);
  return value;
}

// --- validation per target table ---------------------------------------------------------------------------

export interface IncidentColumns {
  id?: string; date?: string; time?: string; category?: string; subcategory?: string;
  north?: string; east?: string; area?: string; place?: string; description?: string;
}
export interface InterventionColumns {
  id?: string; type?: string; date?: string; time?: string; end_date?: string; end_time?: string; organisation?: string;
  north?: string; east?: string; area?: string; place?: string; description?: string;
  /** Numeric outcome columns kept as DOUBLE under their own (normalised) names. */
  outcomes?: { column: string; name: string }[];
}

/** Years a date may have: a typo ("0025", "2205") is rejected rather than stretching every time axis. */
export interface YearRange { min: number; max: number }

/** Defaults: 1990 to next year. The import card shows the range and lets the user change it. */
export function defaultYearRange(today = new Date()): YearRange {
  return { min: 1990, max: today.getFullYear() + 1 };
}

export const COUNT_BAD_DATES = `SELECT count(*)::INTEGER AS n FROM ${CHECKED} WHERE reason = 'bad-date'`;

/** Every reason the checks and late checks write into the checked table's `reason` column. */
export type RejectReason =
  | 'missing-date' | 'bad-date' | 'month-first-date' | 'bad-time' | 'time-conflict' | 'no-such-date' | 'year-out-of-range' | 'missing-category' | 'missing-type' | 'unparsable-number' | 'half-coordinate'
  | 'outside-sweden' | 'duplicate-id-in-file' | 'already-loaded' | 'same-content-loaded' | 'same-event-loaded' | 'same-event-nearby' | 'nul-byte';

/** The coordinate checks, over the trimmed texts `north_text` and `east_text` (see cleanedTexts). */
function commonChecks(c: { north?: string; east?: string }, decimal: DecimalMark) {
  return {
    select: `north_text, east_text, ${numberExpr(cleanedText('north_text', c.north), decimal)} AS north, ${numberExpr(cleanedText('east_text', c.east), decimal)} AS east`,
    reasons: `WHEN (north_text IS NOT NULL AND north IS NULL) OR (east_text IS NOT NULL AND east IS NULL) THEN 'unparsable-number'
      WHEN (north_text IS NULL) <> (east_text IS NULL) THEN 'half-coordinate'`,
  };
}

/**
 * A row's start (`at`, local TIMESTAMP) and whether it gives a time of day (`timeGiven`): from the date column's typed
 * value when the staging has one and no time column is mapped (a Parquet timestamp: the same value as through its
 * text, typedDateExpr), else from the texts (`date_read`, `time_text`).
 */
function startOf(dateColumn: string | undefined, timeColumn: string | undefined, typed: Record<string, TypedDateKind> = {}) {
  const kind = dateColumn && !timeColumn ? typed[dateColumn] : undefined;
  if (dateColumn && kind) {
    const value = q(typedColumn(dateColumn));
    return { at: typedDateExpr(value), timeGiven: typedTimeGivenExpr(value, kind) };
  }
  const date = cleanedText('date_read', dateColumn);
  const time = cleanedText('time_text', timeColumn);
  return { at: dateTimeExpr(date, time), timeGiven: timeGivenExpr(date, time, Boolean(timeColumn)) };
}

/** A cleaned text in an expression: NULL written out when no column is mapped, so DuckDB folds the branches that need one. */
function cleanedText(name: string, column: string | undefined): string {
  return column ? q(name) : 'NULL::VARCHAR';
}

/**
 * The staged rows with their line, and the trimmed text of each column a conversion reads, computed once: the
 * conversions read a text several times (the date three times on its fast path and more on the others, a coordinate
 * two to four times), and written inline every read trimmed it again. Names can't collide: the file's columns are
 * prefixed (stagedColumn).
 */
function cleanedTexts(texts: Record<string, string | undefined>, lineMap: LineMap): string {
  const cleaned = Object.entries(texts).map(([name, column]) => `${text(column)} AS ${q(name)}`).join(', ');
  return `src AS (${stagedWithLines(lineMap)}),
  cleaned AS (SELECT *, ${cleaned} FROM src)`;
}

/**
 * The texts a conversion read are kept for rejected rows only, which report them as the value at fault: an accepted
 * row needs none of them again, and kept for every row they were a fifth of the checked table (~250 MB of the tab's
 * peak at 5M rows, when the checked table and the staged text are both held). A position rejected later as outside
 * Sweden takes its text from the staged row (saveRejectText).
 */
function textsForRejectsOnly(names: string[]): string {
  return names.map((name) => `CASE WHEN reason IS NULL THEN NULL ELSE ${q(name)} END AS ${q(name)}`).join(', ');
}

/**
 * The cleaned rows with each date text also as the date styles read it (`<name minus _text>_read`: a Swedish month
 * name as a number, monthNamesRead), computed once per row; the `_text` stays as written, for a reject's value.
 */
function withDatesRead(names: string[]): string {
  return `(SELECT *, ${names.map((n) => `${monthNamesRead(q(n))} AS ${q(n.replace(/_text$/, '_read'))}`).join(', ')} FROM cleaned)`;
}

/**
 * Row key for append without doubling: the export's id, else a hash of the row's mapped values. The checked table
 * holds the hash only for rows without an id (`hash_key`), and the key is read as `coalesce(id, hash_key)`
 * (checkedRowKey): a second copy of every id was ~65 MB of the tab's peak at 5M rows.
 */
function rowHash(idSql: string, valueSqls: string[]): string {
  // chr(31) separates values, chr(1) stands for NULL, so ('a', NULL) and (NULL, 'a') hash differently.
  return `CASE WHEN ${idSql} IS NULL THEN 'h:' || md5(concat_ws(chr(31), ${valueSqls.map((v) => `coalesce(${v}::VARCHAR, chr(1))`).join(', ')})) END`;
}

/** A checked row's key (see rowHash); `row` is the table's alias, if any. */
export const checkedRowKey = (row = '') => `coalesce(${row}id, ${row}hash_key)`;

export function checkIncidents(c: IncidentColumns, decimal: DecimalMark, policy: PersonalDataPolicy = {}, years: YearRange = defaultYearRange(), normalize = true, staged: StagedRows = {}): string {
  const coords = commonChecks(c, decimal);
  const s = (column: string | undefined) => stored(column, policy, normalize);
  const start = startOf(c.date, c.time, staged.typedDates);
  return `CREATE TEMP TABLE ${CHECKED} AS
  WITH ${cleanedTexts({ date_text: c.date, time_text: c.time, north_text: c.north, east_text: c.east }, staged.lineMap ?? null)},
  parsed AS (
    SELECT line, ${s(c.id)} AS id, date_text, time_text, ${start.at} AS occurred_at, ${start.timeGiven} AS time_given,
      ${s(c.category)} AS category, ${s(c.subcategory)} AS subcategory, ${s(c.area)} AS area,
      ${s(c.place)} AS place, ${s(c.description)} AS description, ${coords.select}
    FROM ${withDatesRead(['date_text'])})
  SELECT * REPLACE (${textsForRejectsOnly(['date_text', 'time_text', 'north_text', 'east_text'])}) FROM (
  SELECT *, ${rowHash('id', ['occurred_at', 'category', 'subcategory', 'north', 'east', 'area', 'place', 'description'])} AS hash_key,
    CASE ${dateReasons('occurred_at', years, staged.monthFirst ?? false)}
      WHEN category IS NULL THEN 'missing-category' ${coords.reasons} ELSE NULL END AS reason
  FROM parsed)`;
}

export function checkInterventions(c: InterventionColumns, decimal: DecimalMark, policy: PersonalDataPolicy = {}, years: YearRange = defaultYearRange(), normalize = true, staged: StagedRows = {}): string {
  const coords = commonChecks(c, decimal);
  const s = (column: string | undefined) => stored(column, policy, normalize);
  const outcomeTexts = Object.fromEntries((c.outcomes ?? []).map((o) => [`${o.name}__text`, o.column]));
  const outcomes = (c.outcomes ?? []).map((o) => `${numberExpr(q(`${o.name}__text`), decimal)} AS ${q(o.name)}, ${q(`${o.name}__text`)}`);
  const outcomeReasons = (c.outcomes ?? []).map((o) => `WHEN ${q(`${o.name}__text`)} IS NOT NULL AND ${q(o.name)} IS NULL THEN 'unparsable-number'`).join(' ');
  const texts = { date_text: c.date, time_text: c.time, end_date_text: c.end_date ?? c.date, end_time_text: c.end_time, north_text: c.north, east_text: c.east, ...outcomeTexts };
  // An end time alone ends on the start date; with neither an end date nor an end time there is no end.
  const endDate = cleanedText('end_date_read', c.end_date ?? c.date);
  const endTime = cleanedText('end_time_text', c.end_time);
  const ended = c.end_date || c.end_time ? `CASE WHEN ${endTime} IS NULL AND ${cleanedText('end_date_text', c.end_date)} IS NULL THEN NULL ELSE ${dateTimeExpr(endDate, endTime)} END` : 'NULL::TIMESTAMP';
  return `CREATE TEMP TABLE ${CHECKED} AS
  WITH ${cleanedTexts(texts, staged.lineMap ?? null)},
  parsed AS (
    SELECT line, ${s(c.id)} AS id, date_text, time_text, ${startOf(c.date, c.time, staged.typedDates).at} AS started_at,
      ${ended} AS ended_at,
      ${s(c.type)} AS type, ${s(c.organisation)} AS organisation, ${s(c.area)} AS area, ${s(c.place)} AS place,
      ${s(c.description)} AS description, ${coords.select}${outcomes.length ? ', ' + outcomes.join(', ') : ''}
    FROM ${withDatesRead(['date_text', 'end_date_text'])})
  SELECT * REPLACE (${textsForRejectsOnly(['date_text', 'time_text', 'north_text', 'east_text', ...Object.keys(outcomeTexts)])}) FROM (
  SELECT *, ${rowHash('id', ['started_at', 'type', 'organisation', 'north', 'east', 'area', 'place'])} AS hash_key,
    CASE ${dateReasons('started_at', years, staged.monthFirst ?? false)}
      WHEN type IS NULL THEN 'missing-type' ${coords.reasons} ${outcomeReasons} ELSE NULL END AS reason
  FROM parsed)`;
}

export const POINTS_TO_CONVERT = `SELECT line, north, east FROM ${CHECKED} WHERE reason IS NULL AND north IS NOT NULL AND east IS NOT NULL ORDER BY line`;

/**
 * WGS 84 needs no projection, only the "inside Sweden" check: done in SQL, so a million points don't travel to
 * JS and back (1.5 s of a 16 s import at 1M rows). Same result as the JS path: a point outside gets NULLs.
 */
export function wgs84Coords(order: 'north-east' | 'east-north', b: { minLat: number; maxLat: number; minLon: number; maxLon: number }): string {
  const [lat, lon] = order === 'north-east' ? ['north', 'east'] : ['east', 'north'];
  const inside = `isfinite(${lat}) AND isfinite(${lon}) AND ${lat} BETWEEN ${b.minLat} AND ${b.maxLat} AND ${lon} BETWEEN ${b.minLon} AND ${b.maxLon}`;
  return `INSERT INTO ${COORDS} SELECT line, CASE WHEN ${inside} THEN ${lat} END, CASE WHEN ${inside} THEN ${lon} END
  FROM ${CHECKED} WHERE reason IS NULL AND north IS NOT NULL AND east IS NOT NULL`;
}

/**
 * After coordinates are converted: points outside Sweden, repeated ids in the file (rows already loaded:
 * already-loaded.query.ts). `everyPointConverted`: COORDS holds a row for every accepted row with both numbers, NULL
 * where the point is outside (every conversion path does so) — then the few NULL rows are the rejects, a semi join
 * on a handful of lines instead of an anti join against a million (native, one thread, 1M rows: 15 against 120 ms).
 * Without a conversion (no reference system chosen) every such point is outside.
 */
export function markLateRejects(everyPointConverted: boolean): string {
  const outside = everyPointConverted
    ? `line IN (SELECT __line FROM ${COORDS} WHERE lat IS NULL)`
    : `north IS NOT NULL AND line NOT IN (SELECT __line FROM ${COORDS} WHERE lat IS NOT NULL)`;
  return `
  UPDATE ${CHECKED} SET reason = 'outside-sweden' WHERE reason IS NULL AND ${outside};
  -- Only real ids: two identical rows without an id can be two real events (two thefts in the same minute).
  UPDATE ${CHECKED} SET reason = 'duplicate-id-in-file' WHERE reason IS NULL AND id IS NOT NULL AND line IN (
    SELECT line FROM (SELECT line, row_number() OVER (PARTITION BY id ORDER BY line) AS k FROM ${CHECKED} WHERE reason IS NULL AND id IS NOT NULL) WHERE k > 1);`;
}

/**
 * Categories (incidents) or types (interventions) in the stored table that are one value written in several ways —
 * only case and spaces differ ("Stöld", "stöld", "STÖLD"): each is counted as a category of its own, so the import says
 * so. One row per group, `spellings` most common first; the ten largest groups.
 */
export function valueVariantsSql(target: 'incidents' | 'interventions'): string {
  const column = target === 'incidents' ? 'category' : 'type';
  return `SELECT list(${column} ORDER BY n DESC, ${column}) AS spellings
  FROM (SELECT ${column}, count(*) AS n FROM ${target} GROUP BY ALL)
  GROUP BY ${spellingKeySql(column)} HAVING count(*) > 1 ORDER BY sum(n) DESC, min(${column}) LIMIT 10`;
}

/** Rows of an event table (before and after the insert: the accounting). */
export const COUNT_ROWS = { incidents: 'SELECT count(*)::INTEGER AS before FROM incidents', interventions: 'SELECT count(*)::INTEGER AS before FROM interventions' } as const;
export const DELETE_ALL = { incidents: 'DELETE FROM incidents', interventions: 'DELETE FROM interventions' } as const;
export const CHECKED_ACCEPTED = `SELECT count(*)::INTEGER AS n FROM ${CHECKED} WHERE reason IS NULL`;

const EPOCH_DAY = (col: string) => `date_diff('day', DATE '1970-01-01', CAST(${col} AS DATE))::INTEGER`;

/**
 * The accepted rows, with the columns the app derives from them computed in the same pass: the record key
 * (record-keys.query.ts), the area names when no areas are loaded (area-assignment.query.ts) and, for point
 * positions, the SWEREF 99 TM grid metres (grid.query.ts). Filling them afterwards (fillDerivedColumns) updated every
 * new row twice more — 1.5–2.5 s of a 1M-row import in the browser. No ORDER BY: nothing reads the table in its
 * stored order (every list sorts), and sorting the whole import cost 1.4 s and ~290 MB of the tab at 1M rows.
 */
function insertWithDerived(target: 'incidents' | 'interventions', columns: string[], select: string, grid: boolean): string {
  const derived = [...columns, 'record_key', 'area_names', ...(grid ? ['grid_e', 'grid_n'] : [])];
  // `__line`: outcome names never start with '_' (csv-plan.ts outcomeName), so it can't collide with one.
  const rows = `SELECT c.line AS __line, ${select}, ${importedRecordKey(checkedRowKey('c.'), recordKeySalt())} AS record_key,
    ${areaNamesAtInsertSql('c.area')} AS area_names
  FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE c.reason IS NULL`;
  return `INSERT INTO ${target} (${derived.join(', ')})
  SELECT ${derived.join(', ')} FROM (${grid ? withGridCoordinates(rows) : rows})`;
}

export function insertIncidents(source: string, precision: 'point' | 'area', importId: string): string {
  const columns = ['id', 'occurred_at', 'time_given', 'category', 'subcategory', 'lat', 'lon', 'location_precision', 'area', 'place', 'place_or_blank', 'description', 'source', 'epoch_day', 'row_key', 'import_id'];
  const select = `c.id, c.occurred_at, c.time_given, c.category, c.subcategory, k.lat, k.lon, CASE WHEN k.lat IS NULL THEN 'none' ELSE ${literal(precision)} END AS location_precision,
    c.area, c.place, ${placeOrBlankSql('c.place')} AS place_or_blank, c.description, ${literal(source)} AS source, ${EPOCH_DAY('c.occurred_at')} AS epoch_day, ${checkedRowKey('c.')} AS row_key, ${literal(importId)} AS import_id`;
  // Grid metres are for point positions only: a kommun's centre (police events) is never a hot spot.
  return insertWithDerived('incidents', columns, select, precision === 'point');
}

export function insertInterventions(source: string, outcomeNames: string[], importId: string): string {
  const extra = outcomeNames.map(q);
  const columns = ['id', 'started_at', 'ended_at', 'type', 'organisation', 'area', 'place', 'lat', 'lon', 'source', 'epoch_day', 'row_key', 'import_id', ...extra];
  const select = `c.id, c.started_at, c.ended_at, c.type, c.organisation, c.area, c.place, k.lat, k.lon, ${literal(source)} AS source,
    ${EPOCH_DAY('c.started_at')} AS epoch_day, ${checkedRowKey('c.')} AS row_key, ${literal(importId)} AS import_id${extra.map((e) => ', c.' + e).join('')}`;
  return insertWithDerived('interventions', columns, select, true);
}
