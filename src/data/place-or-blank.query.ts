// `place_or_blank`: an incident's place with '' where the file had none — the same text as `place`, never NULL.
//
// Why: DuckDB reads a nullable text column's validity mask slowly when NULLs and values are interleaved (an
// "Uncompressed" validity segment): in a 5M-row table where 59 % of places are missing, reading `place` for the rows
// of one week cost 73 ms on one native thread against 14 ms for the same texts without NULLs, and it is paid for every
// vector the filter touches, so a narrow filter does not make it cheaper. The Karta's hot-spot names are asked on every
// week step; read from this column they took 140 → 72 ms natively (5M rows, 150 cells, same result). The other
// places read under a filter use it too: the Karta's named places and side panel, the lägesbild's places. Readers
// turn '' back into "no place" with NULLIF(place_or_blank, '') or leave it out with `place_or_blank <> ''` — an import
// never stores '' as a place (empty text is NULL).
// Filled at insert (csv-import.query.ts) and, for rows loaded otherwise (the example, earlier versions' databases),
// by fillDerivedColumns.

export const ADD_PLACE_OR_BLANK = `ALTER TABLE incidents ADD COLUMN IF NOT EXISTS place_or_blank VARCHAR;`;

/** The column's value for a row whose place is `place` (an SQL expression). */
export function placeOrBlankSql(place: string): string {
  return `coalesce(${place}, '')`;
}

/** True when some incident has no `place_or_blank` yet (a column without NULLs answers from its statistics). */
export const PLACE_OR_BLANK_NEEDED = `SELECT EXISTS (SELECT 1 FROM incidents WHERE place_or_blank IS NULL) AS needed`;

export const FILL_PLACE_OR_BLANK = `UPDATE incidents SET place_or_blank = ${placeOrBlankSql('place')} WHERE place_or_blank IS NULL`;

/** The place as `place` gives it (NULL where none), read from the fast column. */
export const PLACE_FROM_BLANK = `NULLIF(place_or_blank, '')`;
