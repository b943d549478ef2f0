// Whether the Trender comparison's periods place their incidents in areas alike — asked only under an area filter,
// where a change is a change per area: with the police's events naming only the län from 2026, "Arboga" fell
// "▼ −100 %" against the period before and "Skåne län" rose by thousands of percent (lib/statistics/placement-shift.ts).
import { useMemo } from 'react';
import { whereSql } from '../../data/filter-predicates';
import { placementLevelsSql } from '../../data/placement-level.query';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import type { DayRange } from '../../lib/day-range';
import { placementShift, type PlacementShift } from '../../lib/statistics/placement-shift';

type Levels = { level: string; current: number; previous: number };

const shiftOf = (rows: Levels[] | undefined) =>
  rows ? placementShift(Object.fromEntries(rows.map((r) => [r.level, r.current])), Object.fromEntries(rows.map((r) => [r.level, r.previous]))) : null;

/**
 * The placement shift of the current period against the one before and against last year, over the rows every
 * filter but the period and the area keeps (the area's own rows would hide the shift: they are all in the area).
 * Both null without an area filter (`areaFiltered` false), without periods, or while being read.
 */
export function useComparisonPlacementShift(periods: { current: DayRange; previous: DayRange; lastYear: DayRange } | null, areaFiltered: boolean): { vsPrevious: PlacementShift | null; vsLastYear: PlacementShift | null } {
  const filter = useFilterPredicates(['period', 'area']);
  const ask = (against: DayRange | undefined) => (areaFiltered && periods && against ? placementLevelsSql(whereSql(filter.incidents), periods.current, against) : null);
  const previous = useRows<Levels>(ask(periods?.previous), { keepPrevious: false });
  const lastYear = useRows<Levels>(ask(periods?.lastYear), { keepPrevious: false });
  return useMemo(() => ({
    vsPrevious: areaFiltered ? shiftOf(previous) : null,
    vsLastYear: areaFiltered ? shiftOf(lastYear) : null,
  }), [previous, lastYear, areaFiltered]);
}
