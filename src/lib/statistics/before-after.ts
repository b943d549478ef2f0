// Before/after with a comparison area: the ratio of the change where the intervention was to the change in
// the rest of the municipality (a ratio of Poisson rate ratios), with a 95 % interval on the log scale
// (Woolf: SE = √(1/a₀ + 1/a₁ + 1/c₀ + 1/c₁)). It estimates a change in time, not a cause.
export interface BeforeAfterCounts {
  targetBefore: number;
  targetAfter: number;
  comparisonBefore: number;
  comparisonAfter: number;
}

export interface BeforeAfterEstimate {
  /** Relative change in the target beyond the comparison's: 0.8 = 20 % fewer than the comparison predicts. */
  ratio: number;
  low: number;
  high: number;
  /** Counts too small to say anything (any cell zero, or fewer than 10 in the target). */
  tooFew: boolean;
  significant: boolean;
}

export function beforeAfterEstimate(c: BeforeAfterCounts): BeforeAfterEstimate {
  const cells = [c.targetBefore, c.targetAfter, c.comparisonBefore, c.comparisonAfter];
  if (cells.some((v) => v <= 0) || c.targetBefore + c.targetAfter < 10) {
    return { ratio: NaN, low: NaN, high: NaN, tooFew: true, significant: false };
  }
  const log = Math.log((c.targetAfter / c.targetBefore) / (c.comparisonAfter / c.comparisonBefore));
  const se = Math.sqrt(cells.reduce((s, v) => s + 1 / v, 0));
  const low = Math.exp(log - 1.96 * se);
  const high = Math.exp(log + 1.96 * se);
  return { ratio: Math.exp(log), low, high, tooFew: false, significant: high < 1 || low > 1 };
}
