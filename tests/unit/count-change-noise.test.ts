// The change test on public view's counts: each shown count lies within ±2 of its exact one (cell-key noise), and a
// change is marked significant only when every exact pair in that band would be — so public view never marks a
// change the exact counts do not (a tester: "▼ −42 %" on shown 25 against 43, where the analyst's 26 against 43 was
// not marked). Checked by brute force over the band, independently of the corner the code tests.
import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../src/lib/statistics/count-change';
import { MAX_NOISE } from '../../src/lib/disclosure/cell-key';

describe('the change test on published counts', () => {
  it('marks a change only when every exact pair within the noise is significant in the same direction', () => {
    let marked = 0;
    for (const exposure of [1, 1.5, 31 / 28, 0.5]) {
      for (let c = 5; c <= 90; c += 1) {
        for (let p = 5; p <= 90; p += 3) {
          const shown = compareCounts(c, p, exposure, MAX_NOISE);
          if (!shown.significant) continue;
          marked++;
          for (let dc = -MAX_NOISE; dc <= MAX_NOISE; dc++) {
            for (let dp = -MAX_NOISE; dp <= MAX_NOISE; dp++) {
              const exact = compareCounts(Math.max(0, c + dc), Math.max(0, p + dp), exposure);
              expect(exact.significant && Math.sign(exact.z) === Math.sign(shown.z), `${c}+${dc} vs ${p}+${dp} ×${exposure}`).toBe(true);
            }
          }
        }
      }
    }
    // It still marks clear changes.
    expect(marked).toBeGreaterThan(1000);
    expect(compareCounts(60, 20, 1, MAX_NOISE).significant).toBe(true);
  });

  it('does not mark the tester’s shown pairs whose exact counts are not significant', () => {
    // v. 33–34 2026, Olaga hot against last year: exact 26 against 43 (not significant), shown 25 against 43.
    expect(compareCounts(26, 43).significant).toBe(false);
    expect(compareCounts(25, 43).significant).toBe(true);
    expect(compareCounts(25, 43, 1, MAX_NOISE).significant).toBe(false);
    // v. 19–20 2026, Stora torget: exact 27 against 44, shown 25 against 45.
    expect(compareCounts(27, 44).significant).toBe(false);
    expect(compareCounts(25, 45, 1, MAX_NOISE).significant).toBe(false);
    // Without noise (the analyst's view) the test is unchanged.
    expect(compareCounts(25, 43, 1, 0)).toEqual(compareCounts(25, 43));
  });

  it('under no change, marks no more than the exact test does, whatever the noise (simulated)', () => {
    // A seeded generator: Poisson counts with the same mean, each shown with noise uniform in ±2.
    let seed = 12345;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const poisson = (mean: number) => { let k = 0; let p = Math.exp(-mean); let s = p; const u = random(); while (u > s) { k++; p *= mean / k; s += p; } return k; };
    let exactMarked = 0;
    let shownMarked = 0;
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      const mean = 10 + (i % 7) * 8;
      const [c, p] = [poisson(mean), poisson(mean)];
      const noisy = (n: number) => Math.max(5, n + Math.floor(random() * (2 * MAX_NOISE + 1)) - MAX_NOISE);
      const exact = compareCounts(c, p);
      const shown = compareCounts(noisy(c), noisy(p), 1, MAX_NOISE);
      if (exact.significant) exactMarked++;
      if (shown.significant) {
        shownMarked++;
        expect(exact.significant, `${c} vs ${p}`).toBe(true);
      }
    }
    // The exact test's false-positive rate stays at or under its 5 % (binomial 99.9 % bound over 4000 runs).
    expect(exactMarked / runs).toBeLessThan(0.05 + 3.1 * Math.sqrt(0.05 * 0.95 / runs));
    expect(shownMarked).toBeLessThanOrEqual(exactMarked);
  });
});
