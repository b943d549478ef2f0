// A place written in several ways (case, spaces: data/spelling-key.query.ts) is one place in every list of places —
// the Karta's named places and side panel, the lägesbild's top places — as in the hot-spot names (cell-labels.test.ts):
// one row, its counts summed, named by its most common spelling. Checked against counts done here in JavaScript.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaRunner } from '../../scripts/node-runner';
import { FILL_PLACE_OR_BLANK } from '../../src/data/place-or-blank.query';
import { topPlacesSql } from '../../src/features/lagesbild/lagesbild.query';
import { NAMED_PLACES, detailQueries } from '../../src/features/map/map.query';

// Spellings per day: day 10 is the current window, day 3 the previous, day 1 last year. "Torget" 20 + "torget" 9 +
// "TORGET" 4 against "Kiosken" 25; "Östra  torget" (two spaces) 6 + "östra torget" 7 + "Östra torget" (U+00A0) 5;
// rows without a place 30.
const ROWS: [string | null, number, number][] = [
  ['Torget', 10, 14], ['Torget', 3, 6], ['torget', 10, 9], ['TORGET', 1, 4], ['Kiosken', 10, 25],
  ['Östra  torget', 10, 6], ['östra torget', 10, 7], ['Östra\u00a0torget', 3, 5], [null, 10, 30],
];
const key = (p: string) => p.toLowerCase().replace(/[\s\u00a0]+/g, ' ');

describe('places written in several ways', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
    let i = 0;
    const values = ROWS.flatMap(([place, day, n]) => Array.from({ length: n }, () => {
      i++;
      return `('r${i}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Centrum', ${place === null ? 'NULL' : `'${place}'`}, 't', ${day}, ${600000 + (i % 50)}, ${6600000 + (i % 50)}, ${i})`;
    }));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n, record_key) VALUES ${values.join(', ')}`);
    await runner.exec(FILL_PLACE_OR_BLANK);
  });
  afterEach(() => runner.close());

  // By hand: per key, the rows (optionally of some days) summed, and the spelling with the most rows of those days.
  const byKey = (days: number[]) => {
    const groups = new Map<string, { n: number; spellings: Map<string, number> }>();
    for (const [place, day, n] of ROWS) {
      if (place === null || !days.includes(day)) continue;
      const g = groups.get(key(place)) ?? { n: 0, spellings: new Map() };
      g.n += n;
      g.spellings.set(place, (g.spellings.get(place) ?? 0) + n);
      groups.set(key(place), g);
    }
    return [...groups.values()].map((g) => ({ name: [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0], n: g.n }));
  };

  it('the Karta’s named places: one mark per place, its count summed, at its most common spelling', async () => {
    const rows = await runner.rows<{ place: string; n: number }>(NAMED_PLACES);
    const expected = byKey([1, 3, 10]).filter((g) => g.n >= 25).sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : 1));
    expect(rows.map((r) => [r.place, r.n])).toEqual(expected.map((g) => [g.name, g.n]));
    // Torget 20 + torget 9 + TORGET 4 = 33 marks "Torget" above Kiosken 25; the three east spellings, 18, are below 25.
    expect(rows.map((r) => r.place)).toEqual(['Torget', 'Kiosken']);
  });

  it('the Karta’s named places: the same name at another site is a mark of its own', async () => {
    // 30 "Torget" and 26 "torget" 6 km east of the first Torget: two sites, two marks, each with its own count.
    const far = Array.from({ length: 26 }, (_, i) => `('far${i}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 17.0, 'point', 'Öster', 'torget', 't', 10, ${606000 + i}, 6600010, 0)`);
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n, record_key) VALUES ${far.join(', ')}`);
    await runner.exec(FILL_PLACE_OR_BLANK);
    const rows = await runner.rows<{ place: string; n: number; lon: number }>(NAMED_PLACES);
    expect(rows.map((r) => [r.place, r.n, r.lon])).toEqual([['Torget', 33, 16.8], ['torget', 26, 17.0], ['Kiosken', 25, 16.8]]);
  });

  it('the Karta’s named places: a place whose incidents straddle a site square’s edge is one mark, its count summed', async () => {
    // "Lindbyrakan": 15 incidents just west and 15 just east of the 2 000 m line at E 610 000 (each half below the
    // threshold of 25), 14 + 1 of them spelled "lindbyrakan"; 26 "Strandvägen" 4 km further east stay a mark of their own.
    const row = (id: string, place: string, e: number) => `('${id}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, ${e < 610000 ? 16.9 : 16.91}, 'point', 'Öster', '${place}', 't', 10, ${e}, 6600010, 0)`;
    const straddling = Array.from({ length: 30 }, (_, i) => row(`l${i}`, i === 29 ? 'lindbyrakan' : 'Lindbyrakan', i < 15 ? 609990 - i : 610000 + i));
    const further = Array.from({ length: 26 }, (_, i) => row(`s${i}`, 'Strandvägen', 614100 + i));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n, record_key) VALUES ${[...straddling, ...further].join(', ')}`);
    await runner.exec(FILL_PLACE_OR_BLANK);
    const rows = await runner.rows<{ place: string; n: number; lon: number }>(NAMED_PLACES);
    expect(rows.filter((r) => key(r.place) === 'lindbyrakan').map((r) => [r.place, r.n])).toEqual([['Lindbyrakan', 30]]);
    expect(rows.filter((r) => r.place === 'Strandvägen').map((r) => r.n)).toEqual([26]);
    // Drawn where the name is most common: the western square (15 of "Lindbyrakan" against 14).
    expect(rows.find((r) => r.place === 'Lindbyrakan')?.lon).toBe(16.9);
  });

  it('the side panel’s top places: summed, with the rows without a place as a row of their own', async () => {
    const rows = await runner.rows<{ place: string | null; n: number; key: number }>(detailQueries('epoch_day = 10', 'TRUE').topPlaces);
    expect(rows.map((r) => [r.place, r.n])).toEqual([[null, 30], ['Kiosken', 25], ['Torget', 14 + 9], ['östra torget', 7 + 6]]);
    // Key sums add up with the counts: the whole period's sum of record keys.
    const [{ total }] = await runner.rows<{ total: number }>('SELECT sum(record_key)::DOUBLE AS total FROM incidents WHERE epoch_day = 10');
    expect(rows.reduce((s, r) => s + r.key, 0)).toBe(total);
  });

  it('the lägesbild’s top places: one row per place in the three windows, named by the spelling most common in them', async () => {
    const w = { current: { from: 10, to: 10 }, previous: { from: 3, to: 3 }, lastYear: { from: 1, to: 1 } };
    const rows = await runner.rows<{ name: string; current: number; previous: number; last_year: number }>(topPlacesSql(w, 8));
    const count = (days: number[], name: string) => byKey(days).find((g) => key(g.name) === key(name))?.n ?? 0;
    for (const r of rows) {
      expect([r.current, r.previous, r.last_year], r.name).toEqual([count([10], r.name), count([3], r.name), count([1], r.name)]);
    }
    // Torget: 14 + 6 of "Torget", 9 "torget", 4 "TORGET": current 23, previous 6, last year 4, named "Torget".
    expect(rows.map((r) => [r.name, r.current, r.previous, r.last_year])).toEqual([
      ['Kiosken', 25, 0, 0], ['Torget', 23, 6, 4], ['östra torget', 13, 5, 0],
    ]);
  });
});
