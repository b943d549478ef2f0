// The periods every page counts in, pure: an epoch day → its bucket (day, ISO week, ISO two weeks with week 53
// joining 51–53, month, quarter), bucket labels, the period before and the "same period last year". Used by Trender
// and Karta; the lägesbild's periods in any rhythm are in report-periods.ts (what it compares: compared-periods.ts),
// ISO week arithmetic in lib/iso-week.
import { dateOfEpochDay, epochDayOf, calendarDate } from '../../lib/epoch-day';
import { mondayOf } from '../../lib/day-range';
import { biweekPeriodOf, biweekRange, isoWeekOf } from '../../lib/iso-week';
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
  return { from: epochDayOf(calendarDate(y, q * 3, 1)), to: epochDayOf(calendarDate(y, q * 3 + 3, 0)), label: `${language === 'sv' ? 'kv.' : 'Q'}${q + 1} ${y}` };
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
 * The same period one year earlier: the same ISO weeks (52 weeks back, so weekdays line up — what CompStat
 * compares) for days, weeks and two-week periods; the same calendar months for months and quarters.
 */
export function sameTimeLastYear(range: { from: number; to: number }, unit: Unit): { from: number; to: number } {
  if (unit === 'month' || unit === 'quarter') {
    const shift = (day: number, end: boolean) => {
      const d = dateOfEpochDay(day);
      return end ? epochDayOf(calendarDate(d.getFullYear() - 1, d.getMonth() + 1, 0)) : epochDayOf(calendarDate(d.getFullYear() - 1, d.getMonth(), 1));
    };
    return { from: shift(range.from, false), to: shift(range.to, true) };
  }
  return { from: range.from - 364, to: range.to - 364 };
}

/** The period before, equally long. */
export function previousPeriod(range: { from: number; to: number }): { from: number; to: number } {
  const length = range.to - range.from + 1;
  return { from: range.from - length, to: range.from - 1 };
}
