// Which two-week period a lägesbild covers, and what it is compared with. Pure.
//   previous   the two-week period before (v. 43–44 before v. 45–46; v. 51–53 before v. 1–2);
//   last year  the period with the same name a year earlier (v. 45–46 2025). When the two differ in length
//              (v. 51–53 in a 53-week year against v. 51–52), counts are compared per day: see compareCounts.
import { biweekPeriodOf, biweekRange, latestCompleteBiweek, shiftBiweek, weeksInIsoYear, type BiweekPeriod } from '../../lib/iso-week';
import { dateOfEpochDay, epochDayOf } from '../../lib/epoch-day';
import type { DayRange } from '../../lib/day-range';
import { fromBiweek, sameLastYear, shiftPeriod, type ReportPeriod } from './report-periods';

/** The periods one lägesbild compares (any unit: report-periods.ts), with their day ranges. */
export interface LagesbildPeriods {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  lastYearPeriod: ReportPeriod;
  current: DayRange;
  previous: DayRange;
  lastYear: DayRange;
}

export function dayRangeOf(p: BiweekPeriod): DayRange {
  const { start, end } = biweekRange(p);
  return { from: epochDayOf(start), to: epochDayOf(end) - 1 };
}

/** The same weeks a year earlier; the last period of a year is 51–52 or 51–53 depending on that year. */
export function sameBiweekLastYear(p: BiweekPeriod): BiweekPeriod {
  const year = p.year - 1;
  return p.firstWeek === 51 ? { year, firstWeek: 51, lastWeek: weeksInIsoYear(year) } : { year, firstWeek: p.firstWeek, lastWeek: p.lastWeek };
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

/**
 * The default: the latest two-week period the data fully covers — or, when the data is shorter than that (a file of
 * two days), the period that holds the data's last day, so the page never opens on a period before the data.
 * @param lastDataDay, firstDataDay epoch days of the data's extent.
 */
export function defaultLagesbildPeriod(lastDataDay: number, firstDataDay: number = Number.NEGATIVE_INFINITY): BiweekPeriod {
  const complete = latestCompleteBiweek(dateOfEpochDay(lastDataDay));
  return dayRangeOf(complete).to < firstDataDay ? biweekPeriodOf(dateOfEpochDay(lastDataDay)) : complete;
}

/** A period as it travels in the URL and names the saved assessment: "2026-v45-46". */
export function periodKey(p: BiweekPeriod): string {
  return `${p.year}-v${p.firstWeek}-${p.lastWeek}`;
}

export function parsePeriodKey(text: string | null | undefined): BiweekPeriod | null {
  const m = /^(\d{4})-v(\d{1,2})-(\d{1,2})$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const firstWeek = Number(m[2]);
  if (year < 1900 || year > 2200 || firstWeek < 1 || firstWeek > 53) return null;
  const { start } = biweekRange({ year, firstWeek, lastWeek: firstWeek });
  const p = biweekPeriodOf(start);
  // Only real period names: "2026-v45-46", not "2026-v46-47".
  return p.year === year && p.firstWeek === firstWeek && p.lastWeek === Number(m[3]) ? p : null;
}

/** Stepping stays within the data: not before its first period, not past its latest complete one. */
export function canStep(p: BiweekPeriod, steps: number, data: DayRange): boolean {
  const next = dayRangeOf(shiftBiweek(p, steps));
  return next.to >= data.from && next.to <= data.to;
}
