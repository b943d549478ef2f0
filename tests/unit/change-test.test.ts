// The change test (two Poisson counts with an exposure ratio) against published values, against the exact
// conditional test computed independently here, and its size on simulated no-change pairs.
import { poissonDraw, seededRandom } from './support/seeded-random';
import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../src/lib/statistics/count-change';
import { binomialTestTwoSided, poissonRatioTest } from '../../src/lib/statistics/poisson-ratio-test';

/** Binomial pmf by products of logs — no shared code with the app's stdlib-based one. */
function pmfTable(n: number, p: number): number[] {
  const logFact = [0];
  for (let i = 1; i <= n; i++) logFact.push(logFact[i - 1] + Math.log(i));
  return Array.from({ length: n + 1 }, (_, k) => Math.exp(logFact[n] - logFact[k] - logFact[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p)));
}

/** The minimum-likelihood two-sided binomial p, by brute force over every outcome. */
function bruteForceTwoSided(k: number, n: number, p: number): number {
  const pmf = pmfTable(n, p);
  const limit = pmf[k] * (1 + 1e-7);
  return Math.min(1, pmf.reduce((sum, q) => (q <= limit ? sum + q : sum), 0));
}

/** Poisson draws by Knuth's product of uniforms (seeded: support/seeded-random.ts). */
const rng = seededRandom;
const poisson = poissonDraw;

describe('the exact conditional test for two Poisson rates', () => {
  it("matches R's exactci::poisson.exact (minlike) as published in statsmodels' test suite", () => {
    // statsmodels/stats/tests/results/results_rates.py: poisson.exact(c(60, 30), c(51477.5, 54308.7), tsmethod="minlike")
    const r = poissonRatioTest({ count1: 60, exposure1: 51477.5, count0: 30, exposure0: 54308.7 });
    expect(r.pExact).toBeCloseTo(0.000675182658686321, 12);
    expect(r.ratio).toBeCloseTo(2.10999757175465, 12);
  });

  it("matches statsmodels' one-sided exact-cond values with a null ratio of 1.2 (test_twosample_poisson_r)", () => {
    const base = { count1: 60, exposure1: 51477.5, count0: 30, exposure0: 54308.7, ratioNull: 1.2 };
    expect(poissonRatioTest({ ...base, alternative: 'larger' }).pExact).toBeCloseTo(0.006651774552714537, 12);
    expect(poissonRatioTest({ ...base, alternative: 'smaller' }).pExact).toBeCloseTo(0.9964625674930079, 12);
  });

  it('matches exact p-values computed separately (Python, math.comb over every outcome)', () => {
    expect(compareCounts(37, 22).p).toBeCloseTo(0.06744461190078899, 12);
    expect(compareCounts(10, 25).p).toBeCloseTo(0.01667384780012071, 12);
  });

  it('gives 0 against 0 no direction, whatever the periods\' lengths (tester: z = −0.17 for "0 → 0", 21 days against 14)', () => {
    for (const exposure of [1, 1.5, 31 / 30, 2 / 3]) {
      const c = compareCounts(0, 0, exposure);
      expect(c.z).toBe(0);
      expect(c.p).toBe(1);
      expect(c.significant).toBe(false);
      expect(c.change).toBeNull();
    }
  });

  it('agrees with a brute-force minimum-likelihood sum on every outcome of small and mid-sized tables', () => {
    for (const [n, p] of [[1, 0.5], [7, 0.5], [12, 0.6], [30, 14 / 21], [40, 0.5], [200, 0.6], [401, 0.5]] as const) {
      for (let k = 0; k <= n; k++) {
        expect(binomialTestTwoSided(k, n, p)).toBeCloseTo(bruteForceTwoSided(k, n, p), 9);
      }
    }
  });

  it('the square-root z follows Gu et al. (2008) W5 and agrees with the exact test for large counts', () => {
    const r = poissonRatioTest({ count1: 1100, exposure1: 14, count0: 1000, exposure0: 14 });
    expect(r.zSqrt).toBeCloseTo((2 * (Math.sqrt(1100.375) - Math.sqrt(1000.375))) / Math.SQRT2, 12);
    expect(Math.abs(r.pSqrt - r.pExact)).toBeLessThan(0.005);
    const unequal = poissonRatioTest({ count1: 1500, exposure1: 21, count0: 900, exposure0: 14 });
    expect(unequal.zSqrt).toBeCloseTo((2 * (Math.sqrt(1500.375) - Math.sqrt(900.375 * 1.5))) / Math.sqrt(2.5), 12);
    expect(Math.abs(unequal.pSqrt - unequal.pExact)).toBeLessThan(0.005);
  });

  it('refuses counts that are not counts', () => {
    expect(() => poissonRatioTest({ count1: -1, exposure1: 1, count0: 2, exposure0: 1 })).toThrow(RangeError);
    expect(() => poissonRatioTest({ count1: 1.5, exposure1: 1, count0: 2, exposure0: 1 })).toThrow(RangeError);
    expect(() => poissonRatioTest({ count1: 1, exposure1: 0, count0: 2, exposure0: 1 })).toThrow(RangeError);
  });
});

describe('compareCounts: the change the lägesbild and Trender mark', () => {
  it('compares rates per day: a constant 36 a day is no change between months or week spans of different length', () => {
    const march = compareCounts(36 * 31, 36 * 28, 31 / 28);
    expect(march.change).toBeCloseTo(0, 12);
    expect(march.significant).toBe(false);
    const weeks = compareCounts(36 * 14, 36 * 21, 14 / 21);
    expect(weeks.change).toBeCloseTo(0, 12);
    expect(weeks.significant).toBe(false);
    expect(Math.abs(weeks.z)).toBeLessThan(0.1);
  });

  it('marks a clear change and not a small one; no change from zero', () => {
    expect(compareCounts(100, 64)).toMatchObject({ significant: true, change: 0.5625 });
    expect(compareCounts(25, 30).significant).toBe(false);
    expect(compareCounts(5, 0).change).toBeNull();
    expect(compareCounts(0, 0)).toMatchObject({ significant: false, p: 1 });
    expect(compareCounts(14, 5).z).toBeGreaterThan(0);
  });

  it('keeps its size: on no-change pairs it says "significant" at most 5 % of the time (fixed seed)', () => {
    const u = rng(20261130);
    const draws = 4000;
    const rows: string[] = [];
    for (const rate of [2, 5, 10, 30, 100, 200]) {
      for (const exposure of [1, 1.5, 14 / 7]) {
        let alarms = 0;
        for (let i = 0; i < draws; i++) {
          const previous = poisson(rate, u);
          const current = poisson(rate * exposure, u);
          if (compareCounts(current, previous, exposure).significant) alarms++;
        }
        const share = alarms / draws;
        rows.push(`${rate}×${exposure.toFixed(2)}: ${(share * 100).toFixed(2)} %`);
        // 5 % plus three standard errors of a proportion estimated from 4 000 draws.
        expect(share, rows.join(', ')).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / draws));
      }
    }
  });

  it('the old one-sample square-root rule (previous count as a known rate) fails the same check — the simulation can tell', () => {
    const u = rng(7);
    let alarms = 0;
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const previous = poisson(200, u);
      const current = poisson(200, u);
      if (Math.abs(2 * (Math.sqrt(current) - Math.sqrt(previous))) >= 1.96) alarms++;
    }
    expect(alarms / draws).toBeGreaterThan(0.1);
  });
});
