// Whether the filtered category begins or ends in the data inside the Trender comparison — asked only under a
// category filter, where a change is that category's: the police renamed "Fylleri/LOB" to "Fylleri" on 2026-03-02,
// so "Fylleri" rose from 0 and "Fylleri/LOB" fell to 0 against the period before (lib/statistics/silent-stretch.ts).
import { useMemo } from 'react';
import { whereSql } from '../../data/filter-predicates';
import { categorySpansSql } from '../../data/category-spans.query';
import { incidentDayExtentSql } from '../../data/extent.query';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import type { DayRange } from '../../lib/day-range';
import { categoryBoundaries, type CategorySpan } from '../../lib/statistics/silent-stretch';

/**
 * Per comparison, true when the filtered category begins or ends inside the span from the compared period to the
 * current one's end. The category's life is read over the rows every filter but the period keeps; the data's days
 * over those every filter but the period and the category keeps. Both false without a category filter, without
 * periods, or while being read.
 */
export function useComparisonCategoryBoundary(periods: { current: DayRange; previous: DayRange; lastYear: DayRange } | null, categoryFiltered: boolean): { vsPrevious: boolean; vsLastYear: boolean } {
  const life = useFilterPredicates(['period']);
  const data = useFilterPredicates(['period', 'category']);
  const spans = useRows<CategorySpan>(categoryFiltered && periods ? categorySpansSql(whereSql(life.incidents)) : null, { keepPrevious: false });
  const extent = useRows<{ first_day: number | null; last_day: number | null }>(categoryFiltered && periods ? incidentDayExtentSql(whereSql(data.incidents)) : null, { keepPrevious: false });
  return useMemo(() => {
    const days = extent?.[0];
    if (!categoryFiltered || !periods || !spans || !days || days.first_day === null || days.last_day === null) return { vsPrevious: false, vsLastYear: false };
    const dataDays = { from: days.first_day, to: days.last_day };
    const cuts = (against: DayRange) => categoryBoundaries(spans, { from: against.from, to: periods.current.to }, dataDays).length > 0;
    return { vsPrevious: cuts(periods.previous), vsLastYear: cuts(periods.lastYear) };
  }, [spans, extent, periods, categoryFiltered]);
}
