// The one hook for a one-off read: rows of a query through the coordinator (data/row-reader.ts), read again
// whenever the data changes (the database object is replaced) or the query text does.
import { useEffect, useState } from 'react';
import { readRows, type ReadOptions } from '../data/row-reader';
import { useDatabase } from './use-database';

interface RowsOptions extends ReadOptions {
  /**
   * True (default): while a changed query is read, the previous query's rows stay (a table keeps its labels instead
   * of blinking). False: undefined until this query's rows are in (when old rows would be wrong, e.g. another size).
   */
  keepPrevious?: boolean;
}

/** Rows of `query`; undefined until the first read is in (null query: nothing is read). */
export function useRows<T>(query: string | null, { cache = true, keepPrevious = true }: RowsOptions = {}): T[] | undefined {
  const { database } = useDatabase();
  const [result, setResult] = useState<{ query: string; rows: T[] } | null>(null);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    void readRows<T>(database.coordinator, query, { cache }).then((rows) => live && setResult({ query, rows }));
    return () => { live = false; };
  }, [database, query, cache]);
  if (!result || (!keepPrevious && result.query !== query)) return undefined;
  return result.rows;
}
