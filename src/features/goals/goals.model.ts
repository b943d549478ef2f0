// Pure: an evaluation → the lines a panel shows (labels are i18n keys, values formatted for the language).
import type { ChartOption } from '../../components/echart';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate, formatDecimal, formatPercent, type Language } from '../../lib/format';
import type { GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import { parseMeasure } from '../../analysis/goals/goals.query';
import { formatShownCount } from '../../lib/disclosure/format-count';
import type { PublishedCount } from '../../lib/disclosure/publish';
import type { PublishedGoal } from '../../analysis/goals/publish-goal';
import type { DisclosureRule } from '../../lib/disclosure/suppression';


export interface NumberLine {
  labelKey: string;
  value: string;
  /** A target or a share of it: set by the goal, not counted from the data. */
  notCount?: boolean;
}

function number(v: number, language: Language): string {
  return Number.isInteger(v) ? formatCount(v, language) : formatDecimal(v, 1, language);
}

/**
 * The numbers of a published goal: a hidden one (null) is written "<k"; the projection is hidden with the actual
 * it is computed from (publish-goal.ts decides what is hidden).
 */
export function numberLines(g: PublishedGoal, language: Language, rule: DisclosureRule | null = null): NumberLine[] {
  const n = g.numbers;
  if (!n) return [];
  const shown = (v: PublishedCount) => (typeof v === 'number' ? number(v, language) : formatShownCount(v, rule, language));
  if (g.e.rule === 'cadence') {
    return [
      { labelKey: 'goals.windows', value: shown(n.actual) },
      // Periods passed and in all: the calendar's, not the data's.
      { labelKey: 'goals.windowsPassed', value: shown(n.expected), notCount: true },
      { labelKey: 'goals.windowsTotal', value: shown(n.target), notCount: true },
    ];
  }
  const comparative = g.e.rule === 'increase' || g.e.rule === 'decrease';
  return [
    { labelKey: 'goals.actual', value: shown(n.actual) },
    { labelKey: comparative ? 'goals.previousToDate' : 'goals.expected', value: shown(n.expected), notCount: !comparative },
    // No projection where a count it is made from is hidden: "–", not "<5" (a projection of "<5" may well be 8).
    { labelKey: 'goals.projected', value: n.projected === null ? '–' : shown(n.projected), notCount: n.projected === null },
    { labelKey: comparative ? 'goals.previousFull' : 'goals.target', value: shown(n.target), notCount: !comparative },
  ];
}

export function windowText(e: GoalEvaluation, language: Language): string {
  return `${formatDate(dateOfEpochDay(e.window.from))} – ${formatDate(dateOfEpochDay(e.window.to))} · ${formatPercent(e.share, language).replace('+', '')}`;
}

export function ruleKey(e: GoalEvaluation): { key: string; days?: number } {
  if (e.areas) return { key: 'goals.rule_per_area' };
  const measure = parseMeasure(e.goal.measure);
  return { key: `goals.rule_${e.rule}`, days: measure?.kind === 'cadence' ? measure.days : undefined };
}

export interface CumulativePoint {
  day: number;
  label: string;
  actual: number | null;
  expected: number;
}

/**
 * The cumulative actual against the expected line, one point per ISO week (Sundays) and the as-of day. Expected is
 * the target spread evenly over the window, or — for increase/decrease — the previous period's own pace.
 */
export function cumulativeSeries(e: GoalEvaluation): CumulativePoint[] {
  if (!e.numbers || !e.daily) return [];
  const { from, to } = e.window;
  const length = to - from + 1;
  const byDay = new Map(e.daily.map((d) => [d.day, d.value]));
  const previousByOffset = new Map((e.previousDaily ?? []).map((d) => [d.day - e.previous.from, d.value]));
  const points: CumulativePoint[] = [];
  let actual = 0;
  let previous = 0;
  for (let day = from; day <= to; day++) {
    actual += byDay.get(day) ?? 0;
    previous += previousByOffset.get(day - from) ?? 0;
    const sunday = (((day + 3) % 7) + 7) % 7 === 6;
    if (!sunday && day !== e.asOf && day !== to) continue;
    const expected = e.previousDaily ? previous : (e.numbers.target * (day - from + 1)) / length;
    points.push({ day, label: formatDate(dateOfEpochDay(day)), actual: day <= e.asOf ? actual : null, expected: Math.round(expected * 10) / 10 });
  }
  return points;
}

export function cumulativeChartOption(points: CumulativePoint[], labels: { actual: string; expected: string }, language: Language): ChartOption {
  return {
    grid: { left: 44, right: 16, top: 28, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '–' : formatDecimal(Number(v), 1, language)) },
    legend: { top: 0, data: [labels.actual, labels.expected] },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.actual, type: 'line', step: 'end', showSymbol: false, data: points.map((p) => p.actual), lineStyle: { width: 3, color: '#1d3557' }, itemStyle: { color: '#1d3557' } },
      { name: labels.expected, type: 'line', showSymbol: false, data: points.map((p) => p.expected), lineStyle: { type: 'dashed', color: '#7a4f00' }, itemStyle: { color: '#7a4f00' } },
    ],
  };
}
