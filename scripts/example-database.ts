// The example as a ready database file: loaded at build time with the app's own loader (src/data/example-load.ts,
// area placement, derived columns) into native DuckDB, and shipped beside the app. A first visit copies it into the
// browser's database (copyReadyExample in src/data/example-load.ts) instead of importing the CSVs there — the import, area
// placement and checkpoints took ~2–3 s of a ~5 s first start (docs/benchmark.md).
//
// Native DuckDB (@duckdb/node-api 1.5) writes files in its default storage compatibility (v1.0 and later), which
// DuckDB-wasm 1.32 (DuckDB 1.4.3) opens; tests/e2e/start.test.ts opens the built file in the browser.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { fillDerivedColumns } from '../src/data/derived-columns';
import { loadExample } from '../src/data/example-load';
import { SCHEMA_VERSION, WRITE_META } from '../src/data/schema.query';
import { createSchemaRunner } from './node-runner';

/** Where `npm run example` leaves Exempelkommun's files, and where the database file is written beside them. */
export const EXAMPLE_DIR = 'data/exempelkommun';
export const EXAMPLE_DATABASE = 'example.duckdb';

/**
 * Writes `${dir}/example.duckdb` from the example files in `dir` (incidents.csv, interventions.csv, areas.geojson,
 * goals.json): the canonical tables, the example loaded as a first visit would load it, derived columns filled,
 * checkpointed into one file (no WAL). Written under a temporary name and renamed, so a failed run leaves no file.
 * Throws when a file is missing or the load fails.
 */
export async function writeExampleDatabase(dir: string): Promise<string> {
  const out = join(dir, EXAMPLE_DATABASE);
  const temporary = `${out}.tmp`;
  rmSync(temporary, { force: true });
  rmSync(`${temporary}.wal`, { force: true });
  const runner = await createSchemaRunner(temporary);
  try {
    await loadExample(runner, {
      incidentsFile: join(dir, 'incidents.csv'),
      interventionsFile: join(dir, 'interventions.csv'),
      areas: JSON.parse(readFileSync(join(dir, 'areas.geojson'), 'utf8')),
      goals: JSON.parse(readFileSync(join(dir, 'goals.json'), 'utf8')),
    });
    await runner.run(WRITE_META, ['schema_version', SCHEMA_VERSION]);
    await fillDerivedColumns(runner);
    await runner.exec('CHECKPOINT');
  } finally {
    runner.close();
  }
  renameSync(temporary, out);
  return out;
}

/** Vite plugin: the example database is written before Vite resolves `example.duckdb?url` (dev server and build). */
export function exampleDatabase(root: string): Plugin {
  return {
    name: 'lagesbild-example-database',
    async buildStart() {
      const dir = join(root, EXAMPLE_DIR);
      if (!existsSync(join(dir, 'incidents.csv'))) throw new Error(`${dir}: no example files (run npm run example first)`);
      await writeExampleDatabase(dir);
    },
  };
}
