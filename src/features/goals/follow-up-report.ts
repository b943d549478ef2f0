// The follow-up a municipality publishes to its citizens, per promise: the promise, what was done, the numbers
// and the verdict, in plain Swedish (English for the English UI). Templates filled from the numbers — no guessing.
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate, formatDecimal, type Language } from '../../lib/format';
import type { GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import { hiddenLabel, protectedLabel } from '../../lib/disclosure/format-count';
import { isProtected, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import { publishGoal } from '../../analysis/goals/publish-goal';

const OWNER_SV: Record<string, string> = { Polis: 'Polisen', Kommun: 'Kommunen', Gemensam: 'Polisen och kommunen' };
const OWNER_EN: Record<string, string> = { Polis: 'The police', Kommun: 'The municipality', Gemensam: 'The police and the municipality' };
const VERDICT_SV = { met: 'Löftet är uppfyllt', on_track: 'Arbetet ligger i fas', at_risk: 'Det finns en risk att löftet inte uppfylls', behind: 'Arbetet ligger efter' };
const NOT_MET_SV = 'Löftet uppfylldes inte';
const NOT_MET_EN = 'The promise was not kept';
const WITHHELD_SV = 'Bedömningen visas inte, eftersom den skulle avslöja ett dolt litet antal (publik visning)';
const WITHHELD_EN = 'The verdict is not shown, as it would give away a hidden small count (public view)';
const VERDICT_EN = { met: 'The promise is kept', on_track: 'The work is on track', at_risk: 'There is a risk the promise will not be kept', behind: 'The work is behind' };

const n = (v: number, language: Language) => (Number.isInteger(v) ? formatCount(v, language) : formatDecimal(v, 1, language));

/**
 * `rule` is required (null only for the analyst's own view): the text is published through publishGoal, the same
 * step as the panel, so counts below k read "<k" and a verdict that would give one away is withheld.
 */
export function followUpText(e: GoalEvaluation, language: Language, rule: DisclosureRule | null): string {
  const { promise, outcome } = followUpParts(e, language, rule);
  return outcome ? `${promise} ${outcome}` : promise;
}

/** The promise as quoted (its own words, numbers included) and the outcome written from the published numbers. */
export function followUpParts(e: GoalEvaluation, language: Language, rule: DisclosureRule | null): { promise: string; outcome: string } {
  const g = publishGoal(e, rule);
  const c = (v: PublishedCount, l: Language) => (typeof v === 'number' ? n(v, l) : isProtected(v) ? protectedLabel(l) : rule ? hiddenLabel(rule) : '–');
  const sv = language === 'sv';
  const date = formatDate(dateOfEpochDay(e.asOf));
  const owner = (sv ? OWNER_SV : OWNER_EN)[e.goal.owner] ?? e.goal.owner;
  const head = sv ? `${owner} lovade: ”${e.goal.promise}”` : `${owner} promised: “${e.goal.promise}”`;
  if (!g.numbers || (!g.verdict && !g.verdictWithheld)) return { promise: head, outcome: '' };
  const x = g.numbers;
  // A window that is over cannot be "behind" any more: the promise was not kept.
  const verdict = g.verdict ? (x.ended && g.verdict === 'behind' ? (sv ? NOT_MET_SV : NOT_MET_EN) : (sv ? VERDICT_SV : VERDICT_EN)[g.verdict]) : sv ? WITHHELD_SV : WITHHELD_EN;
  let done: string;
  if (e.rule === 'cadence') {
    done = sv
      ? `Till och med ${date} har ${c(x.actual, language)} av ${c(x.expected, language)} perioder haft en aktivitet.`
      : `Up to ${date}, ${c(x.actual, language)} of ${c(x.expected, language)} periods had an activity.`;
  } else if (g.areas) {
    // Only areas whose count is shown are listed as short of their target: listing a hidden one would say its
    // count is below its target, which for a small target is the count itself.
    // "At most" per area: the areas over their ceiling are the ones to name, not those below it.
    const atMost = e.rule === 'at_most';
    const short = g.areas.filter((a) => typeof a.actual === 'number' && (atMost ? a.actual > a.target : a.actual < a.target));
    const hidden = g.areas.filter((a) => typeof a.actual !== 'number');
    const list = short.map((a) => `${a.area} ${c(a.actual, language)} ${atMost ? (sv ? 'mot högst' : 'against at most') : sv ? 'av' : 'of'} ${n(a.target, language)}`).join(', ');
    const rest = short.length
      ? atMost ? (sv ? ` Över taket: ${list}.` : ` Over the ceiling: ${list}.`) : sv ? ` Kvar att nå: ${list}.` : ` Still to reach: ${list}.`
      : hidden.length === 0 ? (atMost ? (sv ? ' Inget område är över sitt tak.' : ' No area is over its ceiling.') : sv ? ' Alla områden har nått sitt mål.' : ' Every area has reached its target.') : '';
    const withheldAreas = hidden.length
      ? sv ? ` Antalet visas inte för ${hidden.map((a) => a.area).join(', ')} (publik visning).` : ` The count is not shown for ${hidden.map((a) => a.area).join(', ')} (public view).`
      : '';
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)} av ${c(x.target, language)} för hela perioden.${rest}${withheldAreas}`
      : `Up to ${date}: ${c(x.actual, language)} of ${c(x.target, language)} for the whole period.${rest}${withheldAreas}`;
  } else if (e.rule === 'increase' || e.rule === 'decrease') {
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)}, mot ${c(x.expected, language)} vid samma tid förra perioden och ${c(x.target, language)} under hela förra perioden.`
      : `Up to ${date}: ${c(x.actual, language)}, against ${c(x.expected, language)} at the same point last period and ${c(x.target, language)} in the whole previous period.`;
  } else {
    done = sv
      ? `Till och med ${date}: ${c(x.actual, language)}, målet är ${e.rule === 'at_most' ? 'högst' : 'minst'} ${c(x.target, language)} under perioden.`
      : `Up to ${date}: ${c(x.actual, language)}; the target is ${e.rule === 'at_most' ? 'at most' : 'at least'} ${c(x.target, language)} for the period.`;
  }
  return { promise: head, outcome: `${done} ${verdict}.` };
}
