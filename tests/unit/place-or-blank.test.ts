// The places read from `place_or_blank` (data/place-or-blank.query.ts) are the places `place` gives: the hot-spot
// names, the Karta's named places and side panel, and the lägesbild's top places, each against the same question
// asked of `place` directly, on the example (whose places are missing on some rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topPlacesSql } from '../../src/features/lagesbild/lagesbild.query';
import { NAMED_PLACES, detailQueries } from '../../src/features/map/map.query';
import { createExampleDatabase } from './support/example-database';

describe('places read without NULLs', () => {
  let db: Awaited<ReturnType<typeof createExampleDatabase>>;
  beforeAll(async () => {
    db = await createExampleDatabase();
  });
  afterAll(() => db?.runner.close());

  it('the example has rows without a place, and every row its place_or_blank', async () => {
    const [row] = await db.runner.rows<{ without: number; wrong: number }>(`SELECT count(*) FILTER (WHERE place IS NULL)::INTEGER AS without,
      count(*) FILTER (WHERE place_or_blank IS DISTINCT FROM coalesce(place, ''))::INTEGER AS wrong FROM incidents`);
    expect(row.without).toBeGreaterThan(100);
    expect(row.wrong).toBe(0);
  });

  it('named places on the map: the same list as from place', async () => {
    const byPlace = NAMED_PLACES.replace('SELECT place_or_blank AS place', 'SELECT place').replace("place_or_blank <> ''", 'place IS NOT NULL').replace('GROUP BY place_or_blank', 'GROUP BY place');
    expect(byPlace).not.toContain('place_or_blank');
    // Fewer than the 40 the list keeps, so ties at its end can't pick different places.
    const sorted = (sql: string) => db.runner.rows(`SELECT * FROM (${sql}) ORDER BY n DESC, place`);
    const rows = await sorted(NAMED_PLACES);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(40);
    expect(rows).toEqual(await sorted(byPlace));
  });

  it('a cell’s or area’s top places in the side panel, the missing place included as its own row', async () => {
    for (const where of ["area = 'Centrum'", 'epoch_day >= 20300', 'TRUE']) {
      const q = detailQueries(where, 'TRUE').topPlaces;
      const byPlace = `SELECT place, count(*)::INTEGER AS n FROM incidents WHERE ${where} GROUP BY ALL ORDER BY n DESC, place LIMIT 5`;
      const rows = await db.runner.rows<{ place: string | null; n: number }>(q);
      expect(rows.map((r) => [r.place, r.n])).toEqual((await db.runner.rows<{ place: string | null; n: number }>(byPlace)).map((r) => [r.place, r.n]));
    }
    const all = await db.runner.rows<{ place: string | null }>(`SELECT place FROM (${detailQueries('TRUE', 'TRUE').topPlaces.replace('LIMIT 5', 'LIMIT 1000')})`);
    expect(all.some((r) => r.place === null)).toBe(true);
  });

  it('the lägesbild’s top places for a period, its period before and last year', async () => {
    const w = { current: { from: 20390, to: 20403 }, previous: { from: 20376, to: 20389 }, lastYear: { from: 20026, to: 20039 } };
    const q = topPlacesSql(w, 8);
    const byPlace = q.replace('SELECT place_or_blank AS name', 'SELECT place AS name').replace("place_or_blank <> ''", 'place IS NOT NULL').replace('GROUP BY place_or_blank', 'GROUP BY place');
    expect(byPlace).not.toContain('place_or_blank');
    const rows = await db.runner.rows(q);
    expect(rows.length).toBe(8);
    expect(rows).toEqual(await db.runner.rows(byPlace));
  });
});
