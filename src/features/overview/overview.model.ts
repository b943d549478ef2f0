// Pure: query rows → what the Översikt page renders (series with no gaps, chart options, brush ranges).
import { hiddenBarSeries, hiddenKinds, hiddenText, withHiddenBars } from '../../lib/hidden-bars';
import { silentBeyondChance } from '../../lib/statistics/silent-stretch';
import { BRUSH_TOOLS } from '../../components/chart-brush';
import type { ChartOption } from '../../components/echart';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { coveredDays, mondayOf, type DayRange } from '../../lib/day-range';
import { formatCount, formatIsoWeek, type Language } from '../../lib/format';
import { isoWeekOf } from '../../lib/iso-week';
import { htmlText } from '../../lib/html-text';
import { PARTIAL_BAR_STYLE } from '../../lib/partial-bar';
import { isProtected, markPublished, publishCount, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import { perturbCount } from '../../lib/disclosure/cell-key';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { suppressWeeks, weeklySystem } from '../../lib/disclosure/weekly-counts';

export interface WeekRow {
  week_day: number;
  incidents: number;
  /** Σ record keys of the week's incidents (public view's noise, lib/disclosure/cell-key.ts). */
  key: number | bigint;
}
export interface WeekPoint {
  weekDay: number;
  label: string;
  incidents: number;
  key: number;
  /**
   * Days of the week the data covers (1–7): fewer for the week the data begins or ends inside, whose bar counts fewer
   * days than its neighbours (a tester read 12 incidents in 3 days beside a whole week's 12 as the same level).
   */
  covered: number;
}
export interface CategoryRow {
  category: string;
  incidents: number;
  /** Σ record keys of the category's incidents (and of its parts below). */
  key: number | bigint;
  without_position?: number | null;
  area_only?: number | null;
  without_position_key?: number | bigint | null;
  area_only_key?: number | bigint | null;
  /** Set on the "Övrigt" bar: how many categories it sums (it is no category, and no filter). */
  otherOf?: number;
}

/** The key figures from the per-category rows: all of them, or the selected category's (the list ignores that filter). */
export function totalsFromCategories(rows: CategoryRow[], selected: string | undefined): { incidents: number; without_position: number; area_only: number; keys: { incidents: number; without_position: number; area_only: number } } {
  const chosen = selected === undefined ? rows : rows.filter((r) => r.category === selected);
  // DuckDB's sum() is a HUGEINT, which can arrive as a bigint: Number() it.
  const sumOf = (f: (r: CategoryRow) => number | bigint | null | undefined) => chosen.reduce((s, r) => s + Number(f(r) ?? 0), 0);
  return {
    incidents: sumOf((r) => r.incidents), without_position: sumOf((r) => r.without_position), area_only: sumOf((r) => r.area_only),
    keys: { incidents: sumOf((r) => r.key), without_position: sumOf((r) => r.without_position_key), area_only: sumOf((r) => r.area_only_key) },
  };
}

/** Counts as published: null where public view hides them (see lib/disclosure). */
export type Published<T> = Omit<T, 'incidents'> & { incidents: PublishedCount };

/** The weekly series and the category list each add up to the incident total shown beside them. */
export function publishCounts<T extends { incidents: number; key: number | bigint }>(rows: T[], rule: DisclosureRule | null): Published<T>[] {
  const published = publishList(rows.map((r) => r.incidents), rows.map((r) => Number(r.key)), rule, true).values;
  return rows.map((r, i) => ({ ...r, incidents: published[i] }));
}

/**
 * The weekly series and the Händelser key figure as one audit: the weeks add up to their own total, and the weeks
 * inside the period filter add up to the key figure (a two-week period shows its total beside two bars: with one
 * bar hidden alone, it would be the key figure minus the other). Weeks outside the period stay in the first
 * equation only. `periodTotal` is the key figure as published: the series' own total without a period; undefined
 * when the period is not whole weeks of the series (a day, "2024-12-31..2024-12-31" in a link) — the key figure is then
 * not the sum of the weeks it touches and is published on its own (its week's "dold" was printed for a day of 0,
 * helper-64). The system is lib/disclosure/weekly-counts.ts, which Trender's publication holds too (same weeks hidden).
 */
export function publishWeeks<T extends { weekDay: number; incidents: number; key: number }>(series: T[], period: DayRange | undefined, rule: DisclosureRule | null, extent?: DayRange): { weeks: Published<T>[]; periodTotal: PublishedCount | undefined } {
  const system = weeklySystem(series, period, extent);
  if (!rule) return { weeks: series, periodTotal: system.withinPublished ? system.values[system.within] : undefined };
  const why = suppressWeeks(series, period, extent, rule);
  const mark = (i: number): PublishedCount => markPublished(system.values[i], system.keys[i], why[i], rule);
  return { weeks: series.map((p, i) => ({ ...p, incidents: mark(i) })), periodTotal: system.withinPublished ? mark(system.within) : undefined };
}

/**
 * The latest full week and the week before as the weekly table shows them (`series` from publishWeeks): the
 * coverage line's two counts. A week before the series' first Monday holds no data: 0, published as any count is.
 */
export function weekPairAsShown(series: Published<WeekPoint>[], weeks: { current: { from: number }; previous: { from: number } }, rule: DisclosureRule | null): { current: PublishedCount; previous: PublishedCount } {
  const shown = (monday: number): PublishedCount => series.find((p) => p.weekDay === monday)?.incidents ?? publishCount(0, 0, rule);
  return { current: shown(weeks.current.from), previous: shown(weeks.previous.from) };
}

/**
 * The label of the last week before `before` (a Monday) with any incidents in `series`, when the empty stretch from
 * it to `lastDay` (the data's last day) is longer than the selection's own rate allows by chance (silentBeyondChance,
 * lib/statistics/silent-stretch.ts); else null. 7 robberies in 150 weeks leave 12 empty weeks by chance more often
 * than not (a tester read "has the source stopped?" there).
 */
export function selectionEndedWeek(series: Published<WeekPoint>[], before: number, lastDay: number): string | null {
  const counted = series.filter((p): p is Published<WeekPoint> & { incidents: number } => typeof p.incidents === 'number' && p.incidents > 0);
  const last = [...counted].reverse().find((p) => p.weekDay < before);
  if (!last) return null;
  const rows = counted.filter((p) => p.weekDay <= last.weekDay).reduce((n, p) => n + p.incidents, 0);
  const lastWeekEnd = Math.min(last.weekDay + 6, lastDay);
  return silentBeyondChance(rows, counted[0].weekDay, lastWeekEnd, Math.max(0, lastDay - lastWeekEnd)) ? last.label : null;
}

function countText(v: unknown, language: Language, hidden: string, protectedText: string | undefined): string {
  return typeof v === 'number' ? formatCount(v, language) : protectedText ?? hidden;
}

/** A published count as a chart value: hidden ones (either kind) are no bar. */
const barValue = (v: PublishedCount) => (typeof v === 'number' ? v : null);
/** A category bar's value: a hidden one is a bar of 0, so that its label ("<5", "dold") is drawn — ECharts draws none for null (helper-65: a hidden Rån read as 0). */
const labelledBarValue = (v: PublishedCount) => (typeof v === 'number' ? v : 0);


/** Every week of the data's extent, zero where a filter left no incidents, so the x axis never jumps. */
export function weeklySeries(rows: WeekRow[], extent: DayRange, language: Language): WeekPoint[] {
  const byWeek = new Map(rows.map((r) => [r.week_day, r]));
  const points: WeekPoint[] = [];
  for (let day = mondayOf(extent.from); day <= extent.to; day += 7) {
    const row = byWeek.get(day);
    points.push({ weekDay: day, label: formatIsoWeek(isoWeekOf(dateOfEpochDay(day)), language), incidents: row?.incidents ?? 0, key: Number(row?.key ?? 0), covered: coveredDays({ from: day, to: day + 6 }, extent) });
  }
  return points;
}

/** Bar indices of a brush → the days it covers, whole weeks, clipped to the data. */
export function brushToDayRange([first, last]: [number, number], series: Pick<WeekPoint, 'weekDay'>[], extent: DayRange): DayRange | null {
  if (series.length === 0) return null;
  const a = Math.max(0, Math.min(first, last));
  const b = Math.min(series.length - 1, Math.max(first, last));
  return { from: Math.max(extent.from, series[a].weekDay), to: Math.min(extent.to, series[b].weekDay + 6) };
}

export function dayRangeToBrush(range: DayRange, series: Pick<WeekPoint, 'weekDay'>[]): [number, number] | null {
  const first = series.findIndex((p) => p.weekDay + 6 >= range.from);
  let last = -1;
  series.forEach((p, i) => { if (p.weekDay <= range.to) last = i; });
  return first >= 0 && last >= first ? [first, last] : null;
}

const INK = '#1d3557';
const ACCENT = '#b5179e';
const MUTED = '#a8b3c4';
const OTHER = '#5c6b80';

/** A week the data covers only in part (WeekPoint.covered). */
export function isPartialWeek(p: Pick<WeekPoint, 'covered'>): boolean {
  return p.covered < 7;
}

/**
 * The weekly bar chart. `partial(covered)`: the tooltip's line under a week the data covers only in part, e.g.
 * "data för 3 av 7 dagar" (its bar is drawn pale and hatched).
 */
export function weeklyChartOption(series: Published<WeekPoint>[], language: Language, hidden = '–', protectedText?: string, partial?: (covered: number) => string): ChartOption {
  const tooltipText = (params: unknown) => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number; marker?: string; axisValueLabel?: string } | undefined;
    const i = first?.dataIndex ?? -1;
    const p = series[i];
    if (!p) return '';
    const value = countText(typeof p.incidents === 'number' ? p.incidents : null, language, hidden, isProtected(p.incidents) ? protectedText : undefined);
    return [htmlText(p.label), ...(isPartialWeek(p) && partial ? [htmlText(partial(p.covered))] : []), `${first?.marker ?? ''}${htmlText(value)}`].join('<br/>');
  };
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    tooltip: { trigger: 'axis', formatter: tooltipText },
    brush: { ...BRUSH_TOOLS, xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 150, brushStyle: { color: 'rgba(181,23,158,0.12)', borderColor: ACCENT } },
    xAxis: { type: 'category', data: series.map((p) => p.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v, language) } },
    series: withHiddenBars(
      [{ type: 'bar', data: series.map((p) => (isPartialWeek(p) ? { value: barValue(p.incidents), itemStyle: PARTIAL_BAR_STYLE } : barValue(p.incidents))), itemStyle: { color: INK } }],
      // Public view: a hidden week is a pale labelled bar, not a gap that reads as 0 (helper-66; lib/hidden-bars.ts).
      hiddenBarSeries(hiddenKinds([series.map((p) => p.incidents)], series.length), hiddenText(hidden, protectedText), Math.max(0, ...series.map((p) => (typeof p.incidents === 'number' ? p.incidents : 0))), protectedText ?? hidden),
      '10%',
    ),
  };
}

/**
 * `sorted` in display order (sortCategories): a click reports an index into it. `seriesName`: the tooltip's heading in
 * the reader's language (it read "incidents" in the Swedish UI, helper-62).
 */
export function categoryChartOption(sorted: Published<CategoryRow>[], selected: string | undefined, language: Language, hidden = '–', protectedText?: string, seriesName = ''): ChartOption {
  const shownText = (i: number) => countText(sorted[i]?.incidents, language, hidden, isProtected(sorted[i]?.incidents) ? protectedText : undefined);
  return {
    grid: { left: 140, right: 48, top: 8, bottom: 24 },
    tooltip: { trigger: 'item', valueFormatter: (v: unknown, i?: number) => (i !== undefined ? shownText(i) : countText(v, language, hidden, undefined)) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v, language) } },
    // Long names (the public view's "Kategorier med färre än 5 händelser") wrap within the grid's left margin.
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.category), axisLabel: { width: 132, overflow: 'break', lineHeight: 13 } },
    // A hidden count's bar is 0 with its "<5" or "dold" beside it, over a pale bar as long as the longest shown one: a
    // bare 0-length bar read as 0 (helper-68: Rån, 737, "dold").
    series: withHiddenBars([{
      type: 'bar',
      name: seriesName,
      z: 2,
      data: sorted.map((r) => ({ value: labelledBarValue(r.incidents), itemStyle: { color: r.otherOf !== undefined ? OTHER : selected === undefined || selected === r.category ? INK : MUTED } })),
      // By the published count, not the bar's value: a hidden one's bar is 0 and reads "<5" or "dold".
      label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => shownText(p.dataIndex) },
    }], hiddenBarSeries(hiddenKinds([sorted.map((r) => r.incidents)], sorted.length), hiddenText(''), Math.max(0, ...sorted.map((r) => (typeof r.incidents === 'number' ? r.incidents : 0))), ''), '20%'),
  };
}

/**
 * Most first, ties by name. Public view: by the count as shown (its noise), the small ones (hidden) last by name —
 * the exact order would tell which of two "<5" is larger, and which way the noise moved two neighbours.
 */
export function sortCategories(rows: CategoryRow[], rule: DisclosureRule | null = null): CategoryRow[] {
  const value = (r: CategoryRow) => (!rule ? r.incidents : r.incidents < rule.k ? -1 : perturbCount(r.incidents, Number(r.key), rule.k));
  return [...rows].sort((a, b) => value(b) - value(a) || a.category.localeCompare(b.category, 'sv'));
}
