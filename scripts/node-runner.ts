// The data layer's SqlRunner over native DuckDB: the same SQL the browser runs, checked by running it (tests), and
// the build's writer of the example database (scripts/example-database.ts).
import { DuckDBInstance } from '@duckdb/node-api';
import { CREATE_TABLES } from '../src/data/schema.query';
import { normaliseRow, type NumericColumn, type Row, type SqlRunner, type SqlValue } from '../src/data/sql-runner';

/** A runner over a new in-memory database, or over the database file at `path` (created when missing). */
export async function createNodeRunner(path = ':memory:'): Promise<SqlRunner & { close(): void }> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  return {
    async exec(sql: string) {
      await connection.run(sql);
    },
    async rows<T = Row>(sql: string, params: SqlValue[] = []) {
      const reader = await connection.runAndReadAll(sql, params.length ? (params as never) : undefined);
      return reader.getRowObjectsJS().map((r) => normaliseRow(r as Row)) as T[];
    },
    async run(sql: string, params: SqlValue[] = []) {
      await connection.run(sql, params.length ? (params as never) : undefined);
    },
    async numericColumns(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const columns = reader.getColumnsJS();
      return Object.fromEntries(names.map((name, i) => [name, Float64Array.from((columns[i] ?? []) as number[])]));
    },
    async insertColumns(table: string, columns: NumericColumn[]) {
      const appender = await connection.createAppender(table);
      const n = columns[0]?.values.length ?? 0;
      for (let i = 0; i < n; i++) {
        for (const c of columns) {
          const v = c.values[i];
          if (c.type === 'int32') appender.appendInteger(v);
          else if (Number.isNaN(v)) appender.appendNull();
          else appender.appendDouble(v);
        }
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Native DuckDB with the canonical tables, empty. */
export async function createSchemaRunner(path?: string) {
  const runner = await createNodeRunner(path);
  await runner.exec(CREATE_TABLES);
  return runner;
}
