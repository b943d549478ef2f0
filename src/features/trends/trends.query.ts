// The SQL behind the Trender page: per-day counts (bucketed in analysis/periods/period-buckets.ts so ISO weeks, week 53 and
// months are handled in one tested place), interventions per day, weekday × hour, and before/after counts.
import { inAreasSql } from '../../data/area-membership.query';
import { Query, count, eq, literal as sqlLiteral, sql, type FilterExpr } from '@uwdata/mosaic-sql';
import { whereSql } from '../../data/filter-predicates';
import { literal } from '../../data/sql-text';
import { keySum, keySumSql } from '../../data/record-keys.query';

export type Split = 'none' | 'category' | 'area';

export function incidentsPerDayQuery(split: Split) {
  const series = split === 'none' ? sql`'all'` : split === 'category' ? sql`category` : sql`coalesce(area, '–')`;
  return (filter: FilterExpr): Query => Query.from('incidents').select({ epoch_day: 'epoch_day', series, n: count(), key: keySum() }).where(filter).groupby('epoch_day', 'series');
}

export function interventionsPerDayQuery(type: string | null) {
  return (filter: FilterExpr): Query =>
    Query.from('interventions').select({ epoch_day: 'epoch_day', type: 'type', n: count(), key: keySum() }).where(filter, type ? eq('type', sqlLiteral(type)) : sql`true`).groupby('epoch_day', 'type');
}

/**
 * Incidents per ISO weekday (1 = Monday) and hour (0–23; NULL for a row whose file gave no time of day — stored at
 * 00:00, it is no midnight incident: `time_given`, set at import; NULL there, for rows imported before, counts by
 * its hour as before).
 */
export function weekdayHourQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ dow: sql`isodow(occurred_at)`, hour: sql`CASE WHEN time_given IS FALSE THEN NULL ELSE hour(occurred_at) END`, n: count(), key: keySum() }).where(filter).groupby('dow', 'hour');
}

export const INTERVENTION_TYPES = `SELECT type, count(*)::INTEGER AS n, ${keySumSql()} AS key FROM interventions GROUP BY type ORDER BY n DESC, type`;

/** The latest interventions of one type, numbered so the panel can refer to one (the type as a quoted literal). */
export function interventionsForEvaluationSql(type: string): string {
  return `
SELECT row_number() OVER (ORDER BY started_at, id)::INTEGER AS k, id, type, organisation, area, place, epoch_day, started_at::VARCHAR AS started, grid_e, grid_n
FROM interventions WHERE type = ${literal(type)} ORDER BY started_at DESC LIMIT 300`;
}

/** Incidents under `filter` in one day range: the comparison beside the trend chart. */
export function countInPeriodSql(filter: FilterExpr, range: { from: number; to: number }): string {
  return `SELECT count(*)::INTEGER AS n, ${keySumSql()} AS key FROM incidents WHERE ${whereSql(filter)} AND epoch_day BETWEEN ${Math.trunc(range.from)} AND ${Math.trunc(range.to)}`;
}

/** The before and after windows of a before/after comparison, in epoch days. */
export interface BeforeAfterDays { beforeFrom: number; beforeTo: number; afterFrom: number; afterTo: number }

/** Incidents near an intervention: in its area (of whatever kind: `area_names`), or within `radius` metres of its point when it has no area. */
export function beforeAfterSql(filter: FilterExpr, place: { area: string | null; e: number | null; n: number | null }, radius: number, days: BeforeAfterDays): { target: string; comparison: string } {
  const where = whereSql(filter);
  const day = (d: number) => Math.trunc(d);
  const target = place.area !== null
    ? inAreasSql([{ name: place.area }])
    : `grid_e IS NOT NULL AND (grid_e - ${Number(place.e)}) ^ 2 + (grid_n - ${Number(place.n)}) ^ 2 <= ${radius * radius}`;
  const before = `epoch_day BETWEEN ${day(days.beforeFrom)} AND ${day(days.beforeTo)}`;
  const after = `epoch_day BETWEEN ${day(days.afterFrom)} AND ${day(days.afterTo)}`;
  const base = `SELECT
      count(*) FILTER (WHERE ${before})::INTEGER AS before, ${keySumSql(before)} AS before_key,
      count(*) FILTER (WHERE ${after})::INTEGER AS after, ${keySumSql(after)} AS after_key
    FROM incidents WHERE ${where}`;
  return { target: `${base} AND (${target})`, comparison: `${base} AND NOT coalesce(${target}, false)` };
}
