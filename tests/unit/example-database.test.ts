// The ready example database (scripts/example-database.ts) that a first visit copies from must hold exactly what
// loading the example's files in the app gives: every row, every derived column (grid cell, record key, areas).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaRunner } from '../../scripts/node-runner';
import { writeExampleDatabase } from '../../scripts/example-database';
import { copyReadyExample } from '../../src/data/example-load';
import { createExampleDatabase } from './support/example-database';

describe('the ready example database', () => {
  let loaded: Awaited<ReturnType<typeof createExampleDatabase>>;
  let copied: Awaited<ReturnType<typeof createSchemaRunner>>;

  beforeAll(async () => {
    loaded = await createExampleDatabase();
    const file = await writeExampleDatabase(join(loaded.root, 'exempelkommun'));
    copied = await createSchemaRunner();
    // Something to replace: the copy clears the tables first, like loading the example does.
    await copied.exec(`INSERT INTO areas (name, kind, population, geometry, min_lon, min_lat, max_lon, max_lat, source) VALUES ('Gammalt', 'stadsdel', 1, '{}', 0, 0, 0, 0, 'x')`);
    await copyReadyExample(copied, file);
  }, 120_000);
  afterAll(() => {
    copied?.close();
    loaded?.runner.close();
    if (loaded) rmSync(loaded.root, { recursive: true, force: true });
  });

  const rows = (runner: typeof copied, sql: string) => runner.rows<Record<string, unknown>>(sql);

  it.each([
    ['incidents', 'row_key'],
    ['interventions', 'row_key'],
    ['areas', 'kind, name'],
    ['goals', 'id'],
  ])('copies %s row for row, derived columns included', async (table, order) => {
    const expected = await rows(loaded.runner, `SELECT * FROM ${table} ORDER BY ${order}`);
    const actual = await rows(copied, `SELECT * FROM ${table} ORDER BY ${order}`);
    expect(actual.length).toBe(expected.length);
    expect(actual.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it('has every derived column filled, so the first start has nothing left to compute', async () => {
    const [missing] = await rows(copied, `SELECT count(*) FILTER (WHERE record_key IS NULL) AS keys, count(*) FILTER (WHERE area_names IS NULL) AS areas,
      count(*) FILTER (WHERE lat IS NOT NULL AND grid_e IS NULL) AS grid FROM incidents`);
    expect(missing).toEqual({ keys: 0, areas: 0, grid: 0 });
  });

  it('carries the metadata, with the time of this copy as the time it was loaded', async () => {
    const meta = Object.fromEntries((await rows(copied, 'SELECT key, value FROM app_meta')).map((r) => [r.key, r.value]));
    const reference = Object.fromEntries((await rows(loaded.runner, 'SELECT key, value FROM app_meta')).map((r) => [r.key, r.value]));
    expect(meta.dataset).toBe('example');
    expect(meta.area_assignment_signature).toBe(reference.area_assignment_signature);
    expect(Date.now() - Date.parse(String(meta.loaded_at))).toBeLessThan(60_000);
  });
});
