// Keeps the shared filter in the address bar (?period=…&kategori=…, before the #/page), so a copied link
// reproduces the view and Back/Forward move through pages with the filter intact. The link never carries data.
import { useEffect } from 'react';
import { applyFilterState, onFilterChange, readFilterState } from '../data/selections';
import { filterStateFromParams, filterStateToParams } from '../lib/filter-state';

function readUrl(): void {
  applyFilterState(filterStateFromParams(new URLSearchParams(location.search)));
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
