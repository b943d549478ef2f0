// The loaded data's fingerprint (data-fingerprint.query.ts), read once the first views have their answers: not a
// view's query (the coordinator's), so it neither delays the first views nor marks the page busy again after them.
import type { Database } from './database';
import { DATA_FINGERPRINT } from './data-fingerprint.query';
import { afterViewsSettle } from './query-activity';

/** Resolves to the 8-hex fingerprint of `database`'s data, after the first views have settled (or 10 s). */
export async function readDataFingerprint(database: Pick<Database, 'runner'>): Promise<string | null> {
  await afterViewsSettle();
  const [row] = await database.runner.rows<{ fingerprint: string }>(DATA_FINGERPRINT);
  return row?.fingerprint ?? null;
}
