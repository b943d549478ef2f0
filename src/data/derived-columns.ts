// Columns the app derives from imported ones, filled after every data change (only where still empty, so
// a refresh after a goals edit costs one cheap scan).
import { assignAreas } from './area-assignment';
import { fillGridCoordinates } from './grid.query';
import type { SqlRunner } from './sql-runner';

export async function fillDerivedColumns(runner: SqlRunner): Promise<void> {
  await runner.exec(fillGridCoordinates('incidents'));
  await runner.exec(fillGridCoordinates('interventions'));
  // Points without an area of their own get the imported area that contains them.
  await assignAreas(runner);
}
