// A CSV import in the browser: the file's bytes → UTF-8 → record scan → DuckDB-wasm → canonical table.
import { areaRowsFromGeoJson, type AreaMapping, type FeatureCollection } from '../area-features';
import type { Database } from '../database';
import { registerUserFile } from '../engine';
import { localWallClock } from '../import-history';
import { importAreas } from './import-areas';
import { headerSignature } from './column-mapping';
import type { IncidentColumns, InterventionColumns } from './csv-import.query';
import { planCsv, rememberable, remembersFor, PREVIEW_BYTES, type TablePlan, type RememberedMapping } from './csv-plan';
import { scanRecords, type RecordScan } from './csv-records';
import { detectFileEncoding } from './file-encoding';
import { readAndScan, scanBesideRead, type ReadOutcome, type ReadProgress, type ScannedText } from './read-file';
import { importCsv, type ImportResult, type ImportStep } from './import-csv';
import { policeEventsImport, type PoliceEventChoice } from './police-events';
import { READ_MAPPING, SAVE_MAPPING, STORED_SOURCES } from './import-mappings.query';
import { withSource } from './source-choice';

/** Above this the tab would likely run out of memory (the file, its UTF-8 copy and DuckDB's table). */
export const MAX_CSV_BYTES = 1024 ** 3;
/**
 * Parquet is compressed: measured, an 83 MB file (5M rows) took the tab to 3.2 GB while importing (6 GB before it was
 * decoded in chunks), most of it in DuckDB's worker, whose WebAssembly memory can't pass 4 GB. Larger files are
 * refused before they are read, with a message, rather than letting the tab die (the benchmark's 10M-row file,
 * 173 MB, is). JSON (police events, GeoJSON) is parsed whole in the page: the same bound.
 */
export const MAX_PARQUET_BYTES = 150 * 1024 ** 2;
export const MAX_JSON_BYTES = 256 * 1024 ** 2;

/** Where an import is: reading the file (bytes or row groups), counting a converted file's records, the database's steps, saving. */
export type ImportPhase = 'reading' | 'scanning' | ImportStep | 'saving';

export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`File too large: ${size} bytes (limit ${MAX_CSV_BYTES})`);
  }
}

/** Remembering is a convenience: the import has already committed, so a failure here must not report it failed. */
async function rememberMapping(database: Database, plan: TablePlan, source: string): Promise<void> {
  try {
    const signature = headerSignature(plan.dialect.columns);
    const sources = withSource(await rememberedAt(database, signature), source);
    await database.runner.run(SAVE_MAPPING, [signature, JSON.stringify({ ...rememberable(plan), sources }), localWallClock().slice(0, 19)]);
  } catch (error) {
    console.warn('Could not remember the import mapping', error);
  }
}

/**
 * Parquet keeps only the source name per column signature (its types need no reading choices), under a key of its
 * own so a CSV with the same header never takes a Parquet file's dialect. Both are conveniences, never an error.
 */
const parquetSignature = (columns: string[]) => `parquet\u001e${headerSignature(columns)}`;

export async function rememberParquetSource(database: Database, columns: string[], source: string): Promise<void> {
  try {
    const signature = parquetSignature(columns);
    const sources = withSource(await rememberedAt(database, signature), source);
    await database.runner.run(SAVE_MAPPING, [signature, JSON.stringify({ sources }), localWallClock().slice(0, 19)]);
  } catch (error) {
    console.warn('Could not remember the source name', error);
  }
}

/** What is remembered under a signature (a CSV mapping, or a Parquet file's sources), or null. */
async function rememberedAt(database: Database, signature: string): Promise<RememberedSources | null> {
  const [row] = await database.runner.rows<{ plan: string }>(READ_MAPPING, [signature]).catch(() => []);
  return row ? (JSON.parse(row.plan) as RememberedSources) : null;
}

type RememberedSources = { source?: string; sources?: string[] };
const sourcesOf = (r: RememberedSources | null) => r?.sources ?? (r?.source ? [r.source] : []);

/** The sources Parquet files with these columns were imported under, most recent first. */
export async function rememberedParquetSources(database: Database, columns: string[]): Promise<string[]> {
  return sourcesOf(await rememberedAt(database, parquetSignature(columns)));
}

/** Source names with rows stored now (for the card's default and its warnings); empty if they can't be read. */
export async function storedSources(database: Database): Promise<string[]> {
  try {
    return (await database.runner.rows<{ source: string }>(STORED_SOURCES)).map((r) => r.source);
  } catch {
    return [];
  }
}

/**
 * The plan for a file, with the mapping remembered for its header signature when there is one, and the source names
 * files with that header were imported under (`sources`, most recent first; source-choice.ts picks the default).
 */
export async function planFile(database: Database, file: File): Promise<{ bytes: Uint8Array; plan: TablePlan; sources: string[] }> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const encoding = await detectFileEncoding(file, bytes);
  const first = planCsv(bytes, {}, null, encoding);
  // A binary file is refused on its card; its "header" (NUL bytes and all) is not looked up — a NUL in a bound
  // text once ran DuckDB-wasm out of bounds and the file showed nothing at all.
  if (first.looksBinary) return { bytes, plan: first, sources: [] };
  const [row] = await database.runner.rows<{ plan: string }>(READ_MAPPING, [headerSignature(first.dialect.columns)]);
  if (!row) return { bytes, plan: first, sources: [] };
  const stored = JSON.parse(row.plan) as RememberedMapping;
  // The header was found under the delimiter detected in this file, so that one is right: the same columns written
  // with commas after a semicolon export were read with the remembered semicolon, as one column (helper-58). With
  // another delimiter the remembered decimal mark is not this file's either (a comma file writes decimal points).
  const remembered = remembersFor(stored, first.dialect.delimiter);
  return { bytes, plan: planCsv(bytes, {}, remembered, encoding), sources: sourcesOf(remembered) };
}

export async function importCsvFile(
  database: Database,
  file: File,
  plan: TablePlan,
  mode: 'append' | 'replace',
  onPhase: (phase: ImportPhase) => void,
  onProgress?: (p: ReadProgress) => void,
  signal?: AbortSignal,
  source: string = file.name,
): Promise<ImportResult> {
  if (file.size > MAX_CSV_BYTES) throw new FileTooLargeError(file.size);
  onPhase('reading');
  const { dialect } = plan;
  // A UTF-8 file is read by DuckDB from the file itself: the tab holds no copy (readAndScan, registerUserFile). A
  // byte-order mark is then DuckDB's to skip; it only ever stands in a line the reader skips anyway (a header or a
  // title line) unless the file has neither — that rare file is read from a copy without it, as before.
  const markInData = plan.bomLength > 0 && !dialect.header && dialect.skipLines === 0;
  const scanOptions = { delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header, skipLines: dialect.skipLines };
  const history = { fileName: file.name, mapping: JSON.stringify(rememberable(plan)) };
  let result: ImportResult;
  if (file instanceof File && !markInData && plan.encoding === 'utf-8') {
    // DuckDB reads the file into staging on its own thread while the page scans it (csv-stage.ts readCsvStage): the scan's phase
    // ("reading", with its bytes) is shown until the scan ends, then the staging step, if it is still under way.
    let scanning = true;
    let stagingToldEarly = false;
    const phase = (p: ImportPhase) => {
      if (p === 'staging' && scanning) stagingToldEarly = true;
      else onPhase(p);
    };
    const scanEnded = () => {
      scanning = false;
      if (stagingToldEarly) onPhase('staging');
    };
    const scanned = () => {
      const pass = readAndScan(file, plan, scanOptions, onProgress, signal, { keepBytes: false });
      pass.then(scanEnded, scanEnded);
      return pass;
    };
    result = await importUtf8(database, file, plan, mode, source, phase, 'point', scanned, signal, { history });
  } else {
    const { utf8, scan, invalidUtf8Records, nulRecords, unicodeNormalize } = await readAndScan(file, plan, scanOptions, onProgress, signal, { keepBytes: true });
    result = await importUtf8(database, utf8 ?? file, plan, mode, source, onPhase, 'point', scan, signal, { invalidUtf8Records, nulRecords, unicodeNormalize, history });
  }
  onPhase('saving');
  await rememberMapping(database, plan, source);
  return result;
}

/** Area boundaries (GeoJSON): converted to WGS 84 rows, then one transaction. */
export async function importAreasFile(database: Database, name: string, collection: FeatureCollection, mapping: AreaMapping, mode: 'append' | 'replace', source: string = name): Promise<ImportResult> {
  const conversion = areaRowsFromGeoJson(collection, name, mapping);
  return importAreas(database.runner, conversion, collection.features.length, mode, database.meta.dataset === 'example', { fileName: name, source, mapping: JSON.stringify(mapping) });
}

/** The default source name of police public events (editable in the preview). */
export const POLICE_EVENTS_SOURCE = 'Polisens händelser';

/**
 * Police public events: the chosen types and places converted to CSV, then the same import (location precision:
 * area). Rows in the file = imported + rejected + left out; rejected events are numbered by their place in the file.
 */
export async function importPoliceEventsFile(
  database: Database,
  file: File,
  mode: 'append' | 'replace',
  onPhase: (phase: ImportPhase) => void,
  signal?: AbortSignal,
  options: { source?: string; choice?: PoliceEventChoice } = {},
): Promise<ImportResult> {
  if (file.size > MAX_CSV_BYTES) throw new FileTooLargeError(file.size);
  onPhase('reading');
  const events = policeEventsImport(await file.text(), options.choice);
  const history = { fileName: file.name, mapping: JSON.stringify({ format: 'polisen-events', ...(options.choice ?? { excludedTypes: [], excludedLocations: [] }) }) };
  const result = await importUtf8(database, events.utf8, events.plan, mode, options.source ?? POLICE_EVENTS_SOURCE, onPhase, 'area', events.scan, signal, { history, leftOut: events.leftOut, nulRecords: events.nulRecords });
  return events.renumber(result);
}

async function importUtf8(
  database: Database,
  /** The text as UTF-8 bytes, or a file that is UTF-8 already (then `knownScan` is required). */
  utf8: Uint8Array | File,
  plan: TablePlan,
  mode: 'append' | 'replace',
  source: string,
  onPhase: (phase: ImportPhase) => void,
  locationPrecision: 'point' | 'area' = 'point',
  /** The file's scan, or the page's pass over the file, which the read starts once DuckDB reads (ScannedText). */
  knownScan?: RecordScan | (() => Promise<ReadOutcome>),
  signal?: AbortSignal,
  read: { invalidUtf8Records?: number[]; nulRecords?: number[]; unicodeNormalize?: boolean; history?: { fileName: string; mapping: string }; leftOut?: number } = {},
): Promise<ImportResult> {
  if (!knownScan) onPhase('scanning');
  if (!knownScan && !(utf8 instanceof Uint8Array)) throw new Error('A file read by DuckDB itself needs its record scan.');
  const name = `import-${Date.now()}.csv`;
  // DuckDB-wasm copies a registered buffer into its own heap, which never shrinks: freed as soon as the rows are
  // staged, the checks and the write reuse that memory instead of growing the heap past it (1M rows: 150 MB).
  const registered: string[] = [];
  const release = async () => {
    for (const file of registered.splice(0)) await database.db.dropFile(file);
  };
  try {
    // Bytes that are not UTF-8 after all: DuckDB reads the pass's copy, with them marked, instead.
    const registerMarked = async (bytes: Uint8Array) => {
      const marked = `${name}.marked.csv`;
      await database.db.registerFileBuffer(marked, bytes);
      registered.push(marked);
      return marked;
    };
    const scan: RecordScan | (() => Promise<ScannedText>) = typeof knownScan === 'function'
      ? scanBesideRead(knownScan, registerMarked)
      : knownScan ?? scanRecords(utf8 as Uint8Array, { delimiter: plan.dialect.delimiter, quote: plan.dialect.quote, header: plan.dialect.header, skipLines: plan.dialect.skipLines });
    // registerFileBuffer hands the buffer to the worker; the scan above already read it.
    const registering = performance.now();
    if (utf8 instanceof Uint8Array) await database.db.registerFileBuffer(name, utf8);
    else await registerUserFile(database.db, name, utf8);
    registered.push(name);
    performance.measure('lagesbild:register-file', { start: registering });
    const columns = plan.target === 'interventions'
      ? ({ ...plan.mapping, outcomes: plan.outcomes } as InterventionColumns)
      : (plan.mapping as IncidentColumns);
    return await importCsv(database.runner, {
      fileName: name,
      scan,
      dialect: plan.dialect,
      target: plan.target,
      columns,
      decimal: plan.decimal,
      coordinates: plan.coordinates ? { crs: plan.coordinates.crs, order: plan.coordinates.order } : null,
      mode,
      replaceExample: database.meta.dataset === 'example',
      source,
      locationPrecision,
      personalData: plan.personalChoices,
      signal,
      onStep: onPhase,
      onStaged: release,
      ...read,
      years: plan.years,
    });
  } finally {
    await release();
  }
}
