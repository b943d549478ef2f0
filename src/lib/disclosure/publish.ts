// Counts as they may be published under the current rule: a hidden one becomes null when it is itself small
// ("<k"), or PROTECTED when it is k or more and hidden only to protect a small count elsewhere ("dold") — saying
// "<5" about 1 416 would be false. The rest stay numbers. With no rule (the analyst's own view) everything
// passes through. Views, tables, charts and CSV exports all take their numbers from here, so what is hidden on
// screen is hidden in every export too.
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

function mark(value: number, why: HiddenReason | null): PublishedCount {
  return why === null ? value : why === 'protects' ? PROTECTED : null;
}

export interface PublishedList {
  values: PublishedCount[];
  total: PublishedCount;
}

export function publishList(values: number[], rule: DisclosureRule | null, totalShown = true): PublishedList {
  const total = values.reduce((s, v) => s + v, 0);
  if (!rule) return { values, total };
  const hidden = suppressList(values, rule, totalShown);
  return { values: values.map((v, i) => mark(v, hidden.why[i])), total: mark(total, hidden.totalWhy) };
}

export interface PublishedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

export function publishTable(matrix: number[][], rule: DisclosureRule | null): PublishedTable {
  const rowTotals = matrix.map((r) => r.reduce((s, v) => s + v, 0));
  const columns = matrix[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, c) => matrix.reduce((s, r) => s + r[c], 0));
  const grandTotal = rowTotals.reduce((s, v) => s + v, 0);
  if (!rule) return { cells: matrix, rowTotals, columnTotals, grandTotal };
  const { why } = suppressTable(matrix, rule);
  return {
    cells: matrix.map((r, i) => r.map((v, j) => mark(v, why.cells[i][j]))),
    rowTotals: rowTotals.map((v, i) => mark(v, why.rowTotals[i])),
    columnTotals: columnTotals.map((v, j) => mark(v, why.columnTotals[j])),
    grandTotal: mark(grandTotal, why.grandTotal),
  };
}

/** A lone count (a key figure with no table that adds up to it). */
export function publishCount(value: number, rule: DisclosureRule | null): number | null {
  return rule && value < rule.k ? null : value;
}
