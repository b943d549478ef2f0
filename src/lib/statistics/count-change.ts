// Is a change between two periods' counts more than chance? Both counts are random, so the periods are compared
// as two Poisson rates per day (poisson-ratio-test.ts): "significant" means the exact conditional test rejects
// "same rate per day" at the 5 % level, two-sided. The z shown beside it is the variance-stabilised square-root
// statistic of Gu et al. (2008) for the same pair. Stated on screen wherever used.
import { poissonRatioTest } from './poisson-ratio-test';

export const CHANGE_TEST_ALPHA = 0.05;

export interface CountChange {
  current: number;
  previous: number;
  /** The current period's length over the previous one's (1 when equally long). */
  exposure: number;
  /** Change in the rate per day: (current / exposure) / previous − 1; null when previous is 0. */
  change: number | null;
  /** Square-root two-sample z (Gu et al. 2008, W5); positive when the rate rose. */
  z: number;
  /** Two-sided p of the exact conditional test. */
  p: number;
  significant: boolean;
}

/**
 * Compares two counts as rates per day. `exposure` is the current period's length over the previous one's: a
 * three-week period (v. 51–53) against a two-week one is 1.5; March against February (non-leap) is 31/28.
 * Counts must be non-negative integers; throws a RangeError otherwise.
 */
/** The two periods differ in length, so the change is a change per day (the counts' own ratio differs from it). */
export function isPerDay(c: Pick<CountChange, 'exposure'>): boolean {
  return Math.abs(c.exposure - 1) > 1e-9;
}

export function compareCounts(current: number, previous: number, exposure = 1): CountChange {
  const test = poissonRatioTest({ count1: current, exposure1: exposure, count0: previous, exposure0: 1 });
  return {
    current, previous, exposure,
    change: previous > 0 ? current / (previous * exposure) - 1 : null,
    // 0 against 0 is no evidence either way; the variance-stabilised z is not 0 there when the lengths differ (the
    // 3/8 offsets are scaled by the exposure), and a CSV showed z = −0.17 for "0 → 0" (tester).
    z: current === 0 && previous === 0 ? 0 : test.zSqrt,
    p: test.pExact,
    significant: test.pExact < CHANGE_TEST_ALPHA,
  };
}
