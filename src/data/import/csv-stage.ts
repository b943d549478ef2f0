// A file's rows staged as text for the import's checks, each accounted for: DuckDB's read of a CSV matched to the
// page's record scan (physical lines, reader rejects, records lost to an unclosed quote), or a table staged chunk by
// chunk (Parquet). import-csv.ts runs the checks and the write on what this stages.
import { maskPersonalNumbers } from '../../lib/parsing/personal-identity';
import type { SqlRunner } from '../sql-runner';
import { acceptedLines, type RecordScan } from './csv-records';
import type { ScannedText } from './read-file';
import {
  COUNT_RAW, CREATE_LINES, DROP_READ, LINES, READ_REJECTS, readRawCsv, stagedColumn, type CsvDialect, type LineMap,
} from './csv-import.query';
import { TABLE_STAGE_ROWS, TABLE_STAGE_TYPES, renameStagedColumn, tableStageView } from './table-stage.query';
import { typedDateKind, type TypedDateKind } from './value-conversions.query';

export type ReaderReason = 'too-many-columns' | 'too-few-columns' | 'bad-quotes' | 'line-too-long' | 'invalid-encoding' | 'unreadable';

const READER_REASONS: Record<string, ReaderReason> = {
  'TOO MANY COLUMNS': 'too-many-columns',
  'MISSING COLUMNS': 'too-few-columns',
  'UNQUOTED VALUE': 'bad-quotes',
  'LINE SIZE OVER MAXIMUM': 'line-too-long',
  'INVALID UNICODE': 'invalid-encoding',
};

/** DuckDB's records and the scan's could not be matched: the import refuses rather than miscount. */
export class ImportAccountingError extends Error {}

export interface ReadStage {
  /** Rows the file holds (CSV: records after the header; Parquet: rows). */
  rows: number;
  accepted: number;
  /** Records DuckDB's reader rejected, by physical line. */
  readerRejects: { line: number; reason: ReaderReason; text?: string }[];
  /** Physical lines of records DuckDB neither accepted nor rejected (after an unterminated quote). */
  unaccounted: number[];
  /** The first line of the record lost to an unclosed quote (RecordScan.unterminatedQuoteText), personnummer masked. */
  unreadableText?: { line: number; text: string };
  /** How a rejected row's fields are joined back into a line for the report. */
  delimiter: string;
  /** The staging table's columns (the file's, prefixed), in the file's order: a rejected row's text is rebuilt from them. */
  rawColumns: string[];
  /** How a staged record's line is found (csv-import.query.ts LineMap): an offset, or null for the LINES table. */
  lineMap: LineMap;
  /** Learnt by a scan that ran beside the read (ScannedText): they take the request's place. */
  invalidUtf8Records?: number[];
  nulRecords?: number[];
  unicodeNormalize?: boolean;
  /** Columns the staging also holds typed as dates, by the file's column name (a Parquet file's: readTableStage). */
  typedDates?: Record<string, TypedDateKind>;
  /** The staging (`import_raw`) is a view over a table's typed rows, not a table (readTableStage). */
  rawIsView?: boolean;
}

/**
 * Read the file into `import_raw` (all text) — and `import_lines` (record → physical line) when the lines are not
 * simply the records in order (`lineMap`) — accounting for every record. `scan` may be the page's pass over the file
 * (ScannedText): it is started once DuckDB has been sent its read (a pass started first kept the page's thread too busy
 * to send it), and the two are matched when both have ended; a cancel or failure of the pass waits for the read to end
 * (it can't be stopped half-way), then is thrown. If the scan found bytes that are not UTF-8, the
 * read is done again from the marked copy it names. Throws ImportAccountingError when DuckDB's records and the
 * scan's can't be matched.
 */
export async function readCsvStage(runner: SqlRunner, fileName: string, scan: RecordScan | (() => Promise<ScannedText>), dialect: CsvDialect): Promise<ReadStage> {
  const reading = runner.exec(readRawCsv(fileName, dialect));
  // Its failure is thrown below, once the scan has ended; not reported as unhandled meanwhile.
  reading.catch(() => undefined);
  let text: ScannedText;
  try {
    text = typeof scan === 'function' ? await scan() : { scan, invalidUtf8Records: [], nulRecords: [], unicodeNormalize: true };
  } catch (error) {
    await reading.catch(() => undefined);
    throw error;
  }
  if (text.fileName !== undefined && text.fileName !== fileName) {
    // The file as it is could not be read whole (bytes that are not UTF-8, mixed line ends: DuckDB may have stopped
    // with an error); the copy the pass made is read instead.
    await reading.catch(() => undefined);
    await runner.exec(DROP_READ);
    await runner.exec(readRawCsv(text.fileName, dialect));
  } else await reading;
  const records = text.scan;
  const [{ n: accepted }] = await runner.rows<{ n: number }>(COUNT_RAW);
  const rejects = await runner.rows<{ line: number; error_type: string; csv_line: string | null }>(READ_REJECTS);
  // One record can be reported more than once (one entry per bad column); it counts once.
  const rejectedByReader = new Map<number, ReaderReason>();
  const readerText = new Map<number, string>();
  for (const r of rejects) {
    if (rejectedByReader.has(r.line)) continue;
    rejectedByReader.set(r.line, READER_REASONS[r.error_type] ?? 'unreadable');
    // DuckDB's line carries the blank lines before the record (helper-57: "raden: \nA2"); a record never starts with a
    // line break (a quoted one starts with its quote).
    if (r.csv_line !== null) readerText.set(r.line, maskPersonalNumbers(r.csv_line.replace(/^[\r\n]+/, '')));
  }
  const { lines, unaccounted, rejectedPhysical } = acceptedLines(records, [...rejectedByReader.keys()], accepted);
  if (lines.length !== accepted || rejectedPhysical.size !== rejectedByReader.size) {
    throw new ImportAccountingError(`The file's rows could not be matched to lines (DuckDB read ${accepted} and rejected ${rejectedByReader.size}; the file has ${records.records}).`);
  }
  const lineMap = linearLines(lines);
  if (lineMap === null) {
    await runner.exec(CREATE_LINES);
    const numbers = new Int32Array(accepted);
    for (let i = 0; i < accepted; i++) numbers[i] = i + 1;
    await runner.insertColumns(LINES, [{ name: '__record', type: 'int32', values: numbers }, { name: '__line', type: 'int32', values: lines }]);
  }
  const readerRejects = [...rejectedByReader].map(([readerLine, reason]) => ({ line: rejectedPhysical.get(readerLine)!, reason, text: readerText.get(readerLine) }));
  const learnt = typeof scan === 'function' ? { invalidUtf8Records: text.invalidUtf8Records, nulRecords: text.nulRecords, unicodeNormalize: text.unicodeNormalize } : {};
  const quoteLine = records.unterminatedQuoteLine;
  const unreadableText = quoteLine !== null && records.unterminatedQuoteText !== undefined && unaccounted.includes(quoteLine)
    ? { unreadableText: { line: quoteLine, text: maskPersonalNumbers(records.unterminatedQuoteText) } } : {};
  return { rows: records.records, accepted, readerRejects, unaccounted, delimiter: dialect.delimiter, rawColumns: dialect.columns.map(stagedColumn), lineMap, ...learnt, ...unreadableText };
}

/** `{ offset }` when the k-th accepted record (1-based) is on line k + offset for every k, else null. */
export function linearLines(lines: Int32Array): LineMap {
  const offset = lines.length ? lines[0] - 1 : 0;
  for (let k = 0; k < lines.length; k++) if (lines[k] !== k + 1 + offset) return null;
  return { offset };
}

/**
 * A table's rows (a Parquet file's, appended chunk by chunk to ARROW_TABLE) become the staging: the view `import_raw`
 * reads them as text (table-stage.query.ts), with the date and timestamp columns also typed. Their "lines" are row
 * numbers, which the view takes from the row ids; throws ImportAccountingError if those are not 0 … n − 1.
 */
export async function readTableStage(runner: SqlRunner, columns: string[]): Promise<ReadStage> {
  const types = await runner.rows<{ name: string; type: string }>(TABLE_STAGE_TYPES);
  const typedDates: Record<string, TypedDateKind> = {};
  for (const { name, type } of types) {
    const kind = typedDateKind(type);
    if (kind && columns.includes(name)) typedDates[name] = kind;
  }
  // A column named rowid hides the row id the view numbers rows by: renamed in the table, not in the file's names.
  const renamed: Record<string, string> = {};
  const names = new Set(types.map((t) => t.name.toLowerCase()));
  for (const { name } of types.filter((t) => t.name.toLowerCase() === 'rowid')) {
    let to = `${name}_`;
    while (names.has(to.toLowerCase())) to += '_';
    names.add(to.toLowerCase());
    await runner.exec(renameStagedColumn(name, to));
    renamed[name] = to;
  }
  const [{ n, next, first }] = await runner.rows<{ n: number; next: number; first: number }>(TABLE_STAGE_ROWS);
  if (first !== 0 || next !== n) throw new ImportAccountingError(`The table's ${n} rows could not be numbered in file order (row ids ${first} to ${next - 1}).`);
  await runner.exec(tableStageView(columns, Object.keys(typedDates), renamed));
  // A table's rows are its lines: row k is "line" k.
  return { rows: n, accepted: n, readerRejects: [], unaccounted: [], delimiter: ';', rawColumns: columns.map(stagedColumn), lineMap: { offset: 0 }, typedDates, rawIsView: true };
}
