// Keeps the shared filter in the address bar (?period=…&kategori=…, before the #/page), so a copied link
// reproduces the view and Back/Forward move through pages with the filter intact. The link never carries data — only
// a fingerprint of it (?data=…, data-fingerprint.query.ts), so the page that opens a link can say when it holds other
// data than the sender's: the same filter over other data gives other counts.
import { useEffect, useSyncExternalStore } from 'react';
import { applyFilterState, onFilterChange, readFilterState } from '../data/selections';
import { filterStateFromParams, filterStateToParams, refusedFilterParams } from '../lib/filter-state';

// The link's filter parameters that were refused (see refusedFilterParams), for the page to say so.
let refused: string[] = [];
const listeners = new Set<() => void>();
const notify = () => { for (const l of listeners) l(); };
const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

const DATA_PARAM = 'data';
// The data fingerprint the address held when the page opened (a shared link's), and the loaded data's.
let linkData: string | null | undefined;
let currentData: string | null = null;
let mismatchDismissed = false;

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  refused = refusedFilterParams(params);
  // Only the address the page opened with is a shared link; Back/Forward bring the page's own addresses.
  if (linkData === undefined) linkData = params.get(DATA_PARAM);
  notify();
  applyFilterState(filterStateFromParams(params));
}

export function useRefusedFilterParams(): string[] {
  return useSyncExternalStore(subscribe, () => refused);
}

/** The loaded data's fingerprint (DATA_FINGERPRINT), written into the address from now on. */
export function setDataFingerprint(fingerprint: string): void {
  if (fingerprint === currentData) return;
  currentData = fingerprint;
  // For tests and the benchmark to wait on, as `data-queries` (query-activity.ts).
  document.documentElement.dataset.fingerprint = fingerprint;
  notify();
  writeUrl();
}

/** True when the page was opened by a link made on other data than the page holds (until dismissed). */
export function useLinkDataMismatch(): boolean {
  return useSyncExternalStore(subscribe, () => !mismatchDismissed && !!linkData && currentData !== null && linkData !== currentData);
}

export function dismissLinkDataMismatch(): void {
  mismatchDismissed = true;
  notify();
}

function writeUrl(): void {
  const url = new URL(location.href);
  const params = filterStateToParams(readFilterState(), new URLSearchParams(url.search));
  // The fingerprint goes with a selection (filters, a lägesbild period): a bare address claims no counts, and keeps
  // moving between pages a hash change, not a reload.
  const selects = [...params.keys()].some((name) => name !== DATA_PARAM && name !== 'lang');
  if (currentData !== null && selects) params.set(DATA_PARAM, currentData);
  else params.delete(DATA_PARAM);
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
