// The import page's cards outlive the page while an import runs or its report is unseen (import-entries.store.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportEntry } from '../../src/features/importer/import-entry.model';

type Store = typeof import('../../src/features/importer/import-entries.store');
const fresh = async (): Promise<Store> => {
  vi.resetModules();
  return import('../../src/features/importer/import-entries.store');
};
const card = (key: string, status: 'planned' | 'importing' | 'done') => ({ key, status }) as unknown as ImportEntry;
const keysOf = (store: Store) => store.currentImportEntries().map((e) => `${e.key}:${e.status}`);

describe('the import cards store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears the seen outcomes when the page closes; a running import (whose report then waits for the next visit) and a planned file stay', async () => {
    const store = await fresh();
    const close = store.openImportPage();
    store.changeImportEntries(() => [card('a', 'planned'), card('b', 'importing'), card('c', 'done')]);
    close();
    await vi.advanceTimersByTimeAsync(0);
    expect(keysOf(store)).toEqual(['a:planned', 'b:importing']);
    // It ends while the page is closed: the card stays, done, until the page has been open and is left again.
    store.changeImportEntries((l) => l.map((e) => (e.key === 'b' ? ({ ...e, status: 'done' }) as ImportEntry : e)));
    await vi.advanceTimersByTimeAsync(0);
    expect(keysOf(store)).toEqual(['a:planned', 'b:done']);
    const closeAgain = store.openImportPage();
    expect(keysOf(store)).toEqual(['a:planned', 'b:done']);
    closeAgain();
    await vi.advanceTimersByTimeAsync(0);
    expect(keysOf(store)).toEqual(['a:planned']);
  });

  it('keeps every card through the unmount and mount that React’s StrictMode does at once', async () => {
    const store = await fresh();
    store.changeImportEntries(() => [card('d', 'done')]); // ended while the page was closed
    const first = store.openImportPage();
    first();
    const second = store.openImportPage();
    await vi.advanceTimersByTimeAsync(0);
    expect(keysOf(store)).toEqual(['d:done']);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(keysOf(store)).toEqual([]);
  });
});
