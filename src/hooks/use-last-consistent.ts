// A view that draws from several answers (counts, a study area, a cell size) must not draw them mixed while some of
// them are on their way: this keeps the last whole set until the next one is.
import { useRef } from 'react';

/**
 * `value` while `consistent` is true; otherwise the last `value` that was (null if none yet). For a view whose parts
 * arrive at different times: after a cell-size change the Karta read the old size's counts as the new size's cells
 * until the new counts came — they matched none, so for the length of a query the map emptied and the rule line named
 * the new size over no hot spots. With this it draws the old size whole until the new size is whole.
 */
export function useLastConsistent<T>(value: T, consistent: boolean): T | null {
  const last = useRef<T | null>(null);
  // Written during render on purpose: the returned value must be the one this render uses. Idempotent, so a second
  // render (React's strict mode) changes nothing.
  if (consistent) last.current = value;
  return consistent ? value : last.current;
}
