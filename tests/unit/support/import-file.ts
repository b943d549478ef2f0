// Runs a file through the import as the page does after the preview: plan (whole-file encoding), stream →
// UTF-8 with the record scan, then DuckDB. For tests that need what the page decides, not a fixed dialect.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCsv, PREVIEW_BYTES, type PlanChoices, type TablePlan } from '../../../src/data/import/csv-plan';
import { detectFileEncoding } from '../../../src/data/import/file-encoding';
import type { IncidentColumns, InterventionColumns } from '../../../src/data/import/csv-import.query';
import { importCsv, type CsvImportRequest } from '../../../src/data/import/import-csv';
import { readAndScan } from '../../../src/data/import/read-file';
import type { SqlRunner } from '../../../src/data/sql-runner';

export async function planBytes(bytes: Uint8Array, choices: PlanChoices = {}): Promise<TablePlan> {
  const blob = new Blob([new Uint8Array(bytes)]);
  const head = bytes.subarray(0, PREVIEW_BYTES);
  return planCsv(head, choices, null, await detectFileEncoding(blob, head));
}

export async function importPlanned(runner: SqlRunner, bytes: Uint8Array, plan: TablePlan, extra: Partial<CsvImportRequest> = {}) {
  const { dialect } = plan;
  // As the browser does for a File: valid UTF-8 is read by DuckDB as it is in the file (BOM and all), anything else
  // from the converted copy.
  const read = await readAndScan(new Blob([new Uint8Array(bytes)]), plan, { delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header, skipLines: dialect.skipLines }, undefined, undefined, { keepBytes: false });
  const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-import-')), 'upload.csv');
  writeFileSync(file, read.utf8 ?? bytes);
  const columns = plan.target === 'interventions' ? ({ ...plan.mapping, outcomes: plan.outcomes } as InterventionColumns) : (plan.mapping as IncidentColumns);
  return importCsv(runner, {
    fileName: file, scan: read.scan, dialect, target: plan.target, columns, decimal: plan.decimal,
    coordinates: plan.coordinates ? { crs: plan.coordinates.crs, order: plan.coordinates.order } : null,
    mode: 'append', replaceExample: false, source: 'test.csv', personalData: plan.personalChoices, invalidUtf8Records: read.invalidUtf8Records,
    ...extra,
  });
}
