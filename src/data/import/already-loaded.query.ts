// Append without doubles: which of a file's rows its source already has (by id, by the hash of the values, or by
// content under another id mapping), and which equal another source's rows. Every value enters through `literal`.
import { literal } from '../sql-text';
import { CHECKED, COORDS, checkedRowKey } from './csv-import.query';

/**
 * How far apart two positions of the same event may be: a re-export in another coordinate system (SWEREF 99 TM in
 * whole metres read again as WGS 84 with six decimals: a tester's rows were all stored twice) or with other rounding
 * moves a point by up to ~0.7 m; 2 m leaves room for a datum shift (Lantmäteriet gives its 7-parameter RT 90 →
 * SWEREF 99 transformation as good to about a metre). Two reports of one time, category and text within 2 m are one
 * event. Metres on the ground: latitude degrees × 111 320, longitude degrees × 111 320 × cos(latitude).
 */
export const SAME_POSITION_METRES = 2;
const M_PER_DEGREE = 111_320;
/** The latitude band the nearest-position join pairs within (about 111 m): a point near a band's edge is also looked for in the next one. */
const BAND_DEGREES = 0.001;

/**
 * Append: the rows the import's source already has, rejected as 'already-loaded'. Run after markLateRejects.
 *
 * "Already loaded" is decided within the import's source (`source`, the name the rows will carry): ids and row
 * contents are only unique within one reporting system — two kommuner's case numbers both run 1, 2, 3, and two
 * sources that record only date and category share rows by chance (a tester's second source lost 7 of its rows as
 * "redan inlästa"). Rows equal to another source's are imported and counted (`sameRowsOtherSources`).
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
 * Rows about to be imported that equal, value for value, rows another source already has: imported — another
 * system's rows — but counted, with the sources' names (the five first), so the summary can say so. Compared by
 * content, not by key: two systems' case numbers 1 and 2 are no sign of the same rows (helper-54: "2 rader är lika"
 * beside rows that shared only their ids, and a remedy that would have dropped them). Counted as the already-loaded
 * check counts, against the one source with most of them: a file's third equal row against another source's two is
 * not one of them. Stored rows are read
 * within the file's days only. Run once every reason is decided.
 */
export function sameRowsOtherSources(target: 'incidents' | 'interventions', source: string): string {
  const when = target === 'incidents' ? 'occurred_at' : 'started_at';
  return `WITH fresh AS (SELECT c.line, ${contentHash(target, 'c', 'k')} AS content
      FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE c.reason IS NULL),
    days AS (SELECT min(${when}) AS first, max(${when}) AS last FROM ${CHECKED} WHERE reason IS NULL),
    other AS (SELECT t.source, ${contentHash(target, 't', 't')} AS content FROM ${target} t, days
      WHERE t.source <> ${literal(source)} AND t.${when} BETWEEN days.first AND days.last),
    -- The most any one source has: what undoing and importing again under that source's name would reject.
    other_counts AS (SELECT content, max(n) AS n FROM (SELECT content, source, count(*) AS n FROM other GROUP BY ALL) GROUP BY content),
    matched AS (SELECT f.line FROM (SELECT line, content, row_number() OVER (PARTITION BY content ORDER BY line) AS occurrence FROM fresh) f
      JOIN other_counts o USING (content) WHERE f.occurrence <= o.n)
  SELECT (SELECT count(*) FROM matched)::INTEGER AS rows,
    (SELECT coalesce(list(source ORDER BY source), []::VARCHAR[]) FROM (SELECT DISTINCT source FROM other WHERE content IN (SELECT content FROM fresh) ORDER BY source LIMIT 5)) AS sources`;
}

/** Whether any other source has rows (else sameRowsOtherSources has nothing to find and its hashing is skipped). */
export function otherSourcesStored(target: 'incidents' | 'interventions', source: string): string {
  return `SELECT EXISTS (SELECT 1 FROM ${target} WHERE source <> ${literal(source)}) AS any`;
}

/**
 * Of the rows just rejected as already loaded by their id, those whose values differ from the stored row's (a
 * corrected category, a moved position): the stored row is kept — an append never changes a row — and the summary
 * says so, with up to five ids (helper-54: a corrected row was dropped as "Raden finns redan inläst … inget fel i
 * filen" without a word that it differed).
 */
export function changedUnderSameId(target: 'incidents' | 'interventions', source: string): string {
  // Positions differ only beyond SAME_POSITION_METRES: the same rows exported in another coordinate system are not changed rows.
  const moved = `(k.lat IS NULL) <> (t.lat IS NULL) OR sqrt(pow((t.lat - k.lat) * ${M_PER_DEGREE}, 2) + pow((t.lon - k.lon) * ${M_PER_DEGREE} * cos(radians(k.lat)), 2)) > ${SAME_POSITION_METRES}`;
  return `SELECT count(*)::INTEGER AS rows, coalesce(list(c.id ORDER BY c.line) FILTER (WHERE c.id IS NOT NULL), []::VARCHAR[])[1:5] AS ids
  FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line
  JOIN ${target} t ON t.source = ${literal(source)} AND t.row_key = c.id
  WHERE c.reason = 'already-loaded' AND c.id IS NOT NULL AND (${contentFields(target).map((f) => `c.${f} IS DISTINCT FROM t.${f}`).join(' OR ')} OR ${moved})`;
}

/** The stored fields a row's content is, beside its position (checked and stored rows name them alike). */
const contentFields = (target: 'incidents' | 'interventions') => (target === 'incidents'
  ? ['occurred_at', 'category', 'subcategory', 'area', 'place', 'description']
  : ['started_at', 'type', 'organisation', 'area', 'place']);

/** What a row says, from the values that are stored (so stored rows and new rows hash alike), its position to 6 decimals. */
function contentHash(target: 'incidents' | 'interventions', row: string, coords: string): string {
  const values = [...contentFields(target).map((f) => `${row}.${f}`), `round(${coords}.lat, 6)`, `round(${coords}.lon, 6)`];
  return `md5(concat_ws(chr(31), ${values.map((v) => `coalesce(${v}::VARCHAR, chr(1))`).join(', ')}))`;
}

/** New rows with and without an id (not yet matched), and the source's stored rows with and without one: decides whether the checks below can find anything. */
export function idRegimes(target: 'incidents' | 'interventions', source: string): string {
  return `SELECT (SELECT count(*) FILTER (WHERE id IS NOT NULL) FROM ${CHECKED} WHERE reason IS NULL)::INTEGER AS new_with_id,
    -- Rows without an id matched value for value count too: a field their hash leaves out may be new (markHashlessFieldLoaded).
    (SELECT count(*) FILTER (WHERE id IS NULL) FROM ${CHECKED} WHERE reason IS NULL OR reason = 'already-loaded')::INTEGER AS new_without_id,
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
  // Counted as markAlreadyLoaded counts: a file's k rows of one content against the n stored rows keyed the other way
  // (helper-59: two equal thefts with ids K1, K2 were both rejected against the one stored without an id).
  return `UPDATE ${CHECKED} SET reason = 'same-content-loaded' WHERE line IN (
    WITH fresh AS (SELECT c.line, c.id IS NULL AS no_id, ${contentHash(target, 'c', 'k')} AS content
      FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE c.reason IS NULL),
    stored AS (SELECT t.id IS NULL AS no_id, ${contentHash(target, 't', 't')} AS content, count(*) AS n FROM ${target} t WHERE t.source = ${literal(source)} GROUP BY ALL)
    SELECT line FROM (
      SELECT f.line, row_number() OVER (PARTITION BY f.no_id, f.content ORDER BY f.line) AS occurrence, s.n
      FROM fresh f JOIN stored s ON s.content = f.content AND s.no_id <> f.no_id)
    WHERE occurrence <= n)`;
}

/** The fields a row is compared on beside its time and category (type): what contentHash reads, position as one. */
export type DescriptiveField = 'time' | 'subcategory' | 'area' | 'place' | 'description' | 'organisation' | 'end_date' | 'position';
export const DESCRIPTIVE_FIELDS: Record<'incidents' | 'interventions', DescriptiveField[]> = {
  incidents: ['time', 'subcategory', 'area', 'place', 'description', 'position'],
  interventions: ['time', 'organisation', 'end_date', 'area', 'place', 'position'],
};
const WHEN = { incidents: 'occurred_at', interventions: 'started_at' } as const;
const WHAT = { incidents: 'category', interventions: 'type' } as const;
/**
 * Which rows the event comparison pairs (markSameEventLoaded): new rows without an id against every stored row of the
 * source, and new rows with an id against the stored rows without one — two rows that both have ids are decided by
 * their ids. The new rows compared include those already matched value for value to a stored row of the compared kind
 * (`taken`: they show which fields the file fills, and which stored rows are spoken for).
 */
export type EventRegime = 'new-without-id' | 'new-with-id';
const REGIMES: Record<EventRegime, { fresh: string; taken: string[]; stored: string }> = {
  'new-without-id': { fresh: 'c.id IS NULL', taken: ['already-loaded', 'same-content-loaded'], stored: 'TRUE' },
  'new-with-id': { fresh: 'c.id IS NOT NULL', taken: ['same-content-loaded'], stored: 't.id IS NULL' },
};
const takenSql = (regime: EventRegime) => REGIMES[regime].taken.map((r) => literal(r)).join(', ');
const comparedRows = (regime: EventRegime) => `${REGIMES[regime].fresh} AND (c.reason IS NULL OR c.reason IN (${takenSql(regime)}))`;
const fileDays = (target: 'incidents' | 'interventions', regime: EventRegime) =>
  `SELECT min(c.${WHEN[target]}) AS first, max(c.${WHEN[target]}) AS last FROM ${CHECKED} c WHERE ${comparedRows(regime)}`;
const storedRows = (target: 'incidents' | 'interventions', source: string, regime: EventRegime) =>
  // Whole days: a stored 22:40 is on the day of a new row read without a time (midnight).
  `t.source = ${literal(source)} AND ${REGIMES[regime].stored} AND t.${WHEN[target]} >= date_trunc('day', days.first) AND t.${WHEN[target]} < date_trunc('day', days.last) + INTERVAL 1 DAY`;
/**
 * Whether any of the rows holds the field, as an aggregate: a time of day is "held" where the time is not midnight (a
 * Tid column mapped one time and not the other: helper-59's rows were doubled), a position where it has a latitude.
 */
function filledSql(target: 'incidents' | 'interventions', field: DescriptiveField, row: string, coords: string): string {
  if (field === 'time') return `coalesce(bool_or(${row}.${WHEN[target]} <> date_trunc('day', ${row}.${WHEN[target]})), false)`;
  return `count(${field === 'position' ? `${coords}.lat` : field === 'end_date' ? `${row}.ended_at` : `${row}.${field}`}) > 0`;
}

/** The values a field puts in an event's key (markSameEventLoaded). */
function keyValues(field: DescriptiveField, row: string): string[] {
  // The time is in the key's when; a position is compared with a tolerance, outside the hash (markSameEventLoaded).
  if (field === 'time' || field === 'position') return [];
  // The end's day: an end time mapped one time and not the other must not part two equal interventions.
  if (field === 'end_date') return [`CAST(${row}.ended_at AS DATE)`];
  return [`${row}.${field}`];
}

/**
 * Which descriptive fields hold any value, among the new rows compared (`fresh_<field>`) and among the source's
 * stored rows compared within the file's days (`stored_<field>`; EventRegime): a field filled on one side only was mapped in
 * one import and not the other (see markSameEventLoaded).
 */
export function fieldsFilled(target: 'incidents' | 'interventions', source: string, regime: EventRegime): string {
  const fields = DESCRIPTIVE_FIELDS[target];
  return `WITH days AS (${fileDays(target, regime)}),
    fresh AS (SELECT ${fields.map((f) => `${filledSql(target, f, 'c', 'k')} AS fresh_${f}`).join(', ')}
      FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE ${comparedRows(regime)}),
    stored AS (SELECT ${fields.map((f) => `${filledSql(target, f, 't', 't')} AS stored_${f}`).join(', ')}
      FROM ${target} t, days WHERE ${storedRows(target, source, regime)})
  SELECT * FROM fresh, stored`;
}


/**
 * Append, rows compared by content (EventRegime: at least one side without an id): the same export imported again
 * with another column mapping (Plats mapped this time, not the last; an id column mapped and positions not) hashes to
 * other row keys, and every row would be stored twice (helper-56: 47 + 47 rows, no word; helper-58: 20 + 13). A new row is the same event as a stored one of the same source when they agree on the time, the
 * category (type) and every field `shared` — the descriptive fields filled on both sides (fieldsFilled); the fields
 * filled on one side only are the mapping's difference, not the event's. Positions, where shared, agree when they lie
 * within SAME_POSITION_METRES of each other (each new position is taken as its nearest stored one of the same event
 * within that distance): the same export in another coordinate system does not hash alike. Nearest, not a best
 * pairing: two events of one time, category and text within 2 m of each other may both take the same stored one, and
 * one is imported again (the bench's 1M set re-exported in SWEREF 99 TM, whose rows are copies moved by whole weeks:
 * 164 of 962 808 located rows, each such a pair; 7.6 s natively on one thread for the whole re-export). Rejected as `reason`
 * ('same-event-loaded' for another mapping, 'same-event-nearby' when only positions differ), counted as
 * markAlreadyLoaded counts: a file's k equal events against the source's n, less those already matched value for
 * value. Stored rows are read within the file's days only. Run after markAlreadyLoaded.
 */
export function markSameEventLoaded(target: 'incidents' | 'interventions', source: string, shared: DescriptiveField[], regime: EventRegime, reason: 'same-event-loaded' | 'same-event-nearby' = 'same-event-loaded'): string {
  const fields = shared.filter((f) => f !== 'position');
  const positioned = shared.includes('position');
  const base = (row: string) => {
    // The day alone where one import read times and the other did not; the time too where both did (or neither).
    const when = shared.includes('time') ? `${row}.${WHEN[target]}` : `CAST(${row}.${WHEN[target]} AS DATE)`;
    const values = [when, `${row}.${WHAT[target]}`, ...fields.flatMap((f) => keyValues(f, row))];
    return `md5(concat_ws(chr(31), ${values.map((v) => `coalesce(${v}::VARCHAR, chr(1))`).join(', ')}))`;
  };
  const keyed = (b: string, lat: string, lon: string) => (positioned ? `md5(concat_ws(chr(31), ${b}, coalesce(${lat}::VARCHAR, chr(1)), coalesce(${lon}::VARCHAR, chr(1))))` : b);
  const dLat = SAME_POSITION_METRES / M_PER_DEGREE;
  // A new row's position in its key: the nearest stored position of the same event within the distance, else its own.
  const snapped = positioned ? `,
    stored_points AS (SELECT DISTINCT base, lat, lon, floor(lat / ${BAND_DEGREES})::BIGINT AS band FROM stored_rows WHERE lat IS NOT NULL),
    near AS (SELECT line, arg_min(struct_pack(lat := s_lat, lon := s_lon), metres) AS p FROM (
        SELECT f.line, s.lat AS s_lat, s.lon AS s_lon,
          sqrt(pow((s.lat - f.lat) * ${M_PER_DEGREE}, 2) + pow((s.lon - f.lon) * ${M_PER_DEGREE} * cos(radians(f.lat)), 2)) AS metres
        FROM (SELECT line, base, lat, lon, unnest(list_distinct([floor((lat - ${dLat}) / ${BAND_DEGREES})::BIGINT, floor((lat + ${dLat}) / ${BAND_DEGREES})::BIGINT])) AS band
          FROM fresh_rows WHERE lat IS NOT NULL AND reason IS NULL) f
        JOIN stored_points s ON s.base = f.base AND s.band = f.band)
      WHERE metres <= ${SAME_POSITION_METRES} GROUP BY line),` : ',';
  const freshLat = positioned ? 'coalesce(n.p.lat, f.lat)' : 'NULL';
  const freshLon = positioned ? 'coalesce(n.p.lon, f.lon)' : 'NULL';
  return `UPDATE ${CHECKED} SET reason = ${literal(reason)} WHERE line IN (
    WITH days AS (${fileDays(target, regime)}),
    fresh_rows AS (SELECT c.line, c.reason, ${base('c')} AS base, round(k.lat, 6) AS lat, round(k.lon, 6) AS lon
      FROM ${CHECKED} c LEFT JOIN ${COORDS} k ON k.__line = c.line WHERE ${comparedRows(regime)}),
    stored_rows AS (SELECT ${base('t')} AS base, round(t.lat, 6) AS lat, round(t.lon, 6) AS lon FROM ${target} t, days WHERE ${storedRows(target, source, regime)})${snapped}
    fresh AS (SELECT f.line, f.reason, ${keyed('f.base', freshLat, freshLon)} AS event FROM fresh_rows f${positioned ? ' LEFT JOIN near n USING (line)' : ''}),
    stored AS (SELECT ${keyed('base', 'lat', 'lon')} AS event, count(*) AS n FROM stored_rows GROUP BY 1),
    -- The stored rows a new row already matched value for value are taken.
    taken AS (SELECT event, count(*) AS n FROM fresh WHERE reason IN (${takenSql(regime)}) GROUP BY 1)
    SELECT line FROM (
      SELECT f.line, row_number() OVER (PARTITION BY f.event ORDER BY f.line) AS occurrence, s.n - coalesce(u.n, 0) AS free
      FROM fresh f JOIN stored s USING (event) LEFT JOIN taken u USING (event) WHERE f.reason IS NULL)
    WHERE occurrence <= free)`;
}

/** Descriptive fields the row hash and contentHash leave out (csv-import.query.ts rowHash): an intervention's end. */
export const HASHLESS_FIELDS: Record<'incidents' | 'interventions', DescriptiveField[]> = { incidents: [], interventions: ['end_date'] };
const FILLED_ON_ROW: Partial<Record<DescriptiveField, string>> = { end_date: 'ended_at' };

/**
 * Rows of `regime` matched value for value (already-loaded, same-content-loaded) that fill `fields` — fields the row
 * hash leaves out (HASHLESS_FIELDS), filled in this file and on none of the stored rows compared: the stored row is
 * the same row without them (helper-60: end dates mapped the second time were "already loaded" without a word, the
 * stored rows kept no end). Marked 'same-event-loaded', so the summary names the field and the remedy.
 */
export function markHashlessFieldLoaded(target: 'incidents' | 'interventions', fields: DescriptiveField[], regime: EventRegime): string {
  const held = fields.map((f) => FILLED_ON_ROW[f]).filter(Boolean).map((column) => `c.${column} IS NOT NULL`);
  if (!held.length) throw new Error(`No hashless field among ${fields.join(', ')} for ${target}`);
  return `UPDATE ${CHECKED} SET reason = 'same-event-loaded' WHERE line IN (
    SELECT c.line FROM ${CHECKED} c WHERE ${REGIMES[regime].fresh} AND c.reason IN (${takenSql(regime)}) AND (${held.join(' OR ')}))`;
}

/** How many of the rows an event comparison looks at (EventRegime) are still unmatched: none, and the nearby-position pass is skipped. */
export function unmatchedCompared(regime: EventRegime): string {
  return `SELECT count(*)::INTEGER AS n FROM ${CHECKED} c WHERE ${REGIMES[regime].fresh} AND c.reason IS NULL`;
}

/** How many checked rows markSameEventLoaded rejected with `reason`. */
export const countSameEvents = (reason: 'same-event-loaded' | 'same-event-nearby') => `SELECT count(*)::INTEGER AS n FROM ${CHECKED} WHERE reason = ${literal(reason)}`;
