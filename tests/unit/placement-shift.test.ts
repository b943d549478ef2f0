// Whether two periods' rows are placed in areas alike (lib/statistics/placement-shift.ts): the z against an
// independent computation (a 2×2 table's Pearson χ² is the square of the pooled two-proportion z), the police's
// real switch from kommun to län, and the false-alarm rate when nothing shifted.
import { describe, expect, it } from 'vitest';
import { placementShift, SHIFT_MIN_DIFFERENCE } from '../../src/lib/statistics/placement-shift';
import { seededRandom } from './support/seeded-random';

/** Pearson's χ² of a 2×2 table [[a, b], [c, d]] from its expected counts (no continuity correction). */
function pearsonChiSquare(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const rows = [a + b, c + d];
  const cols = [a + c, b + d];
  const cells = [[a, b], [c, d]];
  let x2 = 0;
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
    const e = (rows[i]! * cols[j]!) / n;
    x2 += (cells[i]![j]! - e) ** 2 / e;
  }
  return x2;
}

function draw(n: number, shares: Record<string, number>, next: () => number): Record<string, number> {
  const levels = Object.keys(shares);
  const out: Record<string, number> = Object.fromEntries(levels.map((l) => [l, 0]));
  for (let i = 0; i < n; i++) {
    let u = next();
    const level = levels.find((l) => (u -= shares[l]!) < 0) ?? levels[levels.length - 1]!;
    out[level]! += 1;
  }
  return out;
}

describe('the placement shift between two periods', () => {
  it('gives the z whose square is the 2×2 table’s Pearson χ²', () => {
    // 830 rows last period, 597 of them in a kommun; 746 now, 120 in a kommun.
    const shift = placementShift({ 'kommun,län': 120, län: 626 }, { 'kommun,län': 597, län: 233 })!;
    expect(shift).not.toBeNull();
    expect(shift.z ** 2).toBeCloseTo(pearsonChiSquare(120, 626, 597, 233), 9);
    expect(Math.abs(shift.current - shift.compared)).toBeCloseTo(Math.abs(120 / 746 - 597 / 830), 12);
  });

  it('flags the police’s switch to naming only the län (2025 v. 45–46: 1 439 of 2 036 in a kommun; 2026: none)', () => {
    // The real archive's months (../shared/data/polisen-events): December 2025 597 län-only, 1 439 kommun; August 2026
    // 1 245 län-only and no kommun.
    const shift = placementShift({ län: 1245 }, { län: 597, 'kommun,län': 1439 })!;
    expect(shift.level === 'län' || shift.level === 'kommun,län').toBe(true);
    expect(shift.current === 1 || shift.current === 0).toBe(true);
  });

  it('stays quiet on a steady mix and on a large but chance-sized swing of few rows', () => {
    expect(placementShift({ a: 700, b: 300 }, { a: 690, b: 310 })).toBeNull();
    // 4 of 6 against 1 of 6: a 50-point swing, z ≈ 1.7 — chance with so few rows.
    expect(placementShift({ a: 4, b: 2 }, { a: 1, b: 5 })).toBeNull();
    // Thousands of rows make a 3-point drift "significant" (z ≈ 4.2) — but not a shift of placement.
    expect(Math.abs(0.53 - 0.5)).toBeLessThan(SHIFT_MIN_DIFFERENCE);
    expect(placementShift({ a: 5300, b: 4700 }, { a: 5000, b: 5000 })).toBeNull();
    // T2 2026 against T1 in the police archive: 100 % against 86 % given only the län — a shift (it was let through).
    expect(placementShift({ län: 5000 }, { län: 4300, 'kommun,län': 700 })).not.toBeNull();
    expect(placementShift({}, { a: 3 })).toBeNull();
  });

  it('raises a false alarm in well under 1 % of period pairs drawn from one mix (4 000 pairs, 12–3 000 rows)', () => {
    const next = seededRandom(20261205);
    const mixes: Record<string, number>[] = [
      { 'kommun,län': 0.72, län: 0.27, '-unlocated': 0.01 },
      { 'kommun,stadsdel': 0.55, kommun: 0.3, '-outside': 0.1, '-unlocated': 0.05 },
      { '': 0.5, län: 0.5 },
    ];
    let alarms = 0;
    const pairs = 4000;
    for (let i = 0; i < pairs; i++) {
      const mix = mixes[i % mixes.length]!;
      const n = 12 + Math.floor(next() * 3000);
      if (placementShift(draw(n, mix, next), draw(Math.max(1, Math.round(n * (0.7 + 0.6 * next()))), mix, next))) alarms++;
    }
    // Each level's test alone errs in 0.1 % of pairs (|z| ≥ 3.29); with up to four levels, ≤ 0.4 %.
    expect(alarms / pairs).toBeLessThan(0.005);
  });
});
