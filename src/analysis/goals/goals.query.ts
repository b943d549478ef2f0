// The SQL behind the Mål page. A goal's filter is structured ({ column: [values] }): columns are quoted
// identifiers, values are literals — a goal file can't inject SQL.
import type { FilterExpr } from '@uwdata/mosaic-sql';
import { whereSql } from '../../data/filter-predicates';
import { inAreasSql, inKindSql, rowsPerAreaSql } from '../../data/area-membership.query';
import { literal, quoteIdentifier as q } from '../../data/sql-text';
import { keySumSql } from '../../data/record-keys.query';
import type { GoalDefinition } from '../../data/tables';
import type { DayWindow } from './goal-period';

export const READ_GOALS = `SELECT id, promise, title, owner, dataset, filter, measure, direction, target, period, per_area,
  strftime(start, '%Y-%m-%d') AS start, strftime("end", '%Y-%m-%d') AS "end", strftime(follow_up, '%Y-%m-%d') AS follow_up
  FROM goals ORDER BY position`;

/** The last day the data covers: goals are judged "as of" it. */
export const DATA_COVERAGE = `SELECT greatest((SELECT max(epoch_day) FROM incidents), (SELECT max(epoch_day) FROM interventions)) AS last_day`;

/** A table's columns and their types: a goal's filter and measure are checked against them before any query. */
export function columnsOfSql(table: string): string {
  return `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${literal(table)}`;
}

export type Measure = { kind: 'count' } | { kind: 'sum' | 'distinct'; column: string } | { kind: 'cadence'; days: number };

export function parseMeasure(measure: string): Measure | null {
  if (measure === 'count') return { kind: 'count' };
  const m = /^(sum|distinct|cadence):(.+)$/.exec(measure.trim());
  if (!m) return null;
  if (m[1] === 'cadence') {
    const days = Number(m[2]);
    return Number.isInteger(days) && days > 0 ? { kind: 'cadence', days } : null;
  }
  return { kind: m[1] as 'sum' | 'distinct', column: m[2].trim() };
}

/** Each condition as SQL; `area` matches an area of any kind the row belongs to (a kommun holds its stadsdelar' rows). */
function filterSql(filter: Record<string, string[]>): string[] {
  return Object.entries(filter)
    .filter(([, values]) => values.length > 0)
    .map(([column, values]) => (column === 'area' ? inAreasSql(values.map((name) => ({ name }))) : `${q(column)} IN (${values.map((v) => literal(v)).join(', ')})`));
}

/**
 * How many N-day periods a cadence goal's window holds: its whole periods from the first day, at least one. The days
 * left over at the end (fewer than N: a year of 365 days is 26 two-week periods and 1 day) belong to the last period,
 * which is that much longer, rather than making a short period of their own that a weekly or biweekly meeting could
 * not be expected to fall in.
 */
export function cadencePeriods(window: DayWindow, days: number): number {
  return Math.max(1, Math.floor((window.to - window.from + 1) / days));
}

function valueSql(measure: Measure, window: DayWindow): string {
  switch (measure.kind) {
    case 'count': return 'count(*)';
    case 'sum': return `coalesce(sum(${q(measure.column)}), 0)`;
    case 'distinct': return `count(DISTINCT ${q(measure.column)})`;
    // Distinct N-day periods (counted from the window's first day; the leftover days in the last: cadencePeriods)
    // that hold at least one row.
    case 'cadence': return `count(DISTINCT least((epoch_day - ${window.from}) // ${measure.days}, ${cadencePeriods(window, measure.days) - 1}))`;
  }
}

/** The goal's own filter, its window and the shared filters (`extra`: predicates of the cross-filter). */
function where(goal: GoalDefinition, from: number, to: number, extra: FilterExpr): string {
  return ['TRUE', ...filterSql(goal.filter), `epoch_day BETWEEN ${from} AND ${to}`, whereSql(extra)].join(' AND ');
}

/**
 * The goal's own rows (its filter, not the shared filters: a renamed category is a fact of the whole export) and its
 * dataset, each as a count and first and last day: one row of goal-coverage.ts's GoalRowsLife.
 */
export function goalRowsLifeQuery(goal: GoalDefinition): string {
  const own = ['TRUE', ...filterSql(goal.filter)].join(' AND ');
  return `SELECT count(*) FILTER (WHERE ${own})::INTEGER AS rows,
    min(epoch_day) FILTER (WHERE ${own})::INTEGER AS first_day, max(epoch_day) FILTER (WHERE ${own})::INTEGER AS last_day,
    count(epoch_day)::INTEGER AS data_rows, min(epoch_day)::INTEGER AS data_first, max(epoch_day)::INTEGER AS data_last
    FROM ${q(goal.dataset)}`;
}

/**
 * The goal's value in the current window up to the as-of day, in the whole previous window, and in the previous
 * window up to the same point (for a fair comparison mid-period). `lastCounted` caps the current window (cadence
 * counts complete windows only).
 */
export function goalValuesQuery(goal: GoalDefinition, measure: Measure, current: DayWindow, previous: DayWindow, lastCounted: number, extra: FilterExpr = []): string {
  const table = q(goal.dataset);
  const sameShare = previous.from + (lastCounted - current.from);
  // Each value with the key sum of its rows (`…_key`: public view's noise, lib/disclosure/cell-key.ts).
  const windows = [
    ['actual', measure, current.from, lastCounted],
    ['previous_full', measure, previous.from, previous.to],
    ['previous_to_date', measure, previous.from, Math.min(previous.to, sameShare)],
  ] as const;
  return `SELECT ${windows.map(([name, m, from, to]) => {
    const rows = `FROM ${table} WHERE ${where(goal, from, to, extra)}`;
    return `(SELECT ${valueSql(m, name === 'actual' ? current : previous)} ${rows})::DOUBLE AS ${name}, (SELECT ${keySumSql()} ${rows}) AS ${name}_key`;
  }).join(', ')}`;
}

/**
 * Every area of the goal's kinds, with its value (0 where nothing happened: those are the ones missing). A row
 * counts in every area it belongs to (`area_names`), so a goal per kommun counts points assigned to stadsdelar too.
 */
export function goalPerAreaQuery(goal: GoalDefinition, measure: Measure, current: DayWindow, lastCounted: number, kinds: string[], extra: FilterExpr = []): string {
  return `SELECT a.name AS area, a.kind AS kind, coalesce(v.value, 0)::DOUBLE AS actual, coalesce(v.key, 0)::DOUBLE AS key
    FROM areas a LEFT JOIN (
      SELECT member_kind AS kind, member_area AS area, ${valueSql(measure, current)} AS value, ${keySumSql()} AS key
      FROM ${rowsPerAreaSql(q(goal.dataset), where(goal, current.from, lastCounted, extra))} GROUP BY ALL
    ) v ON v.area = a.name AND v.kind = coalesce(a.kind, '')
    WHERE a.kind IN (${kinds.map((k) => literal(k)).join(', ')})
    ORDER BY a.kind, a.name`;
}

/** Day by day in the current window: the cumulative actual line. */
export function goalDailyQuery(goal: GoalDefinition, measure: Measure, current: DayWindow, asOf: number, extra: FilterExpr = []): string {
  return `SELECT epoch_day AS day, ${valueSql(measure.kind === 'cadence' ? { kind: 'count' } : measure, current)}::DOUBLE AS value
    FROM ${q(goal.dataset)} WHERE ${where(goal, current.from, asOf, extra)} GROUP BY epoch_day ORDER BY epoch_day`;
}

/**
 * The rows behind a goal's number (text as stored: personnummer were masked or dropped at import). A per-area goal's
 * number counts the rows in its first kind's areas (evaluate-goals.ts): only those are listed (a tester saw rows
 * without any area listed under a goal per kommun).
 */
export function goalRowsQuery(goal: GoalDefinition, window: DayWindow, asOf: number, extra: FilterExpr = [], limit = 500): string {
  const primaryKind = goal.per_area ? Object.keys(goal.per_area)[0] : undefined;
  const inKind = primaryKind !== undefined ? ` AND ${inKindSql(primaryKind)}` : '';
  const incidents = goal.dataset === 'incidents';
  const time = incidents ? 'occurred_at' : 'started_at';
  const what = incidents ? 'category' : 'type';
  const detail = incidents ? 'description' : 'organisation';
  // An incident read without a time of day (time_given false) is its date, not "00:00" (docs/importer.md).
  const shown = incidents
    ? `CASE WHEN time_given IS FALSE THEN strftime(${time}, '%Y-%m-%d') ELSE strftime(${time}, '%Y-%m-%d %H:%M') END`
    : `strftime(${time}, '%Y-%m-%d %H:%M')`;
  return `SELECT id, ${shown} AS time, ${what} AS what, area, place, ${detail} AS detail
    FROM ${q(goal.dataset)} WHERE ${where(goal, window.from, asOf, extra)}${inKind} ORDER BY ${time} LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** The values a goal's filter can pick in one column: distinct, most common first (at most `limit`). */
export function columnValuesSql(table: 'incidents' | 'interventions', column: string, limit = 300): string {
  return `SELECT ${q(column)}::VARCHAR AS value, count(*)::INTEGER AS n FROM ${q(table)} WHERE ${q(column)} IS NOT NULL
    GROUP BY ALL ORDER BY n DESC, value LIMIT ${Math.max(1, Math.floor(limit))}`;
}
