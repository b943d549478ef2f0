// The import page's cards (one per dropped file) outlive the page while they matter: an analyst who starts a long
// import and opens Översikt meanwhile comes back to its progress, or to its summary and rejected rows — with the cards
// in the page's own state, the import ran on unseen and its report (which rows were rejected, and why) was lost.
// Leaving the page clears the cards whose outcome has been on screen; a running import's card, one that finished
// while the page was closed (until it has been seen), and a planned one — a file added and not yet imported, perhaps
// waiting for the running import — stay (a tester lost a waiting file by looking at Översikt). A reload starts over,
// as the import itself does (one transaction: nothing of it is stored); while an import runs the browser asks first.
import { useEffect, useSyncExternalStore } from 'react';
import type { ImportEntry } from './import-entry.model';

let entries: ImportEntry[] = [];
let pagesOpen = 0;
const listeners = new Set<() => void>();
/** Files dropped on another page, for the import page to take when it opens (takeDroppedFiles). */
let droppedFiles: File[] = [];
/** The running imports' cancel switches, by card key. */
export const importControllers = new Map<string, AbortController>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Replaces the list of cards with `change(list)` and tells every page that shows them. */
export function changeImportEntries(change: (list: ImportEntry[]) => ImportEntry[]): void {
  entries = change(entries);
  for (const listener of listeners) listener();
}

/**
 * The import page has opened; returns what to call when it closes. When it closes, its cards are cleared except
 * running imports and planned ones (not yet started): an import that ends while the page is closed keeps its card
 * (and report) until the page is next left.
 */
export function openImportPage(): () => void {
  pagesOpen++;
  return () => {
    pagesOpen--;
    // Only if the page stays closed: React's StrictMode (npm start) unmounts and mounts it again at once, and
    // clearing then would drop the report of an import that ended while the page was closed.
    setTimeout(() => {
      if (pagesOpen === 0) changeImportEntries((list) => list.filter((e) => e.status === 'importing' || e.status === 'planned'));
    }, 0);
  };
}

/** The import page is open while the calling component is mounted (openImportPage). */
export function useImportPageOpen(): void {
  useEffect(openImportPage, []);
}

/** The cards now. */
export function currentImportEntries(): ImportEntry[] {
  return entries;
}

/** The cards, re-rendered on every change. */
export function useImportEntries(): ImportEntry[] {
  return useSyncExternalStore(subscribe, currentImportEntries);
}

/** How many imports are running now (for the navigation's mark on Importera). */
export function useRunningImports(): number {
  return useSyncExternalStore(subscribe, () => entries.filter((e) => e.status === 'importing').length);
}

/** Files dropped on a page other than Importera: kept for the import page, which the app opens next. */
export function dropFilesForImport(files: File[]): void {
  droppedFiles = [...droppedFiles, ...files];
}

/** The files dropped elsewhere since the last call (each given out once). */
export function takeDroppedFiles(): File[] {
  const files = droppedFiles;
  droppedFiles = [];
  return files;
}
