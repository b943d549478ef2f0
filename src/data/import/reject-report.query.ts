// The report of rejected rows: for each, the field at fault, the offending value and the row as it was read, built
// from the checked table (csv-import.query.ts) and the staged text before that is dropped.
import { literal, quoteIdentifier as q } from '../sql-text';
import { NUL_SYMBOL } from '../../lib/parsing/utf8-check';
import { CHECKED, REJECT_TEXT, rawOfCheckedJoin, stagedColumn, type LineMap } from './csv-import.query';
import { maskedPersonalNumbers, trimmed } from './text-values.query';

/** Reasons of rows an earlier import already loaded: no fault in the file (import-csv.ts ALREADY_LOADED_REASONS). */
export const ALREADY_LOADED = ['already-loaded', 'same-content-loaded', 'same-event-loaded', 'same-event-nearby'] as const;

/**
 * The rows already loaded, as numbers: line, and the reason's place in ALREADY_LOADED — read as columns (numericColumns)
 * when they are too many to report one row object each (checkedRejects with `alreadyLoaded` false leaves them out).
 */
export const alreadyLoadedLines = `SELECT line::DOUBLE AS line, (list_position([${ALREADY_LOADED.map(literal).join(', ')}], reason) - 1)::DOUBLE AS reason
  FROM ${CHECKED} WHERE reason IN (${ALREADY_LOADED.map(literal).join(', ')})`;

/** How many rows are already loaded (ALREADY_LOADED_TEXT_LIMIT in import-csv.ts decides what the report gives them). */
export const countAlreadyLoaded = `SELECT count(*)::INTEGER AS n FROM ${CHECKED} WHERE reason IN (${ALREADY_LOADED.map(literal).join(', ')})`;

/**
 * The row as read, for every rejected row — by the checks or after the coordinates (outside Sweden, repeated id,
 * already loaded, same content) — kept in a small table once every reason is decided, so the raw text can be
 * dropped before the insert (which lets DuckDB reuse its blocks for the canonical table). Only rejected rows are
 * rebuilt: an import without rejects pays nothing for this. `alreadyLoadedTexts` false: rows an earlier import
 * already loaded get none (a file dropped twice: a million texts cost seconds to build and to hand to the page).
 */
export function saveRejectText(rawColumns: string[], delimiter: string, position: { north?: string; east?: string } = {}, lineMap: LineMap = null, alreadyLoadedTexts = true): string {
  // contains() per special character: a third of the cost of one regular expression per field (1M rejected rows).
  const special = (v: string) => [delimiter, '"', '\n', '\r'].map((ch) => `contains(${v}, ${literal(ch)})`).join(' OR ');
  const field = (c: string) => { const v = `r.${q(c)}`; /* c: the staging table's own (prefixed) name */ return `CASE WHEN ${v} IS NULL THEN '' WHEN ${special(v)} THEN '"' || replace(${v}, '"', '""') || '"' ELSE ${v} END`; };
  // A NUL byte (a 'nul-byte' row) is shown as the symbol for it, U+2400: the report is text, and a NUL would end it in some tools.
  const rawText = rawColumns.length ? `replace(concat_ws(${literal(delimiter)}, ${rawColumns.map(field).join(', ')}), chr(0), ${literal(NUL_SYMBOL)})` : "''";
  // The value shown for a position outside Sweden (or near a stored one's), as the checks read it (north_text / east_text, kept for rows
  // rejected by the checks only): the file's two fields, trimmed.
  const staged = (column: string | undefined) => (column ? trimmed(`r.${q(stagedColumn(column))}`) : 'NULL::VARCHAR');
  // Cast: with no position mapped DuckDB folds the expression to a NULL that the new table would store as INTEGER.
  const positionText = `(CASE WHEN c.reason IN ('outside-sweden', 'same-event-nearby') THEN ${staged(position.north)} || ' / ' || ${staged(position.east)} END)::VARCHAR`;
  return `CREATE TEMP TABLE ${REJECT_TEXT} AS SELECT c.line, ${maskedPersonalNumbers(rawText)} AS text, ${positionText} AS position_text
    FROM ${CHECKED} c ${rawOfCheckedJoin(lineMap)} WHERE c.reason IS NOT NULL${alreadyLoadedTexts ? '' : ` AND c.reason NOT IN (${ALREADY_LOADED.map(literal).join(', ')})`}`;
}

/**
 * Every rejected row with what the user needs to fix it: the field at fault (mapped back to the file's column
 * in JS), the offending value, and the row as it was read — its fields joined by the file's delimiter, quoted
 * where needed (for an ordinary line that is the line itself). Personnummer in the report are masked: the report
 * is shown and downloaded, and must not be the way round the mask. Needs the raw staging table, so it runs
 * before that is dropped; only rejected rows are rebuilt.
 */
export function checkedRejects(target: 'incidents' | 'interventions', outcomeNames: string[] = [], alreadyLoaded = true): string {
  const required = target === 'incidents' ? "'category'" : "'type'";
  const outcomeField = outcomeNames.map((o) => `WHEN ${q(`${o}__text`)} IS NOT NULL AND ${q(o)} IS NULL THEN ${literal(`outcome:${o}`)}`).join(' ');
  const outcomeValue = outcomeNames.map((o) => `WHEN ${q(`${o}__text`)} IS NOT NULL AND ${q(o)} IS NULL THEN ${q(`${o}__text`)}`).join(' ');
  return `WITH rejected AS (
    SELECT line, reason,
      CASE reason WHEN 'missing-date' THEN 'date' WHEN 'bad-date' THEN 'date' WHEN 'month-first-date' THEN 'date' WHEN 'no-such-date' THEN 'date' WHEN 'year-out-of-range' THEN 'date'
        WHEN 'bad-time' THEN CASE WHEN time_text IS NULL THEN 'date' ELSE 'time' END WHEN 'time-conflict' THEN 'date+time'
        WHEN 'missing-category' THEN ${required} WHEN 'missing-type' THEN ${required}
        WHEN 'unparsable-number' THEN CASE WHEN north_text IS NOT NULL AND north IS NULL THEN 'north' WHEN east_text IS NOT NULL AND east IS NULL THEN 'east' ${outcomeField} END
        WHEN 'half-coordinate' THEN 'position'
        WHEN 'outside-sweden' THEN 'position' WHEN 'same-event-nearby' THEN 'position'
        WHEN 'duplicate-id-in-file' THEN 'id' WHEN 'already-loaded' THEN CASE WHEN id IS NOT NULL THEN 'id' END
        WHEN 'same-content-loaded' THEN CASE WHEN id IS NOT NULL THEN 'id' END END AS field,
      CASE reason WHEN 'bad-date' THEN date_text WHEN 'month-first-date' THEN date_text WHEN 'no-such-date' THEN date_text WHEN 'year-out-of-range' THEN date_text
        WHEN 'bad-time' THEN coalesce(time_text, date_text) WHEN 'time-conflict' THEN date_text || ' / ' || time_text
        WHEN 'unparsable-number' THEN CASE WHEN north_text IS NOT NULL AND north IS NULL THEN north_text WHEN east_text IS NOT NULL AND east IS NULL THEN east_text ${outcomeValue} END
        -- Both columns and both values, one of them empty: naming the empty column beside the other's value read as
        -- if that value were in the empty column (a tester: "Y-koordinat" shown with the X value).
        WHEN 'half-coordinate' THEN coalesce(north_text, '') || ' / ' || coalesce(east_text, '')
        WHEN 'duplicate-id-in-file' THEN id WHEN 'already-loaded' THEN id WHEN 'same-content-loaded' THEN id END AS value
    FROM ${CHECKED} WHERE reason IS NOT NULL${alreadyLoaded ? '' : ` AND reason NOT IN (${ALREADY_LOADED.map(literal).join(', ')})`})
  SELECT j.line, j.reason, j.field, ${maskedPersonalNumbers("CASE WHEN j.reason IN ('outside-sweden', 'same-event-nearby') THEN t.position_text ELSE j.value END")} AS value, t.text
  FROM rejected j LEFT JOIN ${REJECT_TEXT} t ON t.line = j.line ORDER BY j.line`;
}
