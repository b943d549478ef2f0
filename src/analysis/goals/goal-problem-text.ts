// A goal's problem as the sentence on its Mål card (goals.problem_* strings). A problem is a reason there is no
// verdict; the one with a choice of wording is the rows' boundary (goal-coverage.ts): which end lies inside, and in
// public view no dates — the first or last day of a category is the day of one incident.
import type { TFunction } from 'i18next';
import type { GoalProblem } from './evaluate-goals';

/** The sentence for `problem` (`publicView`: a disclosure rule is on). */
export function goalProblemText(problem: GoalProblem, t: TFunction, publicView: boolean): string {
  if (problem.key === 'rows-boundary') {
    if (publicView) return t('goals.problem_rows_boundary_public');
    const which = problem.begins !== null && problem.ends !== null ? 'between' : problem.begins !== null ? 'begins' : 'ends';
    return t(`goals.problem_rows_${which}`, problem as unknown as Record<string, string>);
  }
  // A period filter wholly outside the goal's days covers none of them, not "part" of them (a tester).
  if (problem.key === 'period-cut' && (problem.to < problem.readFrom || problem.from > problem.readTo)) return t('goals.problem_period_outside', problem);
  return t(`goals.problem_${problem.key.replace(/-/g, '_')}`, problem as unknown as Record<string, string>);
}
