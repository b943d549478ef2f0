// A Mosaic connector over the unit tests' native DuckDB, so the real Coordinator — caching and
// pre-aggregation included — runs in Node against the same SQL the browser sends.
import type { Connector } from '@uwdata/mosaic-core';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import type { SqlRunner } from '../../../src/data/sql-runner';

export function nodeConnector(runner: SqlRunner, log: string[] = []): Connector {
  return {
    async query({ type, sql }: { type: string; sql: string }) {
      log.push(sql);
      if (type === 'exec') {
        await runner.exec(sql);
        return undefined;
      }
      const rows = await runner.rows<Record<string, unknown>>(sql);
      const names = rows.length ? Object.keys(rows[0]) : [];
      const columns = Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n])]));
      return tableToIPC(tableFromArrays(columns), { format: 'stream' })!;
    },
  } as Connector;
}
