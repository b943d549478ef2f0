// The SQL behind the Karta page. Everything is aggregated in DuckDB: the map receives cells and areas,
// never rows. Cells: data/grid-cells.query.ts (squares or hexagons), the same expressions as the cell filter.
import { Query, count, sql, verbatim, type FilterExpr } from '@uwdata/mosaic-sql';
import { AREA_TOKENS, inKindSql } from '../../data/area-membership.query';
import { whereSql } from '../../data/filter-predicates';
import { cellIndexSql } from '../../data/grid-cells.query';
import { PLACE_FROM_BLANK } from '../../data/place-or-blank.query';
import { commonSpellingSql, spellingKeySql } from '../../data/spelling-key.query';
import { WEEK_MONDAY } from '../../data/week-monday.query';
import { servedByCellBase } from '../../data/cell-bases.query';
import { fromWeekBase } from '../../analysis/hot-spots/hot-spots.query';
import type { CellShape } from '../../lib/geo/cell-grid';
import { keySum, keySumSql } from '../../data/record-keys.query';


/**
 * Located incidents per cell under the current filter (pre-aggregatable: count only). `fromBase`: read from the
 * filter's base of 125 m squares when the size allows (data/cell-bases.query.ts) — the hot-spot layers, whose filter
 * is also the counts per week's when no period is chosen, so one base serves both at every size it serves.
 */
export function cellCountsQuery(size: number, shape: CellShape = 'square', fromBase = false) {
  const cell = cellIndexSql(size, shape);
  return (filter: FilterExpr): Query | string => fromBase && servedByCellBase(size, shape)
    ? fromWeekBase(size, filter, false)
    : Query.from('incidents')
      .select({ ix: sql`${cell.ix}`, iy: sql`${cell.iy}`, n: count(), key: keySum() })
      .where(filter, sql`grid_e IS NOT NULL`)
      .groupby('ix', 'iy');
}

/**
 * Incidents per area name under the current filter (choropleth), for areas of every kind: a row counts once in
 * each area it belongs to (`area_names`, data/area-membership.query.ts), so a kommun and its stadsdelar both have
 * their counts; the map picks the kind it draws. Rows are counted per distinct `area_names` first (a few hundred
 * combinations) and only those are split into areas: splitting every row's list cost 0.55 s of one thread at 5M
 * rows, counting first 0.04 s (docs/benchmark.md). `n` and `key` are the plain count and key sum per area.
 */
export function areaCountsQuery(filter: FilterExpr): Query {
  const combinations = Query.from('incidents').select({ area_names: 'area_names', m: count(), k: keySum() }).where(filter, sql`area_names <> ''`).groupby('area_names');
  const members = Query.from(combinations).select({ token: sql`unnest(${AREA_TOKENS})`, m: 'm', k: 'k' });
  return Query.from(members)
    .select({ kind: sql`split_part(token, chr(30), 1)`, area: sql`split_part(token, chr(30), 2)`, n: sql`sum(m)::BIGINT`, key: sql`sum(k)` })
    .groupby('kind', 'area');
}

/**
 * Incidents in no area of `kind` under the current filter, located (a position in the grid) or not — police events
 * that name only a län are in no kommun (helper-66: 41 % of them left the kommun table without a word): the area
 * table's two "outside" lines, so its rows and these account for every incident. Rows: `located` BOOLEAN, n, key.
 */
export function outsideKindCountQuery(kind: string) {
  return (filter: FilterExpr): Query =>
    Query.from('incidents').select({ located: sql`grid_e IS NOT NULL`, n: count(), key: keySum() })
      .where(filter, sql`area_names IS NOT NULL AND NOT ${inKindSql(kind)}`).groupby('located');
}

/** How the filtered incidents are located: point, area only (e.g. police public events), none. */
export function precisionCountsQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ precision: 'location_precision', n: count(), key: keySum() }).where(filter).groupby('precision');
}

/**
 * The same per ISO week (its Monday, epoch day) over all time: a period of whole weeks (the week slider) is summed
 * from these rows (sumWeeksBy, step-counts.ts) instead of counting the table again — at 5M rows that scan was ~0.2 s
 * of every week step, queued before the hot-spot names.
 */
export function precisionWeekCountsQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ precision: 'location_precision', week: verbatim(WEEK_MONDAY), n: count(), key: keySum() }).where(filter).groupby('precision', 'week');
}

/**
 * Named places with enough located incidents to mark on the map. The place is read from `place_or_blank` here and in
 * the side panel's top places (data/place-or-blank.query.ts: 144 → 55 ms and 171 → 96 ms at 5M rows natively).
 * A place is counted per PLACE_SITE_METRES square of the grid, its spellings (case, spaces: data/spelling-key.query.ts)
 * together: each site is a mark, named by its most common spelling there and drawn at that spelling's median position.
 * By name alone one "torget" was drawn once for two squares 6 km apart (a fresh tester), and one name spread over a
 * town was drawn between its sites. A place whose incidents straddle a square's edge is one site: each square joins
 * the touching square (8 neighbours, same place) with the most incidents — a tester saw "Lindbyrakan" twice, side by
 * side, and a place split 20 + 20 would have had no mark at all under the threshold of 25. The key is computed per
 * spelling and square, not per row (a regular expression over every located row: ~1 s at 5M rows).
 */
export const PLACE_SITE_METRES = 2000;

export const NAMED_PLACES = `
WITH spellings AS (SELECT place, ${spellingKeySql('place')} AS place_key, site_e, site_n, n, lat, lon
  FROM (SELECT place_or_blank AS place, floor(grid_e / ${PLACE_SITE_METRES})::BIGINT AS site_e, floor(grid_n / ${PLACE_SITE_METRES})::BIGINT AS site_n,
      count(*) AS n, median(lat) AS lat, median(lon) AS lon
    FROM incidents WHERE place_or_blank <> '' AND grid_e IS NOT NULL GROUP BY place_or_blank, site_e, site_n)),
squares AS (SELECT place_key, site_e, site_n, sum(n) AS n FROM spellings GROUP BY ALL),
-- Each square's site: the touching square of the same place (itself included) with the most incidents.
joined AS (SELECT a.place_key, a.site_e, a.site_n,
    first(b.site_e ORDER BY b.n DESC, b.site_e, b.site_n) AS join_e, first(b.site_n ORDER BY b.n DESC, b.site_e, b.site_n) AS join_n
  FROM squares a JOIN squares b ON b.place_key = a.place_key AND abs(b.site_e - a.site_e) <= 1 AND abs(b.site_n - a.site_n) <= 1
  GROUP BY a.place_key, a.site_e, a.site_n),
-- Each spelling per site, at its position in the square where it is most common.
site_spellings AS (SELECT s.place_key, j.join_e, j.join_n, s.place, sum(s.n) AS n, first(s.lat ORDER BY s.n DESC) AS lat, first(s.lon ORDER BY s.n DESC) AS lon
  FROM spellings s JOIN joined j USING (place_key, site_e, site_n) GROUP BY s.place_key, j.join_e, j.join_n, s.place)
SELECT ${commonSpellingSql('place', 'n')} AS place, sum(n)::INTEGER AS n, first(lat ORDER BY n DESC, place) AS lat, first(lon ORDER BY n DESC, place) AS lon
FROM site_spellings GROUP BY place_key, join_e, join_n HAVING sum(n) >= 25 ORDER BY n DESC, place LIMIT 40`;

/** The side panel's top places: at most five, fewer when the cut would go through a tie (map.model.ts panelPlaces). */
export const PANEL_PLACES = 5;

/** What a cell or area holds under the current filter (predicates of the shared selection, per table). */
export function detailQueries(incidentFilter: FilterExpr, interventionFilter: FilterExpr) {
  const where = whereSql(incidentFilter);
  const interventionWhere = whereSql(interventionFilter);
  return {
    byCategory: `SELECT category, count(*)::INTEGER AS n, ${keySumSql()} AS key FROM incidents WHERE ${where} GROUP BY category ORDER BY n DESC, category LIMIT 8`,
    // A place written in several ways is one row, named by its most common spelling (as the hot-spot names): a
    // tester's panel read "Torget: 48, torget: 20, TORGET: 16" under a hot spot named "torget".
    // `same_n`: how many places of the whole list (the row without a place apart) share the row's count, so the list is
    // not cut through a tie (lib/top-list.ts).
    topPlaces: `SELECT *, count(*) OVER (PARTITION BY n, place IS NULL)::INTEGER AS same_n FROM (
      SELECT ${commonSpellingSql('place', 'n')} AS place, sum(n)::INTEGER AS n, sum(key)::DOUBLE AS key
      FROM (SELECT ${PLACE_FROM_BLANK} AS place, count(*) AS n, ${keySumSql()} AS key FROM incidents WHERE ${where} GROUP BY ALL)
      GROUP BY coalesce(${spellingKeySql('place')}, chr(1))) ORDER BY n DESC, place NULLS LAST LIMIT ${PANEL_PLACES}`,
    interventions: `SELECT type, organisation, count(*)::INTEGER AS n, ${keySumSql()} AS key, max(started_at)::VARCHAR AS latest FROM interventions WHERE ${interventionWhere} GROUP BY ALL ORDER BY n DESC, type LIMIT 8`,
    total: `SELECT count(*)::INTEGER AS n, ${keySumSql()} AS key FROM incidents WHERE ${where}`,
    countBetween: (from: number, to: number) => `SELECT count(*)::INTEGER AS n, ${keySumSql()} AS key FROM incidents WHERE ${where} AND epoch_day BETWEEN ${Math.trunc(from)} AND ${Math.trunc(to)}`,
  };
}

