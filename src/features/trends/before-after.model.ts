// Which interventions the before/after comparison can take, and why the others can't. The panel said only "each lacks
// an area and a position, or the data does not cover 8 weeks before and after it" — a tester's intervention had an
// area, so the sentence did not say which reason held, nor which window would work.
import type { DayRange } from '../../lib/day-range';

/** The windows offered, in weeks before and after the intervention's first day. */
export const BEFORE_AFTER_WEEKS = [4, 8, 12, 26] as const;

/** What the comparison needs of an intervention: its first day (epoch day) and an area or a position. */
export interface PlacedIntervention {
  epoch_day: number;
  area: string | null;
  grid_e: number | null;
}

/** True when the intervention has an area or a position to count around. */
function hasPlace(i: PlacedIntervention): boolean {
  return i.area !== null || i.grid_e !== null;
}

/** True when the intervention has a place and the data covers `weeks` whole weeks before its first day and from it on. */
export function canCompare(i: PlacedIntervention, weeks: number, extent: DayRange | null | undefined): boolean {
  return hasPlace(i) && extent != null && i.epoch_day - weeks * 7 >= extent.from && i.epoch_day + weeks * 7 - 1 <= extent.to;
}

/**
 * Why none of `list` can be compared at `weeks`: `withoutPlace` have neither area nor position; `outsideData` have one
 * but lie too near the data's first or last day; `longestWindow` is the longest offered window (BEFORE_AFTER_WEEKS)
 * shorter than `weeks` at which `usableThen` of them can be compared, null when none is.
 */
export function whyNoneComparable(list: readonly PlacedIntervention[], weeks: number, extent: DayRange | null | undefined): { withoutPlace: number; outsideData: number; longestWindow: number | null; usableThen: number } {
  const placed = list.filter(hasPlace);
  const windows = BEFORE_AFTER_WEEKS.filter((w) => w < weeks).reverse();
  for (const w of windows) {
    const usable = placed.filter((i) => canCompare(i, w, extent)).length;
    if (usable > 0) return { withoutPlace: list.length - placed.length, outsideData: placed.length, longestWindow: w, usableThen: usable };
  }
  return { withoutPlace: list.length - placed.length, outsideData: placed.length, longestWindow: null, usableThen: 0 };
}
