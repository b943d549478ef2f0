// Runs a file through the import as the page does after the preview: plan (whole-file encoding), stream →
// UTF-8 with the record scan, then DuckDB. For tests that need what the page decides, not a fixed dialect.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCsv, PREVIEW_BYTES, type PlanChoices, type TablePlan } from '../../../src/data/import/csv-plan';
import { detectFileEncoding } from '../../../src/data/import/file-encoding';
import type { IncidentColumns, InterventionColumns } from '../../../src/data/import/csv-import.query';
import { importCsv, type CsvImportRequest } from '../../../src/data/import/import-csv';
import { readAndScan, scanBesideRead } from '../../../src/data/import/read-file';
import type { SqlRunner } from '../../../src/data/sql-runner';

export async function planBytes(bytes: Uint8Array, choices: PlanChoices = {}): Promise<TablePlan> {
  const blob = new Blob([new Uint8Array(bytes)]);
  const head = bytes.subarray(0, PREVIEW_BYTES);
  return planCsv(head, choices, null, await detectFileEncoding(blob, head));
}

export async function importPlanned(runner: SqlRunner, bytes: Uint8Array, plan: TablePlan, extra: Partial<CsvImportRequest> = {}) {
  const { dialect } = plan;
  const scanOptions = { delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header, skipLines: dialect.skipLines };
  const blob = new Blob([new Uint8Array(bytes)]);
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-import-'));
  const columns = plan.target === 'interventions' ? ({ ...plan.mapping, outcomes: plan.outcomes } as InterventionColumns) : (plan.mapping as IncidentColumns);
  const request = {
    dialect, target: plan.target, columns, decimal: plan.decimal,
    coordinates: plan.coordinates ? { crs: plan.coordinates.crs, order: plan.coordinates.order } : null,
    mode: 'append' as const, replaceExample: false, source: 'test.csv', personalData: plan.personalChoices,
  };
  const markInData = plan.bomLength > 0 && !dialect.header && dialect.skipLines === 0;
  if (plan.encoding === 'utf-8' && !markInData) {
    // As the browser does for a UTF-8 File: DuckDB reads the file as it is (BOM and all) while the pass scans it; a
    // file with bytes that are not UTF-8 is read again from the pass's marked copy.
    const file = join(dir, 'upload.csv');
    writeFileSync(file, bytes);
    const scan = scanBesideRead(() => readAndScan(blob, plan, scanOptions, undefined, undefined, { keepBytes: false }), async (copy) => {
      const marked = join(dir, 'marked.csv');
      writeFileSync(marked, copy);
      return marked;
    });
    return importCsv(runner, { ...request, fileName: file, scan, ...extra });
  }
  // Any other encoding: read from the converted copy, scanned first.
  const read = await readAndScan(blob, plan, scanOptions, undefined, undefined, { keepBytes: true });
  const file = join(dir, 'upload.csv');
  writeFileSync(file, read.utf8 ?? bytes);
  return importCsv(runner, { ...request, fileName: file, scan: read.scan, invalidUtf8Records: read.invalidUtf8Records, unicodeNormalize: read.unicodeNormalize, ...extra });
}
