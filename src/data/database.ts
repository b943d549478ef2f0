// The database as the app sees it: the engine started, the canonical tables in place, the example loaded
// on first start, and the coordinator every view queries through.
import type { Coordinator } from '@uwdata/mosaic-core';
import { removeBasemapFile } from './basemap-file';
import { createCoordinator, refreshAfterDataChange } from './coordinator';
import { coordinatorReader, type RowReader } from './row-reader';
import { fillDerivedColumns } from './derived-columns';
import { type Engine, removeStoredDatabase, reportIfFatal, startEngine } from './engine';
import { EXAMPLE_URLS } from './example-assets';
import { copyReadyExample, loadExample } from './example-load';
import { CREATE_TABLES, READ_META, SCHEMA_VERSION, TABLE_COUNTS, WRITE_META, type TableName } from './schema.query';
import type { GoalDefinition } from './tables';
import type { FeatureCollection } from './area-features';
import { clearStoredSettings } from './settings-store';
import { listSources, type SourceCount } from './import-history';
import { afterViewsSettle } from './query-activity';

export type StartPhase = 'starting' | 'loading-example';

export interface Database extends Engine {
  coordinator: Coordinator;
  /** One-off reads through the coordinator (queued, cached, counted as pending): the only read path outside src/data. */
  reader: RowReader;
  meta: Record<string, string>;
  counts: Record<TableName, number>;
  /** The key sum of each table's rows (0 for areas and goals): public view shows a table's count with its noise. */
  countKeys: Record<TableName, number>;
  /** Every source in the event tables with its counts (the source filter's choices). */
  sources: SourceCount[];
  /** Re-read counts and metadata and re-query every view (after an import, say). */
  refresh(): Promise<Database>;
  /** Replace everything with the example again. */
  reloadExample(): Promise<Database>;
  /** Write small changes (an assessment) to the stored file now, without re-querying the views. */
  persist(): Promise<void>;
  /** Remove every trace from this browser: database file, settings, mappings. Ends with a page reload. */
  clearAll(): Promise<void>;
}

async function readState(engine: Engine) {
  const rows = await engine.runner.rows<{ name: TableName; row_count: number; key: number }>(TABLE_COUNTS);
  const counts = Object.fromEntries(rows.map((r) => [r.name, r.row_count])) as Record<TableName, number>;
  const countKeys = Object.fromEntries(rows.map((r) => [r.name, Number(r.key)])) as Record<TableName, number>;
  const meta = Object.fromEntries((await engine.runner.rows<{ key: string; value: string }>(READ_META)).map((r) => [r.key, r.value]));
  const sources = await listSources(engine.runner);
  return { counts, countKeys, meta, sources };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The example into the canonical tables: copied from its ready database file (built with the same loader at build
 * time, derived columns and all), or — when that file can't be had or read — loaded from its CSV files here.
 */
async function loadEmbeddedExample(engine: Engine, { checkpointNow = true } = {}): Promise<void> {
  const start = performance.now();
  try {
    const databaseFile = 'exempelkommun.duckdb';
    await engine.db.registerFileBuffer(databaseFile, await fetchBytes(EXAMPLE_URLS.database));
    try {
      await copyReadyExample(engine.runner, databaseFile);
    } finally {
      await engine.db.dropFile(databaseFile);
    }
    performance.measure('lagesbild:example-copied', { start });
  } catch (error) {
    console.warn('The ready example database could not be used; loading the example files instead', error);
    await importExampleFiles(engine);
  }
  if (checkpointNow) await checkpoint(engine);
}

async function importExampleFiles(engine: Engine): Promise<void> {
  const [incidents, interventions, areas, goals] = await Promise.all([
    fetchBytes(EXAMPLE_URLS.incidents),
    fetchBytes(EXAMPLE_URLS.interventions),
    fetch(EXAMPLE_URLS.areas).then((r) => r.json() as Promise<FeatureCollection>),
    fetch(EXAMPLE_URLS.goals).then((r) => r.json() as Promise<GoalDefinition[]>),
  ]);
  const incidentsFile = 'exempelkommun-incidents.csv';
  const interventionsFile = 'exempelkommun-interventions.csv';
  await engine.db.registerFileBuffer(incidentsFile, incidents);
  await engine.db.registerFileBuffer(interventionsFile, interventions);
  try {
    await loadExample(engine.runner, { incidentsFile, interventionsFile, areas, goals });
  } finally {
    await engine.db.dropFiles();
  }
}

/** Write the WAL into the database file so a reload finds the data even if the tab dies right after. */
async function checkpoint(engine: Engine): Promise<void> {
  if (engine.storage === 'opfs') {
    await engine.runner.exec('CHECKPOINT');
  }
}

export async function openDatabase(onPhase: (phase: StartPhase) => void = () => {}): Promise<Database> {
  onPhase('starting');
  const engine = await startEngine();
  await engine.runner.exec(CREATE_TABLES);
  let state = await readState(engine);
  if (!state.meta.dataset) {
    onPhase('loading-example');
    await loadEmbeddedExample(engine, { checkpointNow: false });
    await engine.runner.run(WRITE_META, ['schema_version', SCHEMA_VERSION]);
    // The example is committed; writing it into the stored file (0.2–0.45 s here) waits until the first views have
    // their answers, so the first visit's Översikt does not wait behind it. A tab closed before then finds no
    // example on its next visit and copies it again (the stored file is whole at its last checkpoint either way).
    void afterViewsSettle().then(() => checkpoint(engine)).catch((error) => console.warn('The first checkpoint failed; the next write retries it', error));
    state = await readState(engine);
  }
  // Kept on disk at once: without a checkpoint here the next visit found them missing and filled them again (~0.7 s
  // on every start).
  if (await fillDerivedColumns(engine.runner)) {
    await checkpoint(engine);
    state = await readState(engine); // with the record keys just filled (nothing to re-read on most starts: ~0.2 s)
  }
  const coordinator = createCoordinator(engine.db, engine.connection, (error) => reportIfFatal(error, engine.fatalErrors));
  const reader = coordinatorReader(coordinator);
  // Pre-aggregates from an earlier visit may describe data that has changed since.
  await coordinator.preaggregator.dropSchema();

  const make = (s: typeof state): Database => {
    const database: Database = {
      ...engine,
      coordinator,
      reader,
      ...s,
      async refresh() {
        await fillDerivedColumns(engine.runner);
        await checkpoint(engine);
        await refreshAfterDataChange(coordinator);
        return make(await readState(engine));
      },
      persist: () => checkpoint(engine),
      async reloadExample() {
        await loadEmbeddedExample(engine);
        return database.refresh();
      },
      async clearAll() {
        await engine.db.terminate().catch(() => undefined);
        engine.worker.terminate();
        await removeStoredDatabase();
        await removeBasemapFile();
        clearStoredSettings();
        location.reload();
      },
    };
    return database;
  };
  return make(state);
}
