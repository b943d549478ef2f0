// The personnummer scan's SQL over the import's staging table (the library, lib/parsing/personal-identity.ts, then
// checks each candidate's date and checksum). Split from csv-import.query.ts.
import { PERSONAL_NUMBER_PATTERN } from '../../lib/parsing/personal-identity';
import { literal, quoteIdentifier as q } from '../sql-text';
import { RAW, stagedColumn } from './csv-import.query';

/**
 * Everything shaped like a personnummer in the given columns, with the column it is in (the library then checks
 * each). One pass: the columns joined by a separator that is no word character are tested once, and only rows with
 * a hit are searched column by column — six passes over a 1M-row file took 0.3–0.4 s more. Whatever matches in a
 * column alone also matches in the joined text (a word boundary stays one next to the separator).
 */
export function personalNumberCandidates(columns: string[]): string {
  const pattern = literal(PERSONAL_NUMBER_PATTERN);
  const staged = columns.map((c) => q(stagedColumn(c)));
  const perColumn = columns.map((c, i) => `SELECT ${literal(c)} AS column_name, unnest(regexp_extract_all(${staged[i]}, ${pattern})) AS candidate FROM hits WHERE regexp_matches(${staged[i]}, ${pattern})`);
  return `WITH hits AS (SELECT ${staged.join(', ')} FROM ${RAW} WHERE regexp_matches(concat_ws(chr(31), ${staged.join(', ')}), ${pattern}))
  ${perColumn.join(' UNION ALL ')}`;
}
