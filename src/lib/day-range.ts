import { dateOfEpochDay } from './epoch-day';
import { formatDate, formatIsoWeek, type Language } from './format';
import { isoWeekOf } from './iso-week';

/** An inclusive range of epoch days (see epoch-day.ts). */
/** Days of `r` inside `extent` (0 when none): the days a count over `r` can actually have come from. */
export function coveredDays(r: DayRange, extent: DayRange): number {
  return Math.max(0, Math.min(r.to, extent.to) - Math.max(r.from, extent.from) + 1);
}

export interface DayRange {
  from: number;
  to: number;
}

/** Monday of the ISO week that holds an epoch day (epoch day 0, 1970-01-01, was a Thursday). */
export function mondayOf(epochDay: number): number {
  return epochDay - ((((epochDay + 3) % 7) + 7) % 7);
}

export function describeDayRange(range: DayRange, language: Language): string {
  const from = dateOfEpochDay(range.from);
  const to = dateOfEpochDay(range.to);
  return `${formatDate(from)} – ${formatDate(to)} (${formatIsoWeek(isoWeekOf(from), language)} – ${formatIsoWeek(isoWeekOf(to), language)})`;
}
