// The Karta's bases of 125 m squares (data/cell-bases.query.ts): counts per cell (and ISO week) and hot-spot names read from them
// equal the same counted over every incident, at every square size they serve, under several filters; a base is
// dropped when more than BASES_KEPT are kept and after a data change, and a query never reads a base of other data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellLabelsSql, cellWeekCountsQuery, fromWeekBase } from '../../src/analysis/hot-spots/hot-spots.query';
import { BASES_KEPT, CELL_BASE_PREFIX, CELL_BASE_TABLES, dropCellBases, servedByCellBase } from '../../src/data/cell-bases.query';
import { CELL_SIZES } from '../../src/analysis/hot-spots/hot-spots.model';
import { FILL_PLACE_OR_BLANK } from '../../src/data/place-or-blank.query';
import { cellCountsQuery } from '../../src/features/map/map.query';
import { createExampleDatabase } from './support/example-database';

interface Counted { ix: number; iy: number; week?: number; n: number | bigint; key: number | bigint }
const canonical = (rows: Counted[]) =>
  rows.map((r) => `${r.ix}:${r.iy}:${r.week ?? ''}=${Number(r.n)}/${Number(r.key)}`).sort();

// Counted here without the app's expressions: the cell of a row is floor(metres / size), its week the Monday before.
const byHand = (size: number, where: string, perWeek: boolean) => `SELECT floor(grid_e / ${size})::INTEGER AS ix, floor(grid_n / ${size})::INTEGER AS iy
  ${perWeek ? ', epoch_day - ((epoch_day - 4) % 7 + 7) % 7 AS week' : ''}, count(*) AS n, sum(record_key) AS key
  FROM incidents WHERE grid_e IS NOT NULL AND ${where} GROUP BY ALL`;

describe('cell bases', () => {
  let db: Awaited<ReturnType<typeof createExampleDatabase>>;
  beforeAll(async () => {
    db = await createExampleDatabase();
    dropCellBases([]); // another test file's bases are not in this database
  });
  afterAll(() => db?.runner.close());
  const baseTables = async () => (await db.runner.rows<{ table_name: string }>(CELL_BASE_TABLES)).map((r) => r.table_name).sort();
  const dropAll = async () => {
    const drops = dropCellBases(await baseTables());
    if (drops) await db.runner.exec(drops);
  };

  it('serves squares whose side is a whole multiple of 125 m, and nothing else', () => {
    expect([125, 250, 500, 1000].every((s) => servedByCellBase(s, 'square'))).toBe(true);
    expect([100, 200, 25, 50, 130].some((s) => servedByCellBase(s, 'square'))).toBe(false);
    expect(servedByCellBase(500, 'hex')).toBe(false);
    // The sizes offered that a base does not serve are counted from the incidents (the same functions, no base).
    expect(String(cellWeekCountsQuery(200, 'square')([]))).not.toContain(CELL_BASE_PREFIX);
    expect(String(cellCountsQuery(100, 'square', true)([]))).not.toContain(CELL_BASE_PREFIX);
    expect(cellLabelsSql(200, 'TRUE', 'square', [{ ix: 1, iy: 1 }])).not.toContain(CELL_BASE_PREFIX);
    expect(CELL_SIZES.filter((s) => servedByCellBase(s, 'square'))).toEqual([125, 250, 500, 1000]);
  });

  const filters: [string, string[]][] = [
    ['no filter', []],
    ['one category', ["category = 'Skadegörelse'"]],
    ['a day range and a category', ['epoch_day BETWEEN 20100 AND 20300', "category <> 'Stöld'"]],
  ];
  describe.each(filters)('%s', (_label, filter) => {
    const where = filter.length ? filter.map((f) => `(${f})`).join(' AND ') : 'TRUE';
    it.each([125, 250, 500, 1000])('counts per cell and week at %i m equal the counts over every incident', async (size) => {
      const fromBase = await db.runner.rows<Counted>(String(cellWeekCountsQuery(size, 'square')(filter)));
      const direct = await db.runner.rows<Counted>(byHand(size, where, true));
      expect(direct.length).toBeGreaterThan(20);
      expect(canonical(fromBase)).toEqual(canonical(direct));
    });
    it.each([125, 500])('counts per cell at %i m equal the counts over every incident', async (size) => {
      const fromBase = await db.runner.rows<Counted>(String(cellCountsQuery(size, 'square', true)(filter)));
      expect(String(cellCountsQuery(size, 'square', true)(filter))).toContain('cell_base_weeks_');
      expect(canonical(fromBase)).toEqual(canonical(await db.runner.rows<Counted>(byHand(size, where, false))));
    });
    it.each([125, 250, 1000])('hot-spot names at %i m equal the names counted from every incident', async (size) => {
      // The 40 busiest cells, named from the base and (with every row preferred, the lägesbild's path) from the rows.
      const cells = await db.runner.rows<{ ix: number; iy: number }>(`SELECT ix, iy FROM (${byHand(size, where, false)}) ORDER BY n DESC, ix, iy LIMIT 40`);
      const fromBase = cellLabelsSql(size, where, 'square', cells)!;
      expect(fromBase).toContain('cell_base_names_');
      const direct = cellLabelsSql(size, where, 'square', cells, undefined, false)!;
      const preferredAll = cellLabelsSql(size, where, 'square', cells, 'TRUE')!;
      for (const sql of [direct, preferredAll]) expect(sql).not.toContain('cell_base_');
      const order = ' ORDER BY ix, iy';
      const named = await db.runner.rows(fromBase + order);
      expect(named.length).toBe(cells.length);
      expect(named).toEqual(await db.runner.rows(direct + order));
      expect(named).toEqual(await db.runner.rows(preferredAll + order));
    });
  });

  it(`keeps at most ${BASES_KEPT} bases of a kind, and builds an evicted one again when it is asked for`, async () => {
    await dropAll();
    const categories = ["category = 'Stöld'", "category = 'Rån'", "category = 'Skadegörelse'"];
    for (const c of categories) await db.runner.rows(fromWeekBase(500, [c], false));
    expect((await baseTables()).length).toBe(BASES_KEPT);
    const again = await db.runner.rows<Counted>(fromWeekBase(500, [categories[0]], false));
    expect(canonical(again)).toEqual(canonical(await db.runner.rows<Counted>(byHand(500, categories[0], false))));
    expect((await baseTables()).length).toBe(BASES_KEPT);
  });

  it('reads new data after a data change drops the bases', async () => {
    const filter = ["category = 'Stöld'"];
    const before = await db.runner.rows<Counted>(fromWeekBase(1000, filter, false));
    await db.runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, source, epoch_day, grid_e, grid_n, record_key)
      SELECT 'extra' || i, TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 't', 20454, 640000 + i, 6640000, 7 FROM range(3) t(i)`);
    await db.runner.exec(FILL_PLACE_OR_BLANK);
    // Without the drop the base is the old data's (what coordinator.ts's refreshAfterDataChange prevents).
    expect(canonical(await db.runner.rows<Counted>(fromWeekBase(1000, filter, false)))).toEqual(canonical(before));
    await dropAll();
    expect(await baseTables()).toEqual([]);
    const after = await db.runner.rows<Counted>(fromWeekBase(1000, filter, false));
    expect(canonical(after)).toEqual(canonical(await db.runner.rows<Counted>(byHand(1000, filter[0], false))));
    expect(after.find((r) => r.ix === 640 && r.iy === 6640)?.n).toBeDefined();
  });
});
