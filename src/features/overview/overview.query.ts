// The SQL behind the Översikt page. Built with mosaic-sql so the coordinator can pre-aggregate it.
import { Query, count, sql, sum, type FilterExpr } from '@uwdata/mosaic-sql';
import { AREA_ONLY, UNLOCATED } from '../../data/position.query';
import { keySum } from '../../data/record-keys.query';
import { AREA_TOKENS, areaTokenSql } from '../../data/area-membership.query';

/** Monday of the ISO week, as an epoch day (epoch day 0, 1970-01-01, was a Thursday). */
const WEEK_START = sql`epoch_day - ((((epoch_day + 3) % 7) + 7) % 7)`;

export function interventionTotalsQuery(filter: FilterExpr): Query {
  return Query.from('interventions').select({ interventions: count(), key: keySum() }).where(filter);
}

export function incidentsPerWeekQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ week_day: WEEK_START, incidents: count(), key: keySum() }).groupby('week_day').orderby('week_day').where(filter);
}

/**
 * Per category, with the incidents that are not on the map (no point position; of them, those with only an
 * area) — the same definition as Karta's (data/position.query.ts): the key figures are sums over these rows (or the
 * selected category's row), so a brush costs one query fewer — each round trip to the DuckDB worker is ~10 ms.
 */
export function incidentsByCategoryQuery(filter: FilterExpr): Query {
  return Query.from('incidents')
    .select({ category: 'category', incidents: count(), key: keySum(), without_position: sum(sql`CASE WHEN ${UNLOCATED} THEN 1 ELSE 0 END`), area_only: sum(sql`CASE WHEN ${AREA_ONLY} THEN 1 ELSE 0 END`),
      without_position_key: sum(sql`CASE WHEN ${UNLOCATED} THEN record_key ELSE 0 END`), area_only_key: sum(sql`CASE WHEN ${AREA_ONLY} THEN record_key ELSE 0 END`) })
    .groupby('category').orderby('category').where(filter);
}


/**
 * The areas the data knows, for the Områden key figure: `boundaries`, the areas loaded with a boundary, and
 * `names_only`, the area names the incidents' and interventions' own column gives that are no loaded area's (kind ''
 * in `area_names`, data/area-membership.query.ts) — a file with an area column and no boundary file said "Områden 0"
 * beside a Karta listing its twelve areas. Boundaries loaded without a kind have kind '' there too, so their tokens are
 * left out (they counted as names as well: 302 areas beside the Karta's 300). Counted per distinct `area_names` first.
 */
export const AREA_COUNTS = `SELECT (SELECT count(*) FROM areas)::INTEGER AS boundaries,
  (SELECT count(DISTINCT token) FROM (SELECT unnest(${AREA_TOKENS}) AS token
    FROM (SELECT DISTINCT area_names FROM incidents WHERE area_names <> '' UNION SELECT DISTINCT area_names FROM interventions WHERE area_names <> ''))
   WHERE starts_with(token, chr(30)) AND token NOT IN (SELECT ${areaTokenSql('kind', 'name')} FROM areas))::INTEGER AS names_only`;
