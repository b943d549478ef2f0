// One dropped file on the import page, from preview to summary. Pure helpers; the view holds the state.
import type { TablePlan } from '../../data/import/csv-plan';
import type { ImportResult } from '../../data/import/import-csv';
import type { ImportPhase } from '../../data/import/browser-import';
import type { ReadProgress } from '../../data/import/read-file';
import { missingRequired } from '../../data/import/column-mapping';
import type { AreasImportPlan, PoliceEventsImportPlan, RefusedPlan, TableImportPlan } from '../../data/import/import-plan';

interface Progress {
  /** `cancelled`: stopped by the user, nothing changed — said as a plain status, not as a failure. */
  status: 'planned' | 'importing' | 'done' | 'failed' | 'cancelled';
  phase?: ImportPhase;
  progress?: ReadProgress;
  /** When the import began (Date.now()), for its elapsed time. */
  startedAt?: number;
  /** Cancel was pressed; the import stops when its current step ends. */
  cancelling?: boolean;
  /** Cancel was pressed after the import had been committed: it is done, and the card says the cancel came too late. */
  cancelTooLate?: boolean;
  result?: ImportResult;
  error?: string;
}

/** One dropped file's card: its import plan (data/import/import-plan.ts) and how far the import has come. */
export type ImportEntry =
  | (RefusedPlan & { key: string; status: 'unsupported' })
  | (TableImportPlan & { key: string } & Progress)
  | (PoliceEventsImportPlan & { key: string } & Progress)
  | (AreasImportPlan & { key: string } & Progress);

/** Why the import button is not yet enabled, or null when the plan can run. */
/** Why a file can't be imported as planned; null when it can. An empty file or one with only a header says so. */
export function blockers(plan: TablePlan): { missing: string[]; needsCrs: boolean; binary: boolean; empty: 'no-columns' | 'no-rows' | null; yearsReversed: boolean } | null {
  const empty = plan.dialect.columns.length === 0 ? 'no-columns' : plan.previewRows.length === 0 ? 'no-rows' : null;
  const missing = empty ? [] : missingRequired(plan.mapping, plan.target);
  // A file without rows has no coordinates to be unsure about (a tester saw the system asked for on a header-only file).
  const needsCrs = !empty && Boolean(plan.coordinates?.ambiguous);
  // 2027–1990 would reject every row as out of range (a tester's typo): said and blocked before the import.
  const yearsReversed = plan.years.min > plan.years.max;
  return missing.length || needsCrs || plan.looksBinary || empty || yearsReversed ? { missing, needsCrs, binary: plan.looksBinary, empty, yearsReversed } : null;
}

/**
 * A card changed by the user (settings, mapping, source, mode) after a failed or cancelled import: planned again, the old failure dropped — it was
 * about the settings before (helper-56: a stale "Importen misslyckades" stayed beside the corrected settings).
 */
export function replanned<E extends ImportEntry>(entry: E): E {
  return entry.status === 'failed' || entry.status === 'cancelled' ? { ...entry, status: 'planned', error: undefined } : entry;
}
