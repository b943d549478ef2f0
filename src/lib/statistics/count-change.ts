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

/**
 * `noise`: the counts are published ones, each within ±noise of its exact count (public view; publishedNoise in
 * lib/disclosure/publish.ts) — or per count, when one is a sum of published counts (its noise adds up). A change is
 * then significant only if it is for every exact pair the band allows (significantWithin). 0: exact counts.
 */
export function compareCounts(current: number, previous: number, exposure = 1, noise: number | { current: number; previous: number } = 0): CountChange {
  const test = poissonRatioTest({ count1: current, exposure1: exposure, count0: previous, exposure0: 1 });
  const z = current === 0 && previous === 0 ? 0 : test.zSqrt;
  return {
    current, previous, exposure,
    change: previous > 0 ? current / (previous * exposure) - 1 : null,
    // 0 against 0 is no evidence either way; the variance-stabilised z is not 0 there when the lengths differ (the
    // 3/8 offsets are scaled by the exposure), and a CSV showed z = −0.17 for "0 → 0" (tester).
    z,
    p: test.pExact,
    significant: test.pExact < CHANGE_TEST_ALPHA && significantWithin(current, previous, exposure, typeof noise === 'number' ? { current: noise, previous: noise } : noise, z > 0),
  };
}

/**
 * Whether a change between published counts — each within ±`noise` of its exact count (public view's cell-key noise,
 * lib/disclosure/cell-key.ts MAX_NOISE) — is significant whatever the exact counts within that band are, in the
 * same direction. So public view never marks a change the exact counts do not support (a tester saw "▼ −42 %" marked
 * where the analyst's 26 against 43 was not), and the mark depends on the shown counts alone, giving nothing of the
 * exact ones away. Every pair of the band is tested: the exact test's two-sided p is not monotone in the counts (its
 * discreteness: 12 against 45 at exposure 0.5 is significant, 12 against 46 is not), so no single corner decides.
 * A wide band (a sum of many published counts) is tested on a grid of at most 9 × 9 points, its edges included.
 */
function significantWithin(current: number, previous: number, exposure: number, noise: { current: number; previous: number }, rising: boolean): boolean {
  if (noise.current === 0 && noise.previous === 0) return true;
  for (const dc of offsets(noise.current)) {
    for (const dp of offsets(noise.previous)) {
      const c = Math.max(0, current + dc);
      const p = Math.max(0, previous + dp);
      const test = poissonRatioTest({ count1: c, exposure1: exposure, count0: p, exposure0: 1 });
      if (!(test.pExact < CHANGE_TEST_ALPHA) || (test.zSqrt > 0) !== rising) return false;
    }
  }
  return true;
}

/** −noise … noise: every step when it is small, else nine evenly spread, both ends included. */
function offsets(noise: number): number[] {
  const n = Math.max(0, Math.floor(noise));
  if (n <= 4) return Array.from({ length: 2 * n + 1 }, (_, i) => i - n);
  return [...new Set(Array.from({ length: 9 }, (_, i) => Math.round(-n + (2 * n * i) / 8)))];
}
