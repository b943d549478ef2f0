import { dateOfEpochDay } from './epoch-day';
import { formatDate, formatIsoWeek, type Language } from './format';
import { isoWeekOf } from './iso-week';

/** An inclusive range of epoch days (see epoch-day.ts). */
export interface DayRange {
  from: number;
  to: number;
}

/** Days of `r` inside `extent` (0 when none): the days a count over `r` can actually have come from. */
export function coveredDays(r: DayRange, extent: DayRange): number {
  return Math.max(0, Math.min(r.to, extent.to) - Math.max(r.from, extent.from) + 1);
}

/** The days of `r` inside `data` (epoch days, inclusive), and whether `data` cuts `r` short (a week the data's first
 * or last day falls in: its count is not a whole week's). */
export function clipToData(r: DayRange, data: DayRange): DayRange & { partial: boolean } {
  const from = Math.max(r.from, data.from);
  const to = Math.min(r.to, data.to);
  return { from, to, partial: from !== r.from || to !== r.to };
}

/** Monday of the ISO week that holds an epoch day (epoch day 0, 1970-01-01, was a Thursday). */
export function mondayOf(epochDay: number): number {
  return epochDay - ((((epochDay + 3) % 7) + 7) % 7);
}

/**
 * "2026-11-02 – 2026-11-15 (v. 45 2026 – v. 46 2026)"; one week once ("v. 26 2026", not "v. 26 2026 – v. 26 2026"),
 * one day as its date. The weeks are named only when the range is whole ISO weeks (Monday to Sunday): 2026-07-26 –
 * 2026-08-22 is 28 days, and "(v. 30 – v. 34)" beside it claimed 35 (helper-62, Karta's panel); "2 under 2026-03-10
 * (v. 11 2026)" read as two in the week (helper-63).
 */
export function describeDayRange(range: DayRange, language: Language): string {
  const from = dateOfEpochDay(range.from);
  const to = dateOfEpochDay(range.to);
  if (range.from === range.to) return formatDate(from);
  const days = `${formatDate(from)} – ${formatDate(to)}`;
  if (mondayOf(range.from) !== range.from || mondayOf(range.to) !== range.to - 6) return days;
  const [firstWeek, lastWeek] = [formatIsoWeek(isoWeekOf(from), language), formatIsoWeek(isoWeekOf(to), language)];
  return `${days} (${firstWeek === lastWeek ? firstWeek : `${firstWeek} – ${lastWeek}`})`;
}
