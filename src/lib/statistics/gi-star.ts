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
 * Each feature's neighbours within `band` (itself included), as compressed rows: the neighbours of feature i are
 * `index[offset[i]] … index[offset[i + 1] - 1]`. Depends on positions only, so an analysis over many periods of the
 * same cells (the emerging hot spots' steps) builds it once.
 */
export interface GiNeighbours {
  offset: Int32Array;
  index: Int32Array;
}

/**
 * The neighbour lists of `points` within distance ≤ `band` (same units as x/y), each in a fixed order (the 3×3
 * buckets of side `band` around the point, each in input order). A grid lookup keeps this O(n·k) rather than O(n²);
 * the buckets are keyed by numbers in two levels, so the lookups allocate nothing (string keys made ~0.1 GB of garbage
 * per ten Karta steps at 1M rows).
 */
export function giNeighbours(points: { x: number; y: number }[], band: number): GiNeighbours {
  const buckets = new Map<number, Map<number, number[]>>();
  points.forEach((p, i) => {
    const bx = Math.floor(p.x / band);
    const by = Math.floor(p.y / band);
    let column = buckets.get(bx);
    if (!column) buckets.set(bx, (column = new Map()));
    const list = column.get(by);
    if (list) list.push(i);
    else column.set(by, [i]);
  });
  const band2 = band * band * (1 + 1e-12);
  const offset = new Int32Array(points.length + 1);
  let index = new Int32Array(Math.max(16, points.length * 16));
  let used = 0;
  points.forEach((f, i) => {
    const bx = Math.floor(f.x / band);
    const by = Math.floor(f.y / band);
    for (let dx = -1; dx <= 1; dx++) {
      const column = buckets.get(bx + dx);
      if (!column) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const list = column.get(by + dy);
        if (!list) continue;
        for (const j of list) {
          const g = points[j];
          const ddx = g.x - f.x;
          const ddy = g.y - f.y;
          if (ddx * ddx + ddy * ddy <= band2) {
            if (used === index.length) {
              const grown = new Int32Array(index.length * 2);
              grown.set(index);
              index = grown;
            }
            index[used++] = j;
          }
        }
      }
    }
    offset[i + 1] = used;
  });
  return { offset, index: index.slice(0, used) };
}

/**
 * Gi* of `values` (one per feature, in the order `neighbours` was built for) over fixed neighbour lists. Binary
 * weights with the feature itself included, as ArcGIS and esda.G_Local(star=True, transform='B').
 */
export function giStarWith(neighbours: GiNeighbours, values: ArrayLike<number>): GiResult[] {
  const n = values.length;
  if (n < 2) return Array.from({ length: n }, (_, i) => ({ z: NaN, p: NaN, neighbours: 1, localSum: values[i] }));
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    sumSq += values[i] * values[i];
  }
  const mean = sum / n;
  const s = Math.sqrt(sumSq / n - mean * mean);
  const { offset, index } = neighbours;
  const results: GiResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const weightSum = offset[i + 1] - offset[i];
    let lag = 0;
    for (let k = offset[i]; k < offset[i + 1]; k++) lag += values[index[k]];
    // Binary weights: Σw² = Σw.
    const denominator = s * Math.sqrt((n * weightSum - weightSum * weightSum) / (n - 1));
    const z = denominator > 0 ? (lag - mean * weightSum) / denominator : NaN;
    results[i] = { z, p: twoSidedP(z), neighbours: weightSum, localSum: lag };
  }
  return results;
}

/** Gi* for every feature. Neighbours are the features whose distance is ≤ `band` (same units as x/y). */
export function giStar(features: GiFeature[], band: number): GiResult[] {
  return giStarWith(giNeighbours(features, band), features.map((f) => f.value));
}
