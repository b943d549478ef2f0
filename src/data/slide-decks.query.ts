// The speaker's slide decks, one per lägesbild period. Written with parameters (notes are never part of the SQL);
// read through the coordinator, where the period key goes in as a quoted literal.
import { literal } from './sql-text';

/** The period's own deck, or else the latest saved deck of any period (`own` says which). */
export function readSlideDeckSql(period: string): string {
  return `SELECT deck, period = ${literal(period)} AS own FROM slide_decks
    ORDER BY period = ${literal(period)} DESC, saved_at DESC, period DESC LIMIT 1`;
}
export const WRITE_SLIDE_DECK = `INSERT OR REPLACE INTO slide_decks VALUES (?, ?, ?::TIMESTAMP)`;
