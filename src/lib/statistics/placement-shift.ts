// Are the rows of two compared periods placed in areas the same way? A change per area means something only if the
// rows are: from mid-January 2026 the police's public events name only the län, no longer the kommun, so every
// kommun "fell 100 %" and every län "rose 4 300 %" against the period before — a change of the export, not of crime.
// The rows of each period are split into placement levels (which kinds of area a row lies in, or why it lies in
// none); a level whose share of the rows differs between the periods both by enough (≥ 5 percentage points) and by
// more than chance (the two-sample test of equal proportions, pooled variance, |z| ≥ 3.29: two-sided 0.1 %; Agresti,
// "Categorical Data Analysis", 3rd ed., §2.1.3 / NIST/SEMATECH e-Handbook §7.3.3) marks the comparison per area as
// not like with like. Both bounds: with thousands of rows a 2-point drift is "significant" and moves an area by
// little; with a dozen rows a 40-point swing is chance. 5 points, not 15: T2 2026 against T1 (100 % against 86 % of
// the police's events given only the län) showed every kommun "▼ −100 %" under a 15-point floor (a tester).

/** The smallest difference of a level's share, as a fraction of the rows, that counts as a shift. */
export const SHIFT_MIN_DIFFERENCE = 0.05;
/** |z| of the two-proportion test a shift must reach (two-sided p < 0.001). */
export const SHIFT_MIN_Z = 3.29;

export interface PlacementShift {
  /** The level (a key of the input) whose share changed most. */
  level: string;
  /** Its share of the current period's rows, and of the compared period's (fractions, 0–1). */
  current: number;
  compared: number;
  /** The two-proportion z (positive: the share rose). */
  z: number;
}

/**
 * `current` and `compared`: rows per placement level in each period (non-negative counts; a level missing from one
 * is 0 there). Returns the level whose share moved most if that move is a shift by both bounds above, else null
 * (also when either period has no rows: nothing to compare).
 */
export function placementShift(current: Record<string, number>, compared: Record<string, number>): PlacementShift | null {
  const total = (m: Record<string, number>) => Object.values(m).reduce((s, n) => s + n, 0);
  const nCurrent = total(current);
  const nCompared = total(compared);
  if (nCurrent === 0 || nCompared === 0) return null;
  let best: PlacementShift | null = null;
  for (const level of new Set([...Object.keys(current), ...Object.keys(compared)])) {
    const a = current[level] ?? 0;
    const b = compared[level] ?? 0;
    const pa = a / nCurrent;
    const pb = b / nCompared;
    const pooled = (a + b) / (nCurrent + nCompared);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / nCurrent + 1 / nCompared));
    const z = se === 0 ? 0 : (pa - pb) / se;
    if (Math.abs(pa - pb) >= SHIFT_MIN_DIFFERENCE && Math.abs(z) >= SHIFT_MIN_Z && (!best || Math.abs(pa - pb) > Math.abs(best.current - best.compared))) {
      best = { level, current: pa, compared: pb, z };
    }
  }
  return best;
}
