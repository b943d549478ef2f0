// Parquet in the browser: DuckDB-wasm's parquet extension is not built in and can't be fetched offline, so
// parquet-wasm (bundled; loaded only when a Parquet file is dropped) reads it into Arrow, and DuckDB takes the
// Arrow table. From there it is the same import as a CSV — checks, accounting, commit — over the typed rows read as
// text (table-stage.query.ts).
import { tableFromIPC } from 'apache-arrow';
import initParquet, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Database } from '../database';
import { ARROW_SHAPE_TABLE, ARROW_TABLE, CREATE_ARROW_TABLE, PREVIEW_TABLE, dropTable, textRows, type IncidentColumns, type InterventionColumns } from './csv-import.query';
import { planTable, PREVIEW_ROWS, type TablePlan } from './csv-plan';
import { rememberable } from './csv-plan';
import { importRows, type ImportResult } from './import-csv';
import { readTableStage } from './csv-stage';
import { throwIfCancelled, type ReadProgress } from './read-file';
import { rememberParquetSource, type ImportPhase } from './browser-import';
import { PARQUET_CHUNK_ROWS, rowGroupChunks } from './parquet-chunks';
import { arrowTextFacts } from './arrow-text';

let ready: Promise<unknown> | null = null;
function init() {
  ready ??= initParquet({ module_or_path: parquetWasmUrl });
  return ready;
}

/**
 * The first rows as text, rendered by DuckDB with the same cast the import uses (decimals, timestamps and all),
 * so the preview shows exactly what the checks will see.
 */
export async function planParquetFile(database: Database, file: File): Promise<TablePlan> {
  await init();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ipc = readParquet(bytes, { limit: PREVIEW_ROWS }).intoIPCStream();
  const columns = tableFromIPC(ipc).schema.fields.map((f) => f.name);
  await database.runner.exec(`DROP TABLE IF EXISTS ${PREVIEW_TABLE}`);
  await database.connection.insertArrowFromIPCStream(ipc, { name: PREVIEW_TABLE, create: true });
  try {
    const rows = await database.runner.rows<Record<string, string | null>>(textRows(PREVIEW_TABLE, columns));
    return planTable(columns, rows.map((r) => columns.map((c) => r[c] ?? '')));
  } finally {
    await database.runner.exec(`DROP TABLE IF EXISTS ${PREVIEW_TABLE}`);
  }
}

/**
 * Imports a Parquet file as `plan` says. Progress: `onPhase('reading')` while row groups are decoded into DuckDB, with
 * `onProgress` after each chunk (compressed bytes and rows of the row groups done, of the file's), then the
 * database's steps (import-csv.ts `IMPORT_STEPS`). Cancel: between chunks and before each step.
 */
export async function importParquetFile(
  database: Database, file: File, plan: TablePlan, mode: 'append' | 'replace', signal?: AbortSignal, source: string = file.name,
  onPhase: (phase: ImportPhase) => void = () => {}, onProgress: (p: ReadProgress) => void = () => {},
): Promise<ImportResult> {
  const start = performance.now();
  onPhase('reading');
  await init();
  const parquet = await ParquetFile.fromFile(file);
  // Whether any text may need Unicode normalisation, and the rows holding a NUL byte (arrow-text.ts): found while
  // decoding, used by the checks.
  let unicodeNormalize = false;
  const nulRecords: number[] = [];
  try {
    await database.runner.exec(`DROP TABLE IF EXISTS ${ARROW_TABLE}; DROP TABLE IF EXISTS ${ARROW_SHAPE_TABLE}`);
    await database.connection.insertArrowFromIPCStream((await parquet.read({ limit: 1 })).intoIPCStream(), { name: ARROW_SHAPE_TABLE, create: true });
    await database.runner.exec(CREATE_ARROW_TABLE);
    // A few row groups at a time, in file order (a rejected row's "line" is its row number): only one chunk is ever
    // decoded in the page, instead of the whole file (at 5M rows that held gigabytes in parquet-wasm's memory, which
    // never shrinks).
    const rowGroups = parquet.metadata().rowGroups();
    const groups = rowGroups.map((g) => g.numRows());
    const sizes = rowGroups.map((g) => g.compressedSize());
    const totalBytes = sizes.reduce((a, b) => a + b, 0);
    let bytesRead = 0;
    let records = 0;
    const chunks = rowGroupChunks(groups, PARQUET_CHUNK_ROWS);
    // The record number of each chunk's first row (rows are numbered from 1 in file order).
    const firstRecords = chunks.map((chunk) => 1 + groups.slice(0, chunk[0]).reduce((a, b) => a + b, 0));
    const decode = async (k: number) => {
      const ipc = (await parquet.read({ rowGroups: chunks[k] })).intoIPCStream();
      // Read before the buffer goes to DuckDB's worker (it is transferred, empty here afterwards).
      const facts = arrowTextFacts(ipc, firstRecords[k]);
      unicodeNormalize ||= facts.mayNeedNormalising;
      nulRecords.push(...facts.nulRecords);
      return ipc;
    };
    // A pipeline over the two threads: while DuckDB's worker appends chunk k to the typed staging table, the page
    // decodes chunk k + 1. The rows stay typed (the checks read them as text through a view, readTableStage); the
    // page only ever holds one chunk decoded (at 5M rows the whole file held gigabytes in parquet-wasm's memory,
    // which never shrinks).
    let decoded = chunks.length ? await decode(0) : null;
    for (const [k, chunk] of chunks.entries()) {
      throwIfCancelled(signal);
      const inserted = database.connection.insertArrowFromIPCStream(decoded!, { name: ARROW_TABLE, create: false });
      const next = k + 1 < chunks.length ? decode(k + 1) : Promise.resolve(null);
      [, decoded] = await Promise.all([inserted, next]);
      for (const g of chunk) { bytesRead += sizes[g]; records += groups[g]; }
      onProgress({ bytesRead, totalBytes, records, elapsedMs: performance.now() - start });
    }
  } catch (error) {
    // Cancelled or unreadable half-way: what was staged is let go now, not at the next import.
    await database.runner.exec(dropTable(ARROW_TABLE)).catch(() => undefined);
    throw error;
  } finally {
    parquet.free();
  }
  performance.measure('lagesbild:parquet-to-duckdb', { start });
  const columns = plan.target === 'interventions' ? ({ ...plan.mapping, outcomes: plan.outcomes } as InterventionColumns) : (plan.mapping as IncidentColumns);
  const result = await importRows(
    database.runner,
    {
      target: plan.target, columns, decimal: plan.decimal,
      coordinates: plan.coordinates ? { crs: plan.coordinates.crs, order: plan.coordinates.order } : null,
      mode, replaceExample: database.meta.dataset === 'example', source, personalData: plan.personalChoices, signal, onStep: onPhase, years: plan.years, unicodeNormalize, nulRecords,
      history: { fileName: file.name, mapping: JSON.stringify(rememberable(plan)) },
    },
    () => readTableStage(database.runner, plan.dialect.columns),
  );
  await rememberParquetSource(database, plan.dialect.columns, source);
  return result;
}
