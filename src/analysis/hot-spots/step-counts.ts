// The emerging hot-spot analysis counts per cell and two-week step; the Karta asks DuckDB for counts per cell and
// ISO week once per filter (cellWeekCountsQuery) and sums the steps here, so moving the period costs no query.
import type { CellKey, StepCount } from './hot-spots.model';

/** Incidents of one cell in one ISO week; `week` is the week's Monday as an epoch day. */
export interface WeekCount extends CellKey { week: number; n: number; key?: number | bigint }

/**
 * Sums weeks into the steps of `starts` (emerging-window.ts: each step's first epoch day and, last, the day after the
 * final step; every one a Monday). A week belongs to the step that holds its Monday; weeks outside the window are left
 * out. Equal to cellStepCountsQuery over the same rows (tests/unit/step-counts.test.ts). `key` is summed as a number.
 * Returns one row per cell and step with incidents, in no particular order.
 */
export function stepCountsFromWeeks(weeks: WeekCount[], starts: number[]): StepCount[] {
  const first = starts[0];
  const end = starts[starts.length - 1];
  const sums = new Map<string, StepCount & { key: number }>();
  for (const w of weeks) {
    if (w.week < first || w.week >= end) continue;
    const step = stepOf(starts, w.week);
    const id = `${w.ix}:${w.iy}:${step}`;
    const sum = sums.get(id);
    if (sum) {
      sum.n += Number(w.n);
      sum.key += Number(w.key ?? 0);
    } else {
      sums.set(id, { ix: w.ix, iy: w.iy, step, n: Number(w.n), key: Number(w.key ?? 0) });
    }
  }
  return [...sums.values()];
}

/** The last i with starts[i] ≤ day (binary search; day is inside the window). */
function stepOf(starts: number[], day: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
