// The period a lägesbild covers, for whatever rhythm the group meets on (#19 item 2): an ISO week (EST's weekly
// picture), an ISO two-week period (the default), a calendar month, a tertial (jan–apr, maj–aug, sep–dec: EST's larger
// analyses) or a quarter. A period is its unit and its first and last epoch day; the rest follows from the unit:
//   previous   the period of the same unit just before;
//   last year  the same ISO week(s) of the ISO year before (week 53 → 52; 51–53 ↔ 51–52) for weeks and two-week
//              periods, the same calendar months for months, tertials and quarters. Lengths can differ (v. 51–53,
//              February): counts are then compared per day (count-change.ts).
// In the URL and as the assessment's key: "2026-v45-46" (two weeks, as before), "2026-v45", "2026-11", "2026-T3",
// "2026-K4".
import { bucketOf, sameTimeLastYear } from './period-buckets';
import { tertial, tertialOf } from './tertials';
import { biweekPeriodOf, biweekRange, isoWeekOf, isoWeekStart, weeksInIsoYear, type BiweekPeriod } from '../../lib/iso-week';
import { dateOfEpochDay, epochDayOf } from '../../lib/epoch-day';
import { formatBiweek, formatIsoWeek, type Language } from '../../lib/format';
import type { DayRange } from '../../lib/day-range';

export const REPORT_UNITS = ['week', 'biweek', 'month', 'tertial', 'quarter'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

export interface ReportPeriod {
  unit: ReportUnit;
  /** First and last epoch day. */
  from: number;
  to: number;
}

/** The period of `unit` that holds `day`. */
export function periodOf(day: number, unit: ReportUnit): ReportPeriod {
  if (unit === 'tertial') {
    const t = tertialOf(day);
    return { unit, from: t.from, to: t.to };
  }
  const b = bucketOf(day, unit);
  return { unit, from: b.from, to: b.to };
}

/** `n` periods later (negative: earlier). */
export function shiftPeriod(p: ReportPeriod, n: number): ReportPeriod {
  let q = p;
  for (let i = 0; i < Math.abs(n); i++) q = periodOf(n > 0 ? q.to + 1 : q.from - 1, p.unit);
  return q;
}

/** A two-week period in the ISO-week terms of lib/iso-week.ts (for the unit 'biweek'). */
export function asBiweek(p: ReportPeriod): BiweekPeriod {
  return biweekPeriodOf(dateOfEpochDay(p.from));
}

export function fromBiweek(b: BiweekPeriod): ReportPeriod {
  const { start, end } = biweekRange(b);
  return { unit: 'biweek', from: epochDayOf(start), to: epochDayOf(end) - 1 };
}

/** The same period a year earlier (see the head of this file). */
export function sameLastYear(p: ReportPeriod): ReportPeriod {
  const date = dateOfEpochDay(p.from);
  // Weeks and two-week periods: Trender's rule (period-buckets.ts), so the two pages compare the same weeks.
  if (p.unit === 'biweek' || p.unit === 'week') return { unit: p.unit, ...sameTimeLastYear(p, p.unit) };
  if (p.unit === 'tertial') {
    const t = tertialOf(p.from);
    const last = tertial(t.year - 1, t.index);
    return { unit: 'tertial', from: last.from, to: last.to };
  }
  return periodOf(epochDayOf(new Date(date.getFullYear() - 1, date.getMonth(), 1)), p.unit);
}

/** "v. 45–46 2026", "v. 45 2026", "november 2026", "T3 2026 (sep–dec)", "kv. 4 2026". */
export function formatPeriod(p: ReportPeriod, language: Language = 'sv'): string {
  const date = dateOfEpochDay(p.from);
  switch (p.unit) {
    case 'biweek': return formatBiweek(asBiweek(p), language);
    case 'week': return formatIsoWeek(isoWeekOf(date), language);
    case 'month': return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric' }).format(date);
    case 'tertial': {
      const t = tertialOf(p.from);
      return `T${t.index} ${t.year} (${(language === 'sv' ? ['jan–apr', 'maj–aug', 'sep–dec'] : ['Jan–Apr', 'May–Aug', 'Sep–Dec'])[t.index - 1]})`;
    }
    case 'quarter': return `${language === 'sv' ? 'kv. ' : 'Q'}${Math.floor(date.getMonth() / 3) + 1} ${date.getFullYear()}`;
  }
}

/** A short label for a chart axis: "45–46", "v. 45", "nov.", "T3 2026", "kv. 4". */
export function shortPeriodLabel(p: ReportPeriod, language: Language = 'sv'): string {
  const date = dateOfEpochDay(p.from);
  switch (p.unit) {
    case 'biweek': { const b = asBiweek(p); return `${b.firstWeek}–${b.lastWeek}`; }
    case 'week': return `${language === 'sv' ? 'v.' : 'wk'} ${isoWeekOf(date).week}`;
    case 'month': return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short' }).format(date);
    case 'tertial': return `T${tertialOf(p.from).index} ${date.getFullYear()}`;
    case 'quarter': return `${language === 'sv' ? 'kv. ' : 'Q'}${Math.floor(date.getMonth() / 3) + 1}`;
  }
}

/** The period as it travels in the URL and names the saved assessment. */
export function reportPeriodKey(p: ReportPeriod): string {
  const date = dateOfEpochDay(p.from);
  switch (p.unit) {
    case 'biweek': { const b = asBiweek(p); return `${b.year}-v${b.firstWeek}-${b.lastWeek}`; }
    case 'week': { const w = isoWeekOf(date); return `${w.year}-v${w.week}`; }
    case 'month': return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    case 'tertial': return `${date.getFullYear()}-T${tertialOf(p.from).index}`;
    case 'quarter': return `${date.getFullYear()}-K${Math.floor(date.getMonth() / 3) + 1}`;
  }
}

/** The key back to its period; null for anything that is not a real period's key ("2026-v46-47", "2026-13"). */
export function parseReportPeriodKey(text: string | null | undefined): ReportPeriod | null {
  const s = text ?? '';
  let m: RegExpExecArray | null;
  const yearOk = (y: number) => y >= 1900 && y <= 2200;
  if ((m = /^(\d{4})-v(\d{1,2})-(\d{1,2})$/.exec(s))) {
    const [year, firstWeek, lastWeek] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!yearOk(year) || firstWeek < 1 || firstWeek > weeksInIsoYear(year)) return null;
    const b = biweekPeriodOf(isoWeekStart({ year, week: firstWeek }));
    return b.year === year && b.firstWeek === firstWeek && b.lastWeek === lastWeek ? fromBiweek(b) : null;
  }
  if ((m = /^(\d{4})-v(\d{1,2})$/.exec(s))) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (!yearOk(year) || week < 1 || week > weeksInIsoYear(year)) return null;
    return periodOf(epochDayOf(isoWeekStart({ year, week })), 'week');
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return yearOk(year) && month >= 1 && month <= 12 ? periodOf(epochDayOf(new Date(year, month - 1, 1)), 'month') : null;
  }
  if ((m = /^(\d{4})-T([1-3])$/.exec(s))) {
    const t = tertial(Number(m[1]), Number(m[2]) as 1 | 2 | 3);
    return yearOk(t.year) ? { unit: 'tertial', from: t.from, to: t.to } : null;
  }
  if ((m = /^(\d{4})-K([1-4])$/.exec(s))) {
    const year = Number(m[1]);
    return yearOk(year) ? periodOf(epochDayOf(new Date(year, (Number(m[2]) - 1) * 3, 1)), 'quarter') : null;
  }
  return null;
}

/**
 * The default: the latest period of `unit` the data fully covers — or, when the data is shorter than that, the
 * period that holds its last day, so the page never opens on a period before the data.
 */
export function defaultReportPeriod(unit: ReportUnit, lastDataDay: number, firstDataDay: number = Number.NEGATIVE_INFINITY): ReportPeriod {
  const last = periodOf(lastDataDay, unit);
  const complete = last.to <= lastDataDay ? last : shiftPeriod(last, -1);
  return complete.to < firstDataDay ? last : complete;
}

/**
 * Stepping stays within the data: to any period with a day of data, the ongoing one the data ends in too (a tester's
 * ▶ stopped at October on 22 November; the page says how many of its days the data covers). Never to a period
 * wholly before or after the data (its counts would be no data).
 */
export function canStepPeriod(p: ReportPeriod, steps: number, data: DayRange): boolean {
  const next = shiftPeriod(p, steps);
  return next.to >= data.from && next.from <= data.to;
}
