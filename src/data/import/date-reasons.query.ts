// Why a row's date is rejected, in SQL over the check's texts (csv-import.query.ts): a bad date or a bad time, a
// two-digit year, a file that writes dates month first, a year out of range. Split from csv-import.query.ts.
import { literal, quoteIdentifier as q } from '../sql-text';
import { MIDNIGHT_SUFFIX, dateTimeExpr, monthNamesRead } from './value-conversions.query';

// A time after the date ("2026-03-05 25.70", "…T18:50:00.0000000+01:00", "…18:54:00." with a dangling fraction
// mark, "… kl. 12.4" with one digit of minutes): cut off to see if the date alone is good.
const TIME_SUFFIX = '[ T]+([kK][lL]\\.? *)?\\d{1,2}[:.]?\\d{1,2}([:.]\\d{1,2}([.,]\\d*)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)?$';

/**
 * Rows whose date and time did not convert are first marked 'bad-date'; this tells the ones where it was the time
 * (in its own column or after the date) apart: 'time-conflict' when the date carries a valid time of its own and the
 * time column another valid one (each converts with the date alone; the same time in both is read, see dateTimeExpr),
 * else 'bad-time'; then a date written in a style the import reads that names no calendar day, 'no-such-date'. A pass of its own over those rows only, run when there are any
 * (COUNT_BAD_DATES): written into the check it made that statement seven times longer (dateTimeExpr twice more),
 * and DuckDB took ~1 s per import just to parse and plan it.
 */
export function separateBadTimes(checked: string): string {
  // The date as the date styles read it (a Swedish month name as its number, as the check reads it), and without the
  // time written after it: computed once per row as columns (`date_read`, `date_only`), so the conversions below
  // name a column. Written inline, each of the three conversions repeated them dozens of times over: the statement
  // was 2.7 MB of SQL, which DuckDB took ~5 s of one thread to plan, for any import with a bad date.
  const read = 'date_read';
  const dateOnly = 'date_only';
  const rows = (where: string) => `SELECT line, time_text, ${read}, regexp_replace(${read}, ${literal(TIME_SUFFIX)}, '') AS ${dateOnly}
    FROM (SELECT line, time_text, ${monthNamesRead('trim(date_text)')} AS ${read} FROM ${checked} WHERE ${where})`;
  // Two valid times, different: the date converts with its own time and, cut to the day, with the time column's.
  const conflict = `time_text IS NOT NULL AND ${dateOnly} <> ${read} AND ${dateTimeExpr(read, 'NULL::VARCHAR')} IS NOT NULL AND ${dateTimeExpr(dateOnly, 'time_text')} IS NOT NULL`;
  // The time is at fault when the date converts without the time column, or without the time written after it.
  const timeAtFault = `(time_text IS NOT NULL AND ${dateTimeExpr(read, 'NULL::VARCHAR')} IS NOT NULL)
    OR (${dateOnly} <> ${read} AND ${dateTimeExpr(dateOnly, 'NULL::VARCHAR')} IS NOT NULL)`;
  return `UPDATE ${checked} SET reason = fault.reason FROM (
    SELECT line, CASE WHEN ${conflict} THEN 'time-conflict' ELSE 'bad-time' END AS reason FROM (${rows(`reason = 'bad-date' AND NOT ${TWO_DIGIT_YEAR}`)}) WHERE ${timeAtFault}
  ) fault WHERE ${checked}.line = fault.line;
  UPDATE ${checked} SET reason = 'no-such-date' FROM (
    SELECT line FROM (${rows(`reason = 'bad-date'`)}) WHERE ${noSuchDate(read)} OR ${noSuchDate(`trim(${dateOnly})`)}
  ) day WHERE ${checked}.line = day.line`;
}

// The numeric date styles (the reference parser's parseDate), year, month and day captured: ISO with - or /, compact,
// and day first with the year last ("16/4 2026", "16/4-2026", "16.4.2026", "16/04/2026", "16-04-2026").
const YEAR_FIRST = '^(\\d{4})-(\\d{1,2})-(\\d{1,2})$|^(\\d{4})/(\\d{1,2})/(\\d{1,2})$|^(\\d{4})(\\d{2})(\\d{2})$';
const DAY_FIRST = '^(\\d{1,2})/(\\d{1,2})[ -](\\d{4})$|^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$|^(\\d{1,2})/(\\d{1,2})/(\\d{4})$|^(\\d{1,2})-(\\d{1,2})-(\\d{4})$';

/**
 * True when `text` is written in a date style the import reads but names a day the calendar has not (2026-02-30,
 * 31/4 2026, month 13): 'no-such-date', so the message says the day does not exist instead of listing the styles.
 */
function noSuchDate(text: string): string {
  // Which style is checked exactly (YEAR_FIRST, DAY_FIRST); the numbers are read with one pattern per family
  // (regexp_extract takes at most nine groups).
  const ymd = (pattern: string, y: number, m: number, d: number) => {
    const n = (i: number) => `TRY_CAST(regexp_extract(${text}, ${literal(pattern)}, ${i}) AS INTEGER)`;
    return `TRY_CAST(printf('%04d-%02d-%02d', ${n(y)}, ${n(m)}, ${n(d)}) AS DATE) IS NULL`;
  };
  return `CASE WHEN regexp_matches(${text}, ${literal(YEAR_FIRST)}) THEN ${ymd('^(\\d{4})[-/]?(\\d{1,2})[-/]?(\\d{1,2})$', 1, 2, 3)}
    WHEN regexp_matches(${text}, ${literal(DAY_FIRST)}) THEN ${ymd('^(\\d{1,2})[./-](\\d{1,2})[./ -](\\d{4})$', 3, 2, 1)} ELSE false END`;
}

// A date written with a two-digit year ("16-04-26", "16.04.26", "16/4/26 12:42"): the date styles read it as the
// year 16 or 26. No date, as the reference parser says — not a year out of range (whose message offers to widen the
// range), nor a bad time. "0025-03-11" (four digits, a typo) stays out of range.
const TWO_DIGIT_YEAR = `regexp_matches(date_text, '^\\s*\\d{1,2}[./-]\\d{1,2}[./ -]\\d{2}([ T]|$)')`;


// A date with the year last and two numbers before it ("16/04/2026", "04/16/2026", "16-04-2026").
const NUMBERS_YEAR_LAST = '^\\s*(\\d{1,2})[/-](\\d{1,2})[/-]\\d{4}';

/**
 * One row, `month_first` BOOLEAN: some date in `column` of the staging table `raw` (the file's, prefixed) is written with the
 * year last and a second number above 12 ("04/16/2026"): the file writes month first, American style. The check then
 * rejects every date written that way (monthFirstDates below) — read day first, "04/05/2026" would be 4 May, silently
 * (a tester). Cheap: the regular expression runs only where a slash or dash follows one or two digits.
 */
export function monthFirstSql(raw: string, column: string): string {
  const c = q(column);
  return `SELECT coalesce(bool_or(TRY_CAST(regexp_extract(${c}, ${literal(NUMBERS_YEAR_LAST)}, 2) AS INTEGER) > 12), false) AS month_first
    FROM ${raw} WHERE substr(ltrim(${c}), 2, 1) IN ('/', '-') OR substr(ltrim(${c}), 3, 1) IN ('/', '-')`;
}

/** The CASE branches of a row's date reason over the checked texts (`date_text`) and the parsed timestamp `at`. */
export function dateReasons(at: string, years: { min: number; max: number }, monthFirst: boolean): string {
  // Only a date that could be either day (both numbers 1–12 and not equal): "16/04/2026" and "04/16/2026" in the same
  // file can each be only 16 April, and were rejected as uncertain though they are not (testers).
  const n = (i: number) => `TRY_CAST(regexp_extract(date_text, ${literal(NUMBERS_YEAR_LAST)}, ${i}) AS INTEGER)`;
  const monthFirstDates = monthFirst
    ? `WHEN regexp_matches(date_text, ${literal(NUMBERS_YEAR_LAST)}) AND ${n(1)} BETWEEN 1 AND 12 AND ${n(2)} BETWEEN 1 AND 12 AND ${n(1)} <> ${n(2)} THEN 'month-first-date' `
    : '';
  return `WHEN date_text IS NULL THEN 'missing-date' ${monthFirstDates}WHEN ${at} IS NULL OR (year(${at}) < 100 AND ${TWO_DIGIT_YEAR}) THEN 'bad-date'
      WHEN year(${at}) NOT BETWEEN ${Math.floor(years.min)} AND ${Math.floor(years.max)} THEN 'year-out-of-range'`;
}

/**
 * One row, `n` INTEGER: rows of the staging table `raw` whose date is written with a midnight time ("2026-04-17 00:00")
 * beside an empty time column — read as a date without a time of day (timeGivenExpr), which the import summary says,
 * so that no one looks for them at 00:00 (a tester). `dateColumn`, `timeColumn`: the staged (prefixed) names.
 */
export function midnightWithoutTimeSql(raw: string, dateColumn: string, timeColumn: string): string {
  return `SELECT count(*)::INTEGER AS n FROM ${raw}
    WHERE regexp_matches(trim(${q(dateColumn)}), ${literal(MIDNIGHT_SUFFIX)}) AND coalesce(trim(${q(timeColumn)}), '') = ''`;
}
