// Rows that arrive as a table (Parquet via Arrow in the browser) go through the same checks and accounting.
// Here native DuckDB reads the Parquet file into the table the browser would fill from Arrow.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARROW_TABLE, RAW_IS_VIEW, textRows } from '../../src/data/import/csv-import.query';
import { planTable } from '../../src/data/import/csv-plan';
import { rowGroupChunks } from '../../src/data/import/parquet-chunks';
import { importCsv, importRows } from '../../src/data/import/import-csv';
import { scanRecords } from '../../src/data/import/csv-records';
import { readTableStage } from '../../src/data/import/csv-stage';
import { createSchemaRunner } from '../../scripts/node-runner';

describe('rows from a Parquet file', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());

  it('keep their types through the staging: timestamps, decimals, doubles', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pq-')), 'inc.parquet');
    await runner.exec(`COPY (SELECT 'P' || i AS id, TIMESTAMP '2026-03-01 10:00:00' + to_minutes(i::INTEGER) AS tidpunkt, CASE WHEN i % 2 = 0 THEN 'Stöld' ELSE 'Rån' END AS kategori,
      59.33 + i / 10000.0 AS lat, 18.06 AS lon FROM range(1, 101) t(i)) TO '${file}' (FORMAT parquet)`);
    // Two chunks appended to the typed staging table, as the browser decodes them: rows 1–60, then 61–100.
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT * FROM read_parquet('${file}') LIMIT 60`);
    const columns = ['id', 'tidpunkt', 'kategori', 'lat', 'lon'];
    const preview = await runner.rows<Record<string, string>>(textRows(ARROW_TABLE, columns) + ' LIMIT 50');
    await runner.exec(`INSERT INTO ${ARROW_TABLE} SELECT * REPLACE (CASE WHEN id = 'P75' THEN NULL ELSE kategori END AS kategori) FROM read_parquet('${file}') OFFSET 60`);
    const plan = planTable(columns, preview.map((r) => columns.map((c) => r[c])));
    expect(plan.mapping).toMatchObject({ id: 'id', date: 'tidpunkt', category: 'kategori', north: 'lat', east: 'lon' });
    expect(plan.coordinates).toMatchObject({ crs: 'EPSG:4326', ambiguous: false });
    const result = await importRows(
      runner,
      { target: 'incidents', columns: plan.mapping, decimal: plan.decimal, coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'inc.parquet' },
      () => readTableStage(runner, columns),
    );
    // Row 75 (in the second chunk) has no category: rejected with its row number, and its row as read is the
    // preview's text of each field.
    expect(result).toMatchObject({ rowsInFile: 100, imported: 99 });
    expect(result.rejected.map(({ line, reason, text }) => ({ line, reason, text }))).toEqual([{ line: 75, reason: 'missing-category', text: 'P75;2026-03-01 11:15:00;;59.3375;18.06' }]);
    const [first] = await runner.rows<{ t: string; lon: number; given: boolean }>(`SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') AS t, lon, time_given AS given FROM incidents WHERE id = 'P1'`);
    expect(first).toEqual({ t: '2026-03-01 10:01', lon: 18.06, given: true });
    // The staging is gone: the view and the typed rows under it.
    expect((await runner.rows<{ n: number }>(RAW_IS_VIEW))[0].n).toBe(0);
    expect(await runner.rows(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'import_%' AND temporary`)).toEqual([]);
  });

  it('a CSV read after a Parquet file (and a Parquet file after a CSV) finds no staging of the other kind in its way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-pq-'));
    const csv = join(dir, 'a.csv');
    await runner.exec(`COPY (SELECT DATE '2026-03-01' AS datum, 'Rån' AS kategori) TO '${csv}' (HEADER, DELIMITER ',')`);
    const request = { target: 'incidents' as const, columns: { date: 'datum', category: 'kategori' }, decimal: '.' as const, coordinates: null, mode: 'append' as const, replaceExample: false };
    const parquet = async (source: string) => {
      await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT DATE '2026-03-02' AS datum, 'Stöld' AS kategori`);
      return importRows(runner, { ...request, source }, () => readTableStage(runner, ['datum', 'kategori']));
    };
    // A Parquet import that fails after its view was made leaves the view: the next import still starts.
    await expect(importRows(runner, { ...request, source: 'bad.parquet' }, async () => {
      await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT DATE '2026-03-02' AS datum, 'Stöld' AS kategori`);
      await readTableStage(runner, ['datum', 'kategori']);
      throw new Error('broken half-way');
    })).rejects.toThrow('broken half-way');
    const dialect = { delimiter: ',', quote: '"', header: true, skipLines: 0, columns: ['datum', 'kategori'] };
    const csvImport = () => importCsv(runner, { ...request, source: 'a.csv', fileName: csv, dialect, scan: scanRecords(readFileSync(csv), dialect) });
    expect(await csvImport()).toMatchObject({ imported: 1 });
    expect(await parquet('b.parquet')).toMatchObject({ imported: 1 });
    expect(await csvImport()).toMatchObject({ imported: 0 });
    const rows = await runner.rows<{ d: string; given: boolean }>(`SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') AS d, time_given AS given FROM incidents ORDER BY occurred_at`);
    // A DATE column is a day without a time of day, from either file.
    expect(rows).toEqual([{ d: '2026-03-01 00:00', given: false }, { d: '2026-03-02 00:00', given: false }]);
  });

  it('numbers rows in file order when the file has a column named rowid (which hides DuckDB\'s row id)', async () => {
    // "rowid" counts down and "ROWID_" is taken too: the rename must find a free name, and the report keep both.
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT 100 - i AS rowid, 'x' AS "ROWID_", TIMESTAMP '2026-03-01 10:00' AS tid,
      CASE WHEN i = 3 THEN NULL ELSE 'Stöld' END AS kategori FROM range(1, 6) t(i)`);
    const columns = ['rowid', 'ROWID_', 'tid', 'kategori'];
    const result = await importRows(
      runner,
      { target: 'incidents', columns: { id: 'rowid', date: 'tid', category: 'kategori' }, decimal: '.', coordinates: null, mode: 'append', replaceExample: false, source: 'r.parquet' },
      () => readTableStage(runner, columns),
    );
    expect(result).toMatchObject({ rowsInFile: 5, imported: 4 });
    expect(result.rejected.map(({ line, reason, text }) => ({ line, reason, text }))).toEqual([{ line: 3, reason: 'missing-category', text: '97;x;2026-03-01 10:00:00;' }]);
    expect((await runner.rows<{ id: string }>('SELECT id FROM incidents ORDER BY id')).map((r) => r.id)).toEqual(['95', '96', '98', '99']);
  });

  it('refuses rows whose numbers do not follow the order they arrived in', async () => {
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT DATE '2026-03-02' AS datum, 'Stöld' AS kategori FROM range(3)`);
    await runner.exec(`DELETE FROM ${ARROW_TABLE} WHERE rowid = 1`);
    await expect(readTableStage(runner, ['datum', 'kategori'])).rejects.toThrow(/file order/);
  });

  it('are scanned for personnummer like a CSV, and masked by default', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pq-')), 'pnr.parquet');
    await runner.exec(`COPY (SELECT * FROM (VALUES (TIMESTAMP '2026-03-01 10:00', 'Hot', 'Anmälare 19900101-0017 hotad'), (TIMESTAMP '2026-03-02 11:00', 'Stöld', 'Inget')) t(tid, kategori, beskrivning)) TO '${file}' (FORMAT parquet)`);
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT * FROM read_parquet('${file}')`);
    const columns = ['tid', 'kategori', 'beskrivning'];
    const result = await importRows(
      runner,
      { target: 'incidents', columns: { date: 'tid', category: 'kategori', description: 'beskrivning' }, decimal: '.', coordinates: null, mode: 'append', replaceExample: false, source: 'pnr.parquet' },
      () => readTableStage(runner, columns),
    );
    expect(result.personalData).toEqual([{ column: 'beskrivning', found: 1, action: 'mask' }]);
    const rows = await runner.rows<{ description: string }>('SELECT description FROM incidents ORDER BY occurred_at');
    expect(rows[0].description).toBe('Anmälare [personnummer] hotad');
  });
});

describe('Parquet row groups read a chunk at a time', () => {
  it('keeps the groups in file order, each chunk within the row limit unless one group alone is larger', async () => {
    expect(rowGroupChunks([100, 100, 100, 100, 100], 250)).toEqual([[0, 1], [2, 3], [4]]);
    expect(rowGroupChunks([400, 100, 100], 250)).toEqual([[0], [1, 2]]);
    expect(rowGroupChunks([100, 400, 100], 250)).toEqual([[0], [1], [2]]);
    expect(rowGroupChunks([250, 250], 250)).toEqual([[0], [1]]);
    expect(rowGroupChunks([], 250)).toEqual([]);
    const sizes = Array.from({ length: 97 }, (_, i) => 1 + ((i * 7919) % 130));
    const chunks = rowGroupChunks(sizes, 250);
    expect(chunks.flat()).toEqual(sizes.map((_, i) => i));
    for (const c of chunks) if (c.length > 1) expect(c.reduce((s, i) => s + sizes[i], 0)).toBeLessThanOrEqual(250);
  });
});
