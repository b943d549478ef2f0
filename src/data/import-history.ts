// The import history as the Importera page reads it, and undoing one import: in one transaction, delete the rows
// it added (incidents, interventions, areas), put back the rows it replaced, and mark its history row undone —
// nothing else. The derived columns (area assignment, which depends on the areas) are refreshed by the caller's
// database.refresh() afterwards.
import {
  COUNT_IMPORT_ROWS, COUNT_REPLACED, FORGET_REPLACED, IMPORTED_TABLES, IMPORT_STATE, LATER_IMPORTS, LIST_IMPORTS, MARK_UNDONE, SOURCES, UNDO_IMPORT,
  addMissingColumns, keepReplaced, replacedTable, restoreReplaced, type ImportedTable,
} from './import-history.query';
import { TABLE_COLUMNS } from './schema.query';
import type { RowReader } from './row-reader';
import { inTransaction, type SqlRunner } from './sql-runner';
import { placeInAreas } from './area-assignment';

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
  /** Of `rejected`, rows an earlier import had already loaded (not faults); null in histories from before it was kept. */
  already_loaded: number | null;
  left_out: number;
  /** The mapping used, as JSON (CSV: the column mapping and reading choices; police events: what was left out). */
  mapping: string | null;
  /** Rows of this import still stored (a later replace of the table removes them). */
  stored: number;
  /** Rows this import replaced (Ersätt, or areas of the same name and kind), which undo puts back. */
  replaced: number;
  /** When the import was undone (local `YYYY-MM-DD HH:MM`), or null. An undone import stays listed. */
  undone_at: string | null;
  /** It replaced rows and a later import of the same table is still in place: undo that one first. */
  blocked: boolean;
  /**
   * Rows later imports of the same source (not undone) rejected as already loaded, and those imports' file names:
   * some may have been this import's rows, which undo then removes though the later file had them too (helper-54).
   */
  later_already_loaded: number;
  later_files: string[] | null;
}

/**
 * What the history offers for an import: `undone`; `nothing` when undo would change nothing — none of its rows is
 * stored and it replaced nothing that was kept (a file read again in full; a first import that replaced the example,
 * which is not kept, and stored no row of its own: it showed "Ångra" beside "Kvar nu 0"); `blocked` (a later import
 * stands in the way); else `undo`. `nothingReplaced`: of `nothing`, an import that replaced data that was not kept.
 */
export function undoState(r: Pick<ImportHistoryRow, 'stored' | 'replaced' | 'undone_at' | 'blocked' | 'mode'>): 'undone' | 'nothing' | 'nothingReplaced' | 'blocked' | 'undo' {
  if (r.undone_at) return 'undone';
  if (Number(r.stored) === 0 && !(Number(r.replaced) > 0)) return r.mode === 'replace' ? 'nothingReplaced' : 'nothing';
  return r.blocked ? 'blocked' : 'undo';
}

export class UndoBlockedError extends Error {
  constructor(readonly reason: 'already-undone' | 'later-import' | 'unknown') {
    super(reason === 'later-import' ? 'A later import of the same table must be undone first.' : reason === 'already-undone' ? 'The import is already undone.' : 'No such import.');
  }
}

/** Local wall-clock time as DuckDB's TIMESTAMP text (the history stores local times). */
export function localWallClock(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 23).replace('T', ' ');
}

async function columnsOf(runner: SqlRunner, table: string): Promise<{ name: string; type: string }[]> {
  return (await runner.rows<{ column_name: string; data_type: string }>(TABLE_COLUMNS, [table])).map((c) => ({ name: c.column_name, type: c.data_type }));
}

/**
 * Inside an import's transaction, before it removes rows of `table` (all of them, or those matching `where` with
 * `params`): keeps them, marked with the import's id, so undoing the import puts them back.
 */
export async function keepReplacedRows(runner: SqlRunner, table: ImportedTable, importId: string, where?: string, params: (string | null)[] = []): Promise<void> {
  const columns = await columnsOf(runner, table);
  const kept = new Set((await columnsOf(runner, replacedTable(table))).map((c) => c.name));
  const missing = columns.filter((c) => !kept.has(c.name));
  if (missing.length) await runner.exec(addMissingColumns(table, missing));
  await runner.run(keepReplaced(table, columns.map((c) => c.name), importId, where), params);
}

/** Every import, newest first, read through `reader` (database.reader in the app: the coordinator). */
export function listImports(reader: RowReader): Promise<ImportHistoryRow[]> {
  return reader.rows<ImportHistoryRow>(LIST_IMPORTS);
}

/**
 * Undoes one import on the database's own runner (features never hold it), in one transaction: deletes exactly the
 * rows it added, puts back the rows it replaced, and marks it undone in the history (it stays listed). An import
 * that replaced rows is undone only while no later import of the same table is in place (UndoBlockedError).
 * Returns how many rows were removed and put back. Call database.refresh() afterwards.
 */
export async function undoImport(database: { runner: SqlRunner }, id: string, now = new Date()): Promise<{ removed: number; restored: number }> {
  const runner = database.runner;
  return inTransaction(runner, async () => {
    const [state] = await runner.rows<{ target: ImportedTable; undone: boolean }>(IMPORT_STATE, [id]);
    if (!state) throw new UndoBlockedError('unknown');
    if (state.undone) throw new UndoBlockedError('already-undone');
    const [{ n: restored }] = await runner.rows<{ n: number }>(COUNT_REPLACED, IMPORTED_TABLES.map(() => id));
    if (restored > 0) {
      const [{ n: later }] = await runner.rows<{ n: number }>(LATER_IMPORTS, [id]);
      if (later > 0) throw new UndoBlockedError('later-import');
    }
    const [{ n }] = await runner.rows<{ n: number }>(COUNT_IMPORT_ROWS, IMPORTED_TABLES.map(() => id));
    for (const statement of UNDO_IMPORT) await runner.run(statement, [id]);
    if (restored > 0) {
      for (const table of IMPORTED_TABLES) {
        const now = new Set((await columnsOf(runner, table)).map((c) => c.name));
        const columns = (await columnsOf(runner, replacedTable(table))).map((c) => c.name).filter((c) => c !== 'replaced_by' && now.has(c));
        await runner.run(restoreReplaced(table, columns), [id]);
      }
      for (const statement of FORGET_REPLACED) await runner.run(statement, [id]);
    }
    await runner.run(MARK_UNDONE, [localWallClock(now), id]);
    // Undoing areas (or putting back replaced ones) changes where every point lies: placed again in this transaction.
    await placeInAreas(runner);
    return { removed: n, restored };
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
