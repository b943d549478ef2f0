// The import history: one row per import (file, time, source, rows in / imported / rejected / left out, the
// mapping used), and the import id every incident, intervention and area it added carries — so one import can be
// undone exactly (its rows, nothing else) and every view can be filtered by source.
// Stored databases from before the history get the columns on start (ALTER … IF NOT EXISTS); their rows keep the
// import id NULL and the source they had (the file name), so they are filterable by source but not in the list.

import { literal, quoteIdentifier } from './sql-text';

export const IMPORTED_TABLES = ['incidents', 'interventions', 'areas'] as const;
export type ImportedTable = (typeof IMPORTED_TABLES)[number];

export const ADD_IMPORT_COLUMNS = IMPORTED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS import_id VARCHAR;`).join('\n');

export const CREATE_IMPORTS = `
CREATE TABLE IF NOT EXISTS imports (
  id VARCHAR PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  source VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  mode VARCHAR NOT NULL,
  rows_in INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  left_out INTEGER NOT NULL,
  mapping VARCHAR
);`;

/**
 * An undone import stays in the history, marked with when it was undone (local time). Of its rejected rows, how many
 * were already loaded by an earlier import (not faults in the file; NULL in histories written before it was kept).
 */
export const ADD_UNDONE_COLUMN = `ALTER TABLE imports ADD COLUMN IF NOT EXISTS undone_at TIMESTAMP;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS already_loaded INTEGER;`;

export const INSERT_IMPORT = `INSERT INTO imports (id, file_name, imported_at, source, target, mode, rows_in, imported, rejected, left_out, mapping, already_loaded)
VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

// --- what an import replaced ----------------------------------------------------------------------------------
// A replace (Ersätt), and an area append that swaps an area of the same name and kind, move the rows they remove
// into a table of replaced rows, marked with the import that removed them, so undoing that import can put them
// back. They stay there until that import is undone (or the data is cleared with the example's reload).

export const replacedTable = (t: ImportedTable) => `replaced_${t}`;

/** Made with the canonical tables; the columns each table gains later (outcomes) are added when rows are kept. */
export const CREATE_REPLACED = IMPORTED_TABLES.map((t) => `CREATE TABLE IF NOT EXISTS ${replacedTable(t)} AS SELECT NULL::VARCHAR AS replaced_by, * FROM ${t} LIMIT 0;`).join('\n');

export const CLEAR_REPLACED = IMPORTED_TABLES.map((t) => `DELETE FROM ${replacedTable(t)};`).join(' ');

/** Columns the replaced-rows table lacks (the table gained them after it was made): added before rows are kept. */
export function addMissingColumns(t: ImportedTable, columns: { name: string; type: string }[]): string {
  return columns.map((c) => `ALTER TABLE ${replacedTable(t)} ADD COLUMN IF NOT EXISTS ${quoteIdentifier(c.name)} ${c.type};`).join('\n');
}

/** Keeps the rows an import is about to remove (all of the table, or `where` with its parameters), marked with its id. */
export function keepReplaced(t: ImportedTable, columns: string[], importId: string, where = 'true'): string {
  const list = columns.map(quoteIdentifier).join(', ');
  return `INSERT INTO ${replacedTable(t)} (replaced_by, ${list}) SELECT ${literal(importId)}, ${list} FROM ${t} WHERE ${where}`;
}

/** Puts back the rows an import removed (only the columns the table has now). */
export function restoreReplaced(t: ImportedTable, columns: string[]): string {
  const list = columns.map(quoteIdentifier).join(', ');
  return `INSERT INTO ${t} (${list}) SELECT ${list} FROM ${replacedTable(t)} WHERE replaced_by = ?`;
}

export const COUNT_REPLACED = `SELECT (${IMPORTED_TABLES.map((t) => `(SELECT count(*) FROM ${replacedTable(t)} WHERE replaced_by = ?)`).join(' + ')})::INTEGER AS n`;

/**
 * SQL over `imports l` and `imports i`: `l` is a later import of `i`'s table, not undone, that changed the table. While
 * one exists, putting back what `i` replaced would not give the data as it was. An append that stored no row (every
 * row already loaded or rejected) changed nothing and does not stand in the way: a tester's Parquet append of the same
 * 1M rows (0 imported) made the CSV replace before it impossible to undo.
 */
const LATER_CHANGE = `l.id <> i.id AND l.undone_at IS NULL AND l.target = i.target
  AND (l.imported_at > i.imported_at OR (l.imported_at = i.imported_at AND l.rowid > i.rowid))
  AND (l.imported > 0 OR l.mode = 'replace')`;

/** `l` is a later import of `i`'s source into the same table, not undone. */
const LATER_SAME_SOURCE = `l.id <> i.id AND l.undone_at IS NULL AND l.target = i.target AND l.source = i.source
  AND (l.imported_at > i.imported_at OR (l.imported_at = i.imported_at AND l.rowid > i.rowid))`;

/** How many later imports stand in the way of undoing import `?` (LATER_CHANGE): one that replaced rows is undone only when none does. */
export const LATER_IMPORTS = `SELECT count(*)::INTEGER AS n FROM imports l, imports i WHERE i.id = ? AND ${LATER_CHANGE}`;

/**
 * Newest first, with how many of its rows are still stored (a later replace may have removed them), how many rows
 * it replaced that undo would put back, and whether a later import of its table stands in the way of that.
 */
export const LIST_IMPORTS = `
SELECT i.id, i.file_name, strftime(i.imported_at, '%Y-%m-%d %H:%M') AS imported_at, i.source, i.target, i.mode,
  i.rows_in, i.imported, i.rejected, i.already_loaded, i.left_out, i.mapping,
  (coalesce(n.incidents, 0) + coalesce(v.interventions, 0) + coalesce(a.areas, 0))::INTEGER AS stored,
  coalesce(r.replaced, 0)::INTEGER AS replaced,
  strftime(i.undone_at, '%Y-%m-%d %H:%M') AS undone_at,
  (i.undone_at IS NULL AND coalesce(r.replaced, 0) > 0 AND EXISTS (SELECT 1 FROM imports l WHERE ${LATER_CHANGE})) AS blocked,
  -- Rows later imports of the same source skipped as already loaded: some may be this import's, and leave with it.
  (SELECT coalesce(sum(l.already_loaded), 0) FROM imports l WHERE ${LATER_SAME_SOURCE})::INTEGER AS later_already_loaded,
  (SELECT list(DISTINCT l.file_name ORDER BY l.file_name) FROM imports l WHERE ${LATER_SAME_SOURCE} AND l.already_loaded > 0) AS later_files
FROM imports i
LEFT JOIN (SELECT import_id, count(*) AS incidents FROM incidents WHERE import_id IS NOT NULL GROUP BY import_id) n ON n.import_id = i.id
LEFT JOIN (SELECT import_id, count(*) AS interventions FROM interventions WHERE import_id IS NOT NULL GROUP BY import_id) v ON v.import_id = i.id
LEFT JOIN (SELECT import_id, count(*) AS areas FROM areas WHERE import_id IS NOT NULL GROUP BY import_id) a ON a.import_id = i.id
LEFT JOIN (SELECT replaced_by, sum(n) AS replaced FROM (${IMPORTED_TABLES.map((t) => `SELECT replaced_by, count(*) AS n FROM ${replacedTable(t)} GROUP BY replaced_by`).join(' UNION ALL ')}) GROUP BY replaced_by) r ON r.replaced_by = i.id
ORDER BY i.imported_at DESC, i.rowid DESC`;

/**
 * Undo one import (run in one transaction, parameter: its id): its rows leave every table — and the replaced rows,
 * where a later replace had put them — and its history row is marked undone. The rows it replaced are put back by
 * restoreReplaced before the last statement here removes them from the replaced rows.
 */
export const UNDO_IMPORT = [
  ...IMPORTED_TABLES.map((t) => `DELETE FROM ${t} WHERE import_id = ?`),
  ...IMPORTED_TABLES.map((t) => `DELETE FROM ${replacedTable(t)} WHERE import_id = ?`),
];
export const FORGET_REPLACED = IMPORTED_TABLES.map((t) => `DELETE FROM ${replacedTable(t)} WHERE replaced_by = ?`);
export const MARK_UNDONE = `UPDATE imports SET undone_at = CAST(? AS TIMESTAMP) WHERE id = ? AND undone_at IS NULL`;
export const IMPORT_STATE = `SELECT target, undone_at IS NOT NULL AS undone FROM imports WHERE id = ?`;

export const COUNT_IMPORT_ROWS = `SELECT (${IMPORTED_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE import_id = ?)`).join(' + ')})::INTEGER AS n`;

export const CLEAR_IMPORTS = `DELETE FROM imports;`;

/** Every source in the event tables, with its counts: the source filter's choices. */
export const SOURCES = `
SELECT source, sum(incidents)::INTEGER AS incidents, sum(interventions)::INTEGER AS interventions FROM (
  SELECT source, count(*) AS incidents, 0 AS interventions FROM incidents GROUP BY source
  UNION ALL SELECT source, 0, count(*) FROM interventions GROUP BY source
) GROUP BY source ORDER BY source`;
