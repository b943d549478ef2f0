// The verdict on a goal, from its numbers, by rules stated to the reader. Pure.
import type { GoalDirection } from '../../data/tables';

export type Verdict = 'met' | 'on_track' | 'at_risk' | 'behind';
/** A verdict's symbol beside its words (never colour alone). */
export const VERDICT_SYMBOL: Record<Verdict, string> = { met: '✓', on_track: '→', at_risk: '!', behind: '✗' };
export type RuleKey =
  | 'at_least' | 'at_most' | 'increase' | 'decrease' | 'cadence';

export interface GoalNumbers {
  /** What has happened in the window up to the as-of day. */
  actual: number;
  /** What should have happened by now if the goal is to be met evenly. */
  expected: number;
  /** Where the window will end at the current pace. */
  projected: number;
  /** What the window must reach (at least / at most), or beat (increase / decrease). */
  target: number;
  /** The window is over. */
  ended: boolean;
}

/**
 * Where a window ends at the current pace (`share`: the part of it passed, 0–1). Compared with the previous period
 * (`previous`: its whole value and its value to the same day), at that period's pace — actual × whole ÷ to-date, the
 * year-to-date comparison, which keeps the season: a straight line read "i fas" on a decrease goal 6 % above the same
 * date last year. Without a previous period, or none of it by that day, a straight line: actual ÷ share.
 */
export function projection(actual: number, share: number, previous?: { whole: number; toDate: number }): number {
  if (previous && previous.toDate > 0) return (actual * previous.whole) / previous.toDate;
  return share > 0 ? actual / share : actual;
}

/** Risk bands: within 20 % of the target at the current pace is "risk", beyond it is "behind". */
const RISK_BAND = 0.2;

export function verdictFor(direction: GoalDirection | 'cadence', n: GoalNumbers): Verdict {
  switch (direction) {
    case 'at_least':
      if (n.actual >= n.target) return 'met';
      if (n.ended) return 'behind';
      return n.projected >= n.target ? 'on_track' : n.projected >= (1 - RISK_BAND) * n.target ? 'at_risk' : 'behind';
    case 'at_most':
      if (n.actual > n.target) return 'behind';
      if (n.ended) return 'met';
      return n.projected <= n.target ? 'on_track' : n.projected <= (1 + RISK_BAND) * n.target ? 'at_risk' : 'behind';
    case 'increase':
      // "More than the previous period": the target is the previous period's value, to be beaten.
      if (n.actual > n.target) return 'met';
      if (n.ended) return 'behind';
      return n.projected > n.target ? 'on_track' : n.projected >= (1 - RISK_BAND) * n.target ? 'at_risk' : 'behind';
    case 'decrease':
      if (n.ended) return n.actual < n.target ? 'met' : 'behind';
      if (n.actual >= n.target) return 'behind';
      return n.projected < n.target ? 'on_track' : n.projected <= (1 + RISK_BAND) * n.target ? 'at_risk' : 'behind';
    case 'cadence': {
      // Every window so far must hold a row: one missed window is a risk, more is behind.
      const missed = n.expected - n.actual;
      if (n.ended) return missed <= 0 ? 'met' : 'behind';
      return missed <= 0 ? 'on_track' : missed === 1 ? 'at_risk' : 'behind';
    }
  }
}

/** The worst of several verdicts (per-area goals are as good as their weakest area). */
export function worst(verdicts: Verdict[]): Verdict {
  const order: Verdict[] = ['behind', 'at_risk', 'on_track', 'met'];
  return order.find((v) => verdicts.includes(v)) ?? 'met';
}
