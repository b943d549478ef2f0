// Whether the Trender comparison's periods place their incidents in areas alike — asked only under an area filter,
// where a change is a change per area: with the police's events naming only the län from 2026, "Arboga" fell
// "▼ −100 %" against the period before and "Skåne län" rose by thousands of percent (lib/statistics/placement-shift.ts).
import { useMemo } from 'react';
import { whereSql } from '../../data/filter-predicates';
import { placementLevelsSql } from '../../data/placement-level.query';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import type { DayRange } from '../../lib/day-range';
import type { AreaRef } from '../../lib/filter-state';
import { placementShift, type PlacementShift } from '../../lib/statistics/placement-shift';

type Levels = { level: string; current: number; previous: number };

/**
 * The shift between the two windows of `rows` (placement levels, PLACEMENT_LEVEL). With the area filter's `kind`
 * (not ''), only whether an incident lies in some area of that kind counts, as on the Karta's ranking
 * (kindPlacementSql): an event the police place by its kommun lies in its län as much as one placed by the län alone,
 * so a län compares like with like across the police's switch, while a kommun does not. Without a kind, every level.
 * Trender withheld Skåne's T1 2026 against T3 2025 that the Karta showed (helper-62).
 */
export function comparisonShift(rows: Levels[], kind?: string): PlacementShift | null {
  if (kind) {
    const inKind = (level: string) => !level.startsWith('-') && level.split(',').includes(kind);
    const split = (pick: (r: Levels) => number) => ({
      in: rows.filter((r) => inKind(r.level)).reduce((s, r) => s + pick(r), 0),
      out: rows.filter((r) => !inKind(r.level)).reduce((s, r) => s + pick(r), 0),
    });
    return placementShift(split((r) => r.current), split((r) => r.previous));
  }
  return placementShift(Object.fromEntries(rows.map((r) => [r.level, r.current])), Object.fromEntries(rows.map((r) => [r.level, r.previous])));
}

/**
 * The placement shift of the current period against the one before and against last year, over the rows every
 * filter but the period and the area keeps (the area's own rows would hide the shift: they are all in the area).
 * Both null without an area filter (`area` undefined), without periods, or while being read (comparisonShift).
 */
export function useComparisonPlacementShift(periods: { current: DayRange; previous: DayRange; lastYear: DayRange } | null, area: AreaRef | undefined): { vsPrevious: PlacementShift | null; vsLastYear: PlacementShift | null } {
  const areaFiltered = area !== undefined;
  const filter = useFilterPredicates(['period', 'area']);
  const ask = (against: DayRange | undefined) => (areaFiltered && periods && against ? placementLevelsSql(whereSql(filter.incidents), periods.current, against) : null);
  const previous = useRows<Levels>(ask(periods?.previous), { keepPrevious: false });
  const lastYear = useRows<Levels>(ask(periods?.lastYear), { keepPrevious: false });
  return useMemo(() => ({
    vsPrevious: areaFiltered && previous ? comparisonShift(previous, area?.kind) : null,
    vsLastYear: areaFiltered && lastYear ? comparisonShift(lastYear, area?.kind) : null,
  }), [previous, lastYear, areaFiltered, area?.kind]);
}
