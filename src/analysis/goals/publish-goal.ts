// A goal's evaluation as it may be published under the current rule. Every view of a goal — the Mål panel, the
// follow-up text and its download, the lägesbild's goals table, its CSV and the goals slide — draws this one
// object, so what is hidden on screen is hidden everywhere.
//
// Hiding a count is not enough: a verdict, a projection or a "short of target" list computed from a hidden count
// narrows it down (target 4, 87 % of the year gone, verdict "risk" → only 3 fits). So where a count a verdict
// depends on is hidden, the verdict is withheld too, and the projection (computed from the actual) with it.
import { publishCount, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import type { GoalEvaluation } from './evaluate-goals';
import type { Verdict } from './goal-verdict';

/** null: hidden in public view (below k); PROTECTED: hidden to protect a small count (an area's). */
export interface ShownGoalNumbers {
  actual: PublishedCount;
  expected: number | null;
  projected: number | null;
  target: number | null;
  ended: boolean;
}

export interface ShownArea {
  area: string;
  kind: string;
  actual: PublishedCount;
  target: number;
  verdict: Verdict | null;
}

export interface PublishedGoal {
  /** The goal, its window, rule and problem. Its counts are raw: read the shown ones below instead. */
  e: GoalEvaluation;
  numbers: ShownGoalNumbers | null;
  verdict: Verdict | null;
  /** There is a verdict, but it would give a hidden count away. */
  verdictWithheld: boolean;
  areas: ShownArea[] | null;
  /** The cumulative line and the rows behind it: each step is a count, so only in the analyst's own view. */
  detailsShown: boolean;
}

export function publishGoal(e: GoalEvaluation, rule: DisclosureRule | null): PublishedGoal {
  const n = e.numbers;
  if (!n) return { e, numbers: null, verdict: e.verdict ?? null, verdictWithheld: false, areas: null, detailsShown: !rule };
  if (!rule) {
    return { e, numbers: { ...n }, verdict: e.verdict ?? null, verdictWithheld: false, areas: e.areas ? e.areas.map((a) => ({ ...a })) : null, detailsShown: true };
  }
  let actual: PublishedCount;
  let areas: ShownArea[] | null = null;
  if (e.areas) {
    // The areas add up to the goal's actual and are shown beside it: one list with its total.
    const published = publishList(e.areas.map((a) => a.actual), rule, true);
    actual = published.total;
    areas = e.areas.map((a, i) => {
      const shown = published.values[i];
      return { area: a.area, kind: a.kind, target: a.target, actual: shown, verdict: typeof shown === 'number' ? a.verdict : null };
    });
  } else {
    actual = publishCount(n.actual, rule);
  }
  const comparative = e.rule === 'increase' || e.rule === 'decrease';
  // Compared with the previous period, both of its counts are data; otherwise expected and target are set by the
  // goal (a target, or a share of it, or the calendar's count of windows).
  const expected = comparative ? publishCount(n.expected, rule) : n.expected;
  const target = comparative ? publishCount(n.target, rule) : n.target;
  const projected = typeof actual === 'number' ? n.projected : null;
  const anyHidden = typeof actual !== 'number' || expected === null || target === null || (areas?.some((a) => typeof a.actual !== 'number') ?? false);
  const withheld = anyHidden && e.verdict !== undefined;
  return {
    e,
    numbers: { actual, expected, projected, target, ended: n.ended },
    verdict: withheld ? null : e.verdict ?? null,
    verdictWithheld: withheld,
    areas,
    detailsShown: false,
  };
}
