// Record keys for public view's cell key method (lib/disclosure/cell-key.ts): every incident and intervention
// gets an integer 0…255, stored with it — a hash of its row key (the export's id, else a hash of the row) and a
// fixed salt (record-key-salt.ts), uniform over 0…255 — so the same records give the same cell key, and the same
// shown count, in every view, link, visit, reset and copy of the data.
// Stored databases from before get the column on start and their keys at the next fill.
import { sum } from '@uwdata/mosaic-sql';
import { KEY_RANGE } from '../lib/disclosure/cell-key';
import { literal } from './sql-text';

export const KEYED_TABLES = ['incidents', 'interventions'] as const;

export const ADD_RECORD_KEY_COLUMNS = KEYED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS record_key SMALLINT;`).join('\n');

/** Whether any row still lacks its record key (`needed`): checked first, an UPDATE that changes nothing still writes. */
export function recordKeysNeeded(table: (typeof KEYED_TABLES)[number]): string {
  return `SELECT EXISTS (SELECT 1 FROM ${table} WHERE record_key IS NULL) AS needed`;
}

/** A row's record key from its row key (SQL text) and the salt (SQL text, VARCHAR): one formula for the fill and the import. */
export function recordKeyOf(rowKeySql: string, saltSql: string): string {
  return `(hash(${rowKeySql}, ${saltSql}) % ${KEY_RANGE})::SMALLINT`;
}

/** The record key of an imported row, computed as it is inserted (the salt written in as a literal). */
export function importedRecordKey(rowKeySql: string, salt: string): string {
  return recordKeyOf(rowKeySql, `${literal(salt)}::VARCHAR`);
}

/**
 * Gives every row without a record key its key: hash(row key, salt) mod 256; the salt is the one parameter.
 * Imports set the key as they insert (an UPDATE of every new row cost 0.35–0.75 s at 1M rows and the column's
 * second write): this fills the example and rows stored before the column existed.
 */
export function fillRecordKeys(table: (typeof KEYED_TABLES)[number]): string {
  return `UPDATE ${table} SET record_key = ${recordKeyOf('coalesce(row_key, rowid::VARCHAR)', '?::VARCHAR')} WHERE record_key IS NULL`;
}

/**
 * The key sum of the rows a count counts: select it beside `count(*)` as `key`. `filter`: the same FILTER
 * condition as the count's, if it has one. DOUBLE so it arrives as a JS number (a HUGEINT sum would be a bigint).
 */
export function keySumSql(filter?: string): string {
  return `coalesce(sum(record_key)${filter ? ` FILTER (WHERE ${filter})` : ''}, 0)::DOUBLE`;
}

/** The same for mosaic-sql queries (a plain sum, so the coordinator can still pre-aggregate): Number() the result. */
export function keySum(): ReturnType<typeof sum> {
  return sum('record_key');
}
