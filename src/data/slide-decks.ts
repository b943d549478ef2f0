// The speaker's arrangement of a period's talk — slide order, hidden slides, speaker notes — kept in the database
// with the data (so "Rensa all data" removes it too). Stored as JSON text; the shape and its checks live in
// features/lagesbild/slides.ts, so this file only reads and writes text.
import type { Database } from './database';
import { WRITE_SLIDE_DECK, readSlideDeckSql } from './slide-decks.query';
import { readRows } from './row-reader';

export interface StoredSlideDeck {
  /** The deck as saved (JSON), or null when no period has one. */
  json: string | null;
  /** True when the deck is this period's own; false when it is another period's, carried forward. */
  own: boolean;
}

/** The period's saved deck, else the latest saved one of another period. Never cached: the speaker changes it. */
export async function readSlideDeck(database: Pick<Database, 'coordinator'>, period: string): Promise<StoredSlideDeck> {
  const [row] = await readRows<{ deck: string; own: boolean }>(database.coordinator, readSlideDeckSql(period), { cache: false });
  return row ? { json: row.deck, own: Boolean(row.own) } : { json: null, own: false };
}

/** Saves the period's deck (JSON text) and writes it to storage. Throws what the database throws. */
export async function writeSlideDeck(database: Pick<Database, 'runner' | 'persist'>, period: string, json: string, now: Date = new Date()): Promise<void> {
  await database.runner.run(WRITE_SLIDE_DECK, [period, json, now.toISOString().slice(0, 19).replace('T', ' ')]);
  await database.persist();
}
