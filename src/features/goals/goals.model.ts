// Pure: an evaluation → the lines a panel shows (labels are i18n keys, values formatted for the language).
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate, formatDecimal, formatPercent, type Language } from '../../lib/format';
import type { GoalEvaluation } from './evaluate-goals';
import type { Verdict } from './goal-verdict';
import { parseMeasure } from './goals.query';

export const VERDICT_SYMBOL: Record<Verdict, string> = { met: '✓', on_track: '→', at_risk: '!', behind: '✗' };

export interface NumberLine {
  labelKey: string;
  value: string;
}

function number(v: number, language: Language): string {
  return Number.isInteger(v) ? formatCount(v, language) : formatDecimal(v, 1, language);
}

export function numberLines(e: GoalEvaluation, language: Language): NumberLine[] {
  const n = e.numbers;
  if (!n) return [];
  if (e.rule === 'cadence') {
    return [
      { labelKey: 'goals.windows', value: number(n.actual, language) },
      { labelKey: 'goals.windowsPassed', value: number(n.expected, language) },
      { labelKey: 'goals.windowsTotal', value: number(n.target, language) },
    ];
  }
  const comparative = e.rule === 'increase' || e.rule === 'decrease';
  return [
    { labelKey: 'goals.actual', value: number(n.actual, language) },
    { labelKey: comparative ? 'goals.previousToDate' : 'goals.expected', value: number(n.expected, language) },
    { labelKey: 'goals.projected', value: number(n.projected, language) },
    { labelKey: comparative ? 'goals.previousFull' : 'goals.target', value: number(n.target, language) },
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
