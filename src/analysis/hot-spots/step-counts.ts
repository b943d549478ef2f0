// The emerging hot-spot analysis counts per cell and two-week step; the Karta asks DuckDB for counts per cell and
// ISO week once per filter (cellWeekCountsQuery) and sums the steps here, so moving the period costs no query.
import { mondayOf } from '../../lib/day-range';
import type { CellCount, CellKey, StepCount } from './hot-spots.model';

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
  // Cell → step → sum, keyed by numbers in two levels: a string key per row ("ix:iy:step") was ~46 MB of garbage over
  // ten Karta steps at 1M rows (133 000 rows per cell and week at 200 m).
  const cells = new Map<number, Map<number, Map<number, StepCount & { key: number }>>>();
  const out: (StepCount & { key: number })[] = [];
  for (const w of weeks) {
    if (w.week < first || w.week >= end) continue;
    const step = stepOf(starts, w.week);
    let column = cells.get(w.ix);
    if (!column) cells.set(w.ix, (column = new Map()));
    let steps = column.get(w.iy);
    if (!steps) column.set(w.iy, (steps = new Map()));
    const sum = steps.get(step);
    if (sum) {
      sum.n += Number(w.n);
      sum.key += Number(w.key ?? 0);
    } else {
      const row = { ix: w.ix, iy: w.iy, step, n: Number(w.n), key: Number(w.key ?? 0) };
      steps.set(step, row);
      out.push(row);
    }
  }
  return out;
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

/**
 * The ISO weeks a period is made of — the Mondays of its first and last week — when it cuts no week short where
 * there are data: each end is a week's end, or lies at or beyond the data's first or last day (`data`, epoch days,
 * inclusive; the Karta's week slider clips its week to them). No period: every week (null ends). A period that cuts a
 * week inside the data (a brushed range of days) gives null: its counts can't be summed from whole weeks.
 */
export function wholeWeeksOf(period: { from: number; to: number } | undefined, data: { from: number; to: number }): { first: number | null; last: number | null } | null {
  if (!period) return { first: null, last: null };
  const startsWeek = mondayOf(period.from) === period.from || period.from <= data.from;
  const endsWeek = mondayOf(period.to) + 6 === period.to || period.to >= data.to;
  return startsWeek && endsWeek ? { first: mondayOf(period.from), last: mondayOf(period.to) } : null;
}

/**
 * Counts and key sums of rows grouped by something and ISO week (`week`: its Monday's epoch day; null for a row
 * without a date), summed per group over the weeks from `weeks.first` to `weeks.last` (Mondays, inclusive; null: no
 * bound). A row without a date counts only when neither end is bound — as the SQL period filter, which no NULL passes.
 * Returns one entry per group with rows in the weeks, in the order groups first appear.
 */
export function sumWeeksBy<R extends { week: number | null; n: number | bigint; key?: number | bigint }>(rows: R[], weeks: { first: number | null; last: number | null }, groupOf: (row: R) => string): { group: string; n: number; key: number }[] {
  const unbounded = weeks.first === null && weeks.last === null;
  const sums = new Map<string, { group: string; n: number; key: number }>();
  for (const r of rows) {
    const week = r.week === null ? null : Number(r.week);
    if (week === null ? !unbounded : (weeks.first !== null && week < weeks.first) || (weeks.last !== null && week > weeks.last)) continue;
    const group = groupOf(r);
    const sum = sums.get(group);
    if (sum) { sum.n += Number(r.n); sum.key += Number(r.key ?? 0); }
    else sums.set(group, { group, n: Number(r.n), key: Number(r.key ?? 0) });
  }
  return [...sums.values()];
}

/**
 * Counts (and key sums) per cell over the weeks from `weeks.first` to `weeks.last` (Mondays, inclusive; null: no
 * bound): one step of stepCountsFromWeeks. Equal to cellCountsQuery under the same filter with the period
 * (tests/unit/step-counts.test.ts), so a step of the week slider asks DuckDB nothing for the Gi* counts (at 5M rows
 * that query was ~0.3–0.6 s of each step). Cells with no incident in the weeks are left out, as in the query.
 */
export function periodCountsFromWeeks(rows: WeekCount[], weeks: { first: number | null; last: number | null }): CellCount[] {
  const end = weeks.last === null ? Infinity : weeks.last + 7;
  return stepCountsFromWeeks(rows, [weeks.first ?? -Infinity, end]).map(({ ix, iy, n, key }) => ({ ix, iy, n, key }));
}
