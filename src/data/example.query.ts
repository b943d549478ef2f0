// Reading the embedded example's canonical CSV files (written by scripts/generate-example.mjs).
// Explicit columns and formats: nothing is sniffed, so the example loads identically everywhere.
import { CLEAR_REPLACED } from './import-history.query';
import { literal, quoteIdentifier } from './sql-text';

export const EXAMPLE_OUTCOME_COLUMNS = ['beslag', 'lagforda', 'lagforda_ej_tidigare_kanda', 'ungdomar_kontaktade', 'deltagare', 'timmar'];

function readCanonicalCsv(fileName: string, columns: Record<string, string>): string {
  const spec = Object.entries(columns)
    .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
    .join(', ');
  return `read_csv(${literal(fileName)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${spec}}, timestampformat = '%Y-%m-%d %H:%M:%S', auto_detect = false)`;
}

const EPOCH_DAY = (column: string) => `date_diff('day', DATE '1970-01-01', CAST(${quoteIdentifier(column)} AS DATE))::INTEGER`;

export function insertExampleIncidents(fileName: string): string {
  const source = readCanonicalCsv(fileName, {
    id: 'VARCHAR', occurred_at: 'TIMESTAMP', category: 'VARCHAR', subcategory: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE',
    location_precision: 'VARCHAR', area: 'VARCHAR', place: 'VARCHAR', description: 'VARCHAR', source: 'VARCHAR',
  });
  // Every example incident has its time of day (scripts/generate-example.mjs writes minutes).
  return `INSERT INTO incidents BY NAME SELECT *, TRUE AS time_given, ${EPOCH_DAY('occurred_at')} AS epoch_day, id AS row_key FROM ${source}`;
}

export function insertExampleInterventions(fileName: string): string {
  const outcomes = Object.fromEntries(EXAMPLE_OUTCOME_COLUMNS.map((c) => [c, 'DOUBLE']));
  const source = readCanonicalCsv(fileName, {
    id: 'VARCHAR', started_at: 'TIMESTAMP', ended_at: 'TIMESTAMP', type: 'VARCHAR', organisation: 'VARCHAR', area: 'VARCHAR',
    place: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', ...outcomes, source: 'VARCHAR',
  });
  return `INSERT INTO interventions BY NAME SELECT *, ${EPOCH_DAY('started_at')} AS epoch_day, id AS row_key FROM ${source}`;
}

/** Everything the example replaces (or a reload of it clears): the tables, the import history and the replaced rows kept for undo. */
export const CLEAR_TABLES = `DELETE FROM incidents; DELETE FROM interventions; DELETE FROM areas; DELETE FROM goals; DELETE FROM imports; ${CLEAR_REPLACED}`;

/** The tables a ready example database holds (scripts/example-database.ts), copied in this order. */
export const READY_EXAMPLE_TABLES = ['incidents', 'interventions', 'areas', 'goals'] as const;

/** A ready example database file, registered under `fileName`, attached read-only as `schema`. */
export function attachReadyExample(fileName: string, schema: string): string {
  return `ATTACH ${literal(fileName)} AS ${quoteIdentifier(schema)} (READ_ONLY)`;
}

export function detachReadyExample(schema: string): string {
  return `DETACH DATABASE IF EXISTS ${quoteIdentifier(schema)}`;
}

/** One table's rows from the attached ready example, derived columns (grid cell, record key, areas) included. */
export function copyReadyExampleTable(schema: string, table: (typeof READY_EXAMPLE_TABLES)[number]): string {
  return `INSERT INTO ${quoteIdentifier(table)} BY NAME SELECT * FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

/** The ready example's metadata (dataset, schema version, the areas' signature for the area placement). */
export function copyReadyExampleMeta(schema: string): string {
  return `INSERT OR REPLACE INTO app_meta SELECT key, value FROM ${quoteIdentifier(schema)}.app_meta`;
}
