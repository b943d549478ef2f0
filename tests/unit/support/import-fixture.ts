// Runs a CSV through the importer exactly as the app does after the user confirms the preview:
// transcode to UTF-8, scan records, import with DuckDB.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanRecords } from '../../../src/data/import/csv-records';
import type { CsvDialect } from '../../../src/data/import/csv-import.query';
import { importCsv, type CsvImportRequest } from '../../../src/data/import/import-csv';
import type { SqlRunner } from '../../../src/data/sql-runner';
import { decodeText, detectEncoding } from '../../../src/lib/parsing/text-encoding';

export async function importBytes(
  runner: SqlRunner,
  bytes: Uint8Array,
  dialect: Omit<CsvDialect, 'columns'> & { columns?: string[] },
  request: Omit<CsvImportRequest, 'fileName' | 'scan' | 'dialect'>,
) {
  const text = decodeText(bytes, detectEncoding(bytes));
  const utf8 = new TextEncoder().encode(text);
  const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-import-')), 'upload.csv');
  writeFileSync(file, utf8);
  const scan = scanRecords(utf8, { delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header, skipLines: dialect.skipLines });
  const columns = dialect.columns ?? text.split(/\r?\n/, 1)[0].split(dialect.delimiter);
  return importCsv(runner, { ...request, fileName: file, scan, dialect: { ...dialect, columns } });
}
