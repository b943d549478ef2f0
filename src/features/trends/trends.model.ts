// Pure: per-day counts → the trend chart's series (buckets, split series, last year's line, rolling average,
// intervention counts, calendar markers) and the comparison figures with their significance.
import { hiddenBarSeries, hiddenKinds, hiddenText, withHiddenBars } from '../../lib/hidden-bars';
import { shownSpellings } from '../../lib/spelling-key';
import { BRUSH_TOOLS } from '../../components/chart-brush';
import type { ChartOption } from '../../components/echart';
import { compareCounts, type CountChange } from '../../lib/statistics/count-change';
import { formatCount, type Language } from '../../lib/format';
import { coveredDays, mondayOf, type DayRange } from '../../lib/day-range';
import { bucketOf, bucketsBetween, previousMonths, previousPeriod, sameTimeLastYear, type Bucket, type Unit } from '../../analysis/periods/period-buckets';
import { isProtected, type PublishedCount } from '../../lib/disclosure/publish';
import type { WeekCount } from '../../lib/disclosure/weekly-counts';
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
  /**
   * Public view, a period filter of whole weeks: its count as Översikt's Händelser publishes it (the weekly system's
   * `within`), so the comparison beside the chart says the same number, or hides it alike (helper-69: Trender "dold"
   * beside Översikt's 22).
   */
  period?: { range: DayRange; count: PublishedCount };
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
  const previous = exact ? bucketOf(current.from - 1, shape) : shape === 'month' ? previousMonths(current) : previousPeriod(current);
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
