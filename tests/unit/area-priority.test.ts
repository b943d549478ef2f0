// Areas ranked for the tertial analysis (#19 item 4): tertial boundaries, and on the example the ranking's rates,
// ratios against the other areas and hot-spot shares against an independent computation from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCompleteTertial, previousTertial, tertial, tertialOf } from '../../src/analysis/periods/tertials';
import { epochDayOfIsoDate as d } from '../../src/lib/epoch-day';
import { areaPrioritySql, tertialCellCountsSql } from '../../src/features/map/area-priority.query';
import { rankAreas, type AreaPriorityRow } from '../../src/features/map/area-priority.model';
import { hotSpots, defaultBand } from '../../src/analysis/hot-spots/hot-spots.model';
import { cellUniverseSql } from '../../src/analysis/hot-spots/hot-spots.query';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

describe('tertials', () => {
  it('jan–apr, maj–aug, sep–dec; the one before T1 is T3 of the year before', () => {
    expect(tertial(2026, 1)).toMatchObject({ from: d('2026-01-01'), to: d('2026-04-30') });
    expect(tertial(2026, 2)).toMatchObject({ from: d('2026-05-01'), to: d('2026-08-31') });
    expect(tertial(2026, 3)).toMatchObject({ from: d('2026-09-01'), to: d('2026-12-31') });
    expect(tertial(2024, 1).to - tertial(2024, 1).from + 1).toBe(121); // leap year
    expect(tertialOf(d('2026-08-31')).index).toBe(2);
    expect(previousTertial(tertial(2026, 1))).toMatchObject({ year: 2025, index: 3 });
    expect(latestCompleteTertial({ from: d('2024-01-01'), to: d('2026-11-22') })).toMatchObject({ year: 2026, index: 2 });
    expect(latestCompleteTertial({ from: d('2024-01-01'), to: d('2026-12-31') })).toMatchObject({ year: 2026, index: 3 });
    expect(latestCompleteTertial({ from: d('2026-06-01'), to: d('2026-11-22') })).toBeNull();
  });
});

describe('the example’s areas, ranked', () => {
  let runner: SqlRunner & { close(): void };
  beforeAll(async () => { ({ runner } = await createExampleDatabase()); }, 120_000);
  afterAll(() => runner?.close?.());

  it('rates, ratios against the other areas and hot-spot shares match a computation from the rows', async () => {
    const [{ first, last }] = await runner.rows<{ first: number; last: number }>('SELECT min(epoch_day) AS first, max(epoch_day) AS last FROM incidents');
    const current = latestCompleteTertial({ from: first, to: last })!;
    const previous = previousTertial(current);
    const size = 250;
    const band = defaultBand(size);
    const universe = await runner.rows<{ ix: number; iy: number }>(cellUniverseSql(size));
    const cells = await runner.rows<{ ix: number; iy: number; n: number }>(tertialCellCountsSql([], size, current));
    const outcome = hotSpots(universe, cells, size, band, true);
    const hot = outcome.status === 'ok' ? outcome.cells.filter((c) => c.bin >= 2) : [];
    expect(hot.length).toBeGreaterThan(0);
    const [{ kind }] = await runner.rows<{ kind: string }>('SELECT kind FROM areas LIMIT 1');
    const rows = await runner.rows<AreaPriorityRow>(areaPrioritySql([], kind, current, previous, size, hot));
    const ranked = rankAreas(rows, { current: current.to - current.from + 1, previous: previous.to - previous.from + 1 }, null);

    // Independently: every incident row of the tertial, its area and cell.
    const points = await runner.rows<{ area: string | null; e: number | null; n: number | null; day: number }>(
      `SELECT area, grid_e AS e, grid_n AS n, epoch_day AS day FROM incidents WHERE epoch_day BETWEEN ${current.from} AND ${current.to}`);
    // The comparison is with the other areas of the same kind (the example's stadsdelar; its ytterområden are another kind).
    const areas = await runner.rows<{ name: string; population: number }>(`SELECT name, population FROM areas WHERE kind = '${kind}'`);
    expect(areas.length).toBeGreaterThan(3);
    expect(ranked).toHaveLength(areas.length);
    const hotSet = new Set(hot.map((c) => `${c.ix}:${c.iy}`));
    const countOf = (name: string) => points.filter((p) => p.area === name).length;
    const totalCount = areas.reduce((s, a) => s + countOf(a.name), 0);
    const totalPop = areas.reduce((s, a) => s + a.population, 0);
    for (const a of areas) {
      const r = ranked.find((x) => x.name === a.name)!;
      const c = countOf(a.name);
      expect(r.current).toBe(c);
      expect(r.rate).toBeCloseTo((c / a.population) * 1000, 9);
      const ratio = (c / a.population) / ((totalCount - c) / (totalPop - a.population));
      expect(r.vsRest!.change! + 1).toBeCloseTo(ratio, 9);
      const inHot = points.filter((p) => p.area === a.name && p.e !== null && hotSet.has(`${Math.floor(p.e / size)}:${Math.floor(p.n! / size)}`)).length;
      // Of the located incidents (only they can lie in a cell); none located: no share ("–").
      const located = points.filter((p) => p.area === a.name && p.e !== null).length;
      if (located) expect(r.hotShare).toBeCloseTo(inHot / located, 9);
      else expect(r.hotShare).toBeNull();
    }
    // Where the hot-spot analysis did not run (no positions, too few cells), no share at all: not "0 %" (helper-62).
    expect(rankAreas(rows, { current: current.to - current.from + 1, previous: previous.to - previous.from + 1 }, null, true, false).every((r) => r.hotShare === null)).toBe(true);
    // Ranked by rate, highest first.
    const rates = ranked.map((r) => r.rate ?? -1);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
  }, 120_000);
});

describe('the change against the previous tertial when the data begins inside it', () => {
  const row = (name: string, current: number, previous: number): AreaPriorityRow => ({ name, population: 10_000, current, current_key: 0, previous, previous_key: 0, hot: 0, hot_key: 0, located: 0, located_key: 0 });

  it('compares per day with data: 44 in 52 days against 113 in 123 is +8 %, not a significant +151 %', () => {
    // The tester's Linköping: data from 2025-03-10, so T1 2025 has 52 days with data of its 120.
    const [r] = rankAreas([row('Linköping', 113, 44)], { current: 123, previous: 52 }, null);
    expect(r.vsPrevious!.change).toBeCloseTo((113 / 123) / (44 / 52) - 1, 9);
    expect(r.vsPrevious!.significant).toBe(false);
    // Counting all 120 days of T1 was the fault.
    const [wrong] = rankAreas([row('Linköping', 113, 44)], { current: 123, previous: 120 }, null);
    expect(wrong.vsPrevious!.significant).toBe(true);
  });

  it('shows no change when the data has no day in the previous tertial', () => {
    const [r] = rankAreas([row('Nya', 20, 0)], { current: 123, previous: 0 }, null);
    expect(r.vsPrevious).toBeNull();
  });
});

describe('the areas the tertial table ranks', () => {
  it('leaves out areas with no data on the Karta and areas with no incident in either tertial', async () => {
    const { areasToRank } = await import('../../src/features/map/area-priority.model');
    const row = (name: string, current: number, previous: number): AreaPriorityRow => ({ name, population: 1000, current, current_key: 0, previous, previous_key: 0, hot: 0, hot_key: 0, located: 0, located_key: 0 });
    const rows = [row('Malmö', 10, 12), row('Helsingborg', 0, 0), row('Göteborg', 0, 0), row('Lund', 0, 3)];
    expect(areasToRank(rows, new Set(['Göteborg'])).map((r) => r.name)).toEqual(['Malmö', 'Lund']);
    // Public view keeps the areas with none (helper-63: the five names missing from the list were the zeros).
    expect(areasToRank(rows, new Set(['Göteborg']), true).map((r) => r.name)).toEqual(['Malmö', 'Helsingborg', 'Lund']);
  });
});

describe('the change against the previous tertial when the rows are placed differently (police events from 2026)', () => {
  it('finds the share in the kind’s areas moved, and then shows no change per area (was "Arboga ▼ −100 %")', async () => {
    const { createSchemaRunner } = await import('../../scripts/node-runner');
    const { kindPlacementSql } = await import('../../src/features/map/area-priority.query');
    const { kindPlacementShift } = await import('../../src/features/map/area-priority.model');
    const runner = await createSchemaRunner();
    try {
      const t3 = tertial(2025, 3);
      const t1 = tertial(2026, 1);
      const kommun = '\u001fkommun\u001eArboga\u001flän\u001eVästmanlands län\u001f';
      const lan = '\u001flän\u001eVästmanlands län\u001f';
      // T3 2025: 90 in Arboga and 30 given only the län; T1 2026: 10 in Arboga (January) and 110 only the län.
      const insert = (day: number, names: string, n: number) => `INSERT INTO incidents (occurred_at, category, location_precision, area, source, epoch_day, area_names)
        SELECT TIMESTAMP '1970-01-01' + INTERVAL (${day}) DAY, 'Stöld', 'area', 'x', 'polisen', ${day}, '${names}' FROM range(${n})`;
      await runner.exec([insert(t3.from + 5, kommun, 90), insert(t3.from + 6, lan, 30), insert(t1.from + 3, kommun, 10), insert(t1.from + 40, lan, 110)].join(';\n'));
      const [row] = await runner.rows<{ current: number; current_in: number; previous: number; previous_in: number }>(kindPlacementSql([], 'kommun', t1, t3));
      expect(row).toEqual({ current: 120, current_in: 10, previous: 120, previous_in: 90 });
      const shift = kindPlacementShift(row)!;
      expect(shift.current).toBeCloseTo(10 / 120, 12);
      expect(shift.compared).toBeCloseTo(90 / 120, 12);
      // The län kind holds every row in both tertials: no shift there.
      const [lanRow] = await runner.rows<{ current: number; current_in: number; previous: number; previous_in: number }>(kindPlacementSql([], 'län', t1, t3));
      expect(kindPlacementShift(lanRow)).toBeNull();
      // Trender under an area filter asks the same question and gets the same answer (helper-62: it withheld the
      // län's comparison the Karta showed): the kommun shifted, the län did not; without a kind, every level counts.
      const { comparisonShift } = await import('../../src/features/trends/use-placement-shift');
      const { placementLevelsSql } = await import('../../src/data/placement-level.query');
      const levels = await runner.rows<{ level: string; current: number; previous: number }>(placementLevelsSql('TRUE', t1, t3));
      expect(comparisonShift(levels, 'kommun')).not.toBeNull();
      expect(comparisonShift(levels, 'län')).toBeNull();
      expect(comparisonShift(levels)).not.toBeNull();
      expect(comparisonShift(levels, 'kommun')!.current).toBeCloseTo(shift.current, 12);
      expect(comparisonShift(levels, 'kommun')!.compared).toBeCloseTo(shift.compared, 12);
      const areaRow: AreaPriorityRow = { name: 'Arboga', population: 14_000, current: 10, current_key: 0, previous: 90, previous_key: 0, hot: 0, hot_key: 0, located: 0, located_key: 0 };
      expect(rankAreas([areaRow], { current: 120, previous: 122 }, null)[0]!.vsPrevious!.significant).toBe(true);
      expect(rankAreas([areaRow], { current: 120, previous: 122 }, null, false)[0]!.vsPrevious).toBeNull();
    } finally {
      runner.close();
    }
  });
});
