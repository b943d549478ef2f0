// The import history: one row per import (file, time, source, rows in / imported / rejected / left out, the
// mapping used), and the import id every incident, intervention and area it added carries — so one import can be
// undone exactly (its rows, nothing else) and every view can be filtered by source.
// Stored databases from before the history get the columns on start (ALTER … IF NOT EXISTS); their rows keep the
// import id NULL and the source they had (the file name), so they are filterable by source but not in the list.

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

export const INSERT_IMPORT = `INSERT INTO imports VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Newest first, with how many of its rows are still stored (a later replace may have removed them). */
export const LIST_IMPORTS = `
SELECT i.id, i.file_name, strftime(i.imported_at, '%Y-%m-%d %H:%M') AS imported_at, i.source, i.target, i.mode,
  i.rows_in, i.imported, i.rejected, i.left_out, i.mapping,
  (coalesce(n.incidents, 0) + coalesce(v.interventions, 0) + coalesce(a.areas, 0))::INTEGER AS stored
FROM imports i
LEFT JOIN (SELECT import_id, count(*) AS incidents FROM incidents WHERE import_id IS NOT NULL GROUP BY import_id) n ON n.import_id = i.id
LEFT JOIN (SELECT import_id, count(*) AS interventions FROM interventions WHERE import_id IS NOT NULL GROUP BY import_id) v ON v.import_id = i.id
LEFT JOIN (SELECT import_id, count(*) AS areas FROM areas WHERE import_id IS NOT NULL GROUP BY import_id) a ON a.import_id = i.id
ORDER BY i.imported_at DESC, i.id DESC`;

/** Undo one import: its rows in every table, then its history row (run in one transaction). */
export const UNDO_IMPORT = [
  ...IMPORTED_TABLES.map((t) => `DELETE FROM ${t} WHERE import_id = ?`),
  `DELETE FROM imports WHERE id = ?`,
];

export const COUNT_IMPORT_ROWS = `SELECT (${IMPORTED_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE import_id = ?)`).join(' + ')})::INTEGER AS n`;

export const CLEAR_IMPORTS = `DELETE FROM imports;`;

/** Every source in the event tables, with its counts: the source filter's choices. */
export const SOURCES = `
SELECT source, sum(incidents)::INTEGER AS incidents, sum(interventions)::INTEGER AS interventions FROM (
  SELECT source, count(*) AS incidents, 0 AS interventions FROM incidents GROUP BY source
  UNION ALL SELECT source, 0, count(*) FROM interventions GROUP BY source
) GROUP BY source ORDER BY source`;
