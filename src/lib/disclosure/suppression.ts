// Small-count suppression (SCB's "röjandekontroll"): in public mode every count below k is hidden ("<5"), and
// enough other cells are hidden with it that no hidden count can be recomputed from what is still shown.
//
// The tables here are sets of linear equations: a list with its total (Σ cells = total), a matrix with row
// and column totals. Primary suppression hides each count below k — zero too, since "nobody" can disclose as
// much as "one". Complementary suppression then repairs every equation until, in each one,
//   • no single entry is hidden (it would be the total minus the rest), and
//   • when the total is shown, the hidden cells add up to at least k (else their sum is itself a small count).
// Repairs hide the smallest shown cell of the equation first (the least information lost), the total only when
// nothing else is left. A final audit solves the equations together (a hidden cell can follow from several
// lines at once even when each line has two hidden) and hides more until no hidden entry is determined. This is
// not an optimal pattern (τ-Argus minimises the information lost); docs/lagesbild.md says what it does not
// protect against (differencing between two different tables).

export interface DisclosureRule {
  /** Counts below k are hidden. */
  k: number;
}

export const DEFAULT_K = 5;

export function isSmall(n: number, rule: DisclosureRule): boolean {
  return n < rule.k;
}

/** One linear relation: the cells (indices into a flat value array) add up to the total (another index). */
export interface Equation {
  cells: number[];
  total: number;
  /** The total is published only with these cells (not also as a lone figure elsewhere), so it may be hidden too. */
  ownsTotal?: boolean;
}

/**
 * Entries to hide to protect others only late: entry → tier (higher = later; absent = 0). Tier 2: an entry the page
 * prints elsewhere as a lone figure — hiding it here protects nothing (helper-67: the chosen Rån "dold" in the category
 * chart while the Händelser card printed its 737). Tier 1: the latest periods of a time series, which the lägesbild and
 * a leader read first (helper-68: the last month, ~1 100 incidents, "dold" in Trender to protect a one-day first month).
 */
export type HideLast = ReadonlyMap<number, number>;
const NONE: HideLast = new Map();

/** The order in which shown cells are hidden to protect others: the lowest tier first, then the smallest (least information lost). */
function byCost(values: number[], hideLast: HideLast) {
  return (a: number, b: number) => (hideLast.get(a) ?? 0) - (hideLast.get(b) ?? 0) || values[a] - values[b] || a - b;
}

/** Hides entries of `values` (primary then complementary) under the given equations; returns the hidden mask. */
function suppress(values: number[], equations: Equation[], rule: DisclosureRule, hideLast: HideLast = NONE, hiddenElsewhere?: readonly boolean[]): boolean[] {
  const hidden = values.map((v, i) => isSmall(v, rule) || hiddenElsewhere?.[i] === true);
  // Every round hides one more entry, so this ends after at most values.length rounds.
  for (;;) {
    repairLines(values, equations, rule, hidden, hideLast);
    const determined = determinedEntries(equations, hidden, values.length);
    if (determined.length === 0) return hidden;
    // A hidden entry the equations pin down together (not one line alone): hide one more cell beside it.
    const target = determined[0];
    const eq = equations.find((e) => (e.cells.includes(target) || e.total === target) && e.cells.some((i) => !hidden[i]));
    const candidates = eq ? eq.cells.filter((i) => !hidden[i]) : [];
    if (candidates.length === 0) {
      const rest = equations.flatMap((e) => (e.cells.includes(target) || e.total === target) && !hidden[e.total] ? [e.total] : []);
      if (rest.length === 0) return hidden; // cannot happen: a determined entry has an equation with something shown
      hidden[rest[0]] = true;
    } else {
      hidden[candidates.sort(byCost(values, hideLast))[0]] = true;
    }
  }
}

/** The per-line rules: never exactly one hidden entry; hidden cells under a shown total add up to at least k. */
function repairLines(values: number[], equations: Equation[], rule: DisclosureRule, hidden: boolean[], hideLast: HideLast): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      const hiddenCells = eq.cells.filter((i) => hidden[i]);
      const totalHidden = hidden[eq.total];
      const hiddenCount = hiddenCells.length + (totalHidden ? 1 : 0);
      if (hiddenCount === 0) continue;
      const hiddenSum = hiddenCells.reduce((s, i) => s + values[i], 0);
      // Every hidden cell reads "<k", so a reader takes each to be at most k − 1: a sum of exactly m·(k − 1) over
      // m hidden cells under a shown total "pins" each at k − 1 — true for the cells that are. Hide one more.
      // With the two markers a reader also knows each "dold" cell is k or more: Q of them and a sum of exactly Q·k
      // pins them all at k (and every "<k" cell beside them at 0). Hide one more there too.
      const protectors = hiddenCells.filter((i) => !isSmall(values[i], rule)).length;
      const atCeiling = !totalHidden && (protectors === 0 ? hiddenSum === hiddenCells.length * (rule.k - 1) : hiddenSum === protectors * rule.k);
      if (hiddenCount >= 2 && (totalHidden || (hiddenSum >= rule.k && !atCeiling))) continue;
      const shownCells = eq.cells.filter((i) => !hidden[i]).sort(byCost(values, hideLast));
      // A total of k or more is shown as a lone key figure elsewhere (Översikt, a side panel): hiding it here
      // would not hide it there. docs/reliability.md names this case as not protected.
      if (hiddenCount >= 2 && atCeiling && protectors === 0 && shownCells.length === 0 && !eq.ownsTotal) continue;
      if (shownCells.length > 0) hidden[shownCells[0]] = true;
      else if (!totalHidden) hidden[eq.total] = true;
      else continue;
      changed = true;
    }
  }
}

/**
 * The audit: hidden entries whose value follows from the shown ones through the equations taken together.
 * Entry i is determined exactly when the unit vector e_i lies in the row space of the equations restricted to
 * the hidden entries, i.e. when a row of that matrix's reduced row echelon form is e_i.
 */
export function determinedEntries(equations: Equation[], hidden: boolean[], size: number): number[] {
  const columns = Array.from({ length: size }, (_, i) => i).filter((i) => hidden[i]);
  if (columns.length === 0) return [];
  const position = new Map(columns.map((c, j) => [c, j]));
  const rows: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(columns.length).fill(0);
    let any = false;
    for (const i of eq.cells) if (position.has(i)) { row[position.get(i)!] += 1; any = true; }
    if (position.has(eq.total)) { row[position.get(eq.total)!] -= 1; any = true; }
    if (any) rows.push(row);
  }
  const EPS = 1e-9;
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let c = 0; c < columns.length && pivotRow < rows.length; c++) {
    let best = -1;
    for (let r = pivotRow; r < rows.length; r++) if (Math.abs(rows[r][c]) > EPS && (best < 0 || Math.abs(rows[r][c]) > Math.abs(rows[best][c]))) best = r;
    if (best < 0) continue;
    [rows[pivotRow], rows[best]] = [rows[best], rows[pivotRow]];
    const p = rows[pivotRow][c];
    for (let k = c; k < columns.length; k++) rows[pivotRow][k] /= p;
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow || Math.abs(rows[r][c]) <= EPS) continue;
      const f = rows[r][c];
      for (let k = c; k < columns.length; k++) rows[r][k] -= f * rows[pivotRow][k];
    }
    pivots.push(c);
    pivotRow++;
  }
  const determined: number[] = [];
  for (let r = 0; r < pivots.length; r++) {
    const nonZero = rows[r].reduce((n, v) => n + (Math.abs(v) > EPS ? 1 : 0), 0);
    if (nonZero === 1) determined.push(columns[pivots[r]]);
  }
  return determined;
}

/**
 * Why an entry is hidden: 'small' (primary — the count itself is below k, shown "<k") or 'protects' (secondary —
 * the count is k or more and hidden only so that a small count elsewhere cannot be recomputed; shown "dold").
 * Printing "<5" for a hidden 1 416 would be a false statement, so the two are never shown alike.
 */
export type HiddenReason = 'small' | 'protects';

export function hiddenReason(value: number, hidden: boolean, rule: DisclosureRule): HiddenReason | null {
  return !hidden ? null : isSmall(value, rule) ? 'small' : 'protects';
}

/**
 * Any set of equations over `values` (cells and totals by index): why each entry is hidden, null where shown.
 * For tables that share cells, e.g. Översikt's weeks, which add up both to their own total and, those inside the
 * period filter, to the key figure beside them. `hideLast`: entries hidden to protect another only when no
 * other will do (HideLast's tiers). `hiddenElsewhere`: entries another view hides (the same
 * count published there), hidden here from the start.
 */
export function suppressEquations(values: number[], equations: Equation[], rule: DisclosureRule, hideLast?: HideLast, hiddenElsewhere?: readonly boolean[]): (HiddenReason | null)[] {
  const hidden = suppress(values, equations, rule, hideLast, hiddenElsewhere);
  return values.map((v, i) => hiddenReason(v, hidden[i], rule));
}

export interface SuppressedList {
  cells: boolean[];
  total: boolean;
  /** Per cell: null when shown, else why it is hidden. */
  why: (HiddenReason | null)[];
  totalWhy: HiddenReason | null;
}

/**
 * A list of counts. With `totalShown`, their sum is published too (a key figure, a total row), so the list is
 * one equation; without it, only primary suppression applies.
 */
export function suppressList(values: number[], rule: DisclosureRule, totalShown = true): SuppressedList {
  const total = values.reduce((s, v) => s + v, 0);
  if (!totalShown) {
    const cells = values.map((v) => isSmall(v, rule));
    return { cells, total: false, why: values.map((v, i) => hiddenReason(v, cells[i], rule)), totalWhy: null };
  }
  const flat = [...values, total];
  const hidden = suppress(flat, [{ cells: values.map((_, i) => i), total: values.length }], rule);
  return {
    cells: hidden.slice(0, values.length),
    total: hidden[values.length],
    why: values.map((v, i) => hiddenReason(v, hidden[i], rule)),
    totalWhy: hiddenReason(total, hidden[values.length], rule),
  };
}

export interface SuppressedTable {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
  /** Why each entry is hidden, in the same shape (null where shown). */
  why: { cells: (HiddenReason | null)[][]; rowTotals: (HiddenReason | null)[]; columnTotals: (HiddenReason | null)[]; grandTotal: HiddenReason | null };
}

/**
 * A rows × columns table with its column totals and grand total published, and by default its row totals too (the
 * margins of a stacked chart are its bar heights, and the grand total is usually a key figure nearby).
 * `rowTotalsPublished: false` for a table whose row sums appear nowhere (the lägesbild's categories × periods: a
 * category's two periods are never added up): an equation for them would hide a large count beside a small one in
 * its row for no reader (a tester: Misshandel 9 "dold" beside last period's 2, and the key-figure cards then led with
 * the next category). The row totals and the grand total are then returned marked hidden.
 */
export function suppressTable(matrix: number[][], rule: DisclosureRule, rowTotalsPublished = true): SuppressedTable {
  const rows = matrix.length;
  const columns = rows > 0 ? matrix[0].length : 0;
  const at = (r: number, c: number) => r * (columns + 1) + c; // column `columns` holds the row total
  const totalRow = rows; // row `rows` holds the column totals
  const flat: number[] = new Array((rows + 1) * (columns + 1)).fill(0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      flat[at(r, c)] = matrix[r][c];
      flat[at(r, columns)] += matrix[r][c];
      flat[at(totalRow, c)] += matrix[r][c];
      flat[at(totalRow, columns)] += matrix[r][c];
    }
  }
  const equations: Equation[] = [];
  if (rowTotalsPublished) for (let r = 0; r <= rows; r++) equations.push({ cells: Array.from({ length: columns }, (_, c) => at(r, c)), total: at(r, columns) });
  for (let c = 0; c < columns; c++) equations.push({ cells: Array.from({ length: rows }, (_, r) => at(r, c)), total: at(totalRow, c) });
  if (rowTotalsPublished) equations.push({ cells: Array.from({ length: rows }, (_, r) => at(r, columns)), total: at(totalRow, columns) });
  const hidden = suppress(flat, equations, rule);
  // Unpublished row totals (and the grand total, the totals row's own row total) are in no equation: marked hidden,
  // so no caller shows them.
  if (!rowTotalsPublished) for (let r = 0; r <= rows; r++) hidden[at(r, columns)] = true;
  const why = (i: number) => hiddenReason(flat[i], hidden[i], rule);
  return {
    why: {
      cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => why(at(r, c)))),
      rowTotals: Array.from({ length: rows }, (_, r) => why(at(r, columns))),
      columnTotals: Array.from({ length: columns }, (_, c) => why(at(totalRow, c))),
      grandTotal: why(at(totalRow, columns)),
    },
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => hidden[at(r, c)])),
    rowTotals: Array.from({ length: rows }, (_, r) => hidden[at(r, columns)]),
    columnTotals: Array.from({ length: columns }, (_, c) => hidden[at(totalRow, c)]),
    grandTotal: hidden[at(totalRow, columns)],
  };
}
