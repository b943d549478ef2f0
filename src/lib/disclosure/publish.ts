// Counts as they may be published under the current rule: hidden ones become null, the rest stay numbers.
// With no rule (the analyst's own view) everything passes through. Views, tables, charts and CSV exports all
// take their numbers from here, so what is hidden on screen is hidden in every export too.
import { suppressList, suppressTable, type DisclosureRule } from './suppression';

export interface PublishedList {
  values: (number | null)[];
  total: number | null;
}

export function publishList(values: number[], rule: DisclosureRule | null, totalShown = true): PublishedList {
  const total = values.reduce((s, v) => s + v, 0);
  if (!rule) return { values, total };
  const hidden = suppressList(values, rule, totalShown);
  return { values: values.map((v, i) => (hidden.cells[i] ? null : v)), total: hidden.total ? null : total };
}

export interface PublishedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
}

export function publishTable(matrix: number[][], rule: DisclosureRule | null): PublishedTable {
  const rowTotals = matrix.map((r) => r.reduce((s, v) => s + v, 0));
  const columns = matrix[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, c) => matrix.reduce((s, r) => s + r[c], 0));
  const grandTotal = rowTotals.reduce((s, v) => s + v, 0);
  if (!rule) return { cells: matrix, rowTotals, columnTotals, grandTotal };
  const hidden = suppressTable(matrix, rule);
  return {
    cells: matrix.map((r, i) => r.map((v, j) => (hidden.cells[i][j] ? null : v))),
    rowTotals: rowTotals.map((v, i) => (hidden.rowTotals[i] ? null : v)),
    columnTotals: columnTotals.map((v, j) => (hidden.columnTotals[j] ? null : v)),
    grandTotal: hidden.grandTotal ? null : grandTotal,
  };
}

/** A lone count (a key figure with no table that adds up to it). */
export function publishCount(value: number, rule: DisclosureRule | null): number | null {
  return rule && value < rule.k ? null : value;
}
