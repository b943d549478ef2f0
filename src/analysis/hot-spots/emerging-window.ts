// The periods the emerging hot-spot analysis runs over: the latest complete ISO two-week periods, ending at
// the data's last day or the end of the filtered period, whichever is earlier.
import { biweekRange, latestCompleteBiweek, shiftBiweek, type BiweekPeriod } from '../../lib/iso-week';
import { dateOfEpochDay, epochDayOf } from '../../lib/epoch-day';

export interface EmergingWindow {
  periods: BiweekPeriod[];
  /** First day of each period, then the day after the last. */
  starts: number[];
}

export function emergingWindow(lastDataDay: number, periodEnd: number | undefined, steps: number): EmergingWindow {
  const end = Math.min(lastDataDay, periodEnd ?? lastDataDay);
  const last = latestCompleteBiweek(dateOfEpochDay(end));
  const periods = Array.from({ length: steps }, (_, i) => shiftBiweek(last, i - (steps - 1)));
  const starts = periods.map((p) => epochDayOf(biweekRange(p).start));
  starts.push(epochDayOf(biweekRange(last).end));
  return { periods, starts };
}
