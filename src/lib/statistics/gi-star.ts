// Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary fixed-distance weights that include the
// feature itself — what ArcGIS's Hot Spot Analysis and PySAL's esda.G_Local(transform='B', star=True) compute.
// The z-score is analytic (no permutations), so the same input gives the same map on every machine.
import { twoSidedP } from './normal';

export interface GiFeature {
  x: number;
  y: number;
  value: number;
}

export interface GiResult {
  z: number;
  p: number;
  /** Neighbours within the band, the feature itself included. */
  neighbours: number;
  /** Σ of the neighbours' values, the feature's own included: the local sum Gi* compares with its expectation. */
  localSum: number;
}

/**
 * Gi* for every feature. Neighbours are the features whose distance is ≤ `band` (same units as x/y).
 * A grid lookup keeps this O(n·k) rather than O(n²): thousands of cells in milliseconds.
 */
export function giStar(features: GiFeature[], band: number): GiResult[] {
  const n = features.length;
  if (n < 2) return features.map((f) => ({ z: NaN, p: NaN, neighbours: 1, localSum: f.value }));
  let sum = 0;
  let sumSq = 0;
  for (const f of features) {
    sum += f.value;
    sumSq += f.value * f.value;
  }
  const mean = sum / n;
  const s = Math.sqrt(sumSq / n - mean * mean);

  const buckets = new Map<string, number[]>();
  const key = (bx: number, by: number) => `${bx}:${by}`;
  features.forEach((f, i) => {
    const k = key(Math.floor(f.x / band), Math.floor(f.y / band));
    const list = buckets.get(k);
    if (list) list.push(i);
    else buckets.set(k, [i]);
  });
  const band2 = band * band;

  return features.map((f) => {
    const bx = Math.floor(f.x / band);
    const by = Math.floor(f.y / band);
    let weightSum = 0;
    let lag = 0;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of buckets.get(key(bx + dx, by + dy)) ?? []) {
          const g = features[j];
          const ddx = g.x - f.x;
          const ddy = g.y - f.y;
          if (ddx * ddx + ddy * ddy <= band2 * (1 + 1e-12)) {
            weightSum += 1;
            lag += g.value;
          }
        }
      }
    }
    // Binary weights: Σw² = Σw.
    const denominator = s * Math.sqrt((n * weightSum - weightSum * weightSum) / (n - 1));
    const z = denominator > 0 ? (lag - mean * weightSum) / denominator : NaN;
    return { z, p: twoSidedP(z), neighbours: weightSum, localSum: lag };
  });
}
