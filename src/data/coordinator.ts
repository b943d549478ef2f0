// Mosaic's coordinator over our own DuckDB-wasm instance: it queues and caches view queries and answers
// cross-filter updates from pre-aggregated tables (measured: 11–17 ms vs 37–43 ms hand-written at 1M rows).
// Traps (docs/architecture.md): without our instance it would open a WebSocket or fetch DuckDB from a CDN;
// consolidation is off; pre-aggregates must be dropped after any data change or stale ones survive.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Coordinator, wasmConnector } from '@uwdata/mosaic-core';
import { arrowRows } from './arrow-rows';
import { CELL_BASE_TABLES, dropCellBases } from './cell-bases.query';

export const PREAGGREGATE_SCHEMA = 'mosaic';

/** `onError` sees every failed view query (the connector bypasses the connection's `query`, where the engine watches). */
export function createCoordinator(db: AsyncDuckDB, connection: AsyncDuckDBConnection, onError: (error: unknown) => void = () => {}): Coordinator {
  const connector = wasmConnector({ duckdb: db, connection });
  const query = connector.query.bind(connector);
  connector.query = (async (request: Parameters<typeof query>[0]) => {
    const start = performance.now();
    try {
      return await query(request);
    } catch (error) {
      onError(error);
      throw error;
    } finally {
      // As the runner's statements (engine.ts): a view query of 20 ms or more is a performance measure, so a
      // profile of a page (or the benchmark) shows which view waits for what.
      const end = performance.now();
      if (end - start >= 20) performance.measure(`view sql: ${String(request.sql ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}`, { start, end });
    }
  }) as typeof connector.query;
  return new Coordinator(connector, {
    consolidate: false,
    logger: null,
    preagg: { schema: PREAGGREGATE_SCHEMA, enabled: true },
  });
}

/** After an import or a clear: forget pre-aggregates and cached results, then let every view query again. */
export async function refreshAfterDataChange(coordinator: Coordinator): Promise<void> {
  await coordinator.preaggregator.dropSchema();
  // The Karta's bases of 125 m squares (cell-bases.query.ts) are of the old data too.
  const bases = arrowRows<{ table_name: string }>(await coordinator.query(CELL_BASE_TABLES, { cache: false }));
  const drops = dropCellBases(bases.map((b) => b.table_name));
  if (drops) await coordinator.exec(drops);
  coordinator.clear({ clients: false, cache: true });
  for (const client of coordinator.clients) client.requestQuery();
}
