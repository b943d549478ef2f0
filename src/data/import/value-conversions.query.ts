// Text from Swedish exports → typed values, in SQL so the preview and the import agree and it runs at DuckDB's speed:
// numbers (decimal comma, space thousands, Unicode minus) and dates with times → local Swedish TIMESTAMP. No
// TIMESTAMPTZ (icu is not built in): an explicit offset is removed by arithmetic and Swedish DST is computed by the
// EU rule (last Sunday of March/October, 01:00 UTC). Split from csv-import.query.ts.
import { literal } from '../sql-text';

export type DecimalMark = ',' | '.';

/** Swedish numbers: space-like thousands separators, decimal comma, U+2212 minus. NULL when not a number. */
export function numberExpr(valueSql: string, decimal: DecimalMark): string {
  const stripped = `regexp_replace(regexp_replace(${valueSql}, '[ \u00a0\u202f]', '', 'g'), '^[\u2212\u2013]', '-')`;
  const general = decimal === ','
    ? `CASE WHEN contains(${valueSql}, '.') AND contains(${valueSql}, ',') THEN NULL ELSE TRY_CAST(replace(${stripped}, ',', '.') AS DOUBLE) END`
    : `TRY_CAST(${stripped} AS DOUBLE)`;
  // Most values are plain numbers ("59.329300"): cast directly, and only the rest go through the two regular
  // expressions. Same result: a value the cast reads holds no space, comma or Unicode minus, which the general
  // form would change.
  return `coalesce(TRY_CAST(${valueSql} AS DOUBLE), ${general})`;
}

// The date styles and time styles the reference parser reads (lib/parsing/swedish-datetime.ts), every date with every
// time: a list written out by hand missed pairings ("14/4 2026" with "12.42" was rejected as a bad time; tested now
// for each pairing against the reference). The most common first: strptime tries them in order.
// Day first whenever the year is last ("16/04/2026", "16-04-2026": Excel in a European locale); month first only
// where day first names no month ("04/16/2026" can only be 16 April — a tester saw it rejected as uncertain). A file
// with such a date has its dates that could be either rejected (date-reasons.query.ts), never read as another day.
const DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%d.%m.%Y', '%d/%m %Y', '%d/%m-%Y', '%Y%m%d', '%d/%m/%Y', '%d-%m-%Y', '%m/%d/%Y', '%m-%d-%Y'];
// "12:42", "12.42" (Swedish), with seconds, mixed separators as the reference allows; and a separate time column
// written "0730" (or "730", once Excel has dropped the zero: padded below).
const TIME_FORMATS = ['%H:%M:%S', '%H:%M', '%H.%M', '%H.%M.%S', '%H%M', '%H:%M.%S', '%H.%M:%S'];
const DATE_TIME_FORMATS = [...DATE_FORMATS.flatMap((d) => TIME_FORMATS.map((t) => `${d} ${t}`)), ...DATE_FORMATS];

// The characters other than spaces that the styles write literally. strptime matches each exactly (a space in a style
// matches any run of spaces, and none is tested here), so a text without one of them can't be read by a style that has
// it: leaving such styles out of the list changes no result, as the list is tried in order and they would have failed.
const STYLE_LITERALS = ['-', '/', '.', ':'] as const;
const literalsOf = (style: string) => STYLE_LITERALS.filter((c) => style.replace(/%./g, '').includes(c));

/**
 * `try_strptime(text, DATE_TIME_FORMATS)` — the same value for every text — trying only the styles whose literal
 * characters all occur in `given` (the SQL texts `text` was made from, which hold every character it holds): one CASE
 * branch per combination of the four characters. With the whole list, a text failed every style before its own:
 * "16/4 2026 12.42" cost ~15 µs per row natively (1M rows: ~18 s of one thread, the browser about twice that); a
 * text of "/" and "." now tries 24 styles of 80.
 */
function strptimeStyles(text: string, given: string[]): string {
  const has = (c: string) => given.map((g) => `contains(coalesce(${g}, ''), ${literal(c)})`).join(' OR ');
  const branch = (i: number, present: string[]): string => {
    if (i === STYLE_LITERALS.length) {
      const styles = DATE_TIME_FORMATS.filter((f) => literalsOf(f).every((c) => present.includes(c)));
      return styles.length ? `try_strptime(${text}, [${styles.map((f) => literal(f)).join(', ')}])` : 'NULL::TIMESTAMP';
    }
    const c = STYLE_LITERALS[i];
    return `CASE WHEN ${has(c)} THEN ${branch(i + 1, [...present, c])} ELSE ${branch(i + 1, present)} END`;
  };
  return branch(0, []);
}
// "+01:00", "+0100", "+01" (DuckDB prints TIMESTAMPTZ as "…+00") or "Z".
const OFFSET_PATTERN = '\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)$';

/** Swedish month names and their usual abbreviations, with the month each is (MONTH_NUMBERS). */
const MONTH_WORDS = ['januari', 'jan', 'februari', 'feb', 'mars', 'mar', 'april', 'apr', 'maj', 'juni', 'jun', 'juli', 'jul', 'augusti', 'aug', 'september', 'sept', 'sep', 'oktober', 'okt', 'november', 'nov', 'december', 'dec'];
const MONTH_NUMBERS = [1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9, 10, 10, 11, 11, 12, 12];

/**
 * A date written with a Swedish month name ("16 april 2026", "3 nov. 2025 kl. 12.42", "1 Maj 2026") → the same date
 * in a numeric style the date styles read ("16/4 2026", "3/11 2025 kl. 12.42"); any other text as it is, and a word
 * that is no month → NULL (no date). `sql` is a trimmed text. One lookup, not a replace per month: the expression is
 * read several times over by dateTimeExpr, so it is computed once per row (the checks' `date_read`).
 */
export function monthNamesRead(sql: string): string {
  const word = `lower(regexp_extract(${sql}, '^\\d{1,2}\\.?\\s+([^\\d\\s.]+)', 1))`;
  const month = `[${MONTH_NUMBERS.join(', ')}][list_position([${MONTH_WORDS.map((w) => literal(w)).join(', ')}], ${word})]`;
  return `CASE WHEN regexp_matches(${sql}, '^\\d{1,2}\\.?\\s+[^\\d\\s.]') THEN regexp_extract(${sql}, '^(\\d{1,2})', 1) || '/' || ${month}::VARCHAR || ' ' || regexp_replace(${sql}, '^\\d{1,2}\\.?\\s+[^\\d\\s.]+\\.?\\s+', '') ELSE ${sql} END`;
}

/** A date's own time that is midnight: "00:00", "0:00", "00.00", "00:00:00", "00:00:00.0000000", "kl. 00.00". */
export const MIDNIGHT_SUFFIX = '\\d[ T]+([kK][lL]\\.? *)?0?0[:.]00([:.]00([.,]0*)?)?\\s*$';

/**
 * Whether the row gives a time of day (SQL BOOLEAN): a time column with a value, or a date column whose text is more
 * than a date (a time in it, or an epoch instant). A date alone is stored at 00:00, and the week × hour table counted
 * such rows as incidents at midnight (a tester); it gives them a column of their own. `dateSql`, `timeSql`: the
 * cleaned texts (NULL for none). For an ISO date and time, one regular expression; else a date is a date when one
 * of the date styles reads the whole text.
 */
export function timeGivenExpr(dateSql: string, timeSql: string, timeColumn: boolean): string {
  // A CASE, not an OR: DuckDB evaluates every operand of an OR in a projection, and trying every date style on every
  // row cost 3.1–4.1 s of one thread at 1M rows natively (the whole check step was 6.6 s); the CASE tries the styles
  // only on rows that are neither an ISO date with a time nor a bare ISO date (0.1 s).
  // With a time column, a date written with a midnight time is a date (dateTimeExpr): Excel's "2026-04-17 00:00"
  // beside an empty Tid gave no time of day, and was counted at 00:00 (a tester). In any date style, any separator,
  // with seconds and a fraction of zeros; a midnight with an offset is another hour here and stays a time.
  const midnightDate = timeColumn ? `WHEN regexp_matches(${dateSql}, ${literal(MIDNIGHT_SUFFIX)}) THEN FALSE
    ` : '';
  return `CASE WHEN ${timeSql} IS NOT NULL THEN TRUE WHEN ${dateSql} IS NULL THEN NULL
    ${midnightDate}WHEN regexp_matches(${dateSql}, '^\\d{4}-\\d{2}-\\d{2}[ T]\\d') THEN TRUE
    WHEN regexp_full_match(${dateSql}, '\\d{4}-\\d{2}-\\d{2}') THEN FALSE
    ELSE try_strptime(trim(${dateSql}), [${DATE_FORMATS.map((f) => literal(f)).join(', ')}]) IS NULL END`;
}

/** Whether a date text's time has one digit of minutes or seconds ("7.5"): strptime would read it as 07:05. */
function oneDigitMinutesOf(text: string): string {
  return `regexp_matches(${text}, '[ T]\\d{1,2}[:.]\\d{2}[:.]\\d(\\D|$)|[ T]\\d{1,2}[:.]\\d(\\D|$)')`;
}

/**
 * `body` over the value of `value` computed once: a lambda over a one-element list. Written inline, an expression that
 * names a sub-expression n times repeats its SQL n times (and DuckDB evaluates each copy): the date conversion's text
 * rebuilt for the styles was named in each of 16 branches. `name` must not be a column the body reads otherwise.
 */
function bindOnce(value: string, name: string, body: (ref: string) => string): string {
  return `list_transform([${value}], lambda ${name}: ${body(name)})[1]`;
}

/** Last Sunday of a month at 01:00 UTC: when EU summer time starts (March) and ends (October). */
function euSwitchUtc(yearSql: string, month: 3 | 10): string {
  const last = `make_date(${yearSql}, ${month}, 31)`;
  return `(${last} - (isodow(${last}) % 7)::INTEGER)::TIMESTAMP + INTERVAL 1 HOUR`;
}

/** A UTC instant (`utc`, a TIMESTAMP read as UTC; named once) → Swedish wall-clock time: +1 h, +2 h in EU summer time. */
function swedishWallClock(utc: string): string {
  const year = `year(${utc})::INTEGER`;
  return `${utc} + INTERVAL 1 HOUR + CASE WHEN ${utc} >= ${euSwitchUtc(year, 3)} AND ${utc} < ${euSwitchUtc(year, 10)} THEN INTERVAL 1 HOUR ELSE INTERVAL 0 HOUR END`;
}

/**
 * Date (+ optional separate time) text → local Swedish TIMESTAMP, or NULL. Without an offset the text is
 * already Swedish local time; with one ("+01:00", "Z") the instant is turned into Swedish wall-clock time.
 */
export function dateTimeExpr(dateSql: string, timeSql: string): string {
  // "kl. 12.42", "Kl 9.05": the Swedish word for o'clock before a time, in the time column or after the date.
  const time = `regexp_replace(${timeSql}, '^[kK][lL]\\.? *', '')`;
  const paddedTime = `CASE WHEN regexp_full_match(${time}, '\\d{3}') THEN '0' || ${time} ELSE ${time} END`;
  // With a separate time column, a date written with a midnight time (SQL Server's datetime2 "2025-04-01
  // 00:00:00.0000000", Excel's "2025-04-01 00:00") is a date: the time comes from the time column.
  const date = `regexp_replace(${dateSql}, ' +[kK][lL]\\.? *', ' ')`;
  // …and one written with the same time as the time column ("2026-04-16 12:00" beside "12:00") is that time; the
  // comparison only for dates that carry a time (one regular expression for the rest).
  const ownTime = `regexp_extract(${date}, '[ T](\\d{1,2}[:.]\\d{2}([:.]\\d{2})?)([.,]\\d+)?$', 1)`;
  const asTime = (t: string) => `try_strptime(replace(${t}, '.', ':'), ['%H:%M:%S', '%H:%M', '%H%M'])`;
  const sameTime = `(regexp_matches(${date}, '[ T]\\d{1,2}[:.]\\d{2}') AND ${asTime(ownTime)} = ${asTime(paddedTime)})`;
  const dateOfDay = `CASE WHEN ${sameTime} THEN regexp_replace(${date}, '[ T]\\d{1,2}[:.]\\d{2}([:.]\\d{2})?([.,]\\d+)?$', '') ELSE regexp_replace(${date}, '[ T]00[:.]00([:.]00([.,]0+)?)?$', '') END`;
  const joined = `CASE WHEN ${timeSql} IS NULL THEN ${date} ELSE ${dateOfDay} || ' ' || ${paddedTime} END`;
  // SQL Server's datetime2 writes up to 7 fraction digits ("18:50:00.0000000"): fractions of a second are dropped.
  const unT = `regexp_replace(regexp_replace(${joined}, '^(\\d{4}-\\d{2}-\\d{2})T', '\\1 '), '(\\d{1,2}:\\d{2}:\\d{2})[.,]\\d+', '\\1')`;
  // An offset only follows a time ("2026-03-05" ends in "-05", which is a day, not an offset).
  const offset = `CASE WHEN regexp_matches(${unT}, '\\d[ T]\\d{1,2}[:.]\\d{2}') THEN regexp_extract(${unT}, ${literal(OFFSET_PATTERN)}, 1) ELSE '' END`;
  const bare = `CASE WHEN ${offset} = '' THEN ${unT} ELSE regexp_replace(${unT}, ${literal(OFFSET_PATTERN)}, '') END`;
  // strptime reads one digit for %M and %S ("7.5" was 07:05, silently); the reference parser wants two, as written.
  const oneDigitMinutes = oneDigitMinutesOf(bare);
  const parsed = `CASE WHEN ${oneDigitMinutes} THEN NULL ELSE try_strptime(${bare}, [${DATE_TIME_FORMATS.map((f) => literal(f)).join(', ')}]) END`;
  // Without an offset (nearly every text that takes the general path), the styles its characters allow; with one, the
  // whole list (rare, and the expression is read several times over there).
  const parsedLocal = bindOnce(bare, '__bare', (b) => `CASE WHEN ${oneDigitMinutesOf(b)} THEN NULL ELSE ${strptimeStyles(b, [dateSql, timeSql])} END`);
  const compact = `replace(${offset}, ':', '')`;
  const offsetMinutes = `CASE WHEN ${offset} = 'Z' THEN 0 ELSE (CASE WHEN left(${offset}, 1) = '-' THEN -1 ELSE 1 END) * (TRY_CAST(substr(${offset}, 2, 2) AS INTEGER) * 60 + CASE WHEN length(${compact}) = 5 THEN TRY_CAST(right(${compact}, 2) AS INTEGER) ELSE 0 END) END`;
  const utc = `(${parsed} - to_minutes(${offsetMinutes}))`;
  const local = bindOnce(utc, '__utc', swedishWallClock);
  // Epoch time from system exports: 13 digits are milliseconds, 10 are seconds; both are UTC instants.
  const epochUtc = `CASE WHEN regexp_matches(${dateSql}, '^\\d{13}$') THEN make_timestamp(TRY_CAST(${dateSql} AS BIGINT) * 1000)
    WHEN regexp_matches(${dateSql}, '^\\d{10}$') THEN make_timestamp(TRY_CAST(${dateSql} AS BIGINT) * 1000000) END`;
  const epochLocal = bindOnce(epochUtc, '__utc', swedishWallClock);
  // Fast path for the common shape (ISO date and time in one column, no offset): one regular expression and one
  // parse instead of the general expression's dozen — DuckDB evaluates the other branches only for the rest.
  const isoLocal = `${timeSql} IS NULL AND regexp_full_match(${dateSql}, '\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?')`;
  const isoParsed = `try_strptime(replace(${dateSql}, 'T', ' '), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M'])`;
  // …and for an ISO date beside a time column of hours and minutes ("2026-03-01" + "22.15": the police's Excel
  // export): the general expression cost ~6 s of one thread per 1M rows natively, this ~0.5 s.
  const isoWithTime = `regexp_full_match(${dateSql}, '\\d{4}-\\d{2}-\\d{2}') AND regexp_full_match(${timeSql}, '\\d{1,2}[:.]\\d{2}([:.]\\d{2})?')`;
  const isoWithTimeParsed = `try_strptime(${dateSql} || ' ' || replace(${timeSql}, '.', ':'), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M'])`;
  // DuckDB's strptime reads the words "infinity", "-infinity" and "epoch" (any case), whatever the format, as 1900-01-01
  // 00:00: a date with no digit is no date (such a row was 'year-out-of-range', and widening the range imported 1900).
  // Tested on the date as given (a column, cheap), only for rows the fast paths above did not take; with a time
  // column the joined text is no special word, and strptime reads none.
  return `CASE WHEN ${isoLocal} THEN ${isoParsed}
    WHEN ${timeSql} IS NOT NULL AND ${isoWithTime} THEN ${isoWithTimeParsed}
    WHEN ${timeSql} IS NULL AND regexp_matches(${dateSql}, '^\\d{10}(\\d{3})?$') THEN ${epochLocal}
    WHEN NOT regexp_matches(${dateSql}, '\\d') THEN NULL
    WHEN ${offset} = '' OR ${offset} IS NULL THEN ${parsedLocal} ELSE ${local} END`;
}

/** A staged column typed as a date or a timestamp (a Parquet file's), read without going through its text. */
export type TypedDateKind = 'timestamp' | 'date';

/**
 * DuckDB's type name → the kind of date it is, or null: TIMESTAMP in any unit and DATE. Not TIMESTAMP WITH TIME ZONE
 * (an instant: its text carries the offset, which dateTimeExpr turns into Swedish time).
 */
export function typedDateKind(duckdbType: string): TypedDateKind | null {
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(duckdbType)) return 'timestamp';
  return duckdbType === 'DATE' ? 'date' : null;
}

/**
 * A typed date or timestamp (`sql`) → the local TIMESTAMP dateTimeExpr gives for its text (the cast the staging shows):
 * the wall-clock time as it is (a zone-less value is Swedish time, as a text without an offset is), fractions of a
 * second dropped, a date at 00:00; NULL where the text would not parse (infinity, years beyond 9999 or before 1, whose
 * text has five digits or "(BC)"). Tested against dateTimeExpr over the cast text. Skips ~0.4 s of one thread per 1M
 * rows (native) of regular expressions and strptime.
 */
export function typedDateExpr(sql: string): string {
  const at = `CAST(${sql} AS TIMESTAMP)`;
  return `CASE WHEN isfinite(${at}) AND year(${at}) BETWEEN 1 AND 9999 THEN date_trunc('second', ${at}) END`;
}

/** Whether a typed date gives a time of day (timeGivenExpr for its text): a timestamp's text always has one, a date's none. */
export function typedTimeGivenExpr(sql: string, kind: TypedDateKind): string {
  return `CASE WHEN ${sql} IS NULL THEN NULL ELSE ${kind === 'timestamp' ? 'TRUE' : 'FALSE'} END`;
}
