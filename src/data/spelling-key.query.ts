// One value written in several ways — only case and runs of spaces differ ("Stöld", "stöld", "STÖLD"; "Stora  torget",
// "Stora torget", "Lilla torget" written with a no-break space, U+00A0, as Excel exports do) — has one key. The import's notice of categories written several ways (valueVariantsSql) and the
// hot-spot names (cellLabelsSql) group by it. Text is already trimmed and in NFC when stored (docs/importer.md).

/**
 * SQL: the spelling key of the text expression `column`: every run of white space or Unicode space separator (RE2's
 * `\s` is ASCII only; `\pZ` adds U+00A0, U+2000–U+200A, U+202F, U+3000 …) as one space, and DuckDB's `lower`, which
 * folds every script's case (Å/Ä/Ö included).
 */
export function spellingKeySql(column: string): string {
  return `lower(regexp_replace(${column}, '[\\s\\pZ]+', ' ', 'g'))`;
}

/**
 * SQL aggregate: the spelling a group of spellings is shown by — the one with the largest `count` (an expression of
 * the grouped rows), a tie going to the first in code-point order. Every list that groups by `spellingKeySql` names its
 * rows with it, so one place reads alike in the hot-spot names, the named places and the top places.
 */
export function commonSpellingSql(column: string, count: string): string {
  return `first(${column} ORDER BY ${count} DESC, ${column})`;
}
