// The Karta's study area (every cell that ever had a located incident) at each square size, derived from the 25 m
// squares read once (squareUniverse), must be the set the database gives at that size (cellUniverseSql).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaRunner } from '../../scripts/node-runner';
import { UNIVERSE_BASE_SIZE, cellUniverseSql } from '../../src/analysis/hot-spots/hot-spots.query';
import { CELL_SIZES, squareUniverse } from '../../src/analysis/hot-spots/hot-spots.model';

describe('the study area from 25 m squares', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeAll(async () => {
    runner = await createSchemaRunner();
    // 5 000 points over 12 × 9 km, many on exact multiples of 25 m (edges), a few below zero (floor, not truncation).
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, source, epoch_day, grid_e, grid_n)
      SELECT 'p' || i, TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 't', 10,
        CASE WHEN i % 5 = 0 THEN 600000 + (hash(i) % 480) * 25 ELSE 600000 + (hash(i) % 1200000) / 100.0 END,
        CASE WHEN i % 7 = 0 THEN -1000 + (hash(i * 3) % 80) * 25.0 ELSE 6600000 + (hash(i * 7) % 900000) / 100.0 END
      FROM range(5000) t(i)
      UNION ALL SELECT 'x', TIMESTAMP '2026-01-01', 'Stöld', NULL, NULL, 'none', 't', 10, NULL, NULL`);
  });
  afterAll(() => runner.close());

  it.each(CELL_SIZES)('equals the database’s own study area at %i m', async (size) => {
    const base = await runner.rows<{ ix: number; iy: number }>(cellUniverseSql(UNIVERSE_BASE_SIZE));
    const derived = squareUniverse(base, UNIVERSE_BASE_SIZE, size)!;
    const asked = await runner.rows<{ ix: number; iy: number }>(cellUniverseSql(size));
    const key = (c: { ix: number; iy: number }) => `${c.ix}:${c.iy}`;
    expect(derived.length).toBe(asked.length);
    expect(new Set(derived.map(key))).toEqual(new Set(asked.map(key)));
    expect(asked.length).toBeGreaterThan(10);
  });

  it('declines a size that is not a multiple of the base', () => {
    expect(squareUniverse([{ ix: 1, iy: 1 }], 25, 130)).toBeNull();
    expect(squareUniverse([{ ix: 1, iy: 1 }], 25, 10)).toBeNull();
  });
});
