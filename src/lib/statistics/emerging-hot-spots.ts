// Emerging hot-spot categories, after ArcGIS Pro's current text ("How Emerging Hot Spot Analysis works",
// https://pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm; the
// ArcGIS AllSource edition of the page says the same): Gi* per time step, and a Mann-Kendall test on each
// location's series of z-scores for the intensity trend. "Significant" is the per-step confidence bin (90 % or
// more, FDR-corrected where the caller asks). For hot spots (cold spots mirror them):
//   new          significant hot in the final step, never a significant hot spot before
//   consecutive  a single unbroken run of ≥ 2 significant hot steps ending in the final step, never significant
//                hot before that run, and < 90 % of all steps significant hot
//   intensifying ≥ 90 % of steps significant hot, including the final step; z rising (Mann-Kendall)
//   persistent   ≥ 90 % of steps significant hot, including the final step; no significant trend
//   diminishing  ≥ 90 % of steps significant hot, including the final step; z falling (Mann-Kendall)
//   sporadic     significant hot in the final step, on again, off again before; < 90 % of steps significant hot;
//                never a significant cold spot
//   oscillating  significant hot in the final step, and a significant cold spot in a prior step; < 90 % of steps
//                significant hot
//   historical   not significant hot in the final step, but in ≥ 90 % of the steps
//   (none)       anything else — in particular a hot spot in earlier steps only (`H.........`): ESRI's older rule
//                set called that sporadic, the current one requires the final step.
// Where ESRI's text overlaps — `C........H` fits both new and oscillating, `C.......HH` both consecutive and
// oscillating — we follow the open implementation sfdep (emerging_hotspot_analysis, R/emerging-hostpot-
// classifications.R: new and consecutive require no earlier significant step of either kind), so a history of a
// significant cold spot makes it oscillating: that history is what defines the pattern.
// ESRI's persistent text does not repeat "including the final step"; a location hot in ≥ 90 % of steps but not
// the final one is historical by ESRI's own historical rule, so persistent here needs the final step.
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
  if (!last) return mostly ? 'historical' : null;
  if (mostly) return trend === 'increasing' ? 'intensifying' : trend === 'decreasing' ? 'diminishing' : 'persistent';
  // An earlier significant spot of the other kind decides first (sfdep's reading of ESRI's overlapping rules).
  if (opposite.some(Boolean)) return 'oscillating';
  if (count === 1) return 'new';
  let run = 0;
  for (let t = steps - 1; t >= 0 && significant[t]; t--) run++;
  if (run === count) return 'consecutive'; // run ≥ 2 here, since count ≥ 2
  return 'sporadic';
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
