// One dropped file on the import page, from preview to summary. Pure helpers; the view holds the state.
import type { AreaMapping, FeatureCollection } from '../../data/area-features';
import type { CsvPlan } from '../../data/import/csv-plan';
import type { CsvImportResult } from '../../data/import/import-csv';
import type { ImportPhase } from '../../data/import/browser-import';
import type { ReadProgress } from '../../data/import/read-file';
import { missingRequired } from '../../data/import/column-mapping';
import type { PoliceEventChoice, PoliceEventCounts } from '../../data/import/police-events';

export type FileKind = 'csv' | 'parquet' | 'json' | 'geojson' | 'unknown' | 'police-events' | 'areas';

export function fileKind(name: string): FileKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['csv', 'tsv', 'txt', 'tab'].includes(ext)) return 'csv';
  if (ext === 'parquet' || ext === 'parq') return 'parquet';
  if (ext === 'geojson') return 'geojson';
  if (ext === 'json') return 'json';
  return 'unknown';
}

interface Progress {
  status: 'planned' | 'importing' | 'done' | 'failed';
  mode: 'append' | 'replace';
  phase?: ImportPhase;
  progress?: ReadProgress;
  result?: CsvImportResult;
  error?: string;
  /** The source name the rows will carry (filter and import history); editable in the preview. */
  source: string;
}

export type ImportEntry =
  | { key: string; file: File; status: 'unsupported'; kind: FileKind; detail?: string; tooLarge?: number }
  | ({ key: string; file: File; kind: 'csv'; bytes: Uint8Array; plan: CsvPlan } & Progress)
  | ({ key: string; file: File; kind: 'police-events'; events: number; counts: PoliceEventCounts & { pairs: [string, string][] }; choice: PoliceEventChoice } & Progress)
  | ({ key: string; file: File; kind: 'areas'; collection: FeatureCollection; keys: string[]; mapping: AreaMapping; crsAmbiguous: boolean } & Progress);

/** Why the import button is not yet enabled, or null when the plan can run. */
/** Why a file can't be imported as planned; null when it can. An empty file or one with only a header says so. */
export function blockers(plan: CsvPlan): { missing: string[]; needsCrs: boolean; binary: boolean; empty: 'no-columns' | 'no-rows' | null } | null {
  const empty = plan.dialect.columns.length === 0 ? 'no-columns' : plan.previewRows.length === 0 ? 'no-rows' : null;
  const missing = empty ? [] : missingRequired(plan.mapping, plan.target);
  const needsCrs = Boolean(plan.coordinates?.ambiguous);
  return missing.length || needsCrs || plan.looksBinary || empty ? { missing, needsCrs, binary: plan.looksBinary, empty } : null;
}

export { formatBytes } from '../../lib/format';
