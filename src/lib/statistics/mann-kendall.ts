// The Mann-Kendall trend test (Mann 1945, Kendall 1975) with the tie-corrected variance, as in Gilbert (1987)
// and pyMannKendall's original_test. Emerging hot-spot analysis runs it on each cell's series of Gi* z-scores.
import { twoSidedP } from './normal';

export interface MannKendallResult {
  s: number;
  varS: number;
  z: number;
  p: number;
  /** 'increasing' / 'decreasing' when p < alpha, else 'none'. */
  trend: 'increasing' | 'decreasing' | 'none';
}

export function mannKendall(series: number[], alpha = 0.05): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    for (let j = k + 1; j < n; j++) s += Math.sign(series[j] - series[k]);
  }
  const ties = new Map<number, number>();
  for (const v of series) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = varS <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  const p = twoSidedP(z);
  return { s, varS, z, p, trend: p < alpha ? (z > 0 ? 'increasing' : 'decreasing') : 'none' };
}
