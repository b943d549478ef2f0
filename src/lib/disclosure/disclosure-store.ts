// Whether the app is in public mode (small counts hidden) and with which k. Remembered across visits; the
// presentation overrides it with its own switch (on by default) through DisclosureContext.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { readSetting, writeSetting } from '../../data/settings-store';
import { DEFAULT_K, type DisclosureRule } from './suppression';

export interface Disclosure {
  /** null: the analyst's own view, every count shown. */
  rule: DisclosureRule | null;
  k: number;
}

export const MIN_K = 2;
export const MAX_K = 50;

export function parseK(text: string | null): number {
  const k = Number(text);
  return Number.isInteger(k) && k >= MIN_K && k <= MAX_K ? k : DEFAULT_K;
}

const listeners = new Set<() => void>();
let current: Disclosure = read();

function read(): Disclosure {
  const k = parseK(readSetting('public.k'));
  return { k, rule: readSetting('public') === 'on' ? { k } : null };
}

export function setPublicMode(on: boolean, k: number = current.k): void {
  writeSetting('public', on ? 'on' : 'off');
  writeSetting('public.k', String(parseK(String(k))));
  current = read();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStoredDisclosure(): Disclosure {
  return useSyncExternalStore(subscribe, () => current);
}

/** Set by the presentation for its slides; elsewhere the stored setting applies. */
export const DisclosureContext = createContext<Disclosure | null>(null);

export function useDisclosure(): Disclosure {
  const stored = useStoredDisclosure();
  return useContext(DisclosureContext) ?? stored;
}
