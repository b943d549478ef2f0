// The grid coordinates: the JS projection and its SQL twin against proj4 (which the importer already trusts,
// checked against Lantmäteriet's control points in parsing.test.ts).
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { fillGridCoordinates } from '../../src/data/grid.query';
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
});
