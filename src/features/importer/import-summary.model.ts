// Pure: the order the import's summary lists (and downloads) its rejected rows in.
import { ALREADY_LOADED_REASONS, type RejectedRow } from '../../data/import/import-csv';

/**
 * The rejected rows as the summary shows them: faults in the file first, then the rows an earlier import already
 * loaded (no fault), each part by line as given. `rejected` is the import's list (ImportResult.rejected, sorted by
 * line); the result holds every row once. A file appended again with a few real errors had them somewhere among
 * a million "Raden finns redan inläst" (a tester), past the 200 rows shown.
 */
export function rejectedFaultsFirst(rejected: readonly RejectedRow[]): RejectedRow[] {
  const loaded = (r: RejectedRow) => ALREADY_LOADED_REASONS.has(r.reason);
  return [...rejected.filter((r) => !loaded(r)), ...rejected.filter(loaded)];
}
