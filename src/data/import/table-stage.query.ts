// A Parquet file's rows as the import's staging: the typed rows (ARROW_TABLE, appended chunk by chunk in file order)
// read as text through a view, so the checks, the personnummer scan and the reject report see exactly the text the
// preview showed (the same cast), without a text copy of the file. Staged as a text table, the copy cost ~1 s of one
// thread per 1M rows natively and held the file twice while it was made.
import { quoteIdentifier as q } from '../sql-text';
import { ARROW_TABLE, RAW, stagedColumn, typedColumn } from './csv-import.query';

/**
 * One row, `n`, `next` INTEGER: the rows appended, and one more than the largest row id. Equal (and the first id 0)
 * when the row ids are the rows' order of arrival, 0 … n − 1 — what the view's record numbers rely on.
 */
export const TABLE_STAGE_ROWS = `SELECT count(*)::INTEGER AS n, coalesce(max(rowid) + 1, 0)::INTEGER AS next, coalesce(min(rowid), 0)::INTEGER AS first FROM ${ARROW_TABLE}`;

/** Rows `name`, `type` (DuckDB's type name): the staged table's columns. */
export const TABLE_STAGE_TYPES = `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = '${ARROW_TABLE}' AND database_name = 'temp' ORDER BY column_index`;

/**
 * Renames ARROW_TABLE's column `from` to `to`: a file's column named `rowid` (in any case) hides DuckDB's row id, which
 * the view numbers the rows by.
 */
export function renameStagedColumn(from: string, to: string): string {
  return `ALTER TABLE ${ARROW_TABLE} RENAME COLUMN ${q(from)} TO ${q(to)}`;
}

/**
 * The staging view RAW over ARROW_TABLE: `__record` (the row's number in the file, from 1: row ids are assigned in
 * order of arrival, checked with TABLE_STAGE_ROWS), each of `columns` as text under its staged name (the cast the
 * preview uses, csv-import.query.ts textRows), and each of `typedDates` as its own value under typedColumn(name).
 * `renamed`: the table's name of a column where it is not the file's (renameStagedColumn).
 */
export function tableStageView(columns: string[], typedDates: string[], renamed: Record<string, string> = {}): string {
  const source = (c: string) => q(renamed[c] ?? c);
  const texts = columns.map((c) => `CAST(${source(c)} AS VARCHAR) AS ${q(stagedColumn(c))}`);
  const typed = typedDates.map((c) => `${source(c)} AS ${q(typedColumn(c))}`);
  return `CREATE OR REPLACE TEMP VIEW ${RAW} AS SELECT (rowid + 1)::INTEGER AS __record, ${[...texts, ...typed].join(', ')} FROM ${ARROW_TABLE}`;
}
