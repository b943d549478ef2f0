// Rows that arrive as a table (Parquet via Arrow in the browser) go through the same checks and accounting.
// Here native DuckDB reads the Parquet file into the table the browser would fill from Arrow.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARROW_TABLE, stageTableChunk, textRows } from '../../src/data/import/csv-import.query';
import { planTable } from '../../src/data/import/csv-plan';
import { rowGroupChunks } from '../../src/data/import/parquet-chunks';
import { importRows } from '../../src/data/import/import-csv';
import { readTableStage } from '../../src/data/import/csv-stage';
import { createSchemaRunner } from '../../scripts/node-runner';

describe('rows from a Parquet file', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());

  it('keep their types through the text staging: timestamps, decimals, doubles', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pq-')), 'inc.parquet');
    await runner.exec(`COPY (SELECT 'P' || i AS id, TIMESTAMP '2026-03-01 10:00:00' + to_minutes(i::INTEGER) AS tidpunkt, CASE WHEN i % 2 = 0 THEN 'Stöld' ELSE 'Rån' END AS kategori,
      59.33 + i / 10000.0 AS lat, 18.06 AS lon FROM range(1, 101) t(i)) TO '${file}' (FORMAT parquet)`);
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT * FROM read_parquet('${file}') LIMIT 60`);
    const columns = ['id', 'tidpunkt', 'kategori', 'lat', 'lon'];
    const preview = await runner.rows<Record<string, string>>(textRows(ARROW_TABLE, columns) + ' LIMIT 50');
    // Two chunks, as the browser decodes them: rows 1–60, then 61–100 (numbered on from the first chunk).
    await runner.exec(stageTableChunk(columns, 1));
    expect((await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ARROW_TABLE}`))[0].n).toBe(0);
    await runner.exec(`INSERT INTO ${ARROW_TABLE} SELECT * REPLACE (CASE WHEN id = 'P75' THEN NULL ELSE kategori END AS kategori) FROM read_parquet('${file}') OFFSET 60`);
    await runner.exec(stageTableChunk(columns, 61));
    const plan = planTable(columns, preview.map((r) => columns.map((c) => r[c])));
    expect(plan.mapping).toMatchObject({ id: 'id', date: 'tidpunkt', category: 'kategori', north: 'lat', east: 'lon' });
    expect(plan.coordinates).toMatchObject({ crs: 'EPSG:4326', ambiguous: false });
    const result = await importRows(
      runner,
      { target: 'incidents', columns: plan.mapping, decimal: plan.decimal, coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'inc.parquet' },
      () => readTableStage(runner, columns),
    );
    // Row 75 (in the second chunk) has no category: rejected with its row number.
    expect(result).toMatchObject({ rowsInFile: 100, imported: 99 });
    expect(result.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([{ line: 75, reason: 'missing-category' }]);
    const [first] = await runner.rows<{ t: string; lon: number }>(`SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') AS t, lon FROM incidents WHERE id = 'P1'`);
    expect(first).toEqual({ t: '2026-03-01 10:01', lon: 18.06 });
  });

  it('are scanned for personnummer like a CSV, and masked by default', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pq-')), 'pnr.parquet');
    await runner.exec(`COPY (SELECT * FROM (VALUES (TIMESTAMP '2026-03-01 10:00', 'Hot', 'Anmälare 19900101-0017 hotad'), (TIMESTAMP '2026-03-02 11:00', 'Stöld', 'Inget')) t(tid, kategori, beskrivning)) TO '${file}' (FORMAT parquet)`);
    await runner.exec(`CREATE TEMP TABLE ${ARROW_TABLE} AS SELECT * FROM read_parquet('${file}')`);
    const columns = ['tid', 'kategori', 'beskrivning'];
    await runner.exec(stageTableChunk(columns, 1));
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
