// The SQL behind the Lägesbild page. The lägesbild is a report on one two-week period for the whole data set,
// so it reads the tables directly (not through the cross-filter): counts per category, area, place and
// intervention type in the period, the one before and the same period last year — aggregates only.
import { literal } from '../../data/sql-text';
import { keySumSql } from '../../data/record-keys.query';
import { AREA_TOKENS } from '../../data/area-membership.query';
import type { DayRange } from '../../lib/day-range';
import { cellLabelsSql, cellStepCountsQuery } from '../../analysis/hot-spots/hot-spots.query';
import { commonSpellingSql, spellingKeySql } from '../../data/spelling-key.query';
import { incidentDayExtentSql } from '../../data/extent.query';
import { WITHOUT_AREA, placementLevelsSql as levelsIn } from '../../data/placement-level.query';

export interface PeriodWindows {
  current: DayRange;
  previous: DayRange;
  lastYear: DayRange;
}

/**
 * The rows one lägesbild counts: every row, or the rows of one source (the shared `kalla=` filter) — so a national
 * police-events import never mixes silently with the municipality's own reports. SQL text, `TRUE` for all.
 */
export function sourceScope(source: string | undefined): string {
  return source === undefined ? 'TRUE' : `source = ${literal(source)}`;
}

const between = (r: DayRange) => `epoch_day BETWEEN ${Math.trunc(r.from)} AND ${Math.trunc(r.to)}`;
const inAny = (w: PeriodWindows) => `(${between(w.current)} OR ${between(w.previous)} OR ${between(w.lastYear)})`;
// Each count with its key sum (public view's noise: lib/disclosure/cell-key.ts).
const threeCounts = (w: PeriodWindows) =>
  `count(*) FILTER (WHERE ${between(w.current)})::INTEGER AS current, ${keySumSql(between(w.current))} AS current_key,
   count(*) FILTER (WHERE ${between(w.previous)})::INTEGER AS previous, ${keySumSql(between(w.previous))} AS previous_key,
   count(*) FILTER (WHERE ${between(w.lastYear)})::INTEGER AS last_year, ${keySumSql(between(w.lastYear))} AS last_year_key`;

/** Incidents per category in the three windows (every category seen in any of them). */
export function categoryCountsSql(w: PeriodWindows, scope = 'TRUE'): string {
  return `SELECT category AS name, ${threeCounts(w)} FROM incidents WHERE ${inAny(w)} AND ${scope} GROUP BY category ORDER BY current DESC, name`;
}

/**
 * Incidents per area in the three windows. Incidents without an area are rows of their own (NULL name), told apart
 * by `without`: 'outside' (a position in none of the loaded areas), 'unlocated' (no position, no area in the file),
 * 'none' (a position, but no areas to place it in). A file's own area written in several ways (case, spaces:
 * data/spelling-key.query.ts) is one row, named as the loaded boundary of that name is, else by its most common
 * spelling — the police write "Upplands väsby", the kommun boundaries and the Karta "Upplands Väsby" (helper-63), and
 * "UPPLANDS  VÄSBY" in another file was a row of its own. Counted per spelling first, so the key is computed for a
 * few hundred texts, not per row.
 */
export function areaCountsSql(w: PeriodWindows, scope = 'TRUE'): string {
  const sums = ['current', 'previous', 'last_year'].map((c) => `sum(${c})::INTEGER AS ${c}, sum(${c}_key)::DOUBLE AS ${c}_key`).join(', ');
  return `SELECT coalesce(any_value(b.name), ${commonSpellingSql('s.area', 's.total')}) AS name, s.without, ${sums}
    FROM (SELECT area, ${WITHOUT_AREA} AS without, ${threeCounts(w)}, count(*) AS total FROM incidents WHERE ${inAny(w)} AND ${scope} GROUP BY ALL) s
    LEFT JOIN (SELECT ${spellingKeySql('name')} AS name_key, min(name) AS name FROM areas GROUP BY name_key) b ON b.name_key = ${spellingKeySql('s.area')}
    GROUP BY ${spellingKeySql('s.area')}, s.without ORDER BY current DESC, name NULLS LAST, without`;
}

/**
 * Incidents per placement level (data/placement-level.query.ts) in the current and previous windows: whether the area
 * table's changes compare like with like (lib/statistics/placement-shift.ts). SQL rows: level, current, previous
 * (`against` 'lastYear': the `previous` column counts the same period last year — the CSV's columns).
 */
export function placementLevelsSql(w: PeriodWindows, scope = 'TRUE', against: 'previous' | 'lastYear' = 'previous'): string {
  return levelsIn(scope, w.current, w[against]);
}

/**
 * Whether any incident of the current window also lies in an area other than the one areaCountsSql counts it in
 * (SQL: one row, `also_elsewhere` BOOLEAN). The area table counts each incident once — in `area`: the file's own
 * area, else the finest loaded kind's — while the area filter, the Karta's Områden layer and per-area goals count it
 * in every area it lies in (`area_names`), so their count for an area can be larger (the example's Bergsjö: 39 by the
 * filter, 38 in the table). A yes/no, not a count: in public view a count of such incidents could be a small one.
 */
export function areasAlsoElsewhereSql(w: PeriodWindows, scope = 'TRUE'): string {
  // Compared by spelling key: the tokens carry the boundary's spelling, `area` the file's ("Upplands väsby").
  const otherArea = `len(list_filter(${AREA_TOKENS}, t -> ${spellingKeySql('split_part(t, chr(30), 2)')} <> ${spellingKeySql("coalesce(area, '')")})) > 0`;
  return `SELECT coalesce(bool_or(${otherArea}), false) AS also_elsewhere FROM incidents WHERE ${between(w.current)} AND ${scope}`;
}

/** Interventions per type in the three windows. */
export function interventionCountsSql(w: PeriodWindows, scope = 'TRUE'): string {
  return `SELECT type AS name, ${threeCounts(w)} FROM interventions WHERE ${inAny(w)} AND ${scope} GROUP BY type ORDER BY current DESC, name`;
}

/**
 * The places with the most incidents in the period, with the period before for comparison. Read from
 * `place_or_blank` ('' for none; data/place-or-blank.query.ts): 89 → 18 ms for four weeks of 5M rows natively.
 * A place written in several ways (case, spaces: data/spelling-key.query.ts) is one row, named by its most common
 * spelling in the three windows, as the hot spots name it (a tester's "torget 80" and "Torget 54" as two places).
 * Counted per spelling first, so the key is computed for a few hundred texts, not per row. `same_current`: how many
 * places of the whole list share the row's count in the period, so the list is not cut through a tie (lib/top-list.ts).
 */
export function topPlacesSql(w: PeriodWindows, limit: number, scope = 'TRUE'): string {
  const sums = ['current', 'previous', 'last_year'].map((c) => `sum(${c})::INTEGER AS ${c}, sum(${c}_key)::DOUBLE AS ${c}_key`).join(', ');
  return `SELECT ${commonSpellingSql('name', 'total')} AS name, ${sums}, count(*) OVER (PARTITION BY sum(current))::INTEGER AS same_current
    FROM (SELECT place_or_blank AS name, ${threeCounts(w)}, count(*) AS total FROM incidents WHERE place_or_blank <> '' AND ${inAny(w)} AND ${scope} GROUP BY place_or_blank)
    GROUP BY ${spellingKeySql('name')} HAVING sum(current) > 0 ORDER BY current DESC, name LIMIT ${Math.trunc(limit)}`;
}

/** Incidents per day over a span (the development chart sums them into two-week periods). */
export function dailyCountsSql(span: DayRange, scope = 'TRUE'): string {
  return `SELECT epoch_day, count(*)::INTEGER AS n, ${keySumSql()} AS key FROM incidents WHERE ${between(span)} AND ${scope} GROUP BY epoch_day ORDER BY epoch_day`;
}

/** The emerging hot-spot analysis up to the period's end, without the cross-filter (the map's own SQL). */
export function cellStepsSql(size: number, starts: number[], scope = 'TRUE'): string {
  return String(cellStepCountsQuery(size, starts)(scope === 'TRUE' ? [] : [scope]));
}

/**
 * How the hot spots `cells` are named: the most common place, area and category per cell in `latest` (the step whose
 * counts the lägesbild shows), or, for a cell without incidents in it, in the whole `window` (null: no cells).
 */
export function cellPlacesSql(size: number, window: DayRange, latest: DayRange, scope: string, cells: { ix: number; iy: number }[]): string | null {
  return cellLabelsSql(size, `${between(window)} AND ${scope}`, 'square', cells, between(latest));
}

/** The days the (scoped) incidents span. */
export function dayExtentSql(scope = 'TRUE'): string {
  return incidentDayExtentSql(scope);
}

/**
 * Per source (incidents and interventions together): rows in the period and in the baseline before it, each with
 * its key sum, the source's first day and its last day up to the period's end. Every source, whatever the source
 * filter: the panel is about who reported.
 */
export function sourceReportsSql(current: DayRange, baseline: DayRange): string {
  return `SELECT source,
    count(*) FILTER (WHERE ${between(current)})::INTEGER AS current, ${keySumSql(between(current))} AS current_key,
    count(*) FILTER (WHERE ${between(baseline)})::INTEGER AS baseline, ${keySumSql(between(baseline))} AS baseline_key,
    min(epoch_day)::INTEGER AS first_day, max(epoch_day) FILTER (WHERE epoch_day <= ${Math.trunc(current.to)})::INTEGER AS last_day
  FROM (SELECT source, epoch_day, record_key FROM incidents UNION ALL SELECT source, epoch_day, record_key FROM interventions)
  WHERE epoch_day <= ${Math.trunc(current.to)}
  GROUP BY source ORDER BY source`;
}
