// A goal's evaluation as it may be published under the current rule. Every view of a goal — the Mål panel, the
// follow-up text and its download, the lägesbild's goals table, its CSV and the goals slide — draws this one
// object, so what is hidden on screen is hidden everywhere.
//
// Hiding a count is not enough: a verdict, a projection or a "short of target" list computed from a hidden count
// narrows it down (target 4, 87 % of the year gone, verdict "risk" → only 3 fits). So where a count a verdict
// depends on is hidden, the verdict is withheld too, and the projection (computed from the actual) with it. Where
// the counts are shown, they carry public view's noise (cell-key.ts), and the projection and the verdict are
// computed again from the shown numbers: one made from the exact count would tell on which side of the target it lies.
import { publishCount, publishList, type PublishedCount } from '../../lib/disclosure/publish';
import type { DisclosureRule } from '../../lib/disclosure/suppression';
import type { GoalEvaluation } from './evaluate-goals';
import { projection, verdictFor, worst, type Verdict } from './goal-verdict';

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
  const keys = e.keys ?? { actual: 0, target: 0, expected: 0 };
  let actual: PublishedCount;
  let areas: ShownArea[] | null = null;
  if (e.areas) {
    // Each kind's areas add up to that kind's total, shown beside them: one list per kind. The goal's actual is the
    // first kind's total, as evaluate-goals.ts sums it (a row counts in its kommun and its län alike: one list over
    // every kind counted it twice — a tester's 546 showed as 1 630).
    const primary = Object.keys(e.goal.per_area ?? {})[0] ?? e.areas[0]?.kind;
    const shownOf = new Map<(typeof e.areas)[number], PublishedCount>();
    actual = publishCount(0, 0, rule);
    for (const kind of new Set(e.areas.map((a) => a.kind))) {
      const list = e.areas.filter((a) => a.kind === kind);
      const published = publishList(list.map((a) => a.actual), list.map((a) => a.key), rule, true);
      list.forEach((a, i) => shownOf.set(a, published.values[i]));
      if (kind === primary) actual = published.total;
    }
    // "At most N per area" is judged as at most here too (it was judged as at least in public view only).
    const direction = e.rule === 'at_most' ? 'at_most' : 'at_least';
    areas = e.areas.map((a) => {
      const shown = shownOf.get(a)!;
      // Judged on the count as shown (perturbed): a verdict on the exact count would narrow the noise down.
      const verdict = typeof shown === 'number' ? verdictFor(direction, areaNumbers(shown, a.target, e.share, n.ended)) : null;
      return { area: a.area, kind: a.kind, target: a.target, actual: shown, verdict };
    });
  } else {
    actual = publishCount(n.actual, keys.actual, rule);
  }
  const comparative = e.rule === 'increase' || e.rule === 'decrease';
  // Compared with the previous period, both of its counts are data; otherwise expected and target are set by the
  // goal (a target, or a share of it, or the calendar's count of windows).
  const expected = comparative ? publishCount(n.expected, keys.expected, rule) : n.expected;
  const target = comparative ? publishCount(n.target, keys.target, rule) : n.target;
  const anyHidden = typeof actual !== 'number' || expected === null || target === null || (areas?.some((a) => typeof a.actual !== 'number') ?? false);
  const withheld = anyHidden && e.verdict !== undefined;
  // Everything derived — projection and verdict — from the numbers as shown, so it says no more than they do.
  // Compared with a previous period whose counts are hidden, no projection: its pace is what is hidden.
  const previousShown = typeof expected === 'number' && typeof target === 'number' ? { whole: target, toDate: expected } : null;
  const projected = typeof actual === 'number' && (!comparative || previousShown) ? projectedFrom(actual, n, e, previousShown ?? undefined) : null;
  let verdict: Verdict | null = null;
  if (!withheld && e.verdict !== undefined && typeof actual === 'number' && expected !== null && target !== null) {
    const shown = { actual, expected, target, projected: projected ?? actual, ended: n.ended };
    verdict = areas ? worst(areas.map((a) => a.verdict!)) : verdictFor(e.rule === 'cadence' ? 'cadence' : e.goal.direction, shown);
  }
  return {
    e,
    numbers: { actual, expected, projected, target, ended: n.ended },
    verdict,
    verdictWithheld: withheld,
    areas,
    detailsShown: false,
  };
}

/** An area's numbers for its verdict, as evaluate-goals.ts makes them (target per area, even pace). */
function areaNumbers(actual: number, target: number, share: number, ended: boolean) {
  return { actual, target, expected: target * share, projected: share > 0 ? actual / share : actual, ended };
}

/**
 * The projection of a shown actual, by the goal's own rule (evaluate-goals.ts): the cadence's windows, the previous
 * period's pace from its shown counts, or even pace.
 */
function projectedFrom(actual: number, n: NonNullable<GoalEvaluation['numbers']>, e: GoalEvaluation, previous?: { whole: number; toDate: number }): number {
  if (e.rule === 'cadence') return actual + (n.projected - n.actual);
  return projection(actual, e.share, previous);
}
