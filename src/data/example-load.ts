// Loads Exempelkommun into the canonical tables in one transaction: either all of it lands or none.
import { areaRowsFromGeoJson, type FeatureCollection } from './area-features';
import { INSERT_AREA } from './areas.query';
import {
  CLEAR_TABLES, EXAMPLE_OUTCOME_COLUMNS, READY_EXAMPLE_TABLES, attachReadyExample, copyReadyExampleMeta, copyReadyExampleTable, detachReadyExample,
  insertExampleIncidents, insertExampleInterventions,
} from './example.query';
import { insertGoals } from './goals-table';
import { WRITE_META, addOutcomeColumns } from './schema.query';
import { inTransaction, type SqlRunner } from './sql-runner';
import { placeInAreas } from './area-assignment';
import type { GoalDefinition } from './tables';

import { EXAMPLE_SOURCE } from '../lib/source-label';

export { EXAMPLE_SOURCE };

export interface ExampleInput {
  /** Names under which the runner can read the two canonical CSV files. */
  incidentsFile: string;
  interventionsFile: string;
  areas: FeatureCollection;
  goals: GoalDefinition[];
}

export async function loadExample(runner: SqlRunner, input: ExampleInput): Promise<void> {
  await inTransaction(runner, async () => {
    await runner.exec(CLEAR_TABLES);
    await runner.exec(addOutcomeColumns(EXAMPLE_OUTCOME_COLUMNS));
    await runner.exec(insertExampleIncidents(input.incidentsFile));
    await runner.exec(insertExampleInterventions(input.interventionsFile));
    for (const a of areaRowsFromGeoJson(input.areas, EXAMPLE_SOURCE).rows) {
      await runner.run(INSERT_AREA, [a.name, a.kind, a.population, a.geometry, a.min_lon, a.min_lat, a.max_lon, a.max_lat, a.source, null]);
    }
    await insertGoals(runner, input.goals);
    await runner.run(WRITE_META, ['dataset', 'example']);
    await runner.run(WRITE_META, ['loaded_at', new Date().toISOString()]);
    await placeInAreas(runner);
  });
}

const READY_SCHEMA = 'ready_example';

/**
 * Copies the example from its ready database file (scripts/example-database.ts built it with loadExample above and
 * the derived columns), registered with the engine under `fileName`: the same rows without the import, the area
 * placement and the grid (~0.1 s instead of ~2 s in the browser). One transaction; throws what DuckDB throws (a
 * file it cannot read, say) with nothing changed — the caller then loads the CSV files with loadExample.
 */
export async function copyReadyExample(runner: SqlRunner, fileName: string): Promise<void> {
  await runner.exec(attachReadyExample(fileName, READY_SCHEMA));
  try {
    await inTransaction(runner, async () => {
      await runner.exec(CLEAR_TABLES);
      await runner.exec(addOutcomeColumns(EXAMPLE_OUTCOME_COLUMNS));
      for (const table of READY_EXAMPLE_TABLES) await runner.exec(copyReadyExampleTable(READY_SCHEMA, table));
      await runner.exec(copyReadyExampleMeta(READY_SCHEMA));
      await runner.run(WRITE_META, ['loaded_at', new Date().toISOString()]);
    });
  } finally {
    await runner.exec(detachReadyExample(READY_SCHEMA));
  }
}
