// Top-N lists of places are not cut through a tie (lib/top-list.ts): the places sharing the count at the cut are left
// out together and counted ("4 platser till med 2 vardera"), instead of the first of them in alphabetical order
// being listed and the rest dropped without a word (a tester: "Bakgrund Allén 23 (2)" where six places had 2).
// Checked on cutAtTie alone, and through the lägesbild's SQL (topPlacesSql) against counts done here by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { cutAtTie } from '../../src/lib/top-list';
import { createSchemaRunner } from '../../scripts/node-runner';
import { FILL_PLACE_OR_BLANK } from '../../src/data/place-or-blank.query';
import { topPlacesSql } from '../../src/features/lagesbild/lagesbild.query';
import { TOP_PLACES, buildReport, placesTiedText, type RawReport } from '../../src/features/lagesbild/lagesbild.model';
import { lagesbildPeriods } from '../../src/analysis/periods/compared-periods';
import { summaryParagraphs } from '../../src/features/lagesbild/lagesbild-summary';
import { lagesbildCsvRows } from '../../src/features/lagesbild/lagesbild-export';
import { sv } from '../../src/lib/i18n/sv';
import { PANEL_PLACES, detailQueries } from '../../src/features/map/map.query';
import { panelPlaces } from '../../src/features/map/map.model';
import { en } from '../../src/lib/i18n/en';

type Row = { name: string | null; n: number; same: number };
/** Rows sorted as the SQL sorts them, each with how many rows of the whole list share its count. */
const list = (counts: [string | null, number][]): Row[] =>
  counts.map(([name, n]) => ({ name, n, same: counts.filter(([other, m]) => m === n && (other === null) === (name === null)).length }));
const cut = (rows: Row[], limit: number) => cutAtTie(rows.slice(0, limit), limit, (r) => r.n, (r) => r.same, (r) => r.name !== null);

describe('cutAtTie', () => {
  it('lists every row when the cut falls between two counts', () => {
    const rows = list([['A', 5], ['B', 4], ['C', 3], ['D', 2], ['E', 2], ['F', 1]]);
    expect(cut(rows, 5)).toEqual({ rows: rows.slice(0, 5), tied: null });
  });

  it('leaves out every row at the count the cut goes through, and says how many share it', () => {
    const rows = list([['A', 5], ['B', 4], ['C', 3], ['D', 2], ['E', 2], ['F', 2], ['G', 2], ['H', 1]]);
    expect(cut(rows, 5)).toEqual({ rows: rows.slice(0, 3), tied: { rows: 4, count: 2 } });
    // The same at every place of the cut: the tie begins at the cut's row, or well before it.
    for (let first = 0; first < 5; first++) {
      const counts: [string, number][] = Array.from({ length: 8 }, (_, i) => [`P${i}`, i < first ? 10 - i : i < 6 ? 2 : 1]);
      const result = cut(list(counts), 5);
      expect(result.rows.map((r) => r.name)).toEqual(counts.slice(0, first).map(([name]) => name));
      expect(result.tied).toEqual({ rows: 6 - first, count: 2 });
    }
  });

  it('cuts nothing from a list shorter than the limit, and keeps a row that is not ranked (no place) where it is', () => {
    const short = list([['A', 2], ['B', 2]]);
    expect(cut(short, 5)).toEqual({ rows: short, tied: null });
    const withBlank = list([[null, 30], ['A', 5], ['B', 2], ['C', 2], ['D', 2]]);
    expect(cut(withBlank, 4)).toEqual({ rows: withBlank.slice(0, 2), tied: { rows: 3, count: 2 } });
  });
});

/** A lägesbild of only these top places (nothing else in the period). */
const rawWith = (places: RawReport['places']): RawReport => ({
  periods: lagesbildPeriods({ year: 2026, firstWeek: 45, lastWeek: 46 }), development: [], categories: [], areas: [], places, interventions: [],
  hotSpots: { status: 'too-few', size: 250, steps: 13, cells: [] }, goals: [],
}) as unknown as RawReport;

describe('the lägesbild’s top places at a tie', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  // Incidents per place in the current window (day 10); a few in the previous (day 3) that do not change the order.
  const CURRENT: [string, number][] = [['Kiosken', 6], ['Torget', 4], ['Stationen', 3], ['Parken', 2], ['Bakgrund Allén 23', 2], ['Gränd 7', 2], ['Hamnen', 2], ['Skolan', 1]];
  beforeEach(async () => {
    runner = await createSchemaRunner();
    let i = 0;
    const values = [...CURRENT.map(([place, n]) => [place, 10, n] as const), ['Parken', 3, 5] as const].flatMap(([place, day, n]) => Array.from({ length: n }, () => {
      i++;
      return `('r${i}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Centrum', '${place}', 't', ${day}, ${600000 + i}, ${6600000 + i}, 0)`;
    }));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n, record_key) VALUES ${values.join(', ')}`);
    await runner.exec(FILL_PLACE_OR_BLANK);
  });
  afterEach(() => runner.close());

  const windows = { current: { from: 10, to: 10 }, previous: { from: 3, to: 3 }, lastYear: { from: 1, to: 1 } };
  const report = async (k: number | null) => buildReport(rawWith(await runner.rows<RawReport['places'][number]>(topPlacesSql(windows, TOP_PLACES))), k === null ? null : { k });

  it('lists the places above the tie and counts the tied ones, as counted by hand', async () => {
    const r = await report(null);
    // By hand: the fifth largest count is 2, which four places share, so the list ends with the three above it.
    const fifth = [...CURRENT].sort((a, b) => b[1] - a[1])[TOP_PLACES - 1][1];
    const above = CURRENT.filter(([, n]) => n > fifth);
    const sharing = CURRENT.filter(([, n]) => n === fifth).length;
    expect(r.places.map((p) => [p.name, p.current])).toEqual(above);
    expect(r.placesTied).toEqual({ rows: sharing, count: fifth });
    expect(r.places.map((p) => p.name)).not.toContain('Bakgrund Allén 23');
  });

  it('says so in the table’s line, the CSV and the summary, in Swedish and English', async () => {
    const r = await report(null);
    await i18next.init({ lng: 'sv', resources: { sv: { translation: sv }, en: { translation: en } }, interpolation: { escapeValue: false } });
    expect(placesTiedText(r, i18next.t, 'sv')).toBe('Dessutom 4 platser med 2 händelser vardera: lika många, så listan skär inte mellan dem och ingen av dem står med.');
    const csv = lagesbildCsvRows(r, i18next.t, 'sv');
    const placeRows = csv.rows.filter((row) => row[0] === 'Plats');
    expect(placeRows.map((row) => row[1])).toEqual(['Kiosken', 'Torget', 'Stationen', '4 platser till med 2 vardera (lika många, inte listade)']);
    expect(placeRows[3].slice(2).every((cell) => cell === null)).toBe(true);
    expect(summaryParagraphs(r, 'sv')[1]).toContain('Flest händelser registrerades vid Kiosken (6), Torget (4) och Stationen (3).');
    await i18next.changeLanguage('en');
    expect(placesTiedText(r, i18next.t, 'en')).toBe('4 more places with 2 incidents each: as many, so the list does not cut between them and none of them is listed.');
  });

  it('public view: a tie below k is not said at all (it said "4 places with fewer than 5 each": at least one), and never a number of its own', async () => {
    const r = await report(5);
    expect((await report(null)).placesTied).toMatchObject({ rows: 4 });
    expect(r.placesTied).toBeNull();
    expect(r.places.every((p) => p.current !== null)).toBe(true);
    await i18next.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
    expect(placesTiedText(r, i18next.t, 'sv')).toBeNull();
    const big = await report(2);
    expect(big.placesTied).toEqual({ rows: 4, count: 'hidden' });
    // No number for them, in the line and the summary alike.
    expect(placesTiedText(big, i18next.t, 'sv')).toBe('Dessutom 4 platser med lika många händelser: listan skär inte mellan dem och ingen av dem står med.');
    // Every place tied: the summary names none and gives no number either (the analyst's view gives it).
    const tiedRow = (name: string) => ({ name, current: 2, previous: 0, last_year: 0, current_key: 0, previous_key: 0, last_year_key: 0, same_current: 6 });
    const allTied = (rule: { k: number } | null) => buildReport(rawWith(['A', 'B', 'C', 'D', 'E'].map(tiedRow)), rule);
    expect(allTied({ k: 2 }).places).toEqual([]);
    expect(summaryParagraphs(allTied({ k: 2 }), 'sv')[1]).toContain('Flest händelser registrerades vid flera platser med lika många.');
    expect(summaryParagraphs(allTied(null), 'sv')[1]).toContain('Flest händelser registrerades vid flera platser med 2 vardera.');

  });
});

describe('the Karta side panel’s top places at a tie', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  // 9 rows without a place (a row of their own, never cut), then 7, 3, 3, 3, 3, 3, 1 per place: the fifth place of the
  // list has 3, which five places share.
  const COUNTS: [string | null, number][] = [[null, 9], ['Kiosken', 7], ['Torget', 3], ['torget', 0], ['Parken', 3], ['Hamnen', 3], ['Skolan', 3], ['Gränd 7', 3], ['Stationen', 1]];
  beforeEach(async () => {
    runner = await createSchemaRunner();
    let i = 0;
    const values = COUNTS.flatMap(([place, n]) => Array.from({ length: n }, () => {
      i++;
      return `('r${i}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Centrum', ${place === null ? 'NULL' : `'${place}'`}, 't', 10, ${600000 + i}, ${6600000 + i}, ${i})`;
    }));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n, record_key) VALUES ${values.join(', ')}`);
    await runner.exec(FILL_PLACE_OR_BLANK);
  });
  afterEach(() => runner.close());

  it('lists the places above the tie and the row without a place; counts the tied places, as counted by hand', async () => {
    const rows = await runner.rows<{ place: string | null; n: number; key: number; same_n: number }>(detailQueries('TRUE', 'TRUE').topPlaces);
    expect(rows).toHaveLength(PANEL_PLACES);
    const panel = panelPlaces(rows, PANEL_PLACES, null);
    // By hand: places (not the blank row) sorted by count; the one at the cut (the fifth row of the list, which holds
    // the blank row too) decides.
    const named = COUNTS.filter(([p, n]) => p !== null && n > 0).sort((a, b) => b[1] - a[1]);
    const atCut = named[PANEL_PLACES - 2][1];
    expect(panel.places.map((p) => [p.place, p.n])).toEqual([[null, 9], ...named.filter(([, n]) => n > atCut)]);
    expect(panel.tied).toEqual({ rows: named.filter(([, n]) => n === atCut).length, count: atCut });
    // Public view with k = 5: the tied places (3 each) are small, so they are among the places not named, no count line.
    expect(panelPlaces(rows, PANEL_PLACES, { k: 5 })).toMatchObject({ tied: null, leftOut: 5 });
    // k = 3: they could be shown, but not with one shared number.
    expect(panelPlaces(rows, PANEL_PLACES, { k: 3 }).tied).toEqual({ rows: 5, count: 'hidden' });
  });
});
