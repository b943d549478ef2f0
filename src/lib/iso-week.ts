// ISO 8601 weeks (Monday first, week 1 holds the year's first Thursday), as Swedes speak of them:
// "vecka 12", "v. 45–46". All functions take and return local calendar dates; no time zones involved.
import { calendarDate } from './epoch-day';
import { addWeeks, getISOWeek, getISOWeeksInYear, getISOWeekYear, startOfISOWeek } from 'date-fns';

export interface IsoWeek {
  year: number;
  week: number;
}

export function isoWeekOf(date: Date): IsoWeek {
  return { year: getISOWeekYear(date), week: getISOWeek(date) };
}

export function weeksInIsoYear(year: number): 52 | 53 {
  // Any date in the middle of the year lies in that ISO year.
  return getISOWeeksInYear(calendarDate(year, 6, 1)) as 52 | 53;
}

/** Monday 00:00 (local) of the given ISO week. */
export function isoWeekStart({ year, week }: IsoWeek): Date {
  // 4 January is always in ISO week 1.
  return addWeeks(startOfISOWeek(calendarDate(year, 0, 4)), week - 1);
}

export function addIsoWeeks(w: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(addWeeks(isoWeekStart(w), n));
}

export function compareIsoWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}

/**
 * The biweekly lägesbild periods: weeks 1–2, 3–4, … 51–52. In a 53-week year week 53 joins the last
 * period (51–53) rather than starting one that crosses into the next year, so every period belongs to one
 * ISO year and "v. 1–2" always starts the year.
 */
export interface BiweekPeriod {
  year: number;
  firstWeek: number;
  lastWeek: number;
}

export function biweekPeriodOf(date: Date): BiweekPeriod {
  const { year, week } = isoWeekOf(date);
  const lastPairStart = 51;
  const firstWeek = week >= lastPairStart ? lastPairStart : week - ((week - 1) % 2);
  const lastWeek = firstWeek === lastPairStart ? weeksInIsoYear(year) : firstWeek + 1;
  return { year, firstWeek, lastWeek };
}

/** [start, end) of a biweekly period as local dates: Monday of the first week to Monday after the last. */
export function biweekRange(p: BiweekPeriod): { start: Date; end: Date } {
  const start = isoWeekStart({ year: p.year, week: p.firstWeek });
  const end = addWeeks(isoWeekStart({ year: p.year, week: p.lastWeek }), 1);
  return { start, end };
}

export function shiftBiweek(p: BiweekPeriod, steps: number): BiweekPeriod {
  let current = p;
  const direction = Math.sign(steps);
  for (let i = 0; i < Math.abs(steps); i++) {
    const { start, end } = biweekRange(current);
    current = biweekPeriodOf(direction > 0 ? end : addWeeks(start, -1));
  }
  return current;
}

/** The latest biweekly period that has fully ended on or before `day` (a period ending that day counts). */
export function latestCompleteBiweek(day: Date): BiweekPeriod {
  const next = calendarDate(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  const containing = biweekPeriodOf(next);
  const { start } = biweekRange(containing);
  return start.getTime() === next.getTime() ? biweekPeriodOf(day) : shiftBiweek(containing, -1);
}
