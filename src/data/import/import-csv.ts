// One CSV import, from a registered UTF-8 file to rows in a canonical table, with an account of every row:
// rows in the file = imported + rejected (each rejected row with its line and reason). Everything happens in
// staging tables; the canonical table changes only in the final transaction, so a failed import leaves the
// data already loaded untouched.
import type { CrsCode, PairOrder } from '../../lib/parsing/coordinates';
import { convertCoordinates } from './convert-coordinates';
import { CLEAR_TABLES } from '../example.query';
import { WRITE_META, addOutcomeColumns } from '../schema.query';
import { INSERT_IMPORT } from '../import-history.query';
import { keepReplacedRows, localWallClock } from '../import-history';
import { inTransaction, type SqlRunner } from '../sql-runner';
import { placeInAreas } from '../area-assignment';
import type { RecordScan } from './csv-records';
import { throwIfCancelled, type ScannedText } from './read-file';
import { ImportAccountingError, readCsvStage, type ReadStage, type ReaderReason } from './csv-stage';


import { scanPersonalData, type PersonalDataFinding } from './personal-data-scan';

export type { PersonalDataFinding } from './personal-data-scan';
import type { DecimalMark } from './value-conversions.query';
import type { DescriptiveField } from './already-loaded.query';
import { appendedFindings, checkAlreadyLoaded, NOTHING_ALREADY_LOADED, type AppendChecks } from './already-loaded';
import {
  BAD_BYTES, COUNT_BAD_DATES, COUNT_ROWS, DELETE_ALL, stagedColumn, CREATE_BAD_BYTES, MARK_BAD_BYTES, MARK_NUL_BYTES, CREATE_COORDS, RAW_IS_VIEW, dropRawStaging,
  checkIncidents, checkInterventions, dropStaging, valueVariantsSql, insertIncidents, insertInterventions, markLateRejects, RAW, CHECKED,
  defaultYearRange, type CsvDialect, type YearRange, type IncidentColumns, type InterventionColumns, type PersonalDataPolicy, type RejectReason,
} from './csv-import.query';
import { midnightWithoutTimeSql, monthFirstSql, separateBadTimes } from './date-reasons.query';
import { ALREADY_LOADED, alreadyLoadedLines, checkedRejects, countAlreadyLoaded, saveRejectText } from './reject-report.query';

/** Why a row was not imported: the CSV reader's reasons, an area's, and the checks' (RejectReason, the SQL's own list). */
export type RowReason = ReaderReason | 'no-geometry' | 'not-polygon' | 'missing-name' | RejectReason;

export interface RejectedRow {
  line: number;
  reason: RowReason;
  /** The file's column at fault (two for a position: "N / E"), when one is. */
  column?: string;
  /** The offending value as it was in the file. */
  value?: string;
  /** The row as read: its fields joined by the delimiter (the reader's own text for unreadable records). */
  text?: string;
}

export interface CsvImportRequest {
  /** A UTF-8 file name the runner's DuckDB can read. */
  fileName: string;
  /**
   * The file's record scan — or the page's pass over the file, started by the read once DuckDB has been asked to read
   * the file (`ScannedText`): the two then run side by side on their own threads (1M rows: the page's ~1 s pass is no
   * longer waited for before DuckDB's ~2 s read).
   */
  scan: RecordScan | (() => Promise<ScannedText>);
  dialect: CsvDialect;
  target: 'incidents' | 'interventions';
  columns: IncidentColumns | InterventionColumns;
  decimal: DecimalMark;
  /** How to read the coordinate columns; null when there are none. */
  coordinates: { crs: CrsCode; order: PairOrder } | null;
  /** append: add rows not already loaded; replace: the file's rows replace the table's. */
  mode: 'append' | 'replace';
  /** The example is replaced, not mixed with real data. */
  replaceExample: boolean;
  source: string;
  /** `area` for positions that are a kommun/län centre (police public events): never used for hot spots. */
  locationPrecision?: 'point' | 'area';
  /** The user's choice per column where the preview found personnummer; any other column with hits is masked. */
  personalData?: PersonalDataPolicy;
  /**
   * Cancelling before the commit leaves the loaded data untouched. It is looked at before each step (`onStep`),
   * the write and the area placement included, and once more just before the commit (a cancel then rolls the
   * transaction back); a step under way runs to its end first. A cancel after the commit is too late: the import
   * returns its result (the caller can tell by `signal.aborted`).
   */
  signal?: AbortSignal;
  /** Told as each step begins, in the order of `IMPORT_STEPS` (for a progress display: "step k of n"). */
  onStep?: (step: ImportStep) => void;
  /**
   * Called once the file is read into staging: nothing after reads the file again, so the caller can let go of it
   * (the browser's registered copy sits in DuckDB's own memory, which later steps can then reuse).
   */
  onStaged?: () => Promise<void>;
  /** Plausible years for dates; outside → 'year-out-of-range'. Default: `defaultYearRange()`. */
  years?: YearRange;
  /** Normalise stored text to NFC (default): the read may rule it out (no combining mark in the file). */
  unicodeNormalize?: boolean;
  /** Start lines of records holding bytes that are not valid UTF-8 (replaced before DuckDB read them). */
  invalidUtf8Records?: number[];
  /** Rows already loaded the report gives their id and text at most (default ALREADY_LOADED_TEXT_LIMIT); beyond, line and reason only. */
  alreadyLoadedTextLimit?: number;
  /** Start lines of records holding a NUL byte (read-file.ts): rejected as 'nul-byte'. */
  nulRecords?: number[];
  /** The import's id, stored on every row it adds (default: a new UUID). */
  importId?: string;
  /** For the import history: the file's own name and the mapping used (JSON). */
  history?: { fileName: string; mapping: string };
  /** Rows of the file the user chose to leave out before the read (police events: types, kommuner/län). */
  leftOut?: number;
}

/**
 * The database's steps of one import, in order: the file's rows into staging, the personnummer scan, the checks
 * (dates, categories, numbers, years), positions (conversion, outside Sweden, rows already loaded, the rejected
 * rows' text), the write into the stored table, and placing the new rows in their areas (write and placement in
 * one transaction). At 1M rows each takes ~1–6 s in the browser (docs/benchmark.md).
 */
export const IMPORT_STEPS = ['staging', 'personalData', 'checking', 'positions', 'writing', 'areas'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export interface ImportResult {
  /** Rows in the file = imported + rejected + left out. */
  rowsInFile: number;
  imported: number;
  /** Rows the user chose to leave out (police events); 0 or absent otherwise. */
  leftOut?: number;
  /** The import's id in the history (and on every row it added). */
  importId?: string;
  rejected: RejectedRow[];
  personalData: PersonalDataFinding[];
  /** The plausible years the dates were checked against (CSV and Parquet imports). */
  years?: YearRange;
  /** Rows whose date has a midnight time beside an empty time column: read as dates without a time of day (said). */
  midnightDates?: number;
  /**
   * Append: imported rows whose values equal rows another source already has — imported, since rows are recognised
   * within a source (already-loaded.query.ts), and said, with up to five of those sources' names,
   * in case the file is in fact a source's export under a new name; `source` is this import's. Absent when there are none.
   */
  sameAsOtherSources?: { rows: number; sources: string[]; source: string };
  /**
   * Append: rows rejected as already loaded by their id whose values differ from the stored row's (up to five ids):
   * the stored row was kept (an append never changes a row); said. Absent when there are none.
   */
  changedUnderSameId?: { rows: number; ids: string[] };
  /**
   * Append: rows without an id rejected as 'same-event-loaded' — the source has the same events (time, category and
   * the fields both imports filled) from an import that filled other fields (`fields`, filled on one side only: a
   * column mapped in one import and not the other). The stored rows were kept; said. Absent when there are none.
   */
  sameEventsOtherFields?: { rows: number; fields: DescriptiveField[] };
  /**
   * Append: rows rejected as 'same-event-nearby' — equal to rows the source has in every field both imports read but
   * the position, which lies within `metres` of the stored one (the same export in another coordinate system, or
   * rounded otherwise). The stored rows were kept; said. Absent when there are none.
   */
  sameEventsNearby?: { rows: number; metres: number };
  /**
   * Categories (types, for interventions) in the loaded data that differ only in case or spaces ("Stöld", "STÖLD"),
   * each group most common first: counted apart, so said. Absent when there are none.
   */
  valueVariants?: { field: 'category' | 'type'; spellings: string[][] };
  /**
   * Areas: stored areas of the same name and kind that an append replaced (a new version of a boundary) — listed,
   * since a län file read without a kind replaced kommuner of the same name with only "ersatte 6 rader" in the history.
   */
  replacedAreas?: { name: string; kind: string | null }[];
  /** Areas read without a kind whose names are loaded with one: now two areas each (said; they may be the same). */
  sameNameOtherKind?: { name: string; kind: string }[];
  /**
   * Rows already loaded were more than this many: the report gives them their line and reason only, no id and no "row
   * as read" (a file dropped twice; no fault in the file, and a million texts cost seconds). Absent otherwise.
   */
  alreadyLoadedTextsOmitted?: number;
  /** Imported rows with a value that could not be read and was stored as unknown (area populations). */
  notes?: { line: number; column: string; value: string; problem: 'unreadable-population' | 'negative-population' }[];
}

/** A replace that would leave nothing: refused, the loaded data kept; `rejected` says why each row failed. */
export class NothingToImportError extends Error {
  constructor(readonly rowsInFile: number, readonly rejected: RejectedRow[] = [], readonly years?: YearRange) {
    super(`No row of the file (${rowsInFile} rows) could be imported; the data already loaded was kept.`);
  }
}

export async function importCsv(runner: SqlRunner, request: CsvImportRequest): Promise<ImportResult> {
  return importRows(runner, request, () => readCsvStage(runner, request.fileName, request.scan, request.dialect));
}

export type RowsImportRequest = Omit<CsvImportRequest, 'fileName' | 'scan' | 'dialect'>;

/** The import after reading: checks, conversions, accounting and the commit, whatever the file format. */
export async function importRows(runner: SqlRunner, request: RowsImportRequest, read: () => Promise<ReadStage>): Promise<ImportResult> {
  const { target } = request;
  const importId = request.importId ?? newImportId();
  const leftOut = request.leftOut ?? 0;
  // Each step starts only if the import is still wanted: a cancel takes effect at the end of the step under way.
  const step = (name: ImportStep) => {
    throwIfCancelled(request.signal);
    request.onStep?.(name);
  };
  await runner.exec(dropStaging(true, await rawIsView(runner)));
  try {
    step('staging');
    const stage = await read();
    const { rows: rowsRead, accepted, readerRejects, unaccounted, delimiter, rawColumns, lineMap, typedDates } = stage;
    const unicodeNormalize = stage.unicodeNormalize ?? request.unicodeNormalize ?? true;
    const invalidUtf8Records = stage.invalidUtf8Records ?? request.invalidUtf8Records ?? [];
    const nulRecords = stage.nulRecords ?? request.nulRecords ?? [];
    await request.onStaged?.();
    const rowsInFile = rowsRead + leftOut;

    step('personalData');
    const personalData = await scanPersonalData(runner, request.columns, request.personalData ?? {});
    const policy: PersonalDataPolicy = Object.fromEntries(personalData.map((f) => [f.column, f.action]));
    const interventionColumns = request.columns as InterventionColumns;
    const years = request.years ?? defaultYearRange();
    step('checking');
    const dateColumn = request.columns.date;
    const [{ month_first: monthFirst }] = dateColumn ? await runner.rows<{ month_first: boolean }>(monthFirstSql(RAW, stagedColumn(dateColumn))) : [{ month_first: false }];
    const timeColumn = request.columns.time;
    const [{ n: midnightDates }] = dateColumn && timeColumn ? await runner.rows<{ n: number }>(midnightWithoutTimeSql(RAW, stagedColumn(dateColumn), stagedColumn(timeColumn))) : [{ n: 0 }];
    await runner.exec(target === 'incidents' ? checkIncidents(request.columns as IncidentColumns, request.decimal, policy, years, unicodeNormalize, { lineMap, monthFirst, typedDates }) : checkInterventions(interventionColumns, request.decimal, policy, years, unicodeNormalize, { lineMap, monthFirst, typedDates }));
    const [{ n: badDates }] = await runner.rows<{ n: number }>(COUNT_BAD_DATES);
    if (badDates > 0) await runner.exec(separateBadTimes(CHECKED));
    // Rows holding a NUL, then rows with bytes that are not UTF-8 (a row with both is said as the latter: the mark that runs last).
    for (const [records, mark] of [[nulRecords, MARK_NUL_BYTES], [invalidUtf8Records, MARK_BAD_BYTES]] as const) {
      if (!records.length) continue;
      await runner.exec(CREATE_BAD_BYTES);
      await runner.insertColumns(BAD_BYTES, [{ name: '__line', type: 'int32', values: Int32Array.from(records) }]);
      await runner.exec(mark);
    }
    step('positions');
    await runner.exec(CREATE_COORDS);
    if (request.coordinates) await convertCoordinates(runner, request.coordinates);
    const replacing = request.mode === 'replace' || request.replaceExample;
    await runner.exec(markLateRejects(Boolean(request.coordinates)));
    const appended: AppendChecks = replacing ? NOTHING_ALREADY_LOADED : await checkAlreadyLoaded(runner, target, request.source);
    // Every reason is decided: the text of each rejected row (whatever step rejected it) is kept, and the raw
    // text is freed before the insert, which lowers the import's peak memory and lets the database reuse its blocks.
    // Rows already loaded keep their text up to a limit: beyond it (a big file dropped twice) none does, and it is said.
    const [{ n: alreadyLoadedRows }] = await runner.rows<{ n: number }>(countAlreadyLoaded);
    const limit = request.alreadyLoadedTextLimit ?? ALREADY_LOADED_TEXT_LIMIT;
    const alreadyLoadedTexts = alreadyLoadedRows <= limit;
    await runner.exec(saveRejectText(rawColumns, delimiter, { north: request.columns.north, east: request.columns.east }, lineMap, alreadyLoadedTexts));
    await runner.exec(dropRawStaging(stage.rawIsView ?? false));
    const outcomeNames = (interventionColumns.outcomes ?? []).map((o) => o.name);
    const rowRejects = (await runner.rows<{ line: number; reason: RowReason; field: string | null; value: string | null; text: string | null }>(
      checkedRejects(target, outcomeNames, alreadyLoadedTexts),
    )).map((r) => withColumn(r, request.columns));
    // Beyond the limit, rows already loaded are read as two number columns and listed by line and reason only: as
    // row objects a million of them took ~10 s to hand to the page.
    if (!alreadyLoadedTexts) {
      const { line, reason } = await runner.numericColumns(alreadyLoadedLines);
      for (let i = 0; i < line.length; i++) rowRejects.push({ line: line[i], reason: ALREADY_LOADED[reason[i]] });
    }

    // Every rejected row, in line order: the reader's, the lines no record could be matched to (an unclosed quote
    // swallows the rest of the file), and the checks'. The same list for a refused replace as for a summary (a
    // tester's refused replace left out an unclosed quote's line, and its counts did not add up).
    const rejectedRows = (): RejectedRow[] => [
      ...readerRejects,
      ...unaccounted.map((line) => ({ line, reason: 'unreadable' as const, ...(stage.unreadableText?.line === line ? { text: stage.unreadableText.text } : {}) })),
      ...rowRejects,
    ].sort((a, b) => a.line - b.line);
    const importable = accepted - rowRejects.length;
    if (importable === 0 && (request.mode === 'replace' || request.replaceExample)) {
      // Replacing what is loaded with nothing is never what the user meant: keep the data, say why.
      throw new NothingToImportError(rowsInFile, rejectedRows(), years);
    }
    const imported = await inTransaction(runner, async () => {
      step('writing');
      // New outcome columns first: DuckDB can't commit a DELETE from a table altered after it in one transaction.
      if (target === 'interventions' && outcomeNames.length) await runner.exec(addOutcomeColumns(outcomeNames));
      if (request.replaceExample) await runner.exec(CLEAR_TABLES);
      else if (request.mode === 'replace') {
        // Kept, so undoing this import puts them back.
        await keepReplacedRows(runner, target, importId);
        await runner.exec(DELETE_ALL[target]);
      }
      const [{ before }] = await runner.rows<{ before: number }>(COUNT_ROWS[target]);
      await runner.exec(target === 'incidents' ? insertIncidents(request.source, request.locationPrecision ?? 'point', importId) : insertInterventions(request.source, outcomeNames, importId));
      const [{ before: after }] = await runner.rows<{ before: number }>(COUNT_ROWS[target]);
      await runner.run(WRITE_META, ['dataset', 'user']);
      await runner.run(WRITE_META, ['loaded_at', new Date().toISOString()]);
      const rejectedCount = readerRejects.length + unaccounted.length + rowRejects.length;
      const alreadyLoaded = [...readerRejects, ...rowRejects].filter((r) => ALREADY_LOADED_REASONS.has(r.reason)).length;
      if (after - before + rejectedCount + leftOut !== rowsInFile) {
        throw new ImportAccountingError(`Rows do not add up: ${after - before} imported + ${rejectedCount} rejected + ${leftOut} left out ≠ ${rowsInFile} in the file.`);
      }
      await recordImport(runner, {
        id: importId, fileName: request.history?.fileName ?? request.source, source: request.source, target, mode: request.replaceExample ? 'replace' : request.mode,
        rowsIn: rowsInFile, imported: after - before, rejected: rejectedCount, alreadyLoaded, leftOut, mapping: request.history?.mapping ?? null,
      });
      // The new rows' areas, in the same transaction: no moment where they count in no area.
      step('areas');
      await placeInAreas(runner);
      // A cancel pressed while the rows were placed still rolls everything back: the commit below is the last
      // moment it can (a tester's cancel during this step was ignored and the example replaced).
      throwIfCancelled(request.signal);
      return after - before;
    });

    // After the commit: a failure here must not make a stored import look failed — then there is nothing to say.
    const variants = await runner.rows<{ spellings: string[] }>(valueVariantsSql(target)).then((rows) => rows.map((r) => [...r.spellings]), () => [] as string[][]);
    const rejected = rejectedRows();
    return { rowsInFile, imported, ...(leftOut ? { leftOut } : {}), importId, rejected, personalData, years, ...(alreadyLoadedTexts ? {} : { alreadyLoadedTextsOmitted: limit }), ...(midnightDates ? { midnightDates } : {}), ...appendedFindings(appended, request.source), ...(variants.length ? { valueVariants: { field: target === 'incidents' ? 'category' as const : 'type' as const, spellings: variants } } : {}) };
  } finally {
    await runner.exec(dropStaging(false, await rawIsView(runner)));
  }
}

/** Whether `import_raw` is a view (a table's rows as text, readTableStage) — it is dropped as one. */
async function rawIsView(runner: SqlRunner): Promise<boolean> {
  const [{ n }] = await runner.rows<{ n: number }>(RAW_IS_VIEW);
  return n > 0;
}

export function newImportId(): string {
  return globalThis.crypto.randomUUID();
}

export interface ImportRecord {
  id: string;
  fileName: string;
  source: string;
  target: 'incidents' | 'interventions' | 'areas';
  mode: 'append' | 'replace';
  rowsIn: number;
  imported: number;
  rejected: number;
  /** Of `rejected`, rows already loaded by an earlier import (reasons in ALREADY_LOADED_REASONS). */
  alreadyLoaded: number;
  leftOut: number;
  mapping: string | null;
}

/**
 * Rows already loaded (ALREADY_LOADED_REASONS) the report gives their id and "row as read": 100 000 covers a large
 * kommun's police export of several years dropped again (the example's is ~38 000 rows, and its e2e test reads a
 * re-import's texts); for a million (a 1M-row file dropped twice) the texts took ~2 s to rebuild and the list ~13 s
 * to hand to the page (built app, 2026-12-07). Beyond it they are listed by line and reason only.
 */
export const ALREADY_LOADED_TEXT_LIMIT = 100_000;

/** Reasons a row is rejected that are no fault in the file: an earlier import already loaded it. */
export const ALREADY_LOADED_REASONS: ReadonlySet<RejectedRow['reason']> = new Set(ALREADY_LOADED);

/** One row of the import history, written inside the import's own transaction (local wall-clock time). */
export async function recordImport(runner: SqlRunner, r: ImportRecord): Promise<void> {
  await runner.run(INSERT_IMPORT, [r.id, r.fileName, localWallClock(), r.source, r.target, r.mode, r.rowsIn, r.imported, r.rejected, r.leftOut, r.mapping, r.alreadyLoaded]);
}

/** A reject's field as the file's column name(s), and no empty details. */
function withColumn(r: { line: number; reason: RowReason; field: string | null; value: string | null; text: string | null }, columns: IncidentColumns | InterventionColumns): RejectedRow {
  const mapped = columns as Record<string, string | undefined>;
  const outcome = r.field?.startsWith('outcome:') ? (columns as InterventionColumns).outcomes?.find((o) => o.name === r.field!.slice(8))?.column : undefined;
  // Two columns at fault: a position's, and a date's own time against the time column's ("Datum / Tid").
  const column = r.field === 'position' ? `${mapped.north} / ${mapped.east}` : r.field === 'date+time' ? `${mapped.date} / ${mapped.time}` : outcome ?? (r.field ? mapped[r.field] : undefined);
  return { line: r.line, reason: r.reason, ...(column ? { column } : {}), ...(r.value !== null ? { value: r.value } : {}), ...(r.text !== null ? { text: r.text } : {}) };
}

