// Whether a category begins or ends in the data (lib/statistics/silent-stretch.ts): the bound at its stated place,
// a renamed category found on the day it changed, and how often a category that never changed is flagged by chance.
import { describe, expect, it } from 'vitest';
import { categoryBoundaries, silentBeyondChance, SILENT_EXPECTED, SILENT_MIN_ROWS, type CategorySpan } from '../../src/lib/statistics/silent-stretch';
import { poissonDraw, seededRandom } from './support/seeded-random';

/** A category's life from daily Poisson counts at `rate` on days `from`…`to` (null: no row at all). */
function lifeOf(name: string, rate: number, from: number, to: number, u: () => number): CategorySpan | null {
  let rows = 0;
  let first = -1;
  let last = -1;
  for (let day = from; day <= to; day++) {
    const n = poissonDraw(rate, u);
    if (n === 0) continue;
    rows += n;
    if (first < 0) first = day;
    last = day;
  }
  return rows ? { name, rows, first_day: first, last_day: last } : null;
}

describe('a stretch without rows', () => {
  it('is beyond chance when the rate from the category’s own life expects SILENT_EXPECTED rows in it', () => {
    // 21 rows from day 0 to day 20: 20 gaps over 20 days, one a day.
    expect(silentBeyondChance(21, 0, 20, SILENT_EXPECTED)).toBe(true);
    expect(silentBeyondChance(21, 0, 20, SILENT_EXPECTED - 0.01)).toBe(false);
    // e^−10: the chance of such a stretch at the true rate (Poisson, no event in t days).
    expect(Math.exp(-SILENT_EXPECTED)).toBeLessThan(5e-5);
    // Too few rows for a rate: never judged, however long the stretch.
    expect(silentBeyondChance(SILENT_MIN_ROWS - 1, 0, 18, 10_000)).toBe(false);
    expect(() => silentBeyondChance(21, 20, 0, 5)).toThrow(RangeError);
    expect(() => silentBeyondChance(21, 0, 20, Number.NaN)).toThrow(RangeError);
  });

  it('finds a renamed category on both sides of the day it changed (Fylleri/LOB → Fylleri)', () => {
    const u = seededRandom(7);
    const old = lifeOf('Fylleri/LOB', 1.5, 0, 199, u)!;
    const renamed = lifeOf('Fylleri', 1.5, 200, 364, u)!;
    const steady = lifeOf('Stöld', 4, 0, 364, u)!;
    const found = categoryBoundaries([old, renamed, steady], { from: 186, to: 213 }, { from: 0, to: 364 });
    expect(found).toEqual([
      { name: 'Fylleri/LOB', begins: null, ends: old.last_day },
      { name: 'Fylleri', begins: renamed.first_day, ends: null },
    ]);
    expect(old.last_day).toBeGreaterThanOrEqual(195);
    expect(renamed.first_day).toBeLessThanOrEqual(204);
    // A span after the change: only the new name's life lies in it, and it neither begins nor ends there.
    expect(categoryBoundaries([old, renamed, steady], { from: 300, to: 327 }, { from: 0, to: 364 })).toEqual([]);
    // The data ends the day after the old name's last row: too short a stretch to say it ended.
    expect(categoryBoundaries([old], { from: 186, to: 213 }, { from: 0, to: old.last_day + 1 })).toEqual([]);
  });

  it('flags a category that never changed in at most 0.1 % of 3 000 draws (rates 0.05–3 a day, the last four weeks)', () => {
    const u = seededRandom(2026);
    let judged = 0;
    let flagged = 0;
    for (let i = 0; i < 3000; i++) {
      const rate = 0.05 + u() * 2.95;
      const life = lifeOf(`c${i}`, rate, 0, 364, u);
      if (!life) continue;
      if (life.rows >= SILENT_MIN_ROWS) judged++;
      flagged += categoryBoundaries([life], { from: 337, to: 364 }, { from: 0, to: 364 }).length;
    }
    expect(judged).toBeGreaterThan(2900);
    expect(flagged / judged).toBeLessThanOrEqual(0.001);
  });
});
