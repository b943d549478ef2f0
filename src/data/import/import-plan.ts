// The one entry point for imports: planImport(file) reads just enough of a dropped file to say what it is and how it
// would be imported (one ImportPlan, a variant per kind); runImport(plan) imports it and ends with the derived
// columns filled (grid cells, area assignment) and every view re-queried, so the page never dispatches by kind or
// refreshes by itself. The card for each variant lets the user change the plan (mapping, source, choices) first.
import { parseFeatureCollection, propertyKeys, suggestAreaMapping, type AreaMapping, type FeatureCollection } from '../area-features';
import type { Database } from '../database';
import {
  FileTooLargeError, importAreasFile, importCsvFile, importPoliceEventsFile, MAX_CSV_BYTES, MAX_JSON_BYTES, MAX_PARQUET_BYTES,
  planFile, POLICE_EVENTS_SOURCE, rememberedParquetSources, storedSources, type ImportPhase,
} from './browser-import';
import type { TablePlan } from './csv-plan';
import { chooseSource, type SourceChoice } from './source-choice';
import type { ImportResult } from './import-csv';
import { defaultPoliceChoice, NotPoliceEventsError, policeEventCounts, orderedByChoice, type PoliceEventChoice, type PoliceEventCounts } from './police-events';
import type { ReadProgress } from './read-file';

/** What a file's name says it is (the content decides between police events and areas for JSON). */
export type FileKind = 'csv' | 'parquet' | 'json' | 'geojson' | 'unknown';

export function fileKind(name: string): FileKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['csv', 'tsv', 'txt', 'tab'].includes(ext)) return 'csv';
  if (ext === 'parquet' || ext === 'parq') return 'parquet';
  if (ext === 'geojson') return 'geojson';
  if (ext === 'json') return 'json';
  return 'unknown';
}

interface PlanBase {
  file: File;
  /** The source name the rows will carry (source filter, import history); editable before the import. */
  source: string;
  /** The default source name and why (source-choice.ts); an emptied name field goes back to it. */
  sourceChoice?: SourceChoice;
  /** Source names with rows stored when the file was planned (the card says whether the name is new or one of them). */
  storedSources?: string[];
  mode: 'append' | 'replace';
}

/** A file that can't be imported, and why (said on its card; nothing is read further). */
export type RefusedPlan = {
  kind: 'refused';
  file: File;
  reason: 'too-large' | 'unknown-format' | 'not-police-events' | 'not-geojson' | 'unreadable-parquet' | 'unreadable' | 'goals-file';
  /** The size limit that was exceeded (bytes), for 'too-large'. */
  limit?: number;
  detail?: string;
};

/** A table of incidents or interventions: CSV (with its preview bytes) or Parquet (no bytes: it has its own types). */
export type TableImportPlan = PlanBase & { kind: 'table'; bytes: Uint8Array; plan: TablePlan };
/** Police public events (JSON): which types and places to keep. */
export type PoliceEventsImportPlan = PlanBase & { kind: 'police-events'; counts: PoliceEventCounts & { pairs: [string, string][] }; choice: PoliceEventChoice };
/** Area boundaries (GeoJSON): which properties hold name, kind and population. */
export type AreasImportPlan = PlanBase & { kind: 'areas'; collection: FeatureCollection; keys: string[]; mapping: AreaMapping; crsAmbiguous: boolean };

export type ImportPlan = TableImportPlan | PoliceEventsImportPlan | AreasImportPlan | RefusedPlan;

const GOAL_KEYS = ['measure', 'direction', 'dataset'];

/** A goals file (the Mål page's export) dropped on Importera: its own page validates and imports it. */
function looksLikeGoals(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n/, 1)[0].toLowerCase();
  if (GOAL_KEYS.every((k) => firstLine.split(/[;,\t]/).map((c) => c.trim().replace(/^"|"$/g, '')).includes(k))) return true;
  return /^\s*\[/.test(head) && GOAL_KEYS.every((k) => head.includes(`"${k}"`));
}

/**
 * Read enough of `file` to plan its import. Never throws: a file that can't be imported is a RefusedPlan with its
 * reason. Sizes are checked before anything is read (a file the tab could not hold would end in a dead tab).
 */
export async function planImport(database: Database, file: File): Promise<ImportPlan> {
  const kind = fileKind(file.name);
  const base = { file, mode: 'append' as const, source: file.name };
  const limit = kind === 'parquet' ? MAX_PARQUET_BYTES : kind === 'json' || kind === 'geojson' ? MAX_JSON_BYTES : kind === 'csv' ? MAX_CSV_BYTES : null;
  if (limit !== null && file.size > limit) return { kind: 'refused', file, reason: 'too-large', limit };
  try {
    if (kind === 'csv') {
      if (looksLikeGoals(await file.slice(0, 4096).text())) return { kind: 'refused', file, reason: 'goals-file' };
      // The next export of a system keeps the source name its last one was imported under (its file name differs).
      const { bytes, plan, sources } = await planFile(database, file);
      const stored = await storedSources(database);
      const choice = chooseSource(sources, stored, file.name);
      return { ...base, kind: 'table', bytes, plan, source: choice.source, sourceChoice: choice, storedSources: stored };
    }
    if (kind === 'parquet') {
      try {
        const { planParquetFile } = await import('./parquet-file');
        const plan = await planParquetFile(database, file);
        const stored = await storedSources(database);
        const choice = chooseSource(await rememberedParquetSources(database, plan.dialect.columns), stored, file.name);
        return { ...base, kind: 'table', bytes: new Uint8Array(), plan, source: choice.source, sourceChoice: choice, storedSources: stored };
      } catch (error) {
        return { kind: 'refused', file, reason: 'unreadable-parquet', detail: (error as Error).message };
      }
    }
    if (kind === 'json' || kind === 'geojson') {
      const text = await file.text();
      const collection = parseFeatureCollection(text);
      // Points or lines only: no area can come of it (a tester's incidents as GeoJSON points were offered as areas).
      if (collection && collection.features.length > 0 && !collection.features.some(isAreaFeature)) {
        return { kind: 'refused', file, reason: 'not-geojson', detail: 'no-polygons' };
      }
      if (collection) {
        const { crsAmbiguous, ...mapping } = suggestAreaMapping(collection);
        return { ...base, kind: 'areas', collection, keys: propertyKeys(collection), mapping, crsAmbiguous };
      }
      if (looksLikeGoals(text)) return { kind: 'refused', file, reason: 'goals-file' };
      // A .geojson file is areas: its fault is said as such, not as "not the police's event format" (helper-58).
      if (kind === 'geojson') return { kind: 'refused', file, reason: 'not-geojson', detail: isJson(text) ? 'not-feature-collection' : 'invalid-json' };
      try {
        const fileCounts = policeEventCounts(text);
        const choice = defaultPoliceChoice(fileCounts);
        const counts = orderedByChoice(fileCounts, fileCounts.pairs, choice);
        return { ...base, kind: 'police-events', counts, choice, source: POLICE_EVENTS_SOURCE, sourceChoice: { source: POLICE_EVENTS_SOURCE }, storedSources: await storedSources(database) };
      } catch (error) {
        // The reason as a code the page translates (importer.policeReason_*), never the library's English.
        return { kind: 'refused', file, reason: 'not-police-events', detail: error instanceof NotPoliceEventsError ? error.reason : 'invalid-json' };
      }
    }
    return { kind: 'refused', file, reason: 'unknown-format' };
  } catch (error) {
    // Whatever fails while reading the start of a file is said on its card, never swallowed.
    return { kind: 'refused', file, reason: 'unreadable', detail: String((error as Error)?.message ?? error) };
  }
}

export interface ImportCallbacks {
  onPhase?: (phase: ImportPhase) => void;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

/** How an import ended: its result or its error, and the database as it now is (null if even re-reading failed). */
export interface ImportRun {
  result?: ImportResult;
  error?: unknown;
  database: Database | null;
}

/**
 * Import what `plan` describes (one transaction per import), then fill the derived columns and re-query every view
 * (`database.refresh()`) whatever happened — a failed import leaves the data as it was, and the views say so.
 * Never throws: the outcome is in the returned ImportRun.
 */
export async function runImport(database: Database, plan: Exclude<ImportPlan, RefusedPlan>, callbacks: ImportCallbacks = {}): Promise<ImportRun> {
  const { onPhase = () => {}, onProgress, signal } = callbacks;
  // An empty name is never stored: the file's name stands in.
  const source = sourceName(plan);
  let result: ImportResult | undefined;
  let error: unknown;
  try {
    if (plan.kind === 'table' && plan.plan.format === 'parquet') {
      const { importParquetFile } = await import('./parquet-file');
      result = await importParquetFile(database, plan.file, plan.plan, plan.mode, signal, source, onPhase, onProgress);
    } else if (plan.kind === 'table') {
      result = await importCsvFile(database, plan.file, plan.plan, plan.mode, onPhase, onProgress, signal, source);
    } else if (plan.kind === 'areas') {
      result = await importAreasFile(database, plan.file.name, plan.collection, plan.mapping, plan.mode, source);
    } else {
      result = await importPoliceEventsFile(database, plan.file, plan.mode, onPhase, signal, { source, choice: plan.choice });
    }
  } catch (caught) {
    error = caught;
  }
  try {
    return { result, error, database: await database.refresh() };
  } catch (refreshError) {
    // The engine gave up (a full disk at the checkpoint, say): report the first thing that went wrong.
    return { result: undefined, error: error ?? refreshError, database: null };
  }
}

export { FileTooLargeError, MAX_CSV_BYTES };

/**
 * The source an import's rows get: the name typed on the card, or — the field left empty — the one the card proposed
 * (source-choice.ts), else the file's name.
 */
export function sourceName(entry: { source: string; sourceChoice?: { source: string }; file: { name: string } }): string {
  return entry.source.trim() || entry.sourceChoice?.source || entry.file.name;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isAreaFeature(feature: { geometry?: { type?: string } | null } | null): boolean {
  const type = feature?.geometry?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
}
