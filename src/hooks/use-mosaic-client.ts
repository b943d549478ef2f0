// A view's connection to the coordinator: the view says which SQL it needs given the current filter
// (Mosaic's client contract), and gets rows back whenever another view changes the filter.
import { makeClient, type MosaicClient, type Selection } from '@uwdata/mosaic-core';
import type { FilterExpr, Query } from '@uwdata/mosaic-sql';
import { useEffect, useRef, useState } from 'react';
import { arrowRows } from '../data/arrow-rows';
import { queryEnded, queryStarted } from '../data/query-activity';
import { FILTER_SOURCES } from '../data/selections';
import type { FilterName } from '../lib/filter-state';
import { useDatabase } from './use-database';

/**
 * `rowsKey`: the `key` the rows were asked under. After a key change (another cell size, say) the last rows stay until
 * the new ones come — but they answer the old question: a view that reads them with the new key's meaning must check
 * this first (map.view.tsx read 250 m counts as 500 m cells for the length of a query).
 */
export type ClientState<T> =
  | { status: 'pending'; rows: T[] | null; rowsKey?: string }
  | { status: 'ready'; rows: T[]; rowsKey: string }
  | { status: 'error'; rows: T[] | null; rowsKey?: string; error: Error };

interface Options {
  selection: Selection;
  /** A Query, or SQL text (statements before the last are run first: data/cell-bases.query.ts builds a base this way). */
  query: (filter: FilterExpr) => Query | string;
  /** True when filtering never changes the set of groups (the model fills missing groups): allows pre-aggregation. */
  filterStable?: boolean;
  /** Changing the key rebuilds the client (e.g. a different bin size). */
  key?: string;
  /** Filters this view draws itself (a brush, a selected bar): it is not filtered by them. */
  owns?: FilterName[];
  /** False: no client, no queries (a layer that is not shown). */
  enabled?: boolean;
}

/** A view's Mosaic client: its query follows the shared filters (minus the ones it `owns`); rows come back as state. */
export function useMosaicClient<T>({ selection, query, filterStable = true, key = '', owns = [], enabled = true }: Options): { state: ClientState<T>; client: MosaicClient | null } {
  const { database } = useDatabase();
  const [state, setState] = useState<ClientState<T>>({ status: 'pending', rows: null });
  const [client, setClient] = useState<MosaicClient | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;

  const ownsKey = owns.join(',');

  useEffect(() => {
    if (!enabled) {
      setClient(null);
      return;
    }
    const holder: { client: MosaicClient | null } = { client: null };
    const sources = owns.map((name) => FILTER_SOURCES[name]);
    const c = makeClient({
      coordinator: database.coordinator,
      selection,
      filterStable,
      // Runs before the first query, after makeClient has returned: register as owner so that query already skips our own filters.
      prepare: async () => {
        await Promise.resolve();
        for (const s of sources) s.clients.add(holder.client!);
      },
      // Mosaic's cross-filter predicate is `undefined` for a client that owns the *active* clause ("keep what you
      // show"): right for an update, but a first query (a page opened from a link, a re-mount, a refresh after an
      // import) would then run with no filter at all — a link with a period and a category showed every
      // category-filtered incident ever. Ask instead for every clause except the ones this view draws itself.
      query: (filter) => queryRef.current(filter ?? selection.predicate(holder.client, true)),
      queryPending: () => {
        queryStarted(holder);
        setState((s) => ({ status: 'pending', rows: s.rows, rowsKey: s.rowsKey }));
      },
      queryResult: (data) => {
        setState({ status: 'ready', rows: arrowRows<T>(data), rowsKey: key });
        queryEnded(holder);
      },
      queryError: (error) => {
        setState((s) => ({ status: 'error', rows: s.rows, rowsKey: s.rowsKey, error: error as unknown as Error }));
        queryEnded(holder);
      },
    });
    holder.client = c;
    setClient(c);
    return () => {
      queryEnded(holder);
      for (const s of sources) s.clients.delete(c);
      database.coordinator.disconnect(c);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `owns` is compared by its key
  }, [database.coordinator, selection, filterStable, key, ownsKey, enabled]);

  return { state, client };
}
