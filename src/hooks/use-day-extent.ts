// The days the incidents span (first and last epoch day), re-read after every data change: undefined while it is
// read, null when there are no incidents.
import { useEffect, useState } from 'react';
import { INCIDENT_DAY_EXTENT } from '../data/extent.query';
import type { DayRange } from '../lib/day-range';
import { useDatabase } from './use-database';

export function useDayExtent(): DayRange | null | undefined {
  const { database } = useDatabase();
  const [extent, setExtent] = useState<DayRange | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void database.runner.rows<{ first_day: number | null; last_day: number | null }>(INCIDENT_DAY_EXTENT).then(([r]) => {
      if (live) setExtent(r?.first_day != null && r.last_day != null ? { from: r.first_day, to: r.last_day } : null);
    });
    return () => { live = false; };
  }, [database]);
  return extent;
}
