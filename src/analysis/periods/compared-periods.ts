// Which periods one lägesbild compares, in any rhythm (report-periods.ts): the period itself, the one before it
// (v. 43–44 before v. 45–46; v. 51–53 before v. 1–2) and the period with the same name a year earlier (v. 45–46
// 2025). When two differ in length (v. 51–53 in a 53-week year against v. 51–52), counts are compared per day:
// see compareCounts. Pure.
import type { BiweekPeriod } from '../../lib/iso-week';
import type { DayRange } from '../../lib/day-range';
import { fromBiweek, sameLastYear, shiftPeriod, type ReportPeriod } from './report-periods';

/** The periods one lägesbild compares, with their day ranges (epoch days, inclusive). */
export interface LagesbildPeriods {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  lastYearPeriod: ReportPeriod;
  current: DayRange;
  previous: DayRange;
  lastYear: DayRange;
}

/** A period of any unit, or a two-week period in ISO-week terms ({ year, firstWeek, lastWeek }). */
export function lagesbildPeriods(p: ReportPeriod | BiweekPeriod): LagesbildPeriods {
  const period = asReportPeriod(p);
  const previousPeriod = shiftPeriod(period, -1);
  const lastYearPeriod = sameLastYear(period);
  const range = (r: ReportPeriod) => ({ from: r.from, to: r.to });
  return { period, previousPeriod, lastYearPeriod, current: range(period), previous: range(previousPeriod), lastYear: range(lastYearPeriod) };
}

export function asReportPeriod(p: ReportPeriod | BiweekPeriod): ReportPeriod {
  return 'unit' in p ? p : fromBiweek(p);
}
