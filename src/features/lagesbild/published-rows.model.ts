// Pure: a three-window count table (categories, areas, intervention types, places) as the lägesbild publishes it —
// each row's counts in the period, the one before and last year, their changes, and in public view the disclosure
// rule applied with the table's column totals (publishRows), rows ordered by their shown counts.
import type { TFunction } from 'i18next';
import type { LagesbildPeriods } from '../../analysis/periods/compared-periods';
import { coveredDays, type DayRange } from '../../lib/day-range';
import { sumKeys } from '../../lib/disclosure/cell-key';
import { publishCount, publishTable, publishedNoise, sortByShown, type PublishedCount } from '../../lib/disclosure/publish';
import { isSmall, type DisclosureRule } from '../../lib/disclosure/suppression';
import { compareCounts, type CountChange } from '../../lib/statistics/count-change';

/** Why an area row has no name (lagesbild.query.ts areaCountsSql); absent on named rows and other tables. */
export type AreaGap = 'outside' | 'unlocated' | 'none';

/** One row of a three-window count query (lagesbild.query.ts). */
export interface CountRow {
  name: string | null;
  without?: AreaGap | null;
  current: number;
  previous: number;
  last_year: number;
  /** Σ record keys of each count (public view's noise, lib/disclosure/cell-key.ts). */
  current_key: number;
  previous_key: number;
  last_year_key: number;
}

/** A published figure: null counts are hidden; a change is shown only when both its counts are. */
export interface Figure {
  name: string | null;
  without?: AreaGap;
  /** Public view: the table's rows whose every count is below k, summed (`name` null; never compared). */
  pooled?: true;
  current: PublishedCount;
  /** undefined: the window lies wholly outside the data (shown "–", never 0 or "<5"). */
  previous: PublishedCount | undefined;
  lastYear: PublishedCount | undefined;
  vsPrevious: CountChange | null;
  vsLastYear: CountChange | null;
}

const length = (r: DayRange) => r.to - r.from + 1;

/** `noise`: public view's counts lie within ±noise of the exact ones; the test allows for it (compareCounts). */
function change(current: PublishedCount, previous: PublishedCount | undefined, exposure: number, noise: number): CountChange | null {
  return typeof current !== 'number' || typeof previous !== 'number' ? null : compareCounts(current, previous, exposure, noise);
}

function figure(name: string | null, c: PublishedCount, p: PublishedCount | undefined, y: PublishedCount | undefined, periods: LagesbildPeriods, data: DayRange | null, noise: number): Figure {
  // Per day over the days the data covers; no comparison with a window the data does not reach (a 2024 period
  // against 2023 once read "0 → 114, statistiskt säker").
  const days = (r: DayRange) => (data ? coveredDays(r, data) : length(r));
  const against = (other: PublishedCount | undefined, r: DayRange) => (days(r) === 0 || days(periods.current) === 0 ? null : change(c, other, days(periods.current) / days(r), noise));
  return {
    name, current: c, previous: p, lastYear: y,
    vsPrevious: against(p, periods.previous),
    vsLastYear: against(y, periods.lastYear),
  };
}

/**
 * Rows × the three windows as one table whose column totals (the period totals) are published too. A window wholly
 * outside the data (last year, before the data began) holds no data, not zeros: it stays out of the table — its
 * zeros, all "small", once made the suppression hide a 2024 period's whole total (tester) — and shows "–".
 */
/**
 * `margins: false` for a list no published total adds up to (the top places): each count stands alone (primary rule
 * and noise), as the hot spots' do. With margins, a large place could be hidden only to protect another ("dold")
 * while the hot-spot table beside it showed the same incidents' count, and the summary then skipped the largest place.
 */
export function publishRows(rows: CountRow[], rule: DisclosureRule | null, periods: LagesbildPeriods, data: DayRange | null, margins = true): { rows: Figure[]; total: Figure; pooled: Figure | null } {
  const windows = [periods.current, periods.previous, periods.lastYear];
  const withData = windows.map((w, j) => j === 0 || !data || coveredDays(w, data) > 0);
  const columns = [0, 1, 2].filter((j) => withData[j]);
  const counts = (r: CountRow) => [r.current, r.previous, r.last_year];
  const keys = (r: CountRow) => [Number(r.current_key), Number(r.previous_key), Number(r.last_year_key)];
  // Public view, a table with totals: rows whose every count is below k are one pooled row, always there. Left out one
  // by one (helper-62's "<5 <5" rows said "at least one"), their sum under the column total was still protected by
  // hiding a listed count ("dold") — only when such a row existed, so the pattern told that one did (helper-63,
  // Översikt). With the pool always a row, its sum of 0 is hidden and protected as a sum of 1–4 is.
  const pooling = rule !== null && margins;
  const listedRows = pooling ? rows.filter((r) => columns.some((j) => !isSmall(counts(r)[j], rule))) : rows;
  const pooledRows = pooling ? rows.filter((r) => !listedRows.includes(r)) : [];
  const pool: CountRow = {
    name: null,
    current: pooledRows.reduce((s, r) => s + r.current, 0), previous: pooledRows.reduce((s, r) => s + r.previous, 0), last_year: pooledRows.reduce((s, r) => s + r.last_year, 0),
    current_key: sumKeys(pooledRows.map((r) => r.current_key)), previous_key: sumKeys(pooledRows.map((r) => r.previous_key)), last_year_key: sumKeys(pooledRows.map((r) => r.last_year_key)),
  };
  const tableRows = pooling ? [...listedRows, pool] : listedRows;
  const table = margins
    // Each column (a period) adds up to its shown total; a row's periods are never added up (rowTotalsPublished false).
    ? publishTable(tableRows.map((r) => columns.map((j) => counts(r)[j])), tableRows.map((r) => columns.map((j) => keys(r)[j])), rule, false)
    : { cells: tableRows.map((r) => columns.map((j) => publishCount(counts(r)[j], keys(r)[j], rule))), columnTotals: columns.map(() => null) };
  const at = (cells: PublishedCount[], j: number): PublishedCount | undefined => (withData[j] ? cells[columns.indexOf(j)] : undefined);
  const totals = tableRows.length ? table.columnTotals : columns.map(() => publishCount(0, 0, rule));
  const [c, p, y] = [0, 1, 2].map((j) => at(totals, j));
  const figures = listedRows.map((r, i) => {
    const f = figure(r.name, at(table.cells[i], 0) as PublishedCount, at(table.cells[i], 1), at(table.cells[i], 2), periods, data, publishedNoise(rule));
    return r.without ? { ...f, without: r.without } : f;
  });
  const last = listedRows.length;
  const pooled: Figure | null = pooling
    ? { name: null, pooled: true, current: at(table.cells[last], 0) as PublishedCount, previous: at(table.cells[last], 1), lastYear: at(table.cells[last], 2), vsPrevious: null, vsLastYear: null }
    : null;
  return {
    // Public view: ordered by the shown counts, not the exact ones (sortByShown), and only rows with a count of k or
    // more (pooled above where the table has totals; shownRows for the top places, which have none).
    rows: sortByShown(shownRows(figures, rule), (f) => f.current, (f) => f.name, rule),
    total: figure(null, c as PublishedCount, p, y, periods, data, publishedNoise(rule)),
    pooled,
  };
}

/**
 * Public view lists only rows with a count that is not small: shown, or hidden to protect another ("dold", a count of
 * k or more). A row is in the table because it has an incident in one of the windows, so a row of small counts alone
 * ("<5") said "at least one" and a missing row "none" — the 0 that public view hides like 1–4 (helper-62: 188 kommuner
 * listed "<5 <5", every one left out had 0). Now a missing row says only that each of its counts is below k; a row
 * hidden to protect another stays, so no sentence calls a listed row the largest beside it. `counts`: the windows
 * that decide (default: all three).
 */
export function shownRows<F extends Pick<Figure, 'current' | 'previous' | 'lastYear'>>(rows: F[], rule: DisclosureRule | null, counts: (f: F) => (PublishedCount | undefined)[] = (f) => [f.current, f.previous, f.lastYear]): F[] {
  return rule ? rows.filter((f) => counts(f).some((v) => v !== null && v !== undefined)) : rows;
}


/** Public view: a table's pooled row (its rows with every count below k, publishRows), to append to the table. */
export function pooledRow<T extends 'categories' | 'areas' | 'interventions'>(report: { pooled: Record<T, Figure> | null }, table: T): Figure[] {
  return report.pooled ? [report.pooled[table]] : [];
}

/** A row's name as the tables print it: the pooled row's label, an area row's reason for having none, or its name. */
export function figureName(f: Figure, report: { rule: DisclosureRule | null }, t: TFunction): string {
  if (f.pooled) return t('lagesbild.pooled', { k: report.rule?.k ?? 0 });
  return f.name ?? t(`lagesbild.without.${f.without ?? 'none'}`);
}
