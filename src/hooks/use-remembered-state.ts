// State that outlives its page for the rest of the visit: the Karta's layer, cell size and the like are as the user
// left them when they come back from another page (a tester chose 250 m, looked at Översikt, and found the default
// size again). Kept in memory only: a reload or another tab starts from the defaults, so nothing of one analyst's
// session is left on a shared machine.
import { useCallback, useState } from 'react';

const remembered = new Map<string, unknown>();

/**
 * `useState` under `key` (unique across the app), starting from the value last set under that key in this visit,
 * else from `initial`. `prefer`, when not undefined, wins over the remembered value at mount (a link that names a
 * cell opens on that cell's size). Returns the value and its setter (a value, not an updater function).
 */
export function useRememberedState<T>(key: string, initial: T, prefer?: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (prefer !== undefined ? prefer : remembered.has(key) ? (remembered.get(key) as T) : initial));
  const set = useCallback((next: T) => {
    remembered.set(key, next);
    setValue(next);
  }, [key]);
  return [value, set];
}
