// The SQL behind the Karta page. Everything is aggregated in DuckDB: the map receives cells and areas,
// never rows. Cell = floor(SWEREF 99 TM metres / size), the same expression as the cell filter.
import { Query, count, sql, verbatim, type FilterExpr } from '@uwdata/mosaic-sql';

const cellX = (size: number) => sql`floor(grid_e / ${size})::INTEGER`;
const cellY = (size: number) => sql`floor(grid_n / ${size})::INTEGER`;

/** Located incidents per cell under the current filter (pre-aggregatable: count only). */
export function cellCountsQuery(size: number) {
  return (filter: FilterExpr): Query =>
    Query.from('incidents')
      .select({ ix: cellX(size), iy: cellY(size), n: count() })
      .where(filter, sql`grid_e IS NOT NULL`)
      .groupby('ix', 'iy');
}

/** Incidents per area name under the current filter (choropleth). */
export function areaCountsQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ area: 'area', n: count() }).where(filter, sql`area IS NOT NULL`).groupby('area');
}

/** How the filtered incidents are located: point, area only (e.g. police public events), none. */
export function precisionCountsQuery(filter: FilterExpr): Query {
  return Query.from('incidents').select({ precision: 'location_precision', n: count() }).where(filter).groupby('precision');
}

/**
 * Counts per cell and ISO two-week period for the emerging hot-spot analysis. `starts` holds each period's first
 * epoch day and, last, the day after the final period (periods are contiguous; week 53 joins 51–53).
 */
export function cellStepCountsQuery(size: number, starts: number[]) {
  const cases = starts.slice(1, -1).map((day, i) => `WHEN epoch_day < ${Math.trunc(day)} THEN ${i}`).join(' ');
  const step = verbatim(`(CASE ${cases} ELSE ${starts.length - 2} END)::INTEGER`);
  return (filter: FilterExpr): Query =>
    Query.from('incidents')
      .select({ ix: cellX(size), iy: cellY(size), step, n: count() })
      .where(filter, sql`grid_e IS NOT NULL`, sql`epoch_day >= ${Math.trunc(starts[0])}`, sql`epoch_day < ${Math.trunc(starts[starts.length - 1])}`)
      .groupby('ix', 'iy', 'step');
}

/** Every cell that ever had a located incident: the study area Gi* compares against (independent of filters). */
export function cellUniverseSql(size: number): string {
  return `SELECT floor(grid_e / ${size})::INTEGER AS ix, floor(grid_n / ${size})::INTEGER AS iy FROM incidents WHERE grid_e IS NOT NULL GROUP BY ALL`;
}

/** The located incidents' extent in grid metres (2nd–98th percentile, so a stray point doesn't set the cell size). */
export const GRID_EXTENT = `
SELECT quantile_cont(grid_e, 0.02) AS min_e, quantile_cont(grid_e, 0.98) AS max_e,
       quantile_cont(grid_n, 0.02) AS min_n, quantile_cont(grid_n, 0.98) AS max_n,
       min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north
FROM incidents WHERE grid_e IS NOT NULL`;

/** Named places with enough located incidents to mark on the map. */
export const NAMED_PLACES = `
SELECT place, count(*)::INTEGER AS n, median(lat) AS lat, median(lon) AS lon
FROM incidents WHERE place IS NOT NULL AND grid_e IS NOT NULL
GROUP BY place HAVING count(*) >= 25 ORDER BY n DESC LIMIT 40`;

/** The areas with their shapes and a label point (the middle of the bounding box: fine for compact districts). */
export const AREA_SHAPES = `SELECT name, kind, population, geometry, (min_lon + max_lon) / 2 AS label_lon, (min_lat + max_lat) / 2 AS label_lat FROM areas ORDER BY kind, name`;

/** What a cell or area holds under the current filter (WHERE fragments from the shared selection). */
export function detailQueries(where: string, interventionWhere: string) {
  return {
    byCategory: `SELECT category, count(*)::INTEGER AS n FROM incidents WHERE ${where} GROUP BY category ORDER BY n DESC, category LIMIT 8`,
    topPlaces: `SELECT coalesce(place, '–') AS place, count(*)::INTEGER AS n FROM incidents WHERE ${where} GROUP BY ALL ORDER BY n DESC, place LIMIT 5`,
    interventions: `SELECT type, organisation, count(*)::INTEGER AS n, max(started_at)::VARCHAR AS latest FROM interventions WHERE ${interventionWhere} GROUP BY ALL ORDER BY n DESC, type LIMIT 8`,
    total: `SELECT count(*)::INTEGER AS n FROM incidents WHERE ${where}`,
    countBetween: (from: number, to: number) => `SELECT count(*)::INTEGER AS n FROM incidents WHERE ${where} AND epoch_day BETWEEN ${Math.trunc(from)} AND ${Math.trunc(to)}`,
  };
}

/** Most common place, area and category per cell, for the hot-spot table's labels. */
export function cellLabelsSql(size: number, where: string): string {
  return `SELECT floor(grid_e / ${size})::INTEGER AS ix, floor(grid_n / ${size})::INTEGER AS iy,
    mode(place) AS place, mode(area) AS area, mode(category) AS category
  FROM incidents WHERE grid_e IS NOT NULL AND ${where} GROUP BY ALL`;
}
