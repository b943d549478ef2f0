// The one interface the data layer's logic talks to. The browser implements it over DuckDB-wasm
// (engine.ts); the unit tests implement it over native DuckDB (@duckdb/node-api), so the same SQL and the
// same loading code are exercised in both.
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** Run a statement (or several separated by `;`) without parameters. */
  exec(sql: string): Promise<void>;
  /** Run one query with positional `?` parameters and return rows with BIGINTs as numbers. */
  rows<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Run one statement that returns nothing (INSERT, UPDATE, DELETE) with positional `?` parameters. */
  run(sql: string, params?: SqlValue[]): Promise<void>;
  /** Append whole numeric columns to an existing table (line numbers, converted coordinates): fast paths only. */
  insertColumns(table: string, columns: NumericColumn[]): Promise<void>;
  /**
   * Read a query's columns as Float64Arrays (cast them to DOUBLE, no NULLs): for a million points without a
   * million row objects.
   */
  numericColumns(sql: string): Promise<Record<string, Float64Array>>;
}

export interface NumericColumn {
  name: string;
  type: 'int32' | 'float64';
  /** NaN in a float64 column is stored as NULL. */
  values: Int32Array | Float64Array;
}

/** DuckDB returns BIGINT counts as bigint; the UI and tests want numbers (counts here stay far below 2^53). */
export function normaliseValue(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}
export function normaliseRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normaliseValue(v);
  return out;
}

/** Run `work` in one transaction: all of it lands, or none of it (and the error is passed on). */
export async function inTransaction<T>(runner: SqlRunner, work: () => Promise<T>): Promise<T> {
  await runner.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await runner.exec('COMMIT');
    return result;
  } catch (error) {
    await runner.exec('ROLLBACK');
    throw error;
  }
}
