// Emerging hot-spot categories (ArcGIS Pro, "How Emerging Hot Spot Analysis works"): Gi* per time step, and a
// Mann-Kendall test on each location's series of z-scores for the intensity trend. The rules, for hot spots
// (cold spots mirror them), with "significant" meaning at least 90 % confidence:
//   new          significant in the last step, never before
//   consecutive  one unbroken run of ≥ 2 significant steps ending in the last step, none before it, < 90 % of steps
//   intensifying ≥ 90 % of steps significant including the last, z rising (Mann-Kendall)
//   persistent   ≥ 90 % of steps significant including the last, no trend
//   diminishing  ≥ 90 % of steps significant including the last, z falling
//   sporadic     on again, off again; < 90 % of steps; never a significant cold spot
//   oscillating  significant in the last step, and a significant cold spot in an earlier one; < 90 % of steps
//   historical   not significant in the last step, but in ≥ 90 % of the steps
// Time neighbourhood: this app uses the spatial neighbourhood within each step only (ArcGIS also pools the
// previous step by default); said on screen.
import type { ConfidenceBin } from './confidence-bins';
import { mannKendall } from './mann-kendall';

export type EmergingPattern =
  | 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical';

export interface EmergingResult {
  /** null: no pattern. */
  pattern: EmergingPattern | null;
  side: 'hot' | 'cold' | null;
  /** Mann-Kendall on the z-scores. */
  trendZ: number;
  trendP: number;
}

const SHARE = 0.9;

function classifySide(significant: boolean[], opposite: boolean[], trend: 'increasing' | 'decreasing' | 'none'): EmergingPattern | null {
  const steps = significant.length;
  const count = significant.filter(Boolean).length;
  if (count === 0) return null;
  const last = significant[steps - 1];
  const mostly = count / steps >= SHARE;
  if (mostly) {
    if (!last) return 'historical';
    if (trend === 'increasing') return 'intensifying';
    if (trend === 'decreasing') return 'diminishing';
    return 'persistent';
  }
  const everOpposite = opposite.some(Boolean);
  if (last) {
    if (count === 1) return 'new';
    let run = 0;
    for (let t = steps - 1; t >= 0 && significant[t]; t--) run++;
    if (run === count && run >= 2) return 'consecutive';
    if (everOpposite) return 'oscillating';
    return 'sporadic';
  }
  return everOpposite ? null : 'sporadic';
}

/**
 * One location's category from its per-step confidence bins and Gi* z-scores (oldest first).
 * For cold spots "rising intensity" means z falling, so the trend is mirrored.
 */
export function emergingPattern(bins: ConfidenceBin[], zScores: number[]): EmergingResult {
  const finite = zScores.map((z) => (Number.isFinite(z) ? z : 0));
  const mk = mannKendall(finite);
  const hot = bins.map((b) => b > 0);
  const cold = bins.map((b) => b < 0);
  const last = bins[bins.length - 1] ?? 0;
  const hotCount = hot.filter(Boolean).length;
  const coldCount = cold.filter(Boolean).length;
  const side: 'hot' | 'cold' | null =
    last > 0 ? 'hot' : last < 0 ? 'cold' : hotCount === 0 && coldCount === 0 ? null : hotCount >= coldCount ? 'hot' : 'cold';
  if (side === null) return { pattern: null, side: null, trendZ: mk.z, trendP: mk.p };
  const mirrored = mk.trend === 'increasing' ? 'decreasing' : mk.trend === 'decreasing' ? 'increasing' : 'none';
  const pattern = side === 'hot' ? classifySide(hot, cold, mk.trend) : classifySide(cold, hot, mirrored);
  return { pattern, side: pattern ? side : null, trendZ: mk.z, trendP: mk.p };
}
