// The card's text when an import kept no row: the count, the reasons with their counts, and the first rows.
import type { TFunction } from 'i18next';
import type { NothingToImportError } from '../../data/import/import-csv';
import { formatCount, type Language } from '../../lib/format';

/**
 * The message for a replace (or first import) in which every row was rejected: how many rows the file had, how many
 * failed for which reason, then the first ten rows — with the column and value where one column was at fault, with
 * the row as read where the whole row was (too many columns, bytes not valid in the encoding; a tester read
 * `kolumn –: ""` there). Lines joined by "\n".
 */
export function nothingImportedText(error: NothingToImportError, t: TFunction, language: Language): string {
  const byReason = new Map<string, number>();
  for (const r of error.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  const reason = (code: string) => t(`importer.reasons.${code}`, error.years ?? {});
  const lines = error.rejected.slice(0, 10).map((r) => {
    const line = formatCount(r.line, language);
    if (r.column) return t('importer.nothingImportedRow', { line, reason: reason(r.reason), column: r.column, value: r.value ?? '' });
    if (r.text) return t('importer.nothingImportedRowText', { line, reason: reason(r.reason), text: r.text });
    return t('importer.nothingImportedRowOnly', { line, reason: reason(r.reason) });
  });
  return [
    // The reasons' word only over reasons (a failure without any listed said "Skälen:" over nothing).
    byReason.size ? `${t('importer.nothingImported', { count: error.rowsInFile, rows: formatCount(error.rowsInFile, language) })} ${t('importer.nothingImportedReasons', { count: byReason.size })}` : t('importer.nothingImported', { count: error.rowsInFile, rows: formatCount(error.rowsInFile, language) }),
    [...byReason].map(([code, n]) => `${reason(code)}: ${formatCount(n, language)}`).join(' · '),
    ...lines,
  ].filter((s) => s !== '').join('\n');
}
