// The import history as the Importera page reads it, and undoing one import: in one transaction, delete the rows
// it added (incidents, interventions, areas) and its history row — nothing else. The derived columns (area
// assignment, which depends on the areas) are refreshed by the caller's database.refresh() afterwards.
import { COUNT_IMPORT_ROWS, LIST_IMPORTS, SOURCES, UNDO_IMPORT } from './import-history.query';
import type { RowReader } from './row-reader';
import { inTransaction, type SqlRunner } from './sql-runner';

export interface ImportHistoryRow {
  id: string;
  file_name: string;
  /** Local time, `YYYY-MM-DD HH:MM`. */
  imported_at: string;
  source: string;
  target: 'incidents' | 'interventions' | 'areas';
  mode: 'append' | 'replace';
  rows_in: number;
  imported: number;
  rejected: number;
  left_out: number;
  /** The mapping used, as JSON (CSV: the column mapping and reading choices; police events: what was left out). */
  mapping: string | null;
  /** Rows of this import still stored (a later replace of the table removes them). */
  stored: number;
}

/** Every import, newest first, read through `reader` (database.reader in the app: the coordinator). */
export function listImports(reader: RowReader): Promise<ImportHistoryRow[]> {
  return reader.rows<ImportHistoryRow>(LIST_IMPORTS);
}

/**
 * Deletes exactly the rows the import added, on the database's own runner (features never hold it); returns how many
 * rows were removed. Call database.refresh() afterwards.
 */
export async function undoImport(database: { runner: SqlRunner }, id: string): Promise<{ removed: number }> {
  const runner = database.runner;
  return inTransaction(runner, async () => {
    const [{ n }] = await runner.rows<{ n: number }>(COUNT_IMPORT_ROWS, [id, id, id]);
    for (const statement of UNDO_IMPORT) await runner.run(statement, [id]);
    return { removed: n };
  });
}

export interface SourceCount {
  source: string;
  incidents: number;
  interventions: number;
}

export function listSources(runner: SqlRunner): Promise<SourceCount[]> {
  return runner.rows<SourceCount>(SOURCES);
}
