// Counts as they may be published under the current rule: a hidden one becomes null when it is itself small
// ("<k"), or PROTECTED when it is k or more and hidden only to protect a small count elsewhere ("dold") — saying
// "<5" about 1 416 would be false. The rest are shown with the cell key method's noise (cell-key.ts): the same
// records give the same shown number in every view, and no arithmetic across views gives a hidden count exactly.
// With no rule (the analyst's own view) everything passes through unchanged. Views, tables, charts and CSV exports
// all take their numbers from here, so what is hidden or perturbed on screen is so in every export too.
//
// Every count comes with its key sum (Σ record keys of the records it counts, `key` in the SQL): a total's is the
// sum of its parts'.
import { MAX_NOISE, perturbCount, sumKeys } from './cell-key';
import { suppressList, suppressTable, type DisclosureRule, type HiddenReason } from './suppression';

/** A count hidden by complementary (secondary) suppression: its true value is k or more. */
export interface Protected {
  readonly hidden: 'protects';
}
export const PROTECTED: Protected = Object.freeze({ hidden: 'protects' as const });

/** A published count: the number, null (hidden, below k) or PROTECTED (hidden to protect another count). */
export type PublishedCount = number | null | Protected;

export function isProtected(v: unknown): v is Protected {
  return v === PROTECTED || (typeof v === 'object' && v !== null && (v as { hidden?: unknown }).hidden === 'protects');
}

/** The number when shown, else null (either kind of hidden) — for charts and arithmetic. */
export function shownNumber(v: PublishedCount | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

/**
 * One entry as published: hidden (null / PROTECTED) by `why`, else perturbed by its key sum. Without a rule the
 * value itself.
 */
export function markPublished(value: number, keySum: number, why: HiddenReason | null, rule: DisclosureRule | null): PublishedCount {
  if (!rule) return value;
  return why === null ? perturbCount(value, keySum, rule.k) : why === 'protects' ? PROTECTED : null;
}

export interface PublishedList {
  values: PublishedCount[];
  total: PublishedCount;
}

/** `keys[i]`: the key sum of `values[i]` (same length). */
export function publishList(values: number[], keys: readonly number[], rule: DisclosureRule | null, totalShown = true): PublishedList {
  const total = values.reduce((s, v) => s + v, 0);
  if (!rule) return { values, total };
  const hidden = suppressList(values, rule, totalShown);
  return { values: values.map((v, i) => markPublished(v, keys[i], hidden.why[i], rule)), total: markPublished(total, sumKeys(keys), hidden.totalWhy, rule) };
}

export interface PublishedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

/**
 * `keys[r][c]`: the key sum of `matrix[r][c]` (same shape). `rowTotalsPublished`: whether the row sums are shown
 * anywhere (suppressTable); when not, `rowTotals` are all hidden in public view.
 */
export function publishTable(matrix: number[][], keys: readonly (readonly number[])[], rule: DisclosureRule | null, rowTotalsPublished = true): PublishedTable {
  const rowTotals = matrix.map((r) => r.reduce((s, v) => s + v, 0));
  const columns = matrix[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, c) => matrix.reduce((s, r) => s + r[c], 0));
  const grandTotal = rowTotals.reduce((s, v) => s + v, 0);
  if (!rule) return { cells: matrix, rowTotals, columnTotals, grandTotal };
  const rowKeys = keys.map((r) => sumKeys(r));
  const columnKeys = Array.from({ length: columns }, (_, c) => sumKeys(keys.map((r) => r[c])));
  const { why } = suppressTable(matrix, rule, rowTotalsPublished);
  return {
    cells: matrix.map((r, i) => r.map((v, j) => markPublished(v, keys[i][j], why.cells[i][j], rule))),
    rowTotals: rowTotals.map((v, i) => markPublished(v, rowKeys[i], why.rowTotals[i], rule)),
    columnTotals: columnTotals.map((v, j) => markPublished(v, columnKeys[j], why.columnTotals[j], rule)),
    grandTotal: markPublished(grandTotal, sumKeys(rowKeys), why.grandTotal, rule),
  };
}

/** A lone count (a key figure with no table that adds up to it): hidden below k, else perturbed by its key sum. */
/** How far a published count may lie from the exact one (cell-key.ts MAX_NOISE), or 0 without a rule: for tests on shown counts. */
export function publishedNoise(rule: DisclosureRule | null): number {
  return rule ? MAX_NOISE : 0;
}

export function publishCount(value: number, keySum: number, rule: DisclosureRule | null): number | null {
  if (!rule) return value;
  return value < rule.k ? null : perturbCount(value, keySum, rule.k);
}

/**
 * Rows in the order public view may show them: by the shown count, largest first, ties by name; hidden counts after
 * them by name alone. Ordered by the exact counts, a table tells which of two "<5" is larger, and which way the noise
 * moved two neighbours (a 60 above a 61). Without a rule the caller's order (the exact one) stands.
 */
export function sortByShown<T>(rows: readonly T[], shown: (row: T) => PublishedCount | undefined, name: (row: T) => string | null, rule: DisclosureRule | null): T[] {
  if (!rule) return [...rows];
  const key = (r: T) => { const v = shown(r); return typeof v === 'number' ? v : -1; };
  return [...rows].sort((a, b) => {
    const na = name(a);
    const nb = name(b);
    // A row without a name ("Utan område") stays last, as in the analyst's view.
    if ((na === null) !== (nb === null)) return na === null ? 1 : -1;
    return key(b) - key(a) || (na ?? '').localeCompare(nb ?? '', 'sv');
  });
}
