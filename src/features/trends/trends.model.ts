// Pure: per-day counts → the trend chart's series (buckets, split series, last year's line, rolling average,
// intervention counts, calendar markers) and the comparison figures with their significance.
import { hiddenBarSeries, hiddenKinds, hiddenText, withHiddenBars } from '../../lib/hidden-bars';
import { shownSpellings } from '../../lib/spelling-key';
import { BRUSH_TOOLS } from '../../components/chart-brush';
import type { ChartOption } from '../../components/echart';
import { compareCounts, type CountChange } from '../../lib/statistics/count-change';
import { formatCount, type Language } from '../../lib/format';
import { coveredDays, mondayOf, type DayRange } from '../../lib/day-range';
import { bucketOf, bucketsBetween, previousPeriod, sameTimeLastYear, type Bucket, type Unit } from '../../analysis/periods/period-buckets';
import { isProtected, markPublished, PROTECTED, publishCount, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import { suppressEquations, type DisclosureRule, type Equation } from '../../lib/disclosure/suppression';
import { sumKeys } from '../../lib/disclosure/cell-key';
import { LATEST_PERIODS, suppressWeeks, weeklySystem, type WeekCount } from '../../lib/disclosure/weekly-counts';
import { htmlText } from '../../lib/html-text';
import { PARTIAL_BAR_STYLE } from '../../lib/partial-bar';

/** `key`: Σ record keys of the counted rows (public view's noise, lib/disclosure/cell-key.ts). */
export interface DayCount { epoch_day: number; series: string; n: number; key: number | bigint }
export interface InterventionDay { epoch_day: number; type: string; n: number; key: number | bigint }
export interface CalendarDay { day: number; name: string }

export interface TrendSeries {
  buckets: Bucket[];
  /** Series name → count per bucket. */
  series: Map<string, number[]>;
  total: number[];
  lastYear: (number | null)[];
  /** The days each bucket's last-year value counts (sameTimeLastYear: the same ISO weeks of the year before, or the same months). */
  lastYearRanges: DayRange[];
  rolling: (number | null)[];
  interventions: number[];
  /**
   * The days of each bucket the data covers (its first to last day): fewer than the bucket's length for the month
   * the export ends (or begins) inside. Such a bucket's bar counts fewer days than its neighbours: a tester read the
   * last month's half-filled bar as a fall. The chart draws it pale, says so in the tooltip and the table.
   */
  covered: number[];
  /** The key sums of the counts above, in the same shapes. */
  keys: { series: Map<string, number[]>; lastYear: (number | null)[]; interventions: number[] };
  /**
   * Incidents per ISO week over the data's days (Mondays from the week of the first day), as Översikt's weekly chart
   * counts them: public view publishes the buckets under the same weeks' pattern (publishTrend).
   */
  weeks: WeekCount[];
}

/** True when the data covers only part of bucket `i` (`covered` is from trendSeries). */
export function isPartialBucket(t: { buckets: Bucket[]; covered: number[] }, i: number): boolean {
  return t.covered[i] < t.buckets[i].to - t.buckets[i].from + 1;
}

const MAX_SERIES = 8;

function sumIn(byDay: Map<number, { n: number; key: number }>, from: number, to: number): { n: number; key: number } {
  let n = 0;
  let key = 0;
  for (let d = from; d <= to; d++) {
    const x = byDay.get(d);
    if (x) { n += x.n; key += x.key; }
  }
  return { n, key };
}

/**
 * The biggest series by total, the rest summed as "Övrigt" (the last series), so a stacked chart stays readable.
 * `minTotal`: a series with fewer incidents in all goes into the rest — public view's k, since a series is listed
 * because it has an incident, and one listed whose counts are all "<5" said "at least one" (as on the Lägesbild).
 * With a `minTotal` the rest is always a series, zero or not (a zero-count row on the first row's day): drawn only
 * when a small series existed, it told that one did (helper-63's kind, on Översikt) — also when no row is left at all
 * (a chosen category of 0 had no rest column, one of 1–4 had one: helper-65): then its zero row is on `restDay`.
 */
export function topSeries(rows: DayCount[], otherLabel: string | ((rest: number) => string), minTotal = 0, restDay?: number): DayCount[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.series, (totals.get(r.series) ?? 0) + r.n);
  const large = [...totals.entries()].filter(([, n]) => n >= minTotal).sort((a, b) => b[1] - a[1]);
  const zeroDay = rows[0]?.epoch_day ?? restDay;
  const alwaysRest = minTotal > 0 && zeroDay !== undefined;
  if (!alwaysRest && large.length === totals.size && totals.size <= MAX_SERIES) return rows;
  const keep = new Set(large.slice(0, MAX_SERIES - 1).map(([k]) => k));
  // The label names how many categories it sums: police events have a category of their own called "Övrigt".
  const label = typeof otherLabel === 'string' ? otherLabel : otherLabel(totals.size - keep.size);
  // "Övrigt" last: the series are ordered as their rows first appear (trendSeries), so it stood mid-legend and mid-table
  // wherever its first day fell (a tester). The others keep their order.
  const kept = rows.filter((r) => keep.has(r.series));
  const rest = rows.filter((r) => !keep.has(r.series)).map((r) => ({ ...r, series: label }));
  return [...kept, ...(rest.length === 0 && alwaysRest ? [{ epoch_day: zeroDay, series: label, n: 0, key: 0 }] : rest)];
}

/**
 * Rows split by area with each area named once (lib/spelling-key.ts shownSpellings): a file's "Upplands väsby" and
 * "UPPLANDS  VÄSBY" are one series, named as the boundary is ("Upplands Väsby", as on the Karta). The placeholder for
 * rows without an area ("–") is kept.
 */
export function areaSeriesSpelled(rows: DayCount[], boundaryNames: readonly string[]): DayCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.series !== NO_AREA) counts.set(r.series, (counts.get(r.series) ?? 0) + r.n);
  const names = shownSpellings(counts, boundaryNames);
  return rows.map((r) => (r.series === NO_AREA || names.get(r.series) === r.series ? r : { ...r, series: names.get(r.series)! }));
}

/** The area split's series for rows without an area (trends.query.ts). */
export const NO_AREA = '–';

export function trendSeries(rows: DayCount[], interventions: InterventionDay[], extent: DayRange, unit: Unit, rollingWindow: number, language: Language): TrendSeries {
  const buckets = bucketsBetween(extent.from, extent.to, unit, language);
  const index = new Map<number, number>();
  buckets.forEach((b, i) => { for (let d = b.from; d <= b.to; d++) index.set(d, i); });
  const series = new Map<string, number[]>();
  const seriesKeys = new Map<string, number[]>();
  const byDay = new Map<number, { n: number; key: number }>();
  for (const r of rows) {
    const i = index.get(r.epoch_day);
    const key = Number(r.key);
    const day = byDay.get(r.epoch_day) ?? { n: 0, key: 0 };
    byDay.set(r.epoch_day, { n: day.n + r.n, key: day.key + key });
    if (i === undefined) continue;
    if (!series.has(r.series)) { series.set(r.series, buckets.map(() => 0)); seriesKeys.set(r.series, buckets.map(() => 0)); }
    series.get(r.series)![i] += r.n;
    seriesKeys.get(r.series)![i] += key;
  }
  const total = buckets.map((_, i) => [...series.values()].reduce((s, v) => s + v[i], 0));
  const lastYearRanges = buckets.map((b) => sameTimeLastYear(b, unit));
  const lastYearCounts = lastYearRanges.map((ly) => (ly.from < extent.from ? null : sumIn(byDay, ly.from, ly.to)));
  const lastYear = lastYearCounts.map((c) => c?.n ?? null);
  const covered = buckets.map((b) => coveredDays(b, extent));
  // A moving mean over a bucket the data covers only in part would read its missing days as no incidents.
  const partial = (i: number) => covered[i] < buckets[i].to - buckets[i].from + 1;
  const rolling = total.map((_, i) => {
    if (i + 1 < rollingWindow) return null;
    for (let j = i + 1 - rollingWindow; j <= i; j++) if (partial(j)) return null;
    return total.slice(i + 1 - rollingWindow, i + 1).reduce((a, b) => a + b, 0) / rollingWindow;
  });
  const iv = buckets.map(() => 0);
  const ivKeys = buckets.map(() => 0);
  for (const r of interventions) {
    const i = index.get(r.epoch_day);
    if (i !== undefined) { iv[i] += r.n; ivKeys[i] += Number(r.key); }
  }
  const weeks: WeekCount[] = [];
  for (let monday = mondayOf(extent.from); monday <= extent.to; monday += 7) {
    const week = sumIn(byDay, Math.max(monday, extent.from), Math.min(monday + 6, extent.to));
    weeks.push({ weekDay: monday, incidents: week.n, key: week.key });
  }
  return { buckets, series, total, lastYear, lastYearRanges, rolling, interventions: iv, covered, keys: { series: seriesKeys, lastYear: lastYearCounts.map((c) => c?.key ?? null), interventions: ivKeys }, weeks };
}

/** The trend as public view may show it: hidden counts are null, and nothing derived from them is shown. */
export interface PublishedTrend {
  buckets: Bucket[];
  series: Map<string, PublishedCount[]>;
  total: PublishedCount[];
  lastYear: PublishedCount[];
  lastYearRanges: DayRange[];
  rolling: (number | null)[];
  interventions: PublishedCount[];
  covered: number[];
}

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
  return { buckets: t.buckets, series, total, lastYear, lastYearRanges: t.lastYearRanges, rolling, interventions: publishList(t.interventions, t.keys.interventions, rule, true).values, covered: t.covered };
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
export function rangeCount(value: number, keySum: number, range: DayRange, chart: { buckets: Bucket[]; total: PublishedCount[] }, rule: DisclosureRule | null): PublishedCount {
  if (!rule) return value;
  let touchesHidden = false;
  for (let i = 0; i < chart.buckets.length; i++) {
    const b = chart.buckets[i];
    if (b.from === range.from && b.to === range.to) return chart.total[i];
    if (b.to >= range.from && b.from <= range.to && typeof chart.total[i] !== 'number') touchesHidden = true;
  }
  // Hidden to protect a hidden bucket: "<k" only if it is itself small, else "dold" (saying "<5" about 23 is false).
  return touchesHidden ? (value < rule.k ? null : PROTECTED) : publishCount(value, keySum, rule);
}

export interface Comparison {
  current: DayRange;
  previous: DayRange;
  lastYear: DayRange;
  /** The counts over each whole range (days outside the data count nothing). */
  counts: { current: number; previous: number; lastYear: number | null };
  /** null: the data covers none of the earlier period — no comparison. */
  vsPrevious: CountChange | null;
  vsLastYear: CountChange | null;
  /** The days of each period the data covers: what the per-day rates are over. */
  covered: { current: number; previous: number; lastYear: number };
}

/**
 * The period being compared: the brushed period, else the latest complete bucket. "Previous" is the bucket
 * before when the period is exactly one bucket (so months compare with months), else an equally long period; a
 * period of whole calendar months is compared as months (the month before, the same months last year).
 */
export function comparisonPeriods(period: DayRange | undefined, extent: DayRange, unit: Unit): { current: DayRange; previous: DayRange; lastYear: DayRange } {
  let current: DayRange;
  if (period) current = period;
  else {
    const last = bucketOf(extent.to, unit);
    current = last.to <= extent.to ? last : bucketOf(last.from - 1, unit);
    // Data shorter than one bucket (two days in March): compare the bucket that holds it, not one before the data.
    if (current.to < extent.from) current = last;
  }
  // A period of whole calendar months (a link's 2026-01-01..2026-01-31) is compared as months whatever the unit:
  // with weeks it was set against 2025-01-02 – 2025-02-01 (helper-68), not January.
  const shape: Unit = period && wholeMonths(current) ? 'month' : unit;
  const asBucket = bucketOf(current.from, shape);
  const exact = asBucket.from === current.from && asBucket.to === current.to;
  const previous = exact ? bucketOf(current.from - 1, shape) : previousPeriod(current);
  return { current: { from: current.from, to: current.to }, previous: { from: previous.from, to: previous.to }, lastYear: sameTimeLastYear(current, shape) };
}

/** Whether `range` starts on a month's first day and ends on a month's last. */
function wholeMonths(range: DayRange): boolean {
  return bucketOf(range.from, 'month').from === range.from && bucketOf(range.to, 'month').to === range.to;
}

/**
 * The period against the one before and last year, as rates per day over the days the data covers: March (31
 * days) against February (28), v. 1–2 against v. 51–53, or a month that runs past the data's last day compare like
 * with like, and the exposure ratio goes into the test. A period before the data's first day is no comparison —
 * counting its days as zero incidents once marked every change at the start of the data "significant".
 */
export function compare(counts: { current: number; previous: number; lastYear: number | null }, periods: ReturnType<typeof comparisonPeriods>, extent: DayRange): Comparison {
  const covered = { current: coveredDays(periods.current, extent), previous: coveredDays(periods.previous, extent), lastYear: coveredDays(periods.lastYear, extent) };
  const against = (count: number | null, coveredDays: number) =>
    count === null || covered.current === 0 || coveredDays === 0 ? null : compareCounts(counts.current, count, covered.current / coveredDays);
  return {
    ...periods,
    counts,
    vsPrevious: against(counts.previous, covered.previous),
    vsLastYear: against(counts.lastYear, covered.lastYear),
    covered,
  };
}


const PALETTE = ['#1d3557', '#e76f51', '#2a9d8f', '#e9c46a', '#6d597a', '#f4a261', '#457b9d', '#8d99ae'];

/**
 * The trend chart. `labels.partial(covered, days)`: the tooltip's line under a bucket the data covers only in part
 * (its bars are drawn pale and hatched).
 */
export function trendChartOption(t: PublishedTrend, options: { stacked: boolean; showLastYear: boolean; showRolling: boolean; showInterventions: boolean; calendar: CalendarDay[]; labels: { total: string; lastYear: string; rolling: string; interventions: string; partial?: (covered: number, days: number) => string; hiddenSeries?: string }; hidden?: string; protectedText?: string }, language: Language): ChartOption {
  // Each line of the tooltip says what its own series' value is: the number, "<k" when it is small, the protected
  // marker ("dold") when it is k or more and hidden to protect another, "–" when there is none (a rolling mean over
  // a hidden bucket, last year before the data). A bucket-wide marker once wrote "<5" about a hidden 5 and "dold"
  // about a hidden 2 (tester).
  const names = [...t.series.keys()];
  const marker = (v: PublishedCount | undefined) => (isProtected(v) ? options.protectedText ?? options.hidden ?? '–' : v === null && options.hidden ? options.hidden : '–');
  const publishedAt = (seriesName: string, i: number): PublishedCount | undefined => {
    if (seriesName === options.labels.rolling) return t.rolling[i] ?? undefined;
    // Last year before the data's first bucket is no data ("–"), not a hidden count.
    if (seriesName === options.labels.lastYear) return t.lastYearRanges[i] && t.lastYearRanges[i].from < t.buckets[0].from ? undefined : t.lastYear[i];
    if (seriesName === options.labels.interventions) return t.interventions[i];
    if (options.stacked && names.length > 1 && t.series.has(seriesName)) return t.series.get(seriesName)![i];
    return t.total[i];
  };
  const line = (p: { seriesName?: string; dataIndex?: number; marker?: string }) => {
    const v = publishedAt(p.seriesName ?? '', p.dataIndex ?? -1);
    const text = typeof v === 'number' ? formatCount(Math.round(v * 10) / 10, language) : marker(v);
    return `${p.marker ?? ''}${htmlText(p.seriesName ?? '')}: ${text}`;
  };
  const tooltipText = (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as { seriesName?: string; dataIndex?: number; marker?: string; axisValueLabel?: string }[];
    const i = list[0]?.dataIndex ?? -1;
    const partial = i >= 0 && i < t.buckets.length && isPartialBucket(t, i) && options.labels.partial
      ? [htmlText(options.labels.partial(t.covered[i], t.buckets[i].to - t.buckets[i].from + 1))] : [];
    // The pale bars of hidden buckets have no count of their own to list.
    return [htmlText(list[0]?.axisValueLabel ?? ''), ...partial, ...list.filter((p) => p.seriesName !== hiddenName).map(line)].join('<br/>');
  };
  // A bucket the data covers only in part is drawn pale and hatched, so its lower bar does not read as a fall.
  const bar = (values: PublishedCount[] | undefined) => (values ?? []).map((v, i) => {
    const value = typeof v === 'number' ? v : null;
    return i < t.buckets.length && isPartialBucket(t, i) ? { value, itemStyle: PARTIAL_BAR_STYLE } : value;
  });
  const dataSeries = options.stacked && names.length > 1
    ? names.map((name, i) => ({ type: 'bar', name, stack: 'total', data: bar(t.series.get(name)), itemStyle: { color: PALETTE[i % PALETTE.length] } }))
    : [{ type: 'bar', name: options.labels.total, data: bar(t.total), itemStyle: { color: PALETTE[0] } }];
  const calendarLines = options.calendar
    .map((c) => ({ index: t.buckets.findIndex((b) => b.from <= c.day && c.day <= b.to), name: c.name }))
    .filter((c) => c.index >= 0)
    .map((c) => ({ xAxis: c.index, label: { formatter: c.name, position: 'insideEndTop', fontSize: 10, color: '#343a40', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 2] }, lineStyle: { color: '#8d99ae', type: 'dotted' } }));
  if (dataSeries[0]) (dataSeries[0] as Record<string, unknown>).markLine = { symbol: 'none', silent: true, data: calendarLines };
  // Public view: a pale labelled bar behind each bucket with a hidden bar or part (lib/hidden-bars.ts), so no stack
  // reads as a fall; it is the last bar series, which carries the gaps ECharts shares among them.
  const drawn = options.stacked && names.length > 1 ? names.map((name) => t.series.get(name) ?? []) : [t.total];
  const tallest = Math.max(0, ...t.buckets.map((_, i) => drawn.reduce((sum, c) => sum + (typeof c[i] === 'number' ? (c[i] as number) : 0), 0)));
  const hiddenName = options.labels.hiddenSeries ?? options.protectedText ?? '–';
  const hiddenBars = options.hidden ? hiddenBarSeries(hiddenKinds(drawn, t.buckets.length), hiddenText(options.hidden, options.protectedText), tallest, hiddenName) : undefined;
  const barSeries = withHiddenBars(dataSeries, hiddenBars, '15%');
  const extra: Record<string, unknown>[] = [];
  // No bucket with a year before it in the data: no "Samma period förra året" in the legend for a line never drawn.
  if (options.showLastYear && t.lastYear.some((v) => typeof v === 'number')) extra.push({ type: 'line', name: options.labels.lastYear, data: withLonePoints(t.lastYear.map((v) => (typeof v === 'number' ? v : null))), symbol: 'none', lineStyle: { type: 'dashed', color: '#6c757d', width: 2 }, itemStyle: { color: '#6c757d' } });
  if (options.showRolling) extra.push({ type: 'line', name: options.labels.rolling, data: withLonePoints(t.rolling), symbol: 'none', smooth: true, lineStyle: { color: '#a4147f', width: 2 }, itemStyle: { color: '#a4147f' } });
  if (options.showInterventions) extra.push({ type: 'scatter', name: options.labels.interventions, yAxisIndex: 1, data: t.interventions.map((v) => (typeof v === 'number' && v > 0 ? v : null)), symbol: 'triangle', symbolSize: 9, itemStyle: { color: '#2a9d8f' } });
  return {
    grid: { left: 52, right: options.showInterventions ? 56 : 16, top: 40, bottom: 56 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', formatter: tooltipText },
    brush: { ...BRUSH_TOOLS, xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 150, brushStyle: { color: 'rgba(164,20,127,0.12)', borderColor: '#a4147f' } },
    xAxis: { type: 'category', data: t.buckets.map((b) => b.label), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v, language) } },
      { type: 'value', minInterval: 1, show: options.showInterventions, splitLine: { show: false }, name: options.showInterventions ? options.labels.interventions : '', nameTextStyle: { fontSize: 10 },
        // Beside the axis, not above it, where the brush's buttons are (helper-68: "Insatser" over the zoom icons).
        nameLocation: 'middle', nameGap: 34, nameRotate: 90 },
    ],
    series: [...barSeries, ...extra],
  };
}

/**
 * A line's values with each lone one (no value on either side) as a point with a dot of its own: a line without
 * symbols draws nothing for it (helper-68: last year's value for one month, between hidden ones, was not drawn).
 */
export function withLonePoints(values: (number | null)[]): (number | null | { value: number; symbol: string; symbolSize: number })[] {
  return values.map((v, i) => (v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null ? { value: v, symbol: 'circle', symbolSize: 5 } : v));
}

/** `hour` null: the file gave no time of day (trends.query.ts weekdayHourQuery). */
export interface WeekHourRow { dow: number; hour: number | null; n: number; key: number | bigint }

/** The column of incidents without a time of day, when there are any (after the 24 hours). */
export const NO_TIME_COLUMN = 24;

/**
 * Weekday (rows, Monday first) × hour (columns 0–23): the counts and their key sums, and — only when some incident
 * has no time of day — a 25th column of those (`untimed`), so they are neither midnight incidents nor missing from
 * a table that adds up to the incident total (public view suppresses it as one table with its margins; an all-zero
 * column would have forced a hidden cell into every row).
 */
export function weekHourMatrix(rows: WeekHourRow[]): { counts: number[][]; keys: number[][]; untimed: boolean } {
  const untimed = rows.some((r) => r.hour === null && r.n > 0);
  const width = untimed ? NO_TIME_COLUMN + 1 : 24;
  const counts = Array.from({ length: 7 }, () => Array.from({ length: width }, () => 0));
  const keys = Array.from({ length: 7 }, () => Array.from({ length: width }, () => 0));
  for (const r of rows) {
    const column = r.hour === null ? (untimed ? NO_TIME_COLUMN : -1) : r.hour;
    if (r.dow >= 1 && r.dow <= 7 && column >= 0 && column < width) { counts[r.dow - 1][column] += r.n; keys[r.dow - 1][column] += Number(r.key); }
  }
  return { counts, keys, untimed };
}

/** `matrix` as published: hidden cells (null, PROTECTED) are left blank in the heat map. */
export function weekHourOption(published: PublishedCount[][], dayNames: string[], language: Language, hidden = '–', protectedText = hidden): ChartOption {
  // The heat map is of the 24 hours; incidents without a time of day are in the table's own column.
  const hours = published.map((row) => row.slice(0, 24));
  const matrix = hours.map((row) => row.map((v) => (typeof v === 'number' ? v : null)));
  const max = Math.max(1, ...matrix.flat().map((v) => v ?? 0));
  const mark = (v: PublishedCount) => (isProtected(v) ? protectedText : hidden);
  // Public view: a hidden cell is grey with its "<5" or "dold", not left blank like an hour with nothing in the data
  // (helper-68: a "dold" cell looked empty).
  const hiddenCells = hours.flatMap((row, d) => row.flatMap((v, h) => (typeof v === 'number' ? [] : [{ value: [h, d, 0], label: { formatter: mark(v) } }])));
  return {
    grid: { left: 56, right: 16, top: 8, bottom: 64 },
    tooltip: { position: 'top', formatter: (p: { value: [number, number, number | null]; seriesIndex: number }) => `${dayNames[p.value[1]]} ${String(p.value[0]).padStart(2, '0')}–${String(p.value[0] + 1).padStart(2, '0')}: ${p.seriesIndex === 1 ? mark(hours[p.value[1]][p.value[0]]) : formatCount(p.value[2], language)}` },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')), splitArea: { show: true } },
    yAxis: { type: 'category', data: dayNames, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] }, text: ['', ''], itemHeight: 120 },
    series: [
      { type: 'heatmap', data: matrix.flatMap((row, d) => row.flatMap((n, h) => (n === null ? [] : [[h, d, n]]))), emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } },
      ...(hiddenCells.length ? [{ type: 'heatmap', data: hiddenCells, itemStyle: { color: '#dee2e6' }, label: { show: true, fontSize: 9, color: '#4a5563' } }] : []),
    ],
  };
}
