// The canonical tables (docs/data-model.md). Everything downstream speaks only these names.
// `epoch_day` (days since 1970-01-01 of the local date) is on both event tables so one period filter
// applies to both, and brushes snap to whole days (see features/filters/selections.ts).
import { ADD_AREA_ASSIGNMENT_COLUMNS } from './area-assignment.query';
import { ADD_GRID_COLUMNS } from './grid.query';
import { ADD_PLACE_OR_BLANK } from './place-or-blank.query';
import { ADD_IMPORT_COLUMNS, ADD_UNDONE_COLUMN, CREATE_IMPORTS, CREATE_REPLACED } from './import-history.query';
import { ADD_RECORD_KEY_COLUMNS, keySumSql } from './record-keys.query';
import { quoteIdentifier } from './sql-text';

export const SCHEMA_VERSION = '1';

export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS app_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS incidents (
  id VARCHAR,
  occurred_at TIMESTAMP NOT NULL,
  category VARCHAR NOT NULL,
  subcategory VARCHAR,
  lat DOUBLE,
  lon DOUBLE,
  location_precision VARCHAR NOT NULL CHECK (location_precision IN ('point', 'area', 'none')),
  area VARCHAR,
  place VARCHAR,
  description VARCHAR,
  source VARCHAR NOT NULL,
  epoch_day INTEGER NOT NULL,
  -- the export's id, else a hash of the row: how an append recognises rows it already has
  row_key VARCHAR
);
CREATE TABLE IF NOT EXISTS interventions (
  id VARCHAR,
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP,
  type VARCHAR NOT NULL,
  organisation VARCHAR,
  area VARCHAR,
  place VARCHAR,
  lat DOUBLE,
  lon DOUBLE,
  source VARCHAR NOT NULL,
  epoch_day INTEGER NOT NULL,
  row_key VARCHAR
);
CREATE TABLE IF NOT EXISTS areas (
  name VARCHAR NOT NULL,
  kind VARCHAR,
  population INTEGER,
  geometry VARCHAR NOT NULL,
  min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE,
  source VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS import_mappings (signature VARCHAR PRIMARY KEY, plan VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL);
CREATE TABLE IF NOT EXISTS goals (
  id VARCHAR PRIMARY KEY,
  position INTEGER NOT NULL,
  promise VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  owner VARCHAR NOT NULL,
  dataset VARCHAR NOT NULL,
  filter VARCHAR NOT NULL,
  measure VARCHAR NOT NULL,
  direction VARCHAR NOT NULL,
  target DOUBLE,
  period VARCHAR NOT NULL,
  per_area VARCHAR,
  start DATE NOT NULL,
  "end" DATE NOT NULL,
  follow_up DATE
);
-- The analyst's written assessment of one lägesbild period ("2026-v45-46"), saved with it.
CREATE TABLE IF NOT EXISTS assessments (period VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL);
-- The speaker's arrangement of one period's talk (order, hidden slides, notes) as JSON: features/lagesbild/slides.ts.
CREATE TABLE IF NOT EXISTS slide_decks (period VARCHAR PRIMARY KEY, deck VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL);
${ADD_GRID_COLUMNS}
${ADD_AREA_ASSIGNMENT_COLUMNS}
${CREATE_IMPORTS}
${ADD_UNDONE_COLUMN}
${ADD_IMPORT_COLUMNS}
${ADD_RECORD_KEY_COLUMNS}
${ADD_PLACE_OR_BLANK}
-- Whether the file gave a time of day (NULL: imported before this was kept — counted by its hour as before).
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS time_given BOOLEAN;
${CREATE_REPLACED}
`;

/** Interventions carry any number of numeric outcome columns (beslag, lagforda, …): any can be a goal's measure. */
export function addOutcomeColumns(names: string[]): string {
  return names.map((n) => `ALTER TABLE interventions ADD COLUMN IF NOT EXISTS ${quoteIdentifier(n)} DOUBLE;`).join('\n');
}

export const EVENT_TABLES = ['incidents', 'interventions'] as const;
export const ALL_TABLES = ['incidents', 'interventions', 'areas', 'goals'] as const;
export type TableName = (typeof ALL_TABLES)[number];

/** Rows per table; for the event tables also their key sum (public view's noise, lib/disclosure/cell-key.ts). */
export const TABLE_COUNTS = `
SELECT 'incidents' AS name, count(*)::INTEGER AS row_count, ${keySumSql()} AS key FROM incidents
UNION ALL SELECT 'interventions', count(*)::INTEGER, ${keySumSql()} FROM interventions
UNION ALL SELECT 'areas', count(*)::INTEGER, 0::DOUBLE FROM areas
UNION ALL SELECT 'goals', count(*)::INTEGER, 0::DOUBLE FROM goals`;

export const READ_META = `SELECT key, value FROM app_meta`;
export const WRITE_META = `INSERT OR REPLACE INTO app_meta VALUES (?, ?)`;

/** Columns of a table as DuckDB sees them (including outcome columns added at import). */
export const TABLE_COLUMNS = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`;
