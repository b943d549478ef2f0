// Append without doubles: which of a file's rows its source already has (by id, by the hash of the values, or by
// content under another id mapping), and which equal another source's rows. Every value enters through `literal`.
import { literal } from '../sql-text';
import { CHECKED, COORDS, checkedRowKey } from './csv-import.query';

/**
 * Append: the rows the import's source already has, rejected as 'already-loaded'. Run after markLateRejects.
 *
 * "Already loaded" is decided within the import's source (`source`, the name the rows will carry): ids and row
 * contents are only unique within one reporting system — two kommuner's case numbers both run 1, 2, 3, and two
 * sources that record only date and category share rows by chance (a tester's second source lost 7 of its rows as
 * "redan inlästa"). Rows with an equal key in another source are imported and counted (`sameKeyOtherSources`).
 * Within the source the match counts occurrences: a row without an id that the file holds k times is already loaded
 * only as often as the source already has it — two equal thefts in one minute, the second reported in the next
 * export, are two rows (before, the second was dropped as already loaded).
 */
export function markAlreadyLoaded(target: 'incidents' | 'interventions', source: string): string {
  return `UPDATE ${CHECKED} SET reason = 'already-loaded' WHERE line IN (
    SELECT line FROM (
      SELECT f.line, row_number() OVER (PARTITION BY f.row_key ORDER BY f.line) AS occurrence, s.n
      FROM (SELECT line, ${checkedRowKey()} AS row_key FROM ${CHECKED} WHERE reason IS NULL) f
      JOIN (SELECT row_key, count(*) AS n FROM ${target} WHERE source = ${literal(source)} GROUP BY row_key) s USING (row_key))
    WHERE occurrence <= n)`;
}

/**
 * Rows about to be imported whose key (id, or the hash of their values) some other source already has: imported —
 * another system's rows — but counted, with the sources' names (the five first), so the summary can say so. Run once
 * every reason is decided.
 */
export function sameKeyOtherSources(target: 'incidents' | 'interventions', source: string): string {
  return `WITH fresh AS (SELECT ${checkedRowKey()} AS row_key FROM ${CHECKED} WHERE reason IS NULL),
    other AS (SELECT row_key, source FROM ${target} WHERE source <> ${literal(source)} AND row_key IN (SELECT row_key FROM fresh))
  SELECT (SELECT count(*) FROM fresh WHERE row_key IN (SELECT row_key FROM other))::INTEGER AS rows,
    (SELECT coalesce(list(source ORDER BY source), []::VARCHAR[]) FROM (SELECT DISTINCT source FROM other ORDER BY source LIMIT 5)) AS sources`;
}

/** What a row says, from the values that are stored (so stored rows and new rows hash alike). */
function contentHash(target: 'incidents' | 'interventions', row: string, coords: string): string {
  const fields = target === 'incidents'
    ? [`${row}.occurred_at`, `${row}.category`, `${row}.subcategory`, `${row}.area`, `${row}.place`, `${row}.description`]
    : [`${row}.started_at`, `${row}.type`, `${row}.organisation`, `${row}.area`, `${row}.place`];
  const values = [...fields, `round(${coords}.lat, 6)`, `round(${coords}.lon, 6)`];
  return `md5(concat_ws(chr(31), ${values.map((v) => `coalesce(${v}::VARCHAR, chr(1))`).join(', ')}))`;
}

/** New rows with and without an id, and the source's stored rows with and without one: decides whether the check below can find anything. */
export function idRegimes(target: 'incidents' | 'interventions', source: string): string {
  return `SELECT (SELECT count(*) FILTER (WHERE id IS NOT NULL) FROM ${CHECKED} WHERE reason IS NULL)::INTEGER AS new_with_id,
    (SELECT count(*) FILTER (WHERE id IS NULL) FROM ${CHECKED} WHERE reason IS NULL)::INTEGER AS new_without_id,
    (SELECT count(*) FILTER (WHERE id IS NOT NULL) FROM ${target} WHERE source = ${literal(source)})::INTEGER AS stored_with_id,
    (SELECT count(*) FILTER (WHERE id IS NULL) FROM ${target} WHERE source = ${literal(source)})::INTEGER AS stored_without_id`;
}

/**
 * Append: a row is keyed by its id, else by a hash of its values, so the same export imported once without and
 * once with an id column would be stored twice. A new row with an id that matches, value for value, a stored
 * row of the same source without one (or the other way round) is the same row: rejected as 'same-content-loaded'.
 * Rows are only compared across that divide — two rows that both have ids are two events when the ids differ —
 * and within the source, as in markLateRejects.
 */
export function markSameContent(target: 'incidents' | 'interventions', source: string): string {
  return `UPDATE ${CHECKED} SET reason = 'same-content-loaded' WHERE line IN (
    WITH fresh AS (SELECT c.line, c.id IS NULL AS no_id, ${contentHash(target, 'c', 'k')} AS content
      FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE c.reason IS NULL),
    stored AS (SELECT DISTINCT t.id IS NULL AS no_id, ${contentHash(target, 't', 't')} AS content FROM ${target} t WHERE t.source = ${literal(source)})
    SELECT f.line FROM fresh f JOIN stored s ON s.content = f.content AND s.no_id <> f.no_id)`;
}

