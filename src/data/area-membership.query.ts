// Which rows belong to an area, of any kind. `area_names` (filled by area-assignment.ts) names every area a row lies
// in — the file's own and, for a point, the containing area of each loaded kind — so a kommun and its stadsdelar
// both count the same incident. `area` (one name, the finest kind) is still read where one area per row is wanted
// (the lägesbild's area table, the trend split).
// Stored as text, each name between unit separators (U+001F): '␟Rosengård␟Malmö␟', '' for none, NULL when not yet
// tested. Text, not VARCHAR[]: DuckDB updates a list column by deleting and re-inserting the row, which changes
// its rowid (the assignment joins on it) and undoes the import's day order.
import { literal } from './sql-text';

const SEPARATOR = '\u001f';

/** A list of names (SQL VARCHAR[] expression) as the stored text; a separator inside a name becomes a space. */
export function encodeAreaNamesSql(list: string): string {
  return `CASE WHEN len(${list}) = 0 THEN '' ELSE chr(31) || array_to_string(list_transform(${list}, x -> replace(x, chr(31), ' ')), chr(31)) || chr(31) END`;
}

/** The stored text as a VARCHAR[] (empty for none). */
export const AREA_NAMES_LIST = `CASE WHEN coalesce(area_names, '') = '' THEN []::VARCHAR[] ELSE string_split(trim(area_names, chr(31)), chr(31)) END`;

/** True for rows in any of `names` (the row's own `area` too, for a row not yet assigned). */
export function inAreasSql(names: string[]): string {
  if (names.length === 0) return 'FALSE';
  const own = names.map((n) => literal(n)).join(', ');
  const member = names.map((n) => `contains(area_names, ${literal(SEPARATOR + n.replaceAll(SEPARATOR, ' ') + SEPARATOR)})`).join(' OR ');
  return `(area IN (${own}) OR ${member})`;
}

/**
 * The rows of `table` matching `where`, once per area they belong to, with the area's name as `member_area`:
 * group by it for counts per area of any kind (join to `areas` for the kind). A row in no area is left out.
 */
export function rowsPerAreaSql(table: string, where: string): string {
  return `(SELECT *, unnest(${AREA_NAMES_LIST}) AS member_area FROM ${table} WHERE (${where}) AND area_names <> '')`;
}
