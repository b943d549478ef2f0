// The SQL of area assignment (area-assignment.ts): which points still need an area, and writing the answers.
// `area_assignment` says where a row's area came from when the file gave none: 'geometry' (the point lies in
// that imported area) or 'outside' (tested, in no area); NULL means the file's own column (or not yet tested).
import { quoteIdentifier } from './sql-text';

export const ASSIGNED_TABLES = ['incidents', 'interventions'] as const;
export type AssignedTable = (typeof ASSIGNED_TABLES)[number];

export const ADD_AREA_ASSIGNMENT_COLUMNS = ASSIGNED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS area_assignment VARCHAR;`).join('\n');

/** Changes whenever an area is added, removed or reshaped: the assignments are then made again. */
export const AREAS_SIGNATURE = `
SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(name, kind, geometry))::VARCHAR, '0') AS signature FROM areas`;
export const SIGNATURE_KEY = 'area_assignment_signature';

/** Area kinds with the median size of their areas' bounding boxes (square degrees): the finest kind is used. */
export const AREA_KINDS = `
SELECT kind, median((max_lon - min_lon) * (max_lat - min_lat)) AS size, count(*)::INTEGER AS n FROM areas GROUP BY kind ORDER BY size, kind NULLS LAST`;

export const AREAS_OF_KIND = `SELECT name, geometry FROM areas WHERE kind IS NOT DISTINCT FROM ? ORDER BY name, geometry`;

export function clearAssignments(table: AssignedTable): string {
  return `UPDATE ${table} SET area = NULL, area_assignment = NULL WHERE area_assignment IS NOT NULL`;
}

/** Points with no area of their own that have not been tested yet. */
export function pointsToAssign(table: AssignedTable): string {
  const point = table === 'incidents' ? ` AND location_precision = 'point'` : '';
  return `SELECT rowid::DOUBLE AS rid, lon, lat FROM ${table}
    WHERE area IS NULL AND area_assignment IS NULL AND lat IS NOT NULL AND lon IS NOT NULL${point}`;
}

export const CREATE_HITS = `CREATE OR REPLACE TEMP TABLE area_hits (rid DOUBLE, idx INTEGER)`;
export const CREATE_NAMES = `CREATE OR REPLACE TEMP TABLE area_names AS
  SELECT (row_number() OVER (ORDER BY name, geometry) - 1)::INTEGER AS idx, name FROM areas WHERE kind IS NOT DISTINCT FROM ?`;
export const DROP_TEMP = `DROP TABLE IF EXISTS area_hits; DROP TABLE IF EXISTS area_names`;

export function writeAssignments(table: AssignedTable): string {
  return `UPDATE ${quoteIdentifier(table)} SET
      area = x.name,
      area_assignment = CASE WHEN x.idx >= 0 THEN 'geometry' ELSE 'outside' END
    FROM (SELECT h.rid::BIGINT AS rid, h.idx, n.name FROM area_hits h LEFT JOIN area_names n ON n.idx = h.idx) AS x
    WHERE ${quoteIdentifier(table)}.rowid = x.rid`;
}
