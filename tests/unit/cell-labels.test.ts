// How a hot spot is named (analysis/hot-spots/hot-spots.query.ts cellLabelsSql): the most common place, area and
// category of the incidents in that cell under the filter — asked for the ranked cells only, checked against counts
// done here by hand, on squares and hexagons.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cellLabelsSql, nearCellsSql } from '../../src/analysis/hot-spots/hot-spots.query';
import { cellIndexSql } from '../../src/data/grid-cells.query';
import { createSchemaRunner } from '../../scripts/node-runner';
import { FILL_PLACE_OR_BLANK } from '../../src/data/place-or-blank.query';
import { CELL_BASE_TABLES, dropCellBases } from '../../src/data/cell-bases.query';

describe('cellLabelsSql', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());
  // What the app does after every data change (Database.refresh): the derived columns filled, the Karta's bases dropped.
  const dataChanged = async () => {
    await runner.exec(FILL_PLACE_OR_BLANK);
    const drops = dropCellBases((await runner.rows<{ table_name: string }>(CELL_BASE_TABLES)).map((r) => r.table_name));
    if (drops) await runner.exec(drops);
  };

  // Cell (1, 1) of 250 m squares: 3 × Torget/Stöld, 1 × Parken/Rån; cell (3, 1): 2 × Stationen/Rån; an old Torget
  // incident in (3, 1) outside the filtered days.
  const rows: [number, number, string, string, string, number][] = [
    [300, 300, 'Torget', 'Centrum', 'Stöld', 10], [310, 320, 'Torget', 'Centrum', 'Stöld', 11], [480, 260, 'Torget', 'Centrum', 'Stöld', 12],
    [260, 490, 'Parken', 'Norr', 'Rån', 12], [800, 300, 'Stationen', 'Söder', 'Rån', 10], [810, 310, 'Stationen', 'Söder', 'Rån', 11],
    [820, 320, 'Torget', 'Söder', 'Stöld', 1], [805, 305, 'Torget', 'Söder', 'Stöld', 2], [806, 306, 'Torget', 'Söder', 'Stöld', 3],
  ];
  beforeEach(async () => {
    for (const [i, [e, n, place, area, category, day]] of rows.entries()) {
      await runner.run(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n)
        VALUES (?, TIMESTAMP '2026-01-01', ?, 59.9, 16.8, 'point', ?, ?, 't', ?, ?, ?)`, [`r${i}`, category, area, place, day, e, n]);
    }
    // As after every data change (fillDerivedColumns): the names read the place from place_or_blank.
    await runner.exec(FILL_PLACE_OR_BLANK);
  });

  it('names no place where more of the cell\'s incidents have no place than any place has: "no place" competes like a place', async () => {
    // Cell (5, 5): three rows without a place, one at Parken → null (one address among three unknowns does not name the
    // cell); cell (6, 5): no place at all → null, the area names it. By hand: the mode over every row, NULL a value.
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n)
      SELECT 'q' || i, TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Väster', CASE WHEN i = 0 THEN 'Parken' END, 't', 10, 1300 + i, 1300 FROM range(4) t(i)
      UNION ALL SELECT 'z' || i, TIMESTAMP '2026-01-01', 'Rån', 59.9, 16.8, 'point', 'Öster', NULL, 't', 10, 1550 + i, 1300 FROM range(2) t(i)`);
    await dataChanged();
    const named = await runner.rows<{ ix: number; place: string | null; area: string }>(cellLabelsSql(250, 'TRUE', 'square', [{ ix: 5, iy: 5 }, { ix: 6, iy: 5 }])! + ' ORDER BY ix');
    const byHand = await runner.rows<{ ix: number; place: string | null; area: string }>(`SELECT floor(grid_e / 250)::INTEGER AS ix, mode(coalesce(place, chr(1))) AS place, mode(area) AS area FROM incidents WHERE id LIKE 'q%' OR id LIKE 'z%' GROUP BY ALL ORDER BY ix`);
    expect(named.map((r) => [r.ix, r.place, r.area])).toEqual([[5, null, 'Väster'], [6, null, 'Öster']]);
    expect(byHand.map((r) => [r.ix, r.place === '\u0001' ? null : r.place, r.area])).toEqual(named.map((r) => [r.ix, r.place, r.area]));
    // One more Parken row: 2 against 3 without a place, none; another: 3 against 3, none; another: 4 against 3, Parken.
    for (const [extra, expected] of [[1, null], [1, null], [1, 'Parken']] as const) {
      for (let i = 0; i < extra; i++) {
        await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n)
          VALUES ('p${Math.random()}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Väster', 'Parken', 't', 10, 1310, 1300)`);
      }
      await dataChanged();
      expect((await runner.rows<{ place: string | null }>(cellLabelsSql(250, 'TRUE', 'square', [{ ix: 5, iy: 5 }])!))[0].place).toBe(expected);
    }
  });

  it('names only the cells asked for, by the most common value under the filter', async () => {
    const filter = 'epoch_day >= 10';
    expect(await runner.rows(cellLabelsSql(250, filter, 'square', [{ ix: 1, iy: 1 }])!)).toEqual([{ ix: 1, iy: 1, place: 'Torget', area: 'Centrum', category: 'Stöld' }]);
    const both = await runner.rows<{ ix: number; place: string }>(cellLabelsSql(250, filter, 'square', [{ ix: 3, iy: 1 }, { ix: 1, iy: 1 }])! + ' ORDER BY ix');
    // Without the filter the old Torget rows would outnumber Stationen in (3, 1).
    expect(both.map((r) => `${r.ix}:${r.place}`)).toEqual(['1:Torget', '3:Stationen']);
    expect((await runner.rows<{ place: string }>(cellLabelsSql(250, 'TRUE', 'square', [{ ix: 3, iy: 1 }])!))[0].place).toBe('Torget');
    // A cell with no incidents gives no row; no cells, no query.
    expect(await runner.rows(cellLabelsSql(250, filter, 'square', [{ ix: 9, iy: 9 }])!)).toEqual([]);
    expect(cellLabelsSql(250, filter, 'square', [])).toBeNull();
  });

  it('gives each cell its most common place, area and category — a tie of places names no place, a tie of areas or categories the first in alphabetical order', async () => {
    // 3 000 rows over 4 × 4 cells of 250 m with few values each, so ties are common; counted here in JavaScript.
    // 'torget' and 'Torget' are one place written two ways (case): counted together, named by the spelling most
    // common over all the cells asked.
    const places = ['Torget', 'torget', 'Parken', 'Stationen', null];
    const areas = ['Centrum', 'Norr', null];
    const categories = ['Stöld', 'Rån', 'Hot'];
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const data = Array.from({ length: 3000 }, (_, i) => ({ id: `t${i}`, e: 5000 + next(1000), n: 5000 + next(1000), place: places[next(5)], area: areas[next(3)], category: categories[next(3)] }));
    // And one certain tie: two rows each of Stationen and Parken (and Rån and Hot) in a cell of their own.
    for (const [i, place, category] of [[0, 'Stationen', 'Rån'], [1, 'Parken', 'Hot'], [2, 'Stationen', 'Rån'], [3, 'Parken', 'Hot']] as const) {
      data.push({ id: `tie${i}`, e: 9000 + i, n: 9000, place, area: null, category });
    }
    await runner.exec(`DELETE FROM incidents`);
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n) VALUES
      ${data.map((r) => `('${r.id}', TIMESTAMP '2026-01-01', '${r.category}', 59.9, 16.8, 'point', ${r.area ? `'${r.area}'` : 'NULL'}, ${r.place ? `'${r.place}'` : 'NULL'}, 't', 10, ${r.e}, ${r.n})`).join(',\n')}`);
    await dataChanged();
    const cells = new Map<string, typeof data>();
    for (const r of data) {
      const key = `${Math.floor(r.e / 250)}:${Math.floor(r.n / 250)}`;
      cells.set(key, [...(cells.get(key) ?? []), r]);
    }
    const most = (values: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    };
    // A place is named only when no other place is as common; places compared with case and spaces folded, and named
    // by the spelling most common in all the data asked about (a tie: the first in code-point order, as DuckDB sorts).
    const key = (v: string) => v.toLowerCase().replace(/\s+/g, ' ');
    const spelling = new Map<string, string>();
    for (const k of new Set(data.flatMap((r) => (r.place === null ? [] : [key(r.place)])))) {
      spelling.set(k, most(data.filter((r) => r.place !== null && key(r.place) === k).map((r) => r.place))!);
    }
    // …and only when the cell has fewer rows without a place than that place has.
    const uniqueMost = (values: (string | null)[]) => {
      const byKey = values.reduce((m, v) => (v === null ? m : m.set(key(v), (m.get(key(v)) ?? 0) + 1)), new Map<string, number>());
      const top = Math.max(...byKey.values());
      const tops = [...byKey].filter(([, n]) => n === top);
      return tops.length === 1 && top > values.filter((v) => v === null).length ? spelling.get(tops[0][0])! : null;
    };
    const wanted = [...cells.keys()].map((k) => ({ ix: Number(k.split(':')[0]), iy: Number(k.split(':')[1]) }));
    const named = await runner.rows<{ ix: number; iy: number; place: string | null; area: string | null; category: string }>(cellLabelsSql(250, 'TRUE', 'square', wanted)!);
    expect(named).toHaveLength(cells.size);
    // Two rows each of Stationen and Parken: no place; the categories' tie goes to Hot.
    expect(named.find((r) => r.ix === 36 && r.iy === 36)).toMatchObject({ place: null, area: null, category: 'Hot' });
    for (const r of named) {
      const rows = cells.get(`${r.ix}:${r.iy}`)!;
      expect([r.place, r.area, r.category], `${r.ix}:${r.iy}`).toEqual([uniqueMost(rows.map((x) => x.place)), most(rows.map((x) => x.area)), most(rows.map((x) => x.category))]);
    }
  });

  it('names no place where two or more places are equally common, however many rows each has', async () => {
    // Cells of 250 m along one row: (0) three incidents at three addresses, (1) one incident, (2) 2 + 1, (3) 2 + 2 + 1,
    // (4) one address and two rows without a place, (5) 3 + 3 of two places beside 5 rows without one.
    const cells: (string | null)[][] = [
      ['Amiralsgatan 35', 'Bergsgatan 2', 'Citygatan 9'], ['Amiralsgatan 35'], ['Bergsgatan 2', 'Citygatan 9', 'Bergsgatan 2'],
      ['Dalgatan 1', 'Ekgatan 4', 'Dalgatan 1', 'Ekgatan 4', 'Amiralsgatan 35'], ['Ekgatan 4', null, null],
      ['Torget', 'Parken', 'Torget', 'Parken', 'Torget', 'Parken', null, null, null, null, null],
    ];
    await runner.exec(`DELETE FROM incidents`);
    const rows = cells.flatMap((places, ix) => places.map((place, k) => `('c${ix}-${k}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Centrum', ${place ? `'${place}'` : 'NULL'}, 't', 10, ${ix * 250 + 10 + k}, 10)`));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n) VALUES ${rows.join(', ')}`);
    await dataChanged();
    const named = await runner.rows<{ ix: number; place: string | null; area: string }>(cellLabelsSql(250, 'TRUE', 'square', cells.map((_, ix) => ({ ix, iy: 0 })))! + ' ORDER BY ix');
    // (4): one Ekgatan 4 against two rows without a place names no place.
    expect(named.map((r) => r.place)).toEqual([null, 'Amiralsgatan 35', 'Bergsgatan 2', null, null, null]);
    // The rest of the name is unchanged: every cell still has its area and category.
    expect(named.every((r) => r.area === 'Centrum')).toBe(true);
  });

  it('counts a place written in several ways (case, spaces) as one, named alike in every cell by its most common spelling', async () => {
    // Cells of 250 m along one row: (0) Kiosken 10 against Torget 8 + torget 4 + TORGET 3; (1) torget 3 against Parken 2;
    // (2) "Stora torget" 2 + "Stora  torget" (two spaces) 1 against Parken 2; (3) Torget 2 against Parken 1 + PARKEN 1: a tie.
    const cells: [string, number][][] = [
      [['Kiosken', 10], ['Torget', 8], ['torget', 4], ['TORGET', 3]], [['torget', 3], ['Parken', 2]],
      [['Stora torget', 2], ['Stora  torget', 1], ['Parken', 2]], [['Torget', 2], ['Parken', 1], ['PARKEN', 1]],
      // (4) "Lilla torget" 2 + the same with a no-break space (U+00A0, as Excel writes it) 2 against Kyrkan 3.
      [['Lilla torget', 2], ['Lilla\u00a0torget', 2], ['Kyrkan', 3]],
    ];
    await runner.exec(`DELETE FROM incidents`);
    const rows = cells.flatMap((places, ix) => places.flatMap(([place, n], p) => Array.from({ length: n }, (_, k) =>
      `('c${ix}-${p}-${k}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'Centrum', '${place}', 't', 10, ${ix * 250 + 10 + p * 20 + k}, 10)`)));
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n) VALUES ${rows.join(', ')}`);
    await dataChanged();
    const named = await runner.rows<{ ix: number; place: string | null }>(cellLabelsSql(250, 'TRUE', 'square', cells.map((_, ix) => ({ ix, iy: 0 })))! + ' ORDER BY ix');
    // "Torget" over all four cells: Torget 10, torget 7, TORGET 3 — so cell 1, where only "torget" is written, reads "Torget".
    expect(named.map((r) => r.place)).toEqual(['Torget', 'Torget', 'Stora torget', null, 'Lilla torget']);
    // Asked about cell 1 alone, its own spelling is the most common.
    expect((await runner.rows<{ place: string }>(cellLabelsSql(250, 'TRUE', 'square', [{ ix: 1, iy: 0 }])!))[0].place).toBe('torget');
  });

  it('names a cell by its preferred rows (the lägesbild: the latest step) when it has any, else by all of them', async () => {
    // Cell (3, 1): Torget 3 (days 1–3) against Stationen 2 (days 10–11) — all rows: Torget; the days from 10: Stationen.
    // Cell (1, 1) has no row from day 13: named by all its rows (Torget). By hand: the mode over the rows chosen so.
    const cells = [{ ix: 3, iy: 1 }, { ix: 1, iy: 1 }];
    const all = await runner.rows<{ ix: number; place: string }>(cellLabelsSql(250, 'TRUE', 'square', cells)! + ' ORDER BY ix');
    expect(all.map((r) => `${r.ix}:${r.place}`)).toEqual(['1:Torget', '3:Torget']);
    const latest = await runner.rows<{ ix: number; place: string; area: string }>(cellLabelsSql(250, 'TRUE', 'square', cells, 'epoch_day >= 10')! + ' ORDER BY ix');
    expect(latest.map((r) => `${r.ix}:${r.place}:${r.area}`)).toEqual(['1:Torget:Centrum', '3:Stationen:Söder']);
    const later = await runner.rows<{ ix: number; place: string }>(cellLabelsSql(250, 'TRUE', 'square', cells, 'epoch_day >= 12')! + ' ORDER BY ix');
    // (1, 1) has Torget and Parken on day 12: one each, a tie, no place; (3, 1) has none from day 12: all its rows, Torget.
    const byHand = await runner.rows<{ ix: number; places: string }>(`SELECT floor(grid_e / 250)::INTEGER AS ix, string_agg(DISTINCT place, ',' ORDER BY place) AS places
      FROM incidents WHERE epoch_day >= 12 GROUP BY ALL ORDER BY ix`);
    expect(byHand).toEqual([{ ix: 1, places: 'Parken,Torget' }]);
    expect(later.map((r) => `${r.ix}:${r.place}`)).toEqual(['1:null', '3:Torget']);
  });

  it('spells a place alike in cells named by preferred rows and cells named by all rows', async () => {
    // Cell 0: "torget" ×3 in the preferred days, "Torget" ×5 before; cell 1: "Torget" ×2, none preferred. One spelling
    // for both — the most common among the rows that name (torget 3 against Torget 2).
    await runner.exec(`DELETE FROM incidents`);
    const rows = [
      ...Array.from({ length: 3 }, (_, k) => `('a${k}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'C', 'torget', 't', 20, ${10 + k}, 10)`),
      ...Array.from({ length: 5 }, (_, k) => `('b${k}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'C', 'Torget', 't', 5, ${20 + k}, 10)`),
      ...Array.from({ length: 2 }, (_, k) => `('c${k}', TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'C', 'Torget', 't', 5, ${260 + k}, 10)`),
    ];
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, place, source, epoch_day, grid_e, grid_n) VALUES ${rows.join(', ')}`);
    await dataChanged();
    const named = await runner.rows<{ place: string }>(cellLabelsSql(250, 'TRUE', 'square', [{ ix: 0, iy: 0 }, { ix: 1, iy: 0 }], 'epoch_day >= 10')! + ' ORDER BY ix');
    expect(named.map((r) => r.place)).toEqual(['torget', 'torget']);
  });

  it('uses the same cells as the hexagon grid when asked for hexagons', async () => {
    // Every hexagon the rows fall in, by the grid's own cell expression; each asked alone must name its own rows.
    const hex = cellIndexSql(250, 'hex');
    const cells = await runner.rows<{ ix: number; iy: number }>(`SELECT DISTINCT ${hex.ix} AS ix, ${hex.iy} AS iy FROM incidents`);
    expect(cells.length).toBeGreaterThan(1);
    const all = await runner.rows<{ ix: number; iy: number; place: string }>(cellLabelsSql(250, 'TRUE', 'hex', cells)!);
    for (const cell of cells) {
      const alone = await runner.rows<{ place: string }>(cellLabelsSql(250, 'TRUE', 'hex', [cell])!);
      expect(alone).toHaveLength(1);
      expect(all.find((r) => r.ix === cell.ix && r.iy === cell.iy)?.place).toBe(alone[0].place);
    }
  });

  it('never leaves a row out of its own hexagon by the squares that narrow the rows first', async () => {
    // 4 000 points over 3 × 3 km (SWEREF metres), so many fall near hexagon edges and corners.
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, place, source, epoch_day, grid_e, grid_n)
      SELECT 'p' || i, TIMESTAMP '2026-01-01', 'Stöld', 59.9, 16.8, 'point', 'P', 't', 10, 600000 + (hash(i) % 300000) / 100.0, 6600000 + (hash(i * 7) % 300000) / 100.0 FROM range(4000) t(i)`);
    for (const size of [100, 250]) {
      const hex = cellIndexSql(size, 'hex');
      const cells = await runner.rows<{ ix: number; iy: number; n: number }>(`SELECT ${hex.ix} AS ix, ${hex.iy} AS iy, count(*)::INTEGER AS n FROM incidents WHERE id LIKE 'p%' GROUP BY ALL`);
      expect(cells.length).toBeGreaterThan(50);
      for (const cell of cells) {
        const [{ n }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE id LIKE 'p%' AND (${hex.ix}, ${hex.iy}) = (${cell.ix}, ${cell.iy}) AND ${nearCellsSql(size, [cell])}`);
        expect(n, `${size} m (${cell.ix}, ${cell.iy})`).toBe(cell.n);
      }
    }
  }, 120_000);
});
