import { literal } from './sql-text';

export const INSERT_AREA = `INSERT INTO areas (name, kind, population, geometry, min_lon, min_lat, max_lon, max_lat, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const DELETE_ALL_AREAS = `DELETE FROM areas`;
// Name and kind together identify an area: Gotland the kommun is not Gotland the län.
export const DELETE_SAME_AREA = `DELETE FROM areas WHERE name = ? AND kind IS NOT DISTINCT FROM ?`;
export const AREA_KEYS = `SELECT DISTINCT name, kind FROM areas`;
/**
 * One row, `found` BOOLEAN: a bare area name (a link without `omradestyp`) names something — a loaded area of any
 * kind, or an incident's or intervention's own `area` — as the area filter matches it (inAreasSql). Else the views
 * show 0 because of the link, and its chip says so.
 */
export function areaNameFoundSql(name: string): string {
  const n = literal(name);
  return `SELECT EXISTS (SELECT 1 FROM areas WHERE name = ${n}) OR EXISTS (SELECT 1 FROM incidents WHERE area = ${n})
    OR EXISTS (SELECT 1 FROM interventions WHERE area = ${n}) AS found`;
}
/** A WHERE for the stored areas with one of these names and kinds (what an append replaces). */
export function sameAreas(keys: { name: string; kind: string | null }[]): string {
  const values = keys.map((k) => `(${literal(k.name)}, ${k.kind === null ? 'NULL::VARCHAR' : literal(k.kind)})`).join(', ');
  return `EXISTS (SELECT 1 FROM (VALUES ${values}) v(name, kind) WHERE v.name = areas.name AND v.kind IS NOT DISTINCT FROM areas.kind)`;
}
/** The areas with their shapes and a label point (the middle of the bounding box: fine for compact districts). */
export const AREA_SHAPES = `SELECT name, kind, population, geometry, (min_lon + max_lon) / 2 AS label_lon, (min_lat + max_lat) / 2 AS label_lat FROM areas ORDER BY kind, name`;
