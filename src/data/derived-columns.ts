// Columns the app derives from imported ones, filled after every data change (only where still empty, so
// a refresh after a goals edit costs one cheap scan).
import { assignAreas } from './area-assignment';
import { fillGridCoordinates, GRID_ROUNDED_KEY, gridCoordinatesNeeded, roundGridCoordinates } from './grid.query';
import { WRITE_META } from './schema.query';
import { FILL_PLACE_OR_BLANK, PLACE_OR_BLANK_NEEDED } from './place-or-blank.query';
import { recordKeySalt } from './record-key-salt';
import { KEYED_TABLES, fillRecordKeys, recordKeysNeeded } from './record-keys.query';
import type { SqlRunner } from './sql-runner';

/** Returns whether anything was written (the start-up then checkpoints, so the next visit does not redo it). */
export async function fillDerivedColumns(runner: SqlRunner): Promise<boolean> {
  let changed = false;
  for (const table of ['incidents', 'interventions'] as const) {
    const [{ needed }] = await runner.rows<{ needed: boolean }>(gridCoordinatesNeeded(table));
    if (needed) { await runner.exec(fillGridCoordinates(table)); changed = true; }
  }
  // Once per database: metres an earlier version stored unrounded (grid.query.ts says why they are rounded).
  const rounded = await runner.rows<{ value: string }>(`SELECT value FROM app_meta WHERE key = ?`, [GRID_ROUNDED_KEY]);
  if (rounded.length === 0) {
    for (const table of ['incidents', 'interventions'] as const) await runner.exec(roundGridCoordinates(table));
    await runner.run(WRITE_META, [GRID_ROUNDED_KEY, '1']);
    changed = true;
  }
  // Public view's noise needs a record key on every row (lib/disclosure/cell-key.ts).
  for (const table of KEYED_TABLES) {
    const [{ needed }] = await runner.rows<{ needed: boolean }>(recordKeysNeeded(table));
    if (needed) { await runner.run(fillRecordKeys(table), [recordKeySalt()]); changed = true; }
  }
  // The place without NULLs, for the queries that read it often (place-or-blank.query.ts).
  const [{ needed: blanks }] = await runner.rows<{ needed: boolean }>(PLACE_OR_BLANK_NEEDED);
  if (blanks) { await runner.exec(FILL_PLACE_OR_BLANK); changed = true; }
  // Rows not placed in the areas yet (a database from an earlier version, or an interrupted run).
  const placed = await assignAreas(runner);
  return changed || placed.placed > 0;
}
