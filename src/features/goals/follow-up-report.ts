// The follow-up a municipality publishes to its citizens, per promise: the promise, what was done, the numbers
// and the verdict, in plain Swedish (English for the English UI). Templates filled from the numbers — no guessing.
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate, formatDecimal, type Language } from '../../lib/format';
import type { GoalEvaluation } from './evaluate-goals';
import { hiddenLabel } from '../../lib/disclosure/format-count';
import type { DisclosureRule } from '../../lib/disclosure/suppression';

const OWNER_SV: Record<string, string> = { Polis: 'Polisen', Kommun: 'Kommunen', Gemensam: 'Polisen och kommunen' };
const OWNER_EN: Record<string, string> = { Polis: 'The police', Kommun: 'The municipality', Gemensam: 'The police and the municipality' };
const VERDICT_SV = { met: 'Löftet är uppfyllt', on_track: 'Arbetet ligger i fas', at_risk: 'Det finns en risk att löftet inte uppfylls', behind: 'Arbetet ligger efter' };
const VERDICT_EN = { met: 'The promise is kept', on_track: 'The work is on track', at_risk: 'There is a risk the promise will not be kept', behind: 'The work is behind' };

const n = (v: number, language: Language) => (Number.isInteger(v) ? formatCount(v, language) : formatDecimal(v, 1, language));

/** In public view, counts from the data below k are written "<k" (targets and calendar counts are not data). */
export function followUpText(e: GoalEvaluation, language: Language = 'sv', rule: DisclosureRule | null = null): string {
  const { promise, outcome } = followUpParts(e, language, rule);
  return outcome ? `${promise} ${outcome}` : promise;
}

/** The promise as quoted (its own words, numbers included) and the outcome written from the data. */
export function followUpParts(e: GoalEvaluation, language: Language = 'sv', rule: DisclosureRule | null = null): { promise: string; outcome: string } {
  const c = (v: number, l: Language) => (rule && v < rule.k ? hiddenLabel(rule) : n(v, l));
  const sv = language === 'sv';
  const date = formatDate(dateOfEpochDay(e.asOf));
  const owner = (sv ? OWNER_SV : OWNER_EN)[e.goal.owner] ?? e.goal.owner;
  const head = sv ? `${owner} lovade: ”${e.goal.promise}”` : `${owner} promised: “${e.goal.promise}”`;
  if (!e.numbers || !e.verdict) return { promise: head, outcome: '' };
  const x = e.numbers;
  const verdict = (sv ? VERDICT_SV : VERDICT_EN)[e.verdict];
  let done: string;
  if (e.rule === 'cadence') {
    done = sv
      ? `Till och med ${date} har ${c(x.actual, language)} av ${n(x.expected, language)} perioder haft en aktivitet.`
      : `Up to ${date}, ${c(x.actual, language)} of ${n(x.expected, language)} periods had an activity.`;
  } else if (e.areas) {
    const short = e.areas.filter((a) => a.actual < a.target);
    const list = short.map((a) => `${a.area} ${c(a.actual, language)} ${sv ? 'av' : 'of'} ${n(a.target, language)}`).join(', ');
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)} av ${n(x.target, language)} för hela perioden.${short.length ? ` Kvar att nå: ${list}.` : ' Alla områden har nått sitt mål.'}`
      : `Up to ${date}: ${c(x.actual, language)} of ${n(x.target, language)} for the whole period.${short.length ? ` Still to reach: ${list}.` : ' Every area has reached its target.'}`;
  } else if (e.rule === 'increase' || e.rule === 'decrease') {
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)}, mot ${c(x.expected, language)} vid samma tid förra perioden och ${c(x.target, language)} under hela förra perioden.`
      : `Up to ${date}: ${c(x.actual, language)}, against ${c(x.expected, language)} at the same point last period and ${c(x.target, language)} in the whole previous period.`;
  } else {
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)}, målet är ${e.rule === 'at_most' ? 'högst' : 'minst'} ${n(x.target, language)} under perioden.`
      : `Up to ${date}: ${c(x.actual, language)}; the target is ${e.rule === 'at_most' ? 'at most' : 'at least'} ${n(x.target, language)} for the period.`;
  }
  return { promise: head, outcome: `${done} ${verdict}.` };
}
