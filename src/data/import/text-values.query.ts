// SQL for a stored text value: trimmed of every kind of space, and in Unicode NFC where it can differ.
// Split from csv-import.query.ts: one idea — what a clean text value is — used by every import path.
import { PERSONAL_NUMBER_MASK, PERSONAL_NUMBER_PATTERN } from '../../lib/parsing/personal-identity';
import { literal } from '../sql-text';

/** Every kind of space a file can carry at the edges of a value: ASCII whitespace, Unicode spaces (Zs, Zl, Zp), NEL, zero-width space, word joiner, BOM. */
const SPACE_CHARS = ' \t\n\r\f\v\u0085\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff';
const EDGE_SPACES = '^[\\s\\pZ\\x{0b}\\x{85}\\x{180e}\\x{200b}\\x{2060}\\x{feff}]+|[\\s\\pZ\\x{0b}\\x{85}\\x{180e}\\x{200b}\\x{2060}\\x{feff}]+$';

/**
 * A value with every kind of space trimmed, NULL when empty. The regular expression runs only on values that
 * start or end with a space character (a cheap test), so clean values cost what `trim` did.
 */
export function trimmed(valueSql: string): string {
  const spaces = literal(SPACE_CHARS);
  return `nullif(CASE WHEN contains(${spaces}, left(${valueSql}, 1)) OR contains(${spaces}, right(${valueSql}, 1)) THEN regexp_replace(${valueSql}, ${literal(EDGE_SPACES)}, '', 'g') ELSE ${valueSql} END, '')`;
}

// What NFC can change: combining marks (U+0300–U+036F and the other combining blocks) and Ω/K/Å written as the
// Ohm, Kelvin and Ångström signs. Same set as `mayNeedComposition` in utf8-check.ts.
const COMPOSABLE = '[\\x{0300}-\\x{036f}\\x{1ab0}-\\x{1aff}\\x{1dc0}-\\x{1dff}\\x{20d0}-\\x{20ff}\\x{fe20}-\\x{fe2f}\\x{2126}\\x{212a}\\x{212b}]';

/**
 * `valueSql` (a text expression) in Unicode NFC, then trimmed, so "Stöld" written o + U+0308 (as macOS tools write
 * it) and "Stöld" are one category. `nfc_normalize` is slow in DuckDB (~6 µs a value), so only values that are not
 * plain ASCII and hold something NFC can change go through it (the caller runs this only when the read found a
 * combining mark; for Parquet, when a chunk's text held one, arrow-text.ts; JSON is always checked).
 */
export function normalisedValue(valueSql: string): string {
  const c = valueSql;
  return trimmed(`CASE WHEN strlen(${c}) = length(${c}) THEN ${c} WHEN regexp_matches(${c}, ${literal(COMPOSABLE)}) THEN nfc_normalize(${c}) ELSE ${c} END`);
}

/** `valueSql` with every personnummer in it masked: a stored text under the 'mask' policy, and the reject report's values and rows. */
export function maskedPersonalNumbers(valueSql: string): string {
  return `regexp_replace(${valueSql}, ${literal(PERSONAL_NUMBER_PATTERN)}, ${literal(PERSONAL_NUMBER_MASK)}, 'g')`;
}
