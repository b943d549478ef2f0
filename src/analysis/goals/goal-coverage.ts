// Does the data hold what a goal compares? Two ways it may not, both found on real exports:
// - the goal's rows begin or end inside the days it reads while the rest of the data goes on — the police renamed
//   "Fylleri/LOB" to "Fylleri" on 2026-03-02, so "fewer Fylleri/LOB than last year" read as kept, and "at most 50
//   Fylleri/LOB in 2026" as met, on a name the export stopped using;
// - the data begins after the first day the goal reads (a quarter's export judged against the quarter before).
// Both are judged with the same Poisson silent-stretch rule as the lägesbild's categories
// (lib/statistics/silent-stretch.ts: an empty stretch whose expected count at the rows' own rate is ≥ 10), so a
// quiet fortnight of a rare category is not a boundary, and fewer than 20 rows are never judged.
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { categoryBoundaries, silentBeyondChance } from '../../lib/statistics/silent-stretch';
import type { DayWindow } from './goal-period';

/** The goal's own rows (its filter, no shared filter) and its dataset: count, first and last day (epoch days). */
export interface GoalRowsLife {
  rows: number;
  first_day: number | null;
  last_day: number | null;
  data_rows: number;
  data_first: number | null;
  data_last: number | null;
}

/** Why the goal's numbers do not support a verdict; dates are ISO (YYYY-MM-DD). */
export type CoverageProblem =
  /** The dataset's first day lies after the first day the goal reads (`from`), beyond chance. */
  | { key: 'data-begins-late'; first: string; from: string }
  /** The goal's rows begin (`begins`) and/or end (`ends`) inside the days it reads; `dataFirst`/`dataLast`: the dataset's. */
  | { key: 'rows-boundary'; begins: string | null; ends: string | null; dataFirst: string; dataLast: string };

/**
 * `life`: goalRowsLifeQuery's row. `read`: the days the goal's numbers read (an increase/decrease goal: the previous
 * window's first day to the as-of day; any other: the current window's). `rule`: the goal's rule. `filtered`: the
 * goal has conditions (without any its rows are the dataset). Returns the first problem found, or null.
 *
 * Which boundaries count: any, for a comparison (increase/decrease) and for a ceiling (at most: rows that begin
 * late or stop early are missing from the count, which makes "met" easy); only an end for a floor or a cadence
 * (at least, cadence: an activity the promise starts begins inside the window by design).
 */
export function goalCoverage(life: GoalRowsLife, read: DayWindow, rule: 'at_least' | 'at_most' | 'increase' | 'decrease' | 'cadence', filtered: boolean): CoverageProblem | null {
  const { data_rows: dataRows, data_first: dataFirst, data_last: dataLast } = life;
  if (dataFirst === null || dataLast === null || dataRows === 0) return null;
  if (dataFirst > read.from && silentBeyondChance(dataRows, dataFirst, dataLast, dataFirst - read.from)) {
    return { key: 'data-begins-late', first: isoDateOfEpochDay(dataFirst), from: isoDateOfEpochDay(read.from) };
  }
  if (!filtered || life.rows === 0 || life.first_day === null || life.last_day === null) return null;
  const [cut] = categoryBoundaries([{ name: '', rows: life.rows, first_day: life.first_day, last_day: life.last_day }], read, { from: dataFirst, to: dataLast });
  if (!cut) return null;
  const begins = rule === 'at_least' || rule === 'cadence' ? null : cut.begins;
  if (begins === null && cut.ends === null) return null;
  return {
    key: 'rows-boundary',
    begins: begins === null ? null : isoDateOfEpochDay(begins),
    ends: cut.ends === null ? null : isoDateOfEpochDay(cut.ends),
    dataFirst: isoDateOfEpochDay(dataFirst),
    dataLast: isoDateOfEpochDay(dataLast),
  };
}
