// Trender in public view: the chart's series × buckets published as one table together with Översikt's weekly system
// (lib/disclosure/weekly-counts.ts), and the counts over a range shown beside the chart.
import { markPublished, PROTECTED, publishCount, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import { suppressEquations, type DisclosureRule, type Equation } from '../../lib/disclosure/suppression';
import { sumKeys } from '../../lib/disclosure/cell-key';
import { LATEST_PERIODS, suppressWeeks, weeklySystem, type WeekCount } from '../../lib/disclosure/weekly-counts';
import type { DayRange } from '../../lib/day-range';
import type { Bucket } from '../../analysis/periods/period-buckets';
import type { PublishedTrend, TrendSeries } from './trends.model';

/**
 * Split series × buckets is one table whose margins are the bucket totals (the stacked bars' heights). Last
 * year's value and the comparison figures count days that are buckets of the same chart, so they are published
 * through rangeCount: the same published total, never a second look at a count the table hid. The rolling mean
 * is shown only where every value in its window is.
 *
 * The same incidents per ISO week are Översikt's weekly chart, under the same filter and `period` (its key figure):
 * the table is suppressed together with that weekly system (lib/disclosure/weekly-counts.ts), the weeks Översikt
 * hides hidden here from the start and those it shows hidden only when nothing else will do, and each bucket tied
 * to the weeks it is made of (a week is a week; a two-week period is two; a week is seven days). So Trender never
 * shows a count that Översikt hides and that, with Översikt's figures, gives a small one away (before: a brushed
 * period made them hide different weeks; trend-overview-weeks.test.ts). Months and quarters are not whole weeks: no
 * tie (differencing between them and the weeks is not protected; docs/reliability.md).
 */
export function publishTrend(t: TrendSeries, rule: DisclosureRule | null, rollingWindow: number, period?: DayRange, extent?: DayRange): PublishedTrend {
  if (!rule) return t;
  const names = [...t.series.keys()];
  const rows = names.length;
  const columns = t.buckets.length;
  const matrix = names.map((n) => t.series.get(n)!);
  const matrixKeys = names.map((n) => t.keys.series.get(n)!);
  // Flat layout: the cells row by row, the bucket totals, the series totals, the grand total, then the weekly system.
  const cell = (r: number, c: number) => r * columns + c;
  const bucketTotal = (c: number) => rows * columns + c;
  const seriesTotal = (r: number) => rows * columns + columns + r;
  const grand = rows * columns + columns + rows;
  const base = grand + 1;
  const weekly = weeklySystem(t.weeks, period, extent, base);
  const columnValues = t.buckets.map((_, c) => matrix.reduce((s, row) => s + row[c], 0));
  const columnKeys = t.buckets.map((_, c) => sumKeys(matrixKeys.map((row) => row[c])));
  const rowValues = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const rowKeys = matrixKeys.map((row) => sumKeys(row));
  const values = [...matrix.flat(), ...columnValues, ...rowValues, rowValues.reduce((a, b) => a + b, 0), ...weekly.values];
  const keys = [...matrixKeys.flat(), ...columnKeys, ...rowKeys, sumKeys(rowKeys), ...weekly.keys];
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const equations: Equation[] = [
    ...matrix.map((_, r) => ({ cells: range(0, columns).map((c) => cell(r, c)), total: seriesTotal(r) })),
    ...range(0, columns).map((c) => ({ cells: range(0, rows).map((r) => cell(r, c)), total: bucketTotal(c) })),
    { cells: range(0, columns).map(bucketTotal), total: grand },
    { cells: range(0, rows).map(seriesTotal), total: grand },
    ...weekly.equations,
    { cells: [grand], total: weekly.all },
    ...bucketWeekTies(t.buckets, t.weeks, extent).map((tie) => (tie.kind === 'week-of-buckets'
      ? { cells: tie.buckets.map(bucketTotal), total: base + tie.week }
      : { cells: tie.weeks.map((w) => base + w), total: bucketTotal(tie.bucket) })),
  ];
  // Översikt's pattern for the weeks, computed as Översikt computes it (publishWeeks).
  const overview = suppressWeeks(t.weeks, period, extent, rule);
  const hiddenElsewhere = values.map((_, i) => i >= base && overview[i - base] !== null);
  // Hidden last: what Översikt shows (tier 2: hiding it here protects nothing), then the latest buckets (tier 1).
  const hideLast = new Map<number, number>();
  for (const c of range(Math.max(0, columns - LATEST_PERIODS), columns)) for (const i of [bucketTotal(c), ...range(0, rows).map((r) => cell(r, c))]) hideLast.set(i, 1);
  hideLast.set(grand, 2);
  overview.forEach((why, i) => { if (why === null && (base + i !== weekly.within || weekly.withinPublished)) hideLast.set(base + i, 2); });
  const why = suppressEquations(values, equations, rule, hideLast, hiddenElsewhere);
  const published = values.map((v, i) => markPublished(v, keys[i], why[i], rule));
  const series = new Map(names.map((n, r) => [n, range(0, columns).map((c) => published[cell(r, c)])]));
  const total = rows > 0 ? range(0, columns).map((c) => published[bucketTotal(c)]) : t.total.map(() => null);
  const lastYear = t.lastYear.map((v, i) => (v === null ? null : rangeCount(v, t.keys.lastYear[i] ?? 0, t.lastYearRanges[i], { buckets: t.buckets, total }, rule)));
  const rolling = total.map((_, i) => {
    if (i + 1 < rollingWindow) return null;
    const window = total.slice(i + 1 - rollingWindow, i + 1);
    return window.some((v) => typeof v !== 'number') ? null : (window as number[]).reduce((a, b) => a + b, 0) / rollingWindow;
  });
  const periodCount = period && weekly.withinPublished ? { range: period, count: published[weekly.within] } : undefined;
  return { buckets: t.buckets, series, total, lastYear, lastYearRanges: t.lastYearRanges, rolling, interventions: publishList(t.interventions, t.keys.interventions, rule, true).values, covered: t.covered, ...(periodCount ? { period: periodCount } : {}) };
}

/**
 * Which buckets add up to which ISO weeks, over the data's days (`extent`; without it the buckets' and weeks' own
 * days): a week made of whole buckets (days, or the week itself) or a bucket made of whole weeks (a two-week
 * period). Indices into `buckets` and `weeks`. Months and quarters tie to none.
 */
export type BucketWeekTie = { kind: 'week-of-buckets'; week: number; buckets: number[] } | { kind: 'bucket-of-weeks'; bucket: number; weeks: number[] };

export function bucketWeekTies(buckets: readonly Bucket[], weeks: readonly WeekCount[], extent?: DayRange): BucketWeekTie[] {
  const clip = (from: number, to: number) => ({ from: Math.max(from, extent?.from ?? -Infinity), to: Math.min(to, extent?.to ?? Infinity) });
  const bucketDays = buckets.map((b) => clip(b.from, b.to));
  const weekDays = weeks.map((w) => clip(w.weekDay, w.weekDay + 6));
  const ties: BucketWeekTie[] = [];
  // Whether the ranges `parts` (in day order) cover exactly `whole`: consecutive, no gap, no overhang.
  const covers = (whole: DayRange, parts: DayRange[]) => {
    if (parts.length === 0) return false;
    let next = whole.from;
    for (const p of parts) {
      if (p.from !== next) return false;
      next = p.to + 1;
    }
    return next === whole.to + 1;
  };
  const within = (inner: DayRange, outer: DayRange) => inner.from <= inner.to && inner.from >= outer.from && inner.to <= outer.to;
  weekDays.forEach((w, i) => {
    if (w.from > w.to) return;
    const inside = bucketDays.flatMap((b, j) => (within(b, w) ? [j] : []));
    if (covers(w, inside.map((j) => bucketDays[j]))) ties.push({ kind: 'week-of-buckets', week: i, buckets: inside });
  });
  bucketDays.forEach((b, j) => {
    if (b.from > b.to) return;
    const inside = weekDays.flatMap((w, i) => (within(w, b) ? [i] : []));
    // One week equal to the bucket is tied above already.
    if (inside.length > 1 && covers(b, inside.map((i) => weekDays[i]))) ties.push({ kind: 'bucket-of-weeks', bucket: j, weeks: inside });
  });
  return ties;
}

/**
 * A count over `range` shown beside the chart's published bucket totals (last year's column, the comparison
 * figures). It is that bucket's published total when the range is one bucket; hidden when it touches a bucket
 * whose total is hidden (a brushed sum of a hidden and a shown bucket gives the hidden one away by subtraction);
 * otherwise it stands alone and only the primary rule applies.
 */
export function rangeCount(value: number, keySum: number, range: DayRange, chart: { buckets: Bucket[]; total: PublishedCount[]; period?: PublishedTrend['period'] }, rule: DisclosureRule | null): PublishedCount {
  if (!rule) return value;
  // The period filter's own count: as Översikt publishes it.
  if (chart.period && chart.period.range.from === range.from && chart.period.range.to === range.to) return chart.period.count;
  let touchesHidden = false;
  for (let i = 0; i < chart.buckets.length; i++) {
    const b = chart.buckets[i];
    if (b.from === range.from && b.to === range.to) return chart.total[i];
    if (b.to >= range.from && b.from <= range.to && typeof chart.total[i] !== 'number') touchesHidden = true;
  }
  // Hidden to protect a hidden bucket: "<k" only if it is itself small, else "dold" (saying "<5" about 23 is false).
  return touchesHidden ? (value < rule.k ? null : PROTECTED) : publishCount(value, keySum, rule);
}
