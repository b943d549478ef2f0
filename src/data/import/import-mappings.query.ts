export const READ_MAPPING = `SELECT plan FROM import_mappings WHERE signature = ?`;
// The time comes from JavaScript: DuckDB-wasm's localtimestamp/now() need the ICU extension, which is not there offline.
export const SAVE_MAPPING = `INSERT OR REPLACE INTO import_mappings VALUES (?, ?, ?::TIMESTAMP)`;
/** Every source name with rows stored in either event table (one column `source`), by name. */
export const STORED_SOURCES = `SELECT source FROM (SELECT DISTINCT source FROM incidents UNION SELECT DISTINCT source FROM interventions)
  WHERE source IS NOT NULL ORDER BY source`;
