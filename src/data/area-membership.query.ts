// Which rows belong to an area, of any kind. `area_names` (filled by area-assignment.ts) lists every area a row lies
// in, each with its kind — the file's own area and, for a point, the containing area of each loaded kind — so a
// kommun and its stadsdelar both count the same incident, and Stockholm the kommun is never Stockholm the län.
// `area` (one name, the finest kind) is still read where one area per row is wanted (the lägesbild's area table, the
// trend split).
// Stored as text: each area as kind ␞ (U+001E) name, between unit separators (U+001F) —
// '␟stadsdel␞Rosengård␟kommun␞Malmö␟'; kind '' for areas without one (and for a file's own name that is no loaded
// area's); '' for none; NULL when not placed yet. Text, not a list or struct column: DuckDB updates those by
// deleting and re-inserting the row, which changes its rowid (the assignment joins on it) and undoes the import's
// day order. A separator inside a name or kind becomes a space.
import type { AreaRef } from '../lib/filter-state';
import { literal } from './sql-text';

const SEPARATOR = '\u001f';
const KIND_SEPARATOR = '\u001e';
const clean = (s: string) => s.replaceAll(SEPARATOR, ' ').replaceAll(KIND_SEPARATOR, ' ');

/** One area's token (SQL VARCHAR expressions for its kind and name; kind NULL → ''). */
export function areaTokenSql(kind: string, name: string): string {
  return `replace(replace(coalesce(${kind}, ''), chr(31), ' '), chr(30), ' ') || chr(30) || replace(replace(${name}, chr(31), ' '), chr(30), ' ')`;
}

/** A list of tokens (SQL VARCHAR[] expression) as the stored text. */
export function encodeAreaNamesSql(tokens: string): string {
  return `CASE WHEN len(${tokens}) = 0 THEN '' ELSE chr(31) || array_to_string(${tokens}, chr(31)) || chr(31) END`;
}

/** The stored text as its tokens (VARCHAR[], empty for none). */
export const AREA_TOKENS = `CASE WHEN coalesce(area_names, '') = '' THEN []::VARCHAR[] ELSE string_split(trim(area_names, chr(31)), chr(31)) END`;

/**
 * True for rows in any of the areas. An area with a kind matches exactly that area; a bare name (an old link, a
 * goal's condition on the `area` column, an intervention's own area) matches that name in any kind, and the row's own
 * `area` column.
 */
export function inAreasSql(areas: AreaRef[]): string {
  if (areas.length === 0) return 'FALSE';
  return `(${areas.map((a) => (a.kind !== undefined
    ? `contains(area_names, ${literal(SEPARATOR + clean(a.kind) + KIND_SEPARATOR + clean(a.name) + SEPARATOR)})`
    : `(area = ${literal(a.name)} OR contains(area_names, ${literal(KIND_SEPARATOR + clean(a.name) + SEPARATOR)}))`)).join(' OR ')})`;
}

/** True for rows in some area of `kind` (a per-area goal's rows: its headline counts the first kind's areas). */
export function inKindSql(kind: string): string {
  return `contains(area_names, ${literal(SEPARATOR + clean(kind) + KIND_SEPARATOR)})`;
}

/**
 * The rows of `table` matching `where`, once per area they belong to, with the area's `member_kind` ('' for none)
 * and `member_area`: group by both for counts per area. A row in no area is left out.
 */
export function rowsPerAreaSql(table: string, where: string): string {
  return `(SELECT *, split_part(token, chr(30), 1) AS member_kind, split_part(token, chr(30), 2) AS member_area
    FROM (SELECT *, unnest(${AREA_TOKENS}) AS token FROM ${table} WHERE (${where}) AND area_names <> ''))`;
}
