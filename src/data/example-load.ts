// Loads Exempelkommun into the canonical tables in one transaction: either all of it lands or none.
import { areaRowsFromGeoJson, type FeatureCollection } from './area-features';
import { INSERT_AREA } from './areas.query';
import { CLEAR_TABLES, EXAMPLE_OUTCOME_COLUMNS, insertExampleIncidents, insertExampleInterventions } from './example.query';
import { insertGoals } from './goals-table';
import { WRITE_META, addOutcomeColumns } from './schema.query';
import { inTransaction, type SqlRunner } from './sql-runner';
import { placeInAreas } from './area-assignment';
import type { GoalDefinition } from './tables';

export const EXAMPLE_SOURCE = 'Exempelkommun (påhittad)';

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
