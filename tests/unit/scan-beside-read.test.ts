// A UTF-8 file's import runs the page's pass over the file (record scan, UTF-8 check) beside DuckDB's own read of it
// (csv-stage.ts readCsvStage, read-file.ts scanBesideRead): the read must be sent first, a cancel during the pass
// must leave nothing loaded and no staging behind, a marked copy named by the pass is what gets read, and the result
// is the same as with the scan done first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv, type CsvImportRequest } from '../../src/data/import/import-csv';
import { scanRecords } from '../../src/data/import/csv-records';
import { ImportCancelledError, readAndScan, scanBesideRead, type ScannedText } from '../../src/data/import/read-file';
import { createSchemaRunner } from '../../scripts/node-runner';

const DIALECT = { delimiter: ';', quote: '"', header: true, skipLines: 0 };
const HEADER = 'Id;Datum;Brottstyp;N;E';
const encode = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n');
const ROWS = ['a1;2026-03-02 10:00;Stöld;59,33;18,06', 'a2;2026-03-03;Skadegörelse;59,34;18,07', 'a3;inte ett datum;Stöld;;', 'a4;2026-03-04;;59,3;18,0'];

function writeTemp(bytes: Uint8Array, name = 'file.csv'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lagesbild-beside-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** The page's pass over a UTF-8 file as the app runs it beside DuckDB's read; a copy it makes is written as `copyName`. */
function passWithCopy(bytes: Uint8Array<ArrayBuffer>, copyName: string) {
  return scanBesideRead(
    () => readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 0 }, DIALECT, undefined, undefined, { keepBytes: false }),
    async (copy) => writeTemp(copy, copyName),
  );
}

function request(fileName: string, scan: CsvImportRequest['scan']): CsvImportRequest {
  return {
    fileName, scan, dialect: { ...DIALECT, columns: HEADER.split(';') }, target: 'incidents',
    columns: { id: 'Id', date: 'Datum', category: 'Brottstyp', north: 'N', east: 'E' }, decimal: ',',
    coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'test',
  };
}

describe('the page scans a UTF-8 file while DuckDB reads it', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => { runner = await createSchemaRunner(); });
  afterEach(() => runner.close());

  const incidents = async () => (await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0].n;

  it('sends DuckDB its read before the pass starts, and accounts for every row as the scan-first path does', async () => {
    const bytes = encode(ROWS);
    const file = writeTemp(bytes);
    const sent: string[] = [];
    const exec = runner.exec.bind(runner);
    runner.exec = (sql: string) => {
      sent.push(sql.trim().slice(0, 30));
      return exec(sql);
    };
    const pass = scanBesideRead(async () => {
      sent.push('pass');
      return readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 0 }, DIALECT, undefined, undefined, { keepBytes: false });
    }, async () => { throw new Error('valid UTF-8: no copy'); });
    const beside = await importCsv(runner, request(file, pass));
    expect(sent.indexOf('pass')).toBeGreaterThan(sent.findIndex((s) => s.startsWith('CREATE TEMP TABLE import_raw')));
    expect(sent.findIndex((s) => s.startsWith('CREATE TEMP TABLE import_raw'))).toBeGreaterThanOrEqual(0);

    const other = await createSchemaRunner();
    try {
      const first = await importCsv(other, request(file, scanRecords(bytes, DIALECT)));
      expect({ ...beside, importId: '' }).toEqual({ ...first, importId: '' });
    } finally {
      other.close();
    }
    expect(beside.imported).toBe(2);
    expect(beside.rejected.map((r) => [r.line, r.reason])).toEqual([[4, 'bad-date'], [5, 'missing-category']]);
  });

  it('a cancel during the pass waits for the read, then leaves nothing loaded and no staging table', async () => {
    const file = writeTemp(encode(ROWS));
    let readSent = false;
    const exec = runner.exec.bind(runner);
    runner.exec = (sql: string) => {
      if (sql.includes('CREATE TEMP TABLE import_raw')) readSent = true;
      return exec(sql);
    };
    const cancelled = async (): Promise<ScannedText> => { throw new ImportCancelledError(); };
    await expect(importCsv(runner, request(file, cancelled))).rejects.toBeInstanceOf(ImportCancelledError);
    expect(readSent).toBe(true);
    expect(await incidents()).toBe(0);
    const staging = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary`);
    expect(staging[0].n).toBe(0);
  });

  it('reads the marked copy a pass names instead of the file, and rejects the rows it marked', async () => {
    // The file on disk is what DuckDB starts to read; the pass finds bytes that are not UTF-8 on line 3 and names a
    // copy with them replaced: the import must be the copy's, not a mix.
    const original = new Uint8Array([...encode(ROWS.slice(0, 1)), ...new TextEncoder().encode('a9;2026-03-05;St'), 0xff, ...new TextEncoder().encode('ld;59,3;18,0\n')]);
    const result = await importCsv(runner, request(writeTemp(original), passWithCopy(original, 'marked.csv')));
    expect(result.rowsInFile).toBe(2);
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'invalid-encoding']]);
    expect(await incidents()).toBe(1);
  });

  // Every pair of line-end kinds, in either order, with blank lines, a quoted break and bytes that are not UTF-8 beside
  // them: DuckDB's reader stopped with "The CSV Parser state machine reached an invalid state" on each (a tester's
  // file pieced together from a Windows and a Unix export). Read from a copy with one kind; lines keep their numbers.
  const ENDS = { LF: '\n', CRLF: '\r\n', CR: '\r' };
  const pairs = Object.entries(ENDS).flatMap(([a, x]) => Object.entries(ENDS).filter(([b]) => b !== a).map(([b, y]) => [`${a} then ${b}`, x, y] as const));
  it.each(pairs)('reads a file whose lines end in two ways (%s), with every row where it was', async (_name, first, second) => {
    const text = [HEADER, ROWS[0], ROWS[1]].join(first) + first + [ROWS[2], '', '"a5";2026-03-06;"Två' + first + 'rader";;', ROWS[3]].join(second) + second;
    const bytes = new TextEncoder().encode(text);
    expect(scanRecords(bytes, DIALECT).mixedLineEnds).toBe(true);
    const result = await importCsv(runner, request(writeTemp(bytes), passWithCopy(bytes, 'unified.csv')));
    expect(result.rowsInFile).toBe(5);
    expect(result.imported).toBe(3);
    expect(result.rejected.map((r) => [r.line, r.reason, r.text])).toEqual([[4, 'bad-date', ROWS[2]], [8, 'missing-category', ROWS[3]]]);
    const stored = await runner.rows<{ category: string }>(`SELECT category FROM incidents WHERE id = 'a5'`);
    expect(stored).toEqual([{ category: 'Två\nrader' }]);
  });

  it('reads a Windows-1252 file with mixed line ends from its transcoded copy, unified', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(HEADER + '\r\n' + ROWS[0] + '\n' + 'a8;2026-03-07;R'), 0xe5, ...new TextEncoder().encode('n;;\r\n')]);
    const read = await readAndScan(new Blob([bytes]), { encoding: 'windows-1252', bomLength: 0 }, DIALECT);
    expect(read.scan.mixedLineEnds).toBe(true);
    const result = await importCsv(runner, request(writeTemp(read.utf8!), read.scan));
    expect(result.imported).toBe(2);
    expect((await runner.rows<{ category: string }>(`SELECT category FROM incidents WHERE id = 'a8'`))[0].category).toBe('Rån');
  });

  it('leaves a file with one kind of line end, and breaks of another kind inside quotes (Excel), as it is', async () => {
    const excel = new TextEncoder().encode([HEADER, ROWS[0], '"a6";2026-03-08;"Två\nrader";;'].join('\r\n') + '\r\n');
    expect(scanRecords(excel, DIALECT).mixedLineEnds).toBe(false);
    const read = await readAndScan(new Blob([excel]), { encoding: 'utf-8', bomLength: 0 }, DIALECT, undefined, undefined, { keepBytes: false });
    expect(read.utf8).toBeNull();
  });
});
