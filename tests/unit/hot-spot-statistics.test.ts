// Gi*, Mann-Kendall, the confidence bins and the emerging categories against published reference values.
import { describe, expect, it } from 'vitest';
import { benjaminiHochbergThreshold, confidenceBins } from '../../src/lib/statistics/confidence-bins';
import { emergingPattern } from '../../src/lib/statistics/emerging-hot-spots';
import { giNeighbours, giStar, giStarWith } from '../../src/lib/statistics/gi-star';
import { mannKendall } from '../../src/lib/statistics/mann-kendall';
import { normalCdf, twoSidedP } from '../../src/lib/statistics/normal';

describe('Getis-Ord Gi*', () => {
  // PySAL esda's own test (tests/test_getisord.py): six points, DistanceBand(threshold=15),
  // G_Local(y, w, transform='B', star=True).Zs[0] == -1.39727626.
  const points = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
  const values = [2, 3, 3.2, 5, 8, 7];
  const features = points.map(([x, y], i) => ({ x, y, value: values[i] }));

  it('matches esda.G_Local (binary, star) for the reference data', () => {
    const result = giStar(features, 15);
    expect(result[0].z).toBeCloseTo(-1.39727626, 7);
    expect(result[0].neighbours).toBe(3); // itself, (20,10) and (15,20)
  });

  it('gives the same z-scores as the textbook O(n²) formula for every feature', () => {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b) / n;
    const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
    const result = giStar(features, 15);
    features.forEach((f, i) => {
      const w = features.map((g) => (Math.hypot(g.x - f.x, g.y - f.y) <= 15 ? 1 : 0));
      const W = w.reduce<number>((a, b) => a + b, 0);
      const lag = w.reduce<number>((a, wj, j) => a + wj * values[j], 0);
      const z = (lag - mean * W) / (s * Math.sqrt((n * W - W * W) / (n - 1)));
      expect(result[i].z).toBeCloseTo(z, 10);
    });
  });

  it('finds exactly the O(n²) neighbour sets on scattered points, negative coordinates and many to a bucket included, and reuses them for new values', () => {
    // A fixed pseudo-random scatter (LCG), so a failure is reproducible.
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const points = Array.from({ length: 400 }, () => ({ x: -500 + next() * 1000, y: -300 + next() * 600 }));
    const band = 60;
    const neighbours = giNeighbours(points, band);
    points.forEach((f, i) => {
      const expected = points.flatMap((g, j) => (Math.hypot(g.x - f.x, g.y - f.y) <= band ? [j] : [])).sort((a, b) => a - b);
      const got = [...neighbours.index.subarray(neighbours.offset[i], neighbours.offset[i + 1])].sort((a, b) => a - b);
      expect(got).toEqual(expected);
    });
    // Two sets of values over the same lists: each equals Gi* computed from scratch.
    for (let round = 0; round < 2; round++) {
      const counts = points.map(() => Math.floor(next() * 4));
      expect(giStarWith(neighbours, counts)).toEqual(giStar(points.map((p, i) => ({ ...p, value: counts[i] })), band));
    }
  });

  it('reports no z-score where every value is the same (no variance, nothing to test)', () => {
    const flat = giStar(points.map(([x, y]) => ({ x, y, value: 4 })), 15);
    expect(flat.every((r) => Number.isNaN(r.z))).toBe(true);
    expect(confidenceBins(flat)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('finds a planted cluster on a grid as a 99 % hot spot and leaves the rest alone', () => {
    const cells = [];
    for (let x = 0; x < 20; x++) for (let y = 0; y < 20; y++) cells.push({ x: x * 100, y: y * 100, value: x >= 9 && x <= 11 && y >= 9 && y <= 11 ? 20 : (x * 7 + y * 3) % 3 });
    const result = giStar(cells, 150);
    const bins = confidenceBins(result);
    const centre = cells.findIndex((c) => c.x === 1000 && c.y === 1000);
    expect(bins[centre]).toBe(3);
    const corner = cells.findIndex((c) => c.x === 0 && c.y === 0);
    expect(bins[corner]).toBeLessThanOrEqual(0);
  });
});

describe('normal distribution', () => {
  it('has the familiar critical values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(1.644854)).toBeCloseTo(0.1, 6);
  });
});

describe('confidence bins and the false discovery rate', () => {
  it('bins by two-sided p at 90/95/99 % with the sign of z', () => {
    expect(confidenceBins([{ z: 2.7, p: twoSidedP(2.7) }, { z: -2.1, p: twoSidedP(2.1) }, { z: 1.7, p: twoSidedP(1.7) }, { z: 1.2, p: twoSidedP(1.2) }])).toEqual([3, -2, 1, 0]);
  });

  it('applies the Benjamini–Hochberg step-up rule', () => {
    // Worked example: m = 5, α = 0.05 → limits 0.01, 0.02, 0.03, 0.04, 0.05; the largest p under its limit is 0.03.
    expect(benjaminiHochbergThreshold([0.001, 0.015, 0.03, 0.2, 0.9], 0.05)).toBe(0.03);
    expect(benjaminiHochbergThreshold([0.2, 0.5], 0.05)).toBe(0);
  });

  it('with FDR, a lone borderline result among many nulls is no longer significant', () => {
    const results = [{ z: 2.0, p: twoSidedP(2.0) }, ...Array.from({ length: 50 }, () => ({ z: 0.1, p: twoSidedP(0.1) }))];
    expect(confidenceBins(results)[0]).toBe(2);
    expect(confidenceBins(results, true)[0]).toBe(0);
  });
});

describe('Mann-Kendall', () => {
  it('matches MannKendall.jl / pyMannKendall for 1..100', () => {
    const r = mannKendall(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(r.s).toBe(4950);
    expect(r.varS).toBe(112750);
    expect(r.z).toBeCloseTo(14.73869998208331, 10);
    expect(r.trend).toBe('increasing');
  });

  it('corrects the variance for ties', () => {
    // [1, 2, 2, 3]: S = 5 (pairs up) − 0 (down), one tie group of 2 → Var = (4·3·13 − 2·1·9)/18 = 7.6667.
    const r = mannKendall([1, 2, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.varS).toBeCloseTo((4 * 3 * 13 - 2 * 1 * 9) / 18, 10);
    expect(r.z).toBeCloseTo(4 / Math.sqrt(r.varS), 10);
  });

  it('finds no trend in a flat or alternating series', () => {
    expect(mannKendall([3, 3, 3, 3, 3]).trend).toBe('none');
    expect(mannKendall([1, 5, 1, 5, 1, 5, 1, 5]).trend).toBe('none');
  });
});

describe('emerging hot-spot categories', () => {
  const z = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  type Bin = -3 | -2 | -1 | 0 | 1 | 2 | 3;
  const bins = (s: string) => [...s].map((c) => (c === 'H' ? 3 : c === 'h' ? 1 : c === 'C' ? -3 : 0)) as Bin[];

  it('new: significant in the last step only', () => {
    expect(emergingPattern(bins('..........H'), z(11, (i) => (i === 10 ? 3 : 0))).pattern).toBe('new');
  });
  it('consecutive: an unbroken final run, nothing before', () => {
    expect(emergingPattern(bins('.......HHHH'), z(11, (i) => (i >= 7 ? 3 : 0))).pattern).toBe('consecutive');
  });
  it('intensifying, persistent, diminishing: ≥ 90 % of steps, by the Mann-Kendall trend of z', () => {
    expect(emergingPattern(bins('HHHHHHHHHHH'), z(11, (i) => 2 + i * 0.3)).pattern).toBe('intensifying');
    expect(emergingPattern(bins('HHHHHHHHHHH'), z(11, (i) => 3 + (i % 2) * 0.2)).pattern).toBe('persistent');
    expect(emergingPattern(bins('HHHHHHHHHHH'), z(11, (i) => 6 - i * 0.3)).pattern).toBe('diminishing');
  });
  it('historical: mostly hot, not in the last step', () => {
    expect(emergingPattern(bins('HHHHHHHHHHHHHHHHHHHH.'), z(21, (i) => (i < 20 ? 3 : 0))).pattern).toBe('historical');
  });
  it('sporadic and oscillating: on and off, with or without a cold past', () => {
    expect(emergingPattern(bins('H..H..H...H'), z(11, () => 1)).pattern).toBe('sporadic');
    expect(emergingPattern(bins('C..H..C...H'), z(11, () => 1)).pattern).toBe('oscillating');
  });
  it("the current ESRI rules: a hot spot in an early step only is no pattern; a cold past makes new/consecutive oscillating (sfdep)", () => {
    const flat = z(10, () => 1);
    expect(emergingPattern(bins('H.........'), flat)).toMatchObject({ pattern: null, side: null });
    expect(emergingPattern(bins('HH.H......'), flat)).toMatchObject({ pattern: null, side: null });
    expect(emergingPattern(bins('C........H'), flat)).toMatchObject({ pattern: 'oscillating', side: 'hot' });
    expect(emergingPattern(bins('C.......HH'), flat)).toMatchObject({ pattern: 'oscillating', side: 'hot' });
    expect(emergingPattern(bins('C.........'), flat)).toMatchObject({ pattern: null, side: null });
    expect(emergingPattern(bins('H........C'), flat)).toMatchObject({ pattern: 'oscillating', side: 'cold' });
    expect(emergingPattern(bins('H.......CC'), flat)).toMatchObject({ pattern: 'oscillating', side: 'cold' });
    expect(emergingPattern(bins('.......CCC'), flat)).toMatchObject({ pattern: 'consecutive', side: 'cold' });
    expect(emergingPattern(bins('C..C.....C'), flat)).toMatchObject({ pattern: 'sporadic', side: 'cold' });
    expect(emergingPattern(bins('CCCCCCCCC.'), flat)).toMatchObject({ pattern: 'historical', side: 'cold' });
  });

  it("every sequence of ten steps gets the category ESRI's text gives it (exhaustive truth table, 3¹⁰ sequences)", () => {
    // The oracle: each rule written out from the ArcGIS Pro page, per side, without the app's code path.
    type Side = 'hot' | 'cold';
    const oracle = (hot: boolean[], cold: boolean[], trend: 'up' | 'down' | 'none'): { side: Side; pattern: string }[] => {
      const found: { side: Side; pattern: string }[] = [];
      for (const side of ['hot', 'cold'] as Side[]) {
        const sig = side === 'hot' ? hot : cold;
        const other = side === 'hot' ? cold : hot;
        const rising = side === 'hot' ? trend === 'up' : trend === 'down';
        const falling = side === 'hot' ? trend === 'down' : trend === 'up';
        const n = sig.length;
        const count = sig.filter(Boolean).length;
        const final = sig[n - 1];
        let run = 0;
        for (let t = n - 1; t >= 0 && sig[t]; t--) run++;
        const share = count / n;
        const add = (pattern: string) => found.push({ side, pattern });
        if (final && count === 1) add('new');
        if (final && run >= 2 && run === count && share < 0.9) add('consecutive');
        if (share >= 0.9 && final && rising) add('intensifying');
        if (share >= 0.9 && final && !rising && !falling) add('persistent');
        if (share >= 0.9 && final && falling) add('diminishing');
        if (final && share < 0.9 && !other.some(Boolean) && count > run) add('sporadic');
        if (final && share < 0.9 && other.slice(0, n - 1).some(Boolean)) add('oscillating');
        if (!final && share >= 0.9) add('historical');
      }
      return found;
    };
    const symbols = ['.', 'H', 'C'];
    let checked = 0;
    for (let code = 0; code < 3 ** 10; code++) {
      let c = code;
      let text = '';
      for (let i = 0; i < 10; i++) { text += symbols[c % 3]; c = Math.floor(c / 3); }
      const b = bins(text);
      const zs = b.map((v, i) => v + (i % 2) * 0.01); // intensity follows the bins; MK decides the trend
      const mk = mannKendall(zs);
      const trend = mk.trend === 'increasing' ? 'up' : mk.trend === 'decreasing' ? 'down' : 'none';
      let candidates = oracle(b.map((v) => v > 0), b.map((v) => v < 0), trend);
      const finalSide = b[9] > 0 ? 'hot' : b[9] < 0 ? 'cold' : null;
      if (finalSide && candidates.some((x) => x.side === finalSide)) candidates = candidates.filter((x) => x.side === finalSide);
      if (candidates.some((x) => x.pattern === 'oscillating')) candidates = candidates.filter((x) => x.pattern === 'oscillating');
      expect(candidates.length, text).toBeLessThanOrEqual(1);
      const expected = candidates[0] ?? { side: null, pattern: null };
      expect(emergingPattern(b, zs), text).toMatchObject(expected);
      checked++;
    }
    expect(checked).toBe(59049);
  });
  it('cold spots mirror the rules', () => {
    const r = emergingPattern(bins('CCCCCCCCCCC'), z(11, (i) => -2 - i * 0.3));
    expect(r).toMatchObject({ pattern: 'intensifying', side: 'cold' });
    expect(emergingPattern(bins('..........C'), z(11, (i) => (i === 10 ? -3 : 0)))).toMatchObject({ pattern: 'new', side: 'cold' });
  });
  it('no significant step → no pattern', () => {
    expect(emergingPattern(bins('...........'), z(11, () => 0)).pattern).toBeNull();
  });
});
