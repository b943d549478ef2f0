// A short fingerprint of the loaded data, carried in the address (?data=…) beside the filters, so a page that opens a
// shared link can say when it holds other data than the link was made on (helper-62: a link made on the police's
// events, opened in a fresh browser, showed the example's 39 incidents where the sender saw 16, without a word).

/**
 * One row, `fingerprint` VARCHAR (8 hex digits of an MD5): per table the row count and the sum of a hash of each row's
 * key and the values the views count by (time, category or type, area, position, source), and the areas' names, kinds,
 * populations and outlines. Row keys are the export's id or a hash of the row's values (csv-import.query.ts rowHash),
 * not the browser's noise secret, so the same files imported the same way give the same fingerprint in any browser, in
 * any order; another import, an undo, edited rows under the same ids (helper-63: a copy with dates moved and a
 * category renamed gave the same fingerprint when only ids were hashed) or other areas give another.
 */
export const DATA_FINGERPRINT = `SELECT left(md5(concat_ws('|',
    (SELECT count(*) FROM incidents),
    (SELECT coalesce(sum(hash(coalesce(row_key, ''), occurred_at, category, subcategory, area, lat, lon, source)), 0) FROM incidents),
    (SELECT count(*) FROM interventions),
    (SELECT coalesce(sum(hash(coalesce(row_key, ''), started_at, ended_at, type, area, lat, lon, source)), 0) FROM interventions),
    (SELECT count(*) FROM areas),
    (SELECT coalesce(sum(hash(name, kind, population, geometry)), 0) FROM areas))), 8) AS fingerprint`;
