// The incidents per ISO week under the filter, with their total and the period's key figure, as one system of
// equations. Översikt draws these weeks; Trender draws the same weeks — or their days, or two-week periods made of
// them — on another page under the same filter. Both publish through this system, so both hide the same weeks:
// before, a period filter made Översikt hide one more week to protect its key figure while Trender showed that week,
// and the key figure minus Trender's weeks gave a hidden small week (a randomised check: 849 of 3 000 filters).
import { sumKeys } from './cell-key';
import { suppressEquations, type DisclosureRule, type Equation, type HiddenReason } from './suppression';
import type { DayRange } from '../day-range';

export interface WeekCount {
  /** The week's Monday (epoch day). */
  weekDay: number;
  incidents: number;
  /** The key sum of its records (cell-key.ts). */
  key: number;
}

/**
 * Flat entries `[...weeks, all, within]` (`all` the weeks' sum, `within` the weeks inside `period`) and their
 * equations: the weeks add up to `all`; with a period of whole weeks, the weeks inside it add up to `within` (the
 * key figure, published here, `ownsTotal`); without a period the key figure is `all` itself. `withinPublished`:
 * whether `within` is published by this system (false when the period is not whole weeks: the key figure is then a
 * lone count of its own). `base` offsets every index, for a larger system that holds these entries (Trender's).
 */
export function weeklySystem(series: readonly WeekCount[], period: DayRange | undefined, extent: DayRange | undefined, base = 0): {
  values: number[]; keys: number[]; equations: Equation[]; all: number; within: number; withinPublished: boolean;
} {
  const values = series.map((p) => p.incidents);
  const keys = series.map((p) => p.key);
  const inside = series.flatMap((p, i) => (!period || (p.weekDay + 6 >= period.from && p.weekDay <= period.to) ? [i] : []));
  const allValue = values.reduce((s, v) => s + v, 0);
  const withinValue = inside.reduce((s, i) => s + values[i], 0);
  const whole = !period || wholeWeeks(period, series, extent);
  const all = base + values.length;
  const within = all + 1;
  const equations: Equation[] = [{ cells: values.map((_, i) => base + i), total: all }];
  if (period && whole) equations.push({ cells: inside.map((i) => base + i), total: within, ownsTotal: true });
  else if (!period) equations.push({ cells: [all], total: within }); // no period: the key figure is the total
  return {
    values: [...values, allValue, withinValue],
    keys: [...keys, sumKeys(keys), sumKeys(inside.map((i) => keys[i]))],
    equations, all, within, withinPublished: whole,
  };
}

/** The latest weeks a reader looks at first: hidden to protect another week only when no other will do (HideLast tier 1). */
export const LATEST_PERIODS = 2;

/**
 * Why each entry of the weekly system (weeklySystem, no offset) is hidden, as Översikt publishes it — the one
 * computation Trender repeats to know which weeks Översikt hides. The latest LATEST_PERIODS weeks are protectors of
 * last resort.
 */
export function suppressWeeks(series: readonly WeekCount[], period: DayRange | undefined, extent: DayRange | undefined, rule: DisclosureRule): (HiddenReason | null)[] {
  const system = weeklySystem(series, period, extent);
  return suppressEquations(system.values, system.equations, rule, latestTiers(series.length));
}

/** HideLast tier 1 for the last LATEST_PERIODS of `count` periods (indices offset by `base`). */
export function latestTiers(count: number, base = 0): Map<number, number> {
  return new Map(Array.from({ length: Math.min(LATEST_PERIODS, count) }, (_, i) => [base + count - 1 - i, 1]));
}

/**
 * Whether `period`, cut to the data's days (`extent`, else the series' weeks: days outside hold no data), is whole
 * weeks of the series: it starts on a week's first day with data and ends on a week's last. The series' weeks are
 * consecutive ISO weeks (`weekDay`: their Mondays); the brush gives whole weeks clipped to the data.
 */
export function wholeWeeks(period: DayRange, series: readonly { weekDay: number }[], extent?: DayRange): boolean {
  if (series.length === 0) return true;
  const first = series[0].weekDay;
  const dataFrom = Math.max(first, extent?.from ?? first);
  const dataTo = Math.min(series[series.length - 1].weekDay + 6, extent?.to ?? Infinity);
  const from = Math.max(period.from, dataFrom);
  const to = Math.min(period.to, dataTo);
  if (from > to) return true; // the period holds none of the data's days: 0 either way
  return (from === dataFrom || (from - first) % 7 === 0) && (to === dataTo || (to - first) % 7 === 6);
}
