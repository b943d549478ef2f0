// A FATAL error in a view query must reach the crash screen like one from the app's own queries: Mosaic's connector
// runs its queries through `useUnsafe`, past the connection's `query` that the engine watches (data/coordinator.ts).
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { describe, expect, it } from 'vitest';
import { createCoordinator } from '../../src/data/coordinator';

/** A connection whose every query fails with `message`, the way DuckDB-wasm's bindings fail. */
function failingConnection(message: string): AsyncDuckDBConnection {
  const bindings = { runQuery: async () => { throw new Error(message); } };
  return { useUnsafe: (run: (b: unknown, c: number) => Promise<unknown>) => run(bindings, 0) } as unknown as AsyncDuckDBConnection;
}

describe('createCoordinator', () => {
  it('hands every failed view query to onError, and the query still fails', async () => {
    const seen: string[] = [];
    const message = 'FATAL Error: Failed to create checkpoint because of error: IO Error: quota';
    const coordinator = createCoordinator({} as AsyncDuckDB, failingConnection(message), (e) => seen.push((e as Error).message));
    await expect(coordinator.query('SELECT 1', { cache: false })).rejects.toThrow(/FATAL/);
    expect(seen).toEqual([message]);
  });
});
