// Keeps the shared filter in the address bar (?period=…&kategori=…, before the #/page), so a copied link
// reproduces the view and Back/Forward move through pages with the filter intact. The link never carries data.
import { useEffect, useSyncExternalStore } from 'react';
import { applyFilterState, onFilterChange, readFilterState } from '../data/selections';
import { filterStateFromParams, filterStateToParams, refusedFilterParams } from '../lib/filter-state';

// The link's filter parameters that were refused (see refusedFilterParams), for the page to say so.
let refused: string[] = [];
const listeners = new Set<() => void>();

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  refused = refusedFilterParams(params);
  for (const l of listeners) l();
  applyFilterState(filterStateFromParams(params));
}

export function useRefusedFilterParams(): string[] {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => refused);
}

function writeUrl(): void {
  const url = new URL(location.href);
  const params = filterStateToParams(readFilterState(), new URLSearchParams(url.search));
  const search = params.toString();
  if (url.search.replace(/^\?/, '') === search) return;
  url.search = search;
  history.replaceState(history.state, '', url.href);
}

export function useFilterUrlSync(): void {
  useEffect(() => {
    readUrl();
    const unsubscribe = onFilterChange(writeUrl);
    addEventListener('popstate', readUrl);
    return () => {
      unsubscribe();
      removeEventListener('popstate', readUrl);
    };
  }, []);
}
