// One value written in several ways — only case and runs of spaces differ ("Stöld", "stöld", "STÖLD"; "Stora  torget",
// "Stora torget") — has one key. The import's notice of categories written several ways (valueVariantsSql) and the
// hot-spot names (cellLabelsSql) group by it. Text is already trimmed and in NFC when stored (docs/importer.md).

/** SQL: the spelling key of the text expression `column` (DuckDB's `lower` folds every script's case, Å/Ä/Ö included). */
export function spellingKeySql(column: string): string {
  return `lower(regexp_replace(${column}, '\\s+', ' ', 'g'))`;
}
