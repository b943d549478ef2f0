// The one way the app reads rows outside a view's Mosaic client: through the coordinator, so one-off reads share
// the views' queue and cache and count toward "settled" (query-activity.ts). Writes do not come here: they keep
// the runner's own transactions inside src/data.
import type { Coordinator } from '@uwdata/mosaic-core';
import type { Query } from '@uwdata/mosaic-sql';
import { arrowRows } from './arrow-rows';
import { queryEnded, queryStarted } from './query-activity';

/**
 * Reads rows for one statement. The app's reader goes through the coordinator; unit tests may pass their
 * native runner, which has the same `rows(sql)` shape, so analysis code runs unchanged in both.
 */
export interface RowReader {
  rows<T = Record<string, unknown>>(query: string): Promise<T[]>;
}

export interface ReadOptions {
  /** False for tables the app itself writes to between imports (assessments): a cached answer could be stale. */
  cache?: boolean;
}

// refreshAfterDataChange clears the coordinator, which rejects whatever was queued with 'Cleared': the read was
// not wrong, only interrupted by new data — ask again once, against the new data.
const CLEARED = 'Cleared';

/** Rows of one query through the coordinator's queue and cache, counted as pending while it runs. */
export async function readRows<T>(coordinator: Coordinator, query: string | Query, options: ReadOptions = {}): Promise<T[]> {
  const token = {};
  queryStarted(token);
  try {
    try {
      return arrowRows<T>(await coordinator.query(query, { cache: options.cache ?? true }));
    } catch (error) {
      if (error !== CLEARED) throw error;
      return arrowRows<T>(await coordinator.query(query, { cache: options.cache ?? true }));
    }
  } finally {
    queryEnded(token);
  }
}

/** A RowReader over the coordinator: what `database.reader` is. */
export function coordinatorReader(coordinator: Coordinator, options: ReadOptions = {}): RowReader {
  return { rows: <T>(query: string) => readRows<T>(coordinator, query, options) };
}
