// The periods every page counts in, pure: an epoch day → its bucket (day, ISO week, ISO two weeks with week 53
// joining 51–53, month, quarter), bucket labels, the period before and the "same period last year". Used by Trender
// and Karta; the lägesbild's periods in any rhythm are in report-periods.ts (what it compares: compared-periods.ts),
// ISO week arithmetic in lib/iso-week.
import { dateOfEpochDay, epochDayOf, calendarDate } from '../../lib/epoch-day';
import { mondayOf } from '../../lib/day-range';
import { biweekPeriodOf, biweekRange, isoWeekOf, isoWeekStart, weeksInIsoYear } from '../../lib/iso-week';
import { formatBiweek, formatDate, formatIsoWeek, type Language } from '../../lib/format';

export const UNITS = ['day', 'week', 'biweek', 'month', 'quarter'] as const;
export type Unit = (typeof UNITS)[number];

export interface Bucket {
  /** First and last epoch day of the bucket. */
  from: number;
  to: number;
  label: string;
}

export function bucketOf(day: number, unit: Unit, language: Language = 'sv'): Bucket {
  const date = dateOfEpochDay(day);
  if (unit === 'day') return { from: day, to: day, label: formatDate(date) };
  if (unit === 'week') {
    const from = mondayOf(day);
    return { from, to: from + 6, label: formatIsoWeek(isoWeekOf(date), language) };
  }
  if (unit === 'biweek') {
    const p = biweekPeriodOf(date);
    const { start, end } = biweekRange(p);
    return { from: epochDayOf(start), to: epochDayOf(end) - 1, label: formatBiweek(p, language) };
  }
  const y = date.getFullYear();
  if (unit === 'month') {
    const m = date.getMonth();
    const label = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', year: 'numeric' }).format(date);
    return { from: epochDayOf(calendarDate(y, m, 1)), to: epochDayOf(calendarDate(y, m + 1, 0)), label };
  }
  const q = Math.floor(date.getMonth() / 3);
  return { from: epochDayOf(calendarDate(y, q * 3, 1)), to: epochDayOf(calendarDate(y, q * 3 + 3, 0)), label: `${language === 'sv' ? 'kv. ' : 'Q'}${q + 1} ${y}` };
}

/** Every bucket that touches [from, to], in order. */
export function bucketsBetween(from: number, to: number, unit: Unit, language: Language = 'sv'): Bucket[] {
  const out: Bucket[] = [];
  let day = from;
  while (day <= to) {
    const b = bucketOf(day, unit, language);
    out.push(b);
    day = b.to + 1;
  }
  return out;
}

/**
 * The same period one year earlier: the same ISO weeks and weekdays of the ISO year before for days, weeks and
 * two-week periods (weekdays line up, as CompStat compares; week 53 → week 52 of a 52-week year, so v. 51–53 ↔
 * v. 51–52, and v. 51–52 ↔ the year before's v. 51–53, as the lägesbild's report-periods.ts `sameLastYear`), the same
 * calendar months for months and quarters.
 * Not 52 weeks back: after a 53-week year that is the ISO week after (v. 1 2021 → v. 2 2020, found by a tester) and
 * v. 53 itself lands in the same year (v. 53 2020 → v. 1 2020). Lengths can then differ; comparisons are per day.
 */
export function sameTimeLastYear(range: { from: number; to: number }, unit: Unit): { from: number; to: number } {
  if (unit === 'month' || unit === 'quarter') {
    const shift = (day: number, end: boolean) => {
      const d = dateOfEpochDay(day);
      return end ? epochDayOf(calendarDate(d.getFullYear() - 1, d.getMonth() + 1, 0)) : epochDayOf(calendarDate(d.getFullYear() - 1, d.getMonth(), 1));
    };
    return { from: shift(range.from, false), to: shift(range.to, true) };
  }
  const from = sameIsoDayLastYear(range.from);
  const to = sameIsoDayLastYear(range.to);
  if (unit !== 'biweek') return { from, to };
  // An end on a two-week period's edge stays on one: v. 51–52 of 2021 is compared with the period 2020 had there,
  // v. 51–53 (as the lägesbild does), not with two of its three weeks.
  return {
    from: bucketOf(range.from, unit).from === range.from ? bucketOf(from, unit).from : from,
    to: bucketOf(range.to, unit).to === range.to ? bucketOf(to, unit).to : to,
  };
}

/** The epoch day with the same ISO weekday in the same ISO week of the ISO year before (week 53 → 52 when it has none). */
export function sameIsoDayLastYear(day: number): number {
  const w = isoWeekOf(dateOfEpochDay(day));
  const year = w.year - 1;
  return epochDayOf(isoWeekStart({ year, week: Math.min(w.week, weeksInIsoYear(year)) })) + (day - mondayOf(day));
}

/** The period before, equally long. */
/**
 * The same number of calendar months just before `range`, which starts on a month's first day and ends on a
 * month's last (Q1 → Q4 of the year before, not the 90 days before; helper-69).
 */
export function previousMonths(range: { from: number; to: number }): { from: number; to: number } {
  const a = dateOfEpochDay(range.from);
  const b = dateOfEpochDay(range.to);
  const months = (b.getFullYear() - a.getFullYear()) * 12 + b.getMonth() - a.getMonth() + 1;
  return { from: epochDayOf(calendarDate(a.getFullYear(), a.getMonth() - months, 1)), to: range.from - 1 };
}

export function previousPeriod(range: { from: number; to: number }): { from: number; to: number } {
  const length = range.to - range.from + 1;
  return { from: range.from - length, to: range.from - 1 };
}
