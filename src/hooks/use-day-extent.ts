// The days the incidents span (first and last epoch day), re-read after every data change: undefined while it is
// read, null when there are no incidents.
import { useMemo } from 'react';
import { INCIDENT_DAY_EXTENT } from '../data/extent.query';
import type { DayRange } from '../lib/day-range';
import { useRows } from './use-rows';

/** The incidents' first and last epoch day. */
export function useDayExtent(): DayRange | null | undefined {
  const rows = useRows<{ first_day: number | null; last_day: number | null }>(INCIDENT_DAY_EXTENT);
  return useMemo(() => {
    if (!rows) return undefined;
    const [r] = rows;
    return r?.first_day != null && r.last_day != null ? { from: r.first_day, to: r.last_day } : null;
  }, [rows]);
}
