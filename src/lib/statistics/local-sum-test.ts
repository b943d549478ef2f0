// An exact check on Gi* for counts: the local sum's Poisson tail under complete spatial randomness.
//
// Gi*'s z-score standardises a cell's local sum S (its own count plus its neighbours') by the mean and variance S
// has when the observed values are dealt out at random (Getis & Ord 1992; Ord & Getis 1995), and ArcGIS and esda
// read p from the normal curve. That needs enough neighbours and values that are not too skewed (Ord & Getis 1995,
// §3; ESRI's "Best practices" for Hot Spot Analysis). Incident counts per cell and two-week step are the opposite:
// mostly 0, some 1. There one incident in a quiet step scores z ≈ 3–4, and under complete spatial randomness a
// sparse map came out with "new hot spots" in every run (tests/unit/hot-spot-error-rate.test.ts).
//
// Under complete spatial randomness the counts of equal cells are independent Poisson variables with one rate
// (Diggle, Statistical Analysis of Spatial Point Patterns, 2nd ed. 2003, ch. 2 — quadrat counts), so the sum of w
// cells is Poisson(w·λ), λ estimated by the mean count. Its tails are exact for small counts, where the normal curve
// fails. The app keeps ArcGIS's z and takes the larger of the two p-values: a cell is called hot or cold only where
// both the normal approximation (as ArcGIS) and the exact Poisson tail agree. Where counts vary more than Poisson
// (real incidents cluster), the normal p with the observed variance is the larger one and decides, as before.
//
// Tails from stdlib's regularised incomplete gamma function: for X ~ Poisson(m), P(X ≥ s) = P(s, m) (lower) and
// P(X ≤ s) = Q(s + 1, m) (upper), each accurate in its own tail.
import gammainc from '@stdlib/math-base-special-gammainc';

/** The p-value is computed only below this (no bin starts above p = 0.10; see confidence-bins.ts). */
const SCREEN = 0.1;

/** Two-sided p of a Poisson(mean) count as far out as `s`: 2·min(P(X ≥ s), P(X ≤ s)), at most 1. */
export function poissonTwoSidedP(s: number, mean: number): number {
  if (mean <= 0) return 1;
  const atLeast = s <= 0 ? 1 : gammainc(mean, s, true, false);
  const atMost = gammainc(mean, s + 1, true, true);
  return Math.min(1, 2 * Math.min(atLeast, atMost));
}

/**
 * Gi* results with p replaced by the larger of the normal p and the exact Poisson p of each local sum.
 * `values[i]` is the count behind `results[i]` (same order); `neighbours` (itself included) and `localSum` come
 * from giStar. Values that are not non-negative integers (not counts) leave the results as they are. Only results
 * with p < 0.10 are recomputed — above that no confidence bin starts, and the larger p stays above it.
 */
export function withExactLocalSumP<R extends { p: number; neighbours: number; localSum: number }>(results: R[], values: number[]): R[] {
  if (values.length === 0 || !values.every((v) => Number.isInteger(v) && v >= 0)) return results;
  const rate = values.reduce((sum, v) => sum + v, 0) / values.length;
  return results.map((r) => {
    if (!(r.p < SCREEN)) return r;
    const exact = poissonTwoSidedP(Math.round(r.localSum), r.neighbours * rate);
    return exact > r.p ? { ...r, p: exact } : r;
  });
}
