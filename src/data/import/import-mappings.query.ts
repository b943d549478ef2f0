export const READ_MAPPING = `SELECT plan FROM import_mappings WHERE signature = ?`;
// The time comes from JavaScript: DuckDB-wasm's localtimestamp/now() need the ICU extension, which is not there offline.
export const SAVE_MAPPING = `INSERT OR REPLACE INTO import_mappings VALUES (?, ?, ?::TIMESTAMP)`;
