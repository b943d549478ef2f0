// Every goal judged against the data: its numbers, its verdict and the rule behind it, or a clear problem
// ("the column … does not exist") instead of a wrong number.
import type { FilterExpr } from '@uwdata/mosaic-sql';
import type { RowReader } from '../../data/row-reader';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import type { GoalDefinition } from '../../data/tables';
import { goalCoverage, type CoverageProblem, type GoalRowsLife } from './goal-coverage';
import { validateGoal } from './goal-file';
import { elapsedShare, goalWindows, type DayWindow } from './goal-period';
import { projection, verdictFor, worst, type GoalNumbers, type Verdict } from './goal-verdict';
import { DATA_COVERAGE, cadencePeriods, columnsOfSql, goalDailyQuery, goalPerAreaQuery, goalRowsLifeQuery, goalValuesQuery, parseMeasure, READ_GOALS, type Measure } from './goals.query';

export interface AreaResult {
  area: string;
  kind: string;
  actual: number;
  /** Σ record keys of the rows behind `actual` (public view's noise, lib/disclosure/cell-key.ts). */
  key: number;
  target: number;
  verdict: Verdict;
}

export type GoalProblem =
  | { key: 'unknown-measure'; measure: string }
  | { key: 'unknown-column'; column: string; dataset: string }
  | { key: 'not-numeric'; column: string }
  | { key: 'no-target' }
  | { key: 'no-data' }
  /** The shared source filter names a source no loaded row has (a link): nothing to judge, not "efter". */
  | { key: 'source-missing'; source: string }
  /** Stored before the file was checked this closely (or written by hand): the fields that are not right. */
  | { key: 'invalid'; fields: string }
  /** The database refused this goal's query: the message, on this goal's panel only. */
  | { key: 'failed'; message: string }
  /**
   * The goal begins after the day it is judged as of (the data's last day, or a past lägesbild's): nothing to judge
   * yet. Judged as of its first day it read "Efter" on 0 — and a past lägesbild counted data from after its own date.
   */
  | { key: 'not-started'; start: string }
  /**
   * "Fewer than the period before" with none in either: fewer than 0 cannot be, and nothing rose, so there is no
   * verdict (it read "✗ Efter" on 0 against 0 — a tester, under a category filter).
   */
  | { key: 'nothing-to-decrease' }
  /** The data does not hold what the goal reads: it begins late, or the goal's rows begin or end inside (goal-coverage.ts). */
  | CoverageProblem
  /**
   * A brushed period (yyyy-mm-dd `from`–`to`) cuts the days the goal reads (`readFrom`–`readTo`): its actual would count
   * only some of them against an expectation over all of them — 221 in ten weeks read "I fas" against 641 expected
   * over eleven months, and a decrease goal's previous year was filtered away to 0.
   */
  | { key: 'period-cut'; from: string; to: string; readFrom: string; readTo: string };

export interface GoalEvaluation {
  goal: GoalDefinition;
  window: DayWindow;
  previous: DayWindow;
  /** The goal's last day read: the day judged as of, clamped into the goal's start–end. */
  asOf: number;
  /**
   * The day every goal is judged as of (the data's last day, or a past lägesbild's): the page's "Bedömt per". A goal
   * that ended before it has an earlier `asOf` — the page said "Bedömt per 2026-10-31, sista dagen med data" from one.
   */
  lastDay?: number;
  share: number;
  rule: 'at_least' | 'at_most' | 'increase' | 'decrease' | 'cadence';
  numbers?: GoalNumbers;
  /** The key sums of the numbers that are counts of rows: actual, and for increase/decrease target and expected. */
  keys?: { actual: number; target: number; expected: number };
  verdict?: Verdict;
  areas?: AreaResult[];
  problem?: GoalProblem;
  /** Day-by-day values in the current window (and the previous one, for increase/decrease): the cumulative line. */
  daily?: { day: number; value: number }[];
  previousDaily?: { day: number; value: number }[];
}

interface StoredGoal extends Omit<GoalDefinition, 'filter' | 'per_area'> {
  filter: string;
  per_area: string | null;
}

/** A stored goal, checked again as the file import checks it: a goal stored by an older version, or broken. */
export interface ReadGoal {
  goal: GoalDefinition;
  /** The fields that fail the goals file's checks; empty when the goal is sound. */
  invalid: string[];
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try { return JSON.parse(text); } catch { return text; }
}

/** The stored goals, each checked again as a goals file is (an older or hand-written goal may not pass). */
export async function readStoredGoals(reader: RowReader): Promise<ReadGoal[]> {
  const rows = await reader.rows<StoredGoal>(READ_GOALS);
  return rows.map((row, i) => {
    const raw = { ...row, filter: parseJson(row.filter), per_area: parseJson(row.per_area) } as Record<string, unknown>;
    const checked = validateGoal(raw, i + 1);
    if (checked.goal) return { goal: checked.goal, invalid: [] };
    // Shown as stored, with a filter and per-area targets of a safe shape, so the panel and its editor still work.
    const goal = { ...row, filter: {}, per_area: null, target: typeof row.target === 'number' && Number.isFinite(row.target) ? row.target : null } as GoalDefinition;
    return { goal, invalid: [...new Set(checked.problems.map((p) => p.field))] };
  });
}

/** The stored goals as definitions, broken ones in a safe shape. */
export async function readGoals(reader: RowReader): Promise<GoalDefinition[]> {
  return (await readStoredGoals(reader)).map((r) => r.goal);
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/i;

function check(goal: GoalDefinition, measure: Measure | null, columns: Map<string, string>): GoalProblem | null {
  if (!measure) return { key: 'unknown-measure', measure: goal.measure };
  for (const column of Object.keys(goal.filter)) if (!columns.has(column)) return { key: 'unknown-column', column, dataset: goal.dataset };
  if (measure.kind === 'sum' || measure.kind === 'distinct') {
    if (!columns.has(measure.column)) return { key: 'unknown-column', column: measure.column, dataset: goal.dataset };
    if (measure.kind === 'sum' && !NUMERIC.test(columns.get(measure.column)!)) return { key: 'not-numeric', column: measure.column };
  }
  if ((goal.direction === 'at_least' || goal.direction === 'at_most') && goal.target === null && !goal.per_area && measure.kind !== 'cadence') return { key: 'no-target' };
  return null;
}

/** One goal judged as of `lastDay`: its numbers and verdict, or the problem that stops it. `extra`: the shared filters. */
export async function evaluateGoal(reader: RowReader, goal: GoalDefinition, lastDay: number, columns: Map<string, string>, extra: FilterExpr = [], period?: DayWindow): Promise<GoalEvaluation> {
  const { current, previous, asOf } = goalWindows(goal, lastDay);
  const share = elapsedShare(current, asOf);
  const measure = parseMeasure(goal.measure);
  const rule = measure?.kind === 'cadence' ? 'cadence' : goal.direction;
  const base = { goal, window: current, previous, asOf, lastDay, share, rule } as const;
  const problem = check(goal, measure, columns);
  if (problem || !measure) return { ...base, problem: problem ?? { key: 'unknown-measure', measure: goal.measure } };
  // goalWindows clamps the as-of day into start–end: later than the day asked means the goal has not begun.
  if (lastDay < asOf) {
    return { ...base, share: 0, problem: { key: 'not-started', start: goal.start } };
  }
  const ended = asOf >= current.to;
  // The days its numbers read must be in the data, and its rows not begin or end among them (a renamed category).
  const judgedBy = measure.kind === 'cadence' ? 'cadence' : goal.per_area ? (goal.direction === 'at_most' ? 'at_most' : 'at_least') : goal.direction;
  const comparative = judgedBy === 'increase' || judgedBy === 'decrease';
  const read = { from: comparative ? previous.from : current.from, to: asOf };
  // A period filter is in `extra` already; covering every day read it changes nothing, cutting them it makes a
  // verdict on part of the days against a target for all of them.
  if (period && (period.from > read.from || period.to < read.to)) {
    const day = isoDateOfEpochDay;
    return { ...base, problem: { key: 'period-cut', from: day(period.from), to: day(period.to), readFrom: day(read.from), readTo: day(read.to) } };
  }
  const [life] = await reader.rows<GoalRowsLife>(goalRowsLifeQuery(goal));
  const uncovered = goalCoverage(life, read, judgedBy, Object.keys(goal.filter).length > 0);
  if (uncovered) return { ...base, problem: uncovered };

  if (measure.kind === 'cadence') {
    // Whole N-day periods from the window's first day; the days left over (fewer than N) belong to the last one
    // (cadencePeriods). Counted as a period of their own, 31 December alone was a 27th "missed" two weeks of 2026.
    const total = cadencePeriods(current, measure.days);
    // Periods over by the as-of day: the last one ends with the window.
    const passed = ended ? total : Math.min(total - 1, Math.floor((asOf - current.from + 1) / measure.days));
    const lastCounted = ended ? current.to : current.from + passed * measure.days - 1;
    const [row] = await reader.rows<{ actual: number; actual_key: number }>(goalValuesQuery(goal, measure, current, previous, lastCounted, extra));
    const expected = ended ? total : passed;
    const numbers = { actual: row.actual, expected, target: total, projected: row.actual + (total - passed), ended };
    // A count of periods with at least one row, not of rows: no noise (a key of 0 leaves a count as it is) — ±2 on
    // "22 of 22 periods" would turn a goal in step into one at risk.
    return { ...base, numbers, keys: { actual: 0, target: 0, expected: 0 }, verdict: verdictFor('cadence', numbers) };
  }

  if (goal.per_area) {
    const targets = goal.per_area;
    // "At most N per area" is judged as at most (the tester's "Högst 40" per kommun was judged as at least);
    // every other direction means "at least N per area".
    const rule = goal.direction === 'at_most' ? 'at_most' : 'at_least';
    const rows = await reader.rows<{ area: string; kind: string; actual: number; key: number }>(goalPerAreaQuery(goal, measure, current, asOf, Object.keys(targets), extra));
    const areas = rows.map((r) => {
      const target = targets[r.kind];
      const n = { actual: r.actual, target, expected: target * share, projected: share > 0 ? r.actual / share : r.actual, ended };
      return { ...r, target, verdict: verdictFor(rule, n) };
    });
    // The headline sums the first kind's areas only: a row counts in its kommun and its län alike, so a sum over
    // every kind would count it twice. The verdict is the worst area's of every kind.
    const primary = areas.filter((a) => a.kind === Object.keys(targets)[0]);
    const actual = primary.reduce((s, a) => s + a.actual, 0);
    const target = primary.reduce((s, a) => s + a.target, 0);
    const numbers = { actual, target, expected: target * share, projected: share > 0 ? actual / share : actual, ended };
    return { ...base, rule, numbers, keys: { actual: primary.reduce((s, a) => s + a.key, 0), target: 0, expected: 0 }, areas, verdict: areas.length ? worst(areas.map((a) => a.verdict)) : 'behind' };
  }

  const [row] = await reader.rows<{ actual: number; previous_full: number; previous_to_date: number; actual_key: number; previous_full_key: number; previous_to_date_key: number }>(goalValuesQuery(goal, measure, current, previous, asOf, extra));
  const projected = projection(row.actual, share, comparative ? { whole: row.previous_full, toDate: row.previous_to_date } : undefined);
  const daily = await reader.rows<{ day: number; value: number }>(goalDailyQuery(goal, measure, current, asOf, extra));
  const previousDaily = comparative ? await reader.rows<{ day: number; value: number }>(goalDailyQuery(goal, measure, previous, previous.to, extra)) : undefined;
  const numbers: GoalNumbers = comparative
    ? { actual: row.actual, target: row.previous_full, expected: row.previous_to_date, projected, ended }
    : { actual: row.actual, target: goal.target!, expected: goal.target! * share, projected, ended };
  const keys = { actual: row.actual_key, target: row.previous_full_key, expected: row.previous_to_date_key };
  // 0 against 0: nothing to judge. One or more against 0 is behind (more than before, and fewer cannot be reached).
  if (goal.direction === 'decrease' && numbers.target === 0 && numbers.actual === 0) return { ...base, problem: { key: 'nothing-to-decrease' } };
  return { ...base, numbers, keys, verdict: verdictFor(goal.direction, numbers), daily, previousDaily };
}

/**
 * Every stored goal judged. `extra`: the shared filters per dataset; `asOfDay` judges the goals as they stood that day
 * (a past lägesbild), by default as of the data's last day; `period` (epoch days): a period filter inside `extra` —
 * a goal whose read days it cuts gets the problem `period-cut` instead of a verdict on part of them.
 */
export async function evaluateGoals(reader: RowReader, extra: { incidents?: FilterExpr; interventions?: FilterExpr } = {}, asOfDay?: number, period?: DayWindow): Promise<GoalEvaluation[]> {
  const goals = await readStoredGoals(reader);
  const [{ last_day: lastDataDay }] = await reader.rows<{ last_day: number | null }>(DATA_COVERAGE);
  const last_day = lastDataDay === null || asOfDay === undefined ? lastDataDay : Math.min(lastDataDay, asOfDay);
  const columns = new Map<string, Map<string, string>>();
  for (const table of ['incidents', 'interventions']) {
    const rows = await reader.rows<{ column_name: string; data_type: string }>(columnsOfSql(table));
    columns.set(table, new Map(rows.map((r) => [r.column_name, r.data_type])));
  }
  const results: GoalEvaluation[] = [];
  for (const { goal, invalid } of goals) {
    if (invalid.length) {
      // No window either: its dates may be what is wrong.
      const none = { from: 0, to: 0 };
      results.push({ goal, window: none, previous: none, asOf: last_day ?? 0, share: 0, rule: goal.direction, problem: { key: 'invalid', fields: invalid.join(', ') } });
      continue;
    }
    if (last_day === null) {
      const { current, previous, asOf } = goalWindows(goal, 0);
      results.push({ goal, window: current, previous, asOf, share: 0, rule: goal.direction, problem: { key: 'no-data' } });
      continue;
    }
    try {
      results.push(await evaluateGoal(reader, goal, last_day, columns.get(goal.dataset) ?? new Map(), extra[goal.dataset] ?? [], period));
    } catch (error) {
      // One goal's failure is that goal's problem: the other goals, the page's import and edit controls stay.
      const { current, previous, asOf } = goalWindows(goal, last_day);
      results.push({ goal, window: current, previous, asOf, share: 0, rule: goal.direction, problem: { key: 'failed', message: error instanceof Error ? error.message : String(error) } });
    }
  }
  return results;
}
