// Is the rate in one period different from the rate in another? Both counts are random (Poisson), so this is a
// two-sample test for the ratio of two Poisson rates with an exposure ratio (the periods' lengths in days):
//
// - The exact conditional test: given n = x₁ + x₀, x₁ ~ Binomial(n, e·ρ / (1 + e·ρ)) under H0: rate₁/rate₀ = ρ,
//   where e = exposure₁ / exposure₀. Two-sided p by the sum of minimum likelihood ("minlike"), as in R's
//   exactci::poisson.exact(tsmethod = "minlike") and statsmodels' test_poisson_2indep(method = "exact-cond"),
//   which uses scipy.stats.binomtest. Conditioning removes the unknown common rate, so the test keeps its size
//   (≤ α) at every rate — this is the one that decides "significant".
// - The variance-stabilised test (Gu, Ng, Tang & Schucany 2008, "Testing the ratio of two Poisson rates",
//   Biometrical Journal 50(2), statistic W5; statsmodels method = "sqrt"):
//   z = 2(√(x₁ + 3/8) − √((x₀ + 3/8)·e·ρ)) / √(1 + e·ρ). Shown as the change's z-score (a size a reader can
//   compare); for large counts it agrees with the exact test.
//
// The binomial distribution comes from stdlib (incomplete beta function), not from our own code.
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import { normalCdf } from './normal';

export type Alternative = 'two-sided' | 'larger' | 'smaller';

export interface PoissonRatioInput {
  /** Count in the period tested (x₁), a non-negative integer. */
  count1: number;
  /** Its exposure (days, or any positive unit shared with exposure0). */
  exposure1: number;
  /** Count in the period compared with (x₀). */
  count0: number;
  exposure0: number;
  /** The rate ratio under H0 (default 1: no change). */
  ratioNull?: number;
  alternative?: Alternative;
}

export interface PoissonRatioResult {
  /** Observed rate ratio (x₁/e₁)/(x₀/e₀); Infinity when x₀ = 0 < x₁, NaN when both are 0. */
  ratio: number;
  /** p-value of the exact conditional (binomial) test. */
  pExact: number;
  /** z of the variance-stabilised square-root test (Gu et al. 2008, W5). */
  zSqrt: number;
  /** p-value of the square-root test (normal reference). */
  pSqrt: number;
}

const RELATIVE_ERROR = 1 + 1e-7; // scipy.stats.binomtest's tolerance for "as likely as the observed count"

const sf = (k: number, n: number, p: number) => (k < 0 ? 1 : k >= n ? 0 : 1 - binomialCdf(k, n, p));

/** Smallest index in [lo, hi] where a monotone predicate (false … false true … true) holds; hi + 1 when none. */
function firstWhere(holds: (k: number) => boolean, lo: number, hi: number): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (holds(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/**
 * Two-sided binomial test by minimum likelihood: P(X with pmf ≤ pmf(k)·(1 + 1e-7)). The same algorithm as
 * scipy.stats.binomtest (two-sided), which statsmodels' binom_test calls.
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const d = binomialPmf(k, n, p) * RELATIVE_ERROR;
  const mode = p * n;
  if (k === mode) return 1;
  if (k < mode) {
    // Terms above the mode decrease: the first index from ceil(mode) whose pmf ≤ d starts the upper tail.
    const from = firstWhere((x) => binomialPmf(x, n, p) <= d, Math.ceil(mode), n);
    return Math.min(1, binomialCdf(k, n, p) + sf(from - 1, n, p));
  }
  // Terms below the mode increase: the last index in [0, floor(mode)] whose pmf ≤ d ends the lower tail.
  const to = firstWhere((x) => binomialPmf(x, n, p) > d, 0, Math.floor(mode)) - 1;
  return Math.min(1, (to >= 0 ? binomialCdf(to, n, p) : 0) + sf(k - 1, n, p));
}

/**
 * Tests H0: rate₁ / rate₀ = ratioNull for two Poisson counts with exposures. Throws on a negative or
 * non-integer count or a non-positive exposure.
 */
export function poissonRatioTest(input: PoissonRatioInput): PoissonRatioResult {
  const { count1: x1, exposure1, count0: x0, exposure0, ratioNull = 1, alternative = 'two-sided' } = input;
  for (const x of [x1, x0]) if (!Number.isInteger(x) || x < 0) throw new RangeError(`A count must be a non-negative integer (got ${x}).`);
  if (!(exposure1 > 0) || !(exposure0 > 0)) throw new RangeError('Exposures must be positive.');
  const e = (exposure1 / exposure0) * ratioNull; // statsmodels' r_d = ratio_null / (exposure0 / exposure1)
  const ratio = x0 === 0 ? (x1 === 0 ? NaN : Infinity) : (x1 / exposure1) / (x0 / exposure0);
  const n = x1 + x0;
  const share = e / (1 + e);
  const pExact =
    alternative === 'two-sided' ? binomialTestTwoSided(x1, n, share)
    : alternative === 'larger' ? (n === 0 ? 1 : sf(x1 - 1, n, share))
    : n === 0 ? 1 : binomialCdf(x1, n, share);
  const zSqrt = (2 * (Math.sqrt(x1 + 3 / 8) - Math.sqrt((x0 + 3 / 8) * e))) / Math.sqrt(1 + e);
  const pSqrt =
    alternative === 'two-sided' ? 2 * normalCdf(-Math.abs(zSqrt))
    : alternative === 'larger' ? normalCdf(-zSqrt)
    : normalCdf(zSqrt);
  return { ratio, pExact, zSqrt, pSqrt };
}
