// The grid coordinates: the JS projection and its SQL twin against proj4 (which the importer already trusts,
// checked against Lantmäteriet's control points in parsing.test.ts).
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { fillDerivedColumns } from '../../src/data/derived-columns';
import { fillGridCoordinates, GRID_ROUNDED_KEY, gridCoordinatesNeeded, withGridCoordinates } from '../../src/data/grid.query';
import { toWgs84 } from '../../src/lib/parsing/coordinates';
import { toSweref99tm } from '../../src/lib/geo/sweref99tm';
import { createSchemaRunner } from '../../scripts/node-runner';

const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const PLACES: [string, number, number][] = [
  ['Smygehuk', 55.3375, 13.3594],
  ['Stockholm', 59.3293, 18.0686],
  ['Haparanda', 65.8355, 24.1368],
  ['Treriksröset', 69.06, 20.548],
  ['Strömstad', 58.9395, 11.1712],
];

describe('SWEREF 99 TM grid coordinates', () => {
  it('the JS projection agrees with proj4 to the millimetre across Sweden', () => {
    for (const [, lat, lon] of PLACES) {
      const [e, n] = proj4('WGS84', SWEREF99TM, [lon, lat]);
      const p = toSweref99tm(lat, lon);
      expect(Math.abs(p.e - e)).toBeLessThan(0.001);
      expect(Math.abs(p.n - n)).toBeLessThan(0.001);
    }
  });

  it('the SQL fills grid_e/grid_n for located points only, agreeing with proj4', async () => {
    const runner = await createSchemaRunner();
    for (const [name, lat, lon] of PLACES) {
      await runner.rows(
        `INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, source, epoch_day) VALUES (?, TIMESTAMP '2026-01-01', 'x', ?, ?, 'point', 't', 0)`,
        [name, lat, lon],
      );
    }
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, source, epoch_day) VALUES
      ('area-only', TIMESTAMP '2026-01-01', 'x', 59.3, 18.0, 'area', 't', 0), ('none', TIMESTAMP '2026-01-01', 'x', NULL, NULL, 'none', 't', 0)`);
    await runner.exec(fillGridCoordinates('incidents'));
    const rows = await runner.rows<{ id: string; grid_e: number | null; grid_n: number | null }>(`SELECT id, grid_e, grid_n FROM incidents`);
    for (const [name, lat, lon] of PLACES) {
      const row = rows.find((r) => r.id === name)!;
      const [e, n] = proj4('WGS84', SWEREF99TM, [lon, lat]);
      expect(Math.abs(row.grid_e! - e)).toBeLessThan(0.001);
      expect(Math.abs(row.grid_n! - n)).toBeLessThan(0.001);
    }
    expect(rows.find((r) => r.id === 'area-only')!.grid_e).toBeNull();
    expect(rows.find((r) => r.id === 'none')!.grid_e).toBeNull();
    runner.close();
  });

  it('keeps a SWEREF 99 TM position on a grid line on it, through WGS 84 and back, so its cell is the one its metres name', async () => {
    // Police exports round positions to 10–100 m: such a point lies on a cell's edge. Through proj4 (the importer) and
    // the SQL series it came back 0.000 001 m short, and 200 points at E 674 000 were counted in the cell of E 673 900.
    const runner = await createSchemaRunner();
    const grid: [number, number][] = [];
    for (let n = 6_140_000; n <= 7_660_000; n += 77_700) for (let e = 270_000; e <= 920_000; e += 65_500) grid.push([n, e]);
    grid.push([6_580_050, 674_000], [6_580_000, 674_000]);
    const values = grid.map(([n, e], i) => { const p = toWgs84('EPSG:3006', n, e); return `('g${i}', TIMESTAMP '2026-01-01', 'x', ${p.lat}, ${p.lon}, 'point', 't', 0)`; });
    await runner.exec(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, source, epoch_day) VALUES ${values.join(', ')}`);
    await runner.exec(fillGridCoordinates('incidents'));
    const rows = await runner.rows<{ id: string; grid_e: number; grid_n: number }>(`SELECT id, grid_e, grid_n FROM incidents ORDER BY id`);
    for (const row of rows) {
      const [n, e] = grid[Number(row.id.slice(1))];
      expect([row.grid_n, row.grid_e]).toEqual([n, e]);
    }
    expect((await runner.rows<{ needed: boolean }>(gridCoordinatesNeeded('incidents')))[0].needed).toBe(false);
    // A database from an earlier version holds unrounded metres: the next start rounds them, once, and says so.
    await runner.exec(`UPDATE incidents SET grid_e = grid_e - 0.0000013 WHERE id = 'g0'`);
    await runner.exec(`DELETE FROM app_meta WHERE key = '${GRID_ROUNDED_KEY}'`);
    expect(await fillDerivedColumns(runner)).toBe(true);
    expect((await runner.rows<{ grid_e: number }>(`SELECT grid_e FROM incidents WHERE id = 'g0'`))[0].grid_e).toBe(grid[0][1]);
    expect((await runner.rows<{ value: string }>(`SELECT value FROM app_meta WHERE key = '${GRID_ROUNDED_KEY}'`))).toEqual([{ value: '1' }]);
    // Not again: a later start does not look at every row's metres (the flag says they are rounded).
    await runner.exec(`UPDATE incidents SET grid_e = grid_e - 0.0000013 WHERE id = 'g1'`);
    await fillDerivedColumns(runner);
    expect((await runner.rows<{ grid_e: number }>(`SELECT grid_e FROM incidents WHERE id = 'g1'`))[0].grid_e).not.toBe(grid[1][1]);
    runner.close();
  });

  it('the round trip SWEREF 99 TM → WGS 84 → grid metres stays within 0.01 mm across Sweden (so rounding to the millimetre is exact)', async () => {
    const runner = await createSchemaRunner();
    const points: string[] = [];
    for (let n = 6_140_000; n <= 7_660_000; n += 7_770) for (let e = 270_000; e <= 920_000; e += 6_550) {
      const { lat, lon } = toWgs84('EPSG:3006', n, e);
      points.push(`(${n}, ${e}, ${lat}, ${lon})`);
    }
    const exact = `SELECT n, e, lat, lon FROM (VALUES ${points.join(', ')}) v(n, e, lat, lon)`;
    // The unrounded series: the same SQL without the final rounding, to see how far the round trip strays.
    const unroundedSql = withGridCoordinates(exact).replaceAll(/round\(/g, '(').replaceAll(/, 3\) AS grid_/g, ') AS grid_');
    expect(unroundedSql).not.toContain('round(');
    const [worst] = await runner.rows<{ e: number; n: number; count: number }>(`SELECT max(abs(grid_e - e)) AS e, max(abs(grid_n - n)) AS n, count(*)::INTEGER AS count FROM (${unroundedSql})`);
    expect(worst.count).toBe(points.length);
    expect(worst.e).toBeLessThan(0.00001);
    expect(worst.n).toBeLessThan(0.00001);
    runner.close();
  });
});
