// ArcGIS-style confidence bins for Gi* results: ±3 (99 %), ±2 (95 %), ±1 (90 %), 0 not significant.
// With the false-discovery-rate option, each level's critical p-value is lowered by the Benjamini–Hochberg
// step-up rule over all features (as ArcGIS's "Apply False Discovery Rate (FDR) Correction" does).

export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

const LEVELS = [
  { bin: 3, alpha: 0.01 },
  { bin: 2, alpha: 0.05 },
  { bin: 1, alpha: 0.1 },
] as const;

/** The largest p-value that stays significant at `alpha` under Benjamini–Hochberg (0 when none does). */
export function benjaminiHochbergThreshold(pValues: number[], alpha: number): number {
  return thresholdOfSorted(sortedFinite(pValues), alpha);
}

/** The finite p-values in ascending order (a typed array: sorted numerically without a comparator or boxed numbers). */
function sortedFinite(pValues: number[]): Float64Array {
  return Float64Array.from(pValues.filter((p) => Number.isFinite(p))).sort();
}

function thresholdOfSorted(sorted: Float64Array, alpha: number): number {
  const m = sorted.length;
  let threshold = 0;
  for (let k = 1; k <= m; k++) {
    if (sorted[k - 1] <= (k / m) * alpha) threshold = sorted[k - 1];
  }
  return threshold;
}

export function confidenceBins(results: { z: number; p: number }[], fdr = false): ConfidenceBin[] {
  // Sorted once for the three levels (the emerging hot spots bin every cell in every step).
  const sorted = fdr ? sortedFinite(results.map((r) => r.p)) : null;
  const critical = LEVELS.map((l) => ({ bin: l.bin, limit: sorted ? thresholdOfSorted(sorted, l.alpha) : l.alpha }));
  return results.map(({ z, p }) => {
    if (!Number.isFinite(z) || !Number.isFinite(p)) return 0;
    for (const { bin, limit } of critical) {
      const passes = fdr ? p <= limit && limit > 0 : p < limit;
      if (passes) return (z > 0 ? bin : -bin) as ConfidenceBin;
    }
    return 0;
  });
}
