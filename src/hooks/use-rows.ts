// The one hook for a one-off read: rows of a query through the coordinator (data/row-reader.ts), read again
// whenever the data changes (the database object is replaced) or the query text does.
import { useLayoutEffect, useState } from 'react';
import { readRows, type ReadOptions } from '../data/row-reader';
import { useDatabase } from './use-database';

interface RowsOptions extends ReadOptions {
  /**
   * True (default): while a changed query is read, the previous query's rows stay (a table keeps its labels instead
   * of blinking). False: undefined until this query's rows are in (when old rows would be wrong, e.g. another size).
   * A string: the previous rows stay only if they were read under the same string — e.g. `${kind}|${size}`, so a new
   * filter keeps the table while another area kind or cell size empties it (old rows would be other areas or cells).
   */
  keepPrevious?: boolean | string;
}

/** Rows of `query`; undefined until the first read is in (null query: nothing is read). */
export function useRows<T>(query: string | null, { cache = true, keepPrevious = true }: RowsOptions = {}): T[] | undefined {
  const { database } = useDatabase();
  const [result, setResult] = useState<{ query: string; rows: T[]; keptAs: boolean | string } | null>(null);
  // Asked as soon as the render is committed, before the browser lays out and paints it: with a passive effect the
  // Karta's hot-spot names waited for the table's layout (~130 ms at 1M rows, 200 m cells) while DuckDB sat idle.
  // Only a message is posted here; the rows arrive later either way.
  useLayoutEffect(() => {
    if (query === null) return;
    let live = true;
    void readRows<T>(database.coordinator, query, { cache }).then((rows) => live && setResult({ query, rows, keptAs: keepPrevious }));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keepPrevious is read when the rows arrive
  }, [database, query, cache]);
  const stale = result !== null && result.query !== query;
  if (!result || (stale && (keepPrevious === false || (typeof keepPrevious === 'string' && result.keptAs !== keepPrevious)))) return undefined;
  return result.rows;
}
