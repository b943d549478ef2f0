// The standard normal distribution: the p-values behind Gi* z-scores, Mann-Kendall and the square-root change test.
// erfc after W. J. Cody's rational Chebyshev approximation as given in Numerical Recipes (erfcc):
// fractional error below 1.2e-7 everywhere, far finer than the 90/95/99 % bins the p-values feed.

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a z-score. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : 0;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}
