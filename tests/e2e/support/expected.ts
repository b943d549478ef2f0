// What the example's numbers should be, computed by native DuckDB straight from the generated CSV files —
// independently of the app's loader — so the e2e tests compare the screen with the data, not with itself.
import { cellCentreMetres, hexSpacing } from '../../../src/lib/geo/cell-grid';
import { join } from 'node:path';
import proj4 from 'proj4';
import { createNodeRunner } from '../../../scripts/node-runner';

const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'exempelkommun');

export interface ExpectedFilter {
  period?: [string, string];
  category?: string;
  area?: string;
  cell?: { size: number; ix: number; iy: number };
  extent?: { west: number; south: number; east: number; north: number };
}

export async function expectedCounts() {
  const runner = await createNodeRunner();
  const csv = (name: string) => `read_csv(${`'${join(DIR, name).replaceAll("'", "''")}'`}, header = true, all_varchar = true)`;
  await runner.exec(`CREATE VIEW i AS SELECT * FROM ${csv('incidents.csv')}; CREATE VIEW v AS SELECT * FROM ${csv('interventions.csv')};`);
  const count = async (sql: string, params: string[] = []) => (await runner.rows<{ n: number }>(sql, params))[0].n;
  // Grid cells computed here with proj4 from the raw CSV, not with the app's SQL projection.
  const points = (await runner.rows<{ lat: string; lon: string }>(`SELECT lat, lon FROM i WHERE location_precision = 'point'`))
    .map((r) => proj4('WGS84', SWEREF99TM, [Number(r.lon), Number(r.lat)]));
  // Every incident as plain values, for filters of any combination (period, category, area, cell, extent).
  const all = (await runner.rows<{ day: string; category: string; area: string | null; lat: string | null; lon: string | null; precision: string }>(
    `SELECT occurred_at[1:10] AS day, category, area, lat, lon, location_precision AS precision FROM i`,
  )).map((r) => {
    const point = r.precision === 'point' && r.lat && r.lon ? proj4('WGS84', SWEREF99TM, [Number(r.lon), Number(r.lat)]) : null;
    return { ...r, lat: r.lat ? Number(r.lat) : null, lon: r.lon ? Number(r.lon) : null, e: point?.[0] ?? null, n: point?.[1] ?? null };
  });
  return {
    incidentsMatching: (f: ExpectedFilter) => all.filter((r) =>
      (!f.period || (r.day >= f.period[0] && r.day <= f.period[1])) &&
      (f.category === undefined || r.category === f.category) &&
      (f.area === undefined || r.area === f.area) &&
      (!f.cell || (r.e !== null && Math.floor(r.e / f.cell.size) === f.cell.ix && Math.floor(r.n! / f.cell.size) === f.cell.iy)) &&
      (!f.extent || (r.lon !== null && r.lat !== null && r.lon >= f.extent.west && r.lon <= f.extent.east && r.lat >= f.extent.south && r.lat <= f.extent.north)),
    ),
    incidents: await count('SELECT count(*) AS n FROM i'),
    interventions: await count('SELECT count(*) AS n FROM v'),
    withoutPosition: await count(`SELECT count(*) AS n FROM i WHERE location_precision = 'none'`),
    incidentsBetween: (from: string, to: string, category?: string) =>
      count(`SELECT count(*) AS n FROM i WHERE occurred_at[1:10] BETWEEN ? AND ?${category ? ' AND category = ?' : ''}`, category ? [from, to, category] : [from, to]),
    interventionsBetween: (from: string, to: string) => count('SELECT count(*) AS n FROM v WHERE started_at[1:10] BETWEEN ? AND ?', [from, to]),
    located: points.length,
    locatedBetween: (from: string, to: string) => count(`SELECT count(*) AS n FROM i WHERE location_precision = 'point' AND occurred_at[1:10] BETWEEN ? AND ?`, [from, to]),
    interventionsOfTypeBetween: (type: string, from: string, to: string) => count('SELECT count(*) AS n FROM v WHERE type = ? AND started_at[1:10] BETWEEN ? AND ?', [type, from, to]),
    incidentsInCell: (size: number, ix: number, iy: number) => points.filter(([e, n]) => Math.floor(e / size) === ix && Math.floor(n / size) === iy).length,
    // A hexagon holds the points nearer its centre than any other centre (brute force, not the app's SQL rule).
    incidentsInHexagon: (size: number, ix: number, iy: number) => {
      const [ce, cn] = cellCentreMetres({ ix, iy }, size, 'hex');
      const { r } = hexSpacing(size);
      return points.filter(([e, n]) => {
        const own = Math.hypot(e - ce, n - cn);
        if (own > r + 1e-6) return false;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
          if (dx === 0 && dy === 0) continue;
          const [oe, on] = cellCentreMetres({ ix: ix + dx, iy: iy + dy }, size, 'hex');
          if (Math.hypot(e - oe, n - on) < own - 1e-6) return false;
        }
        return true;
      }).length;
    },
    incidentsInArea: (area: string) => count('SELECT count(*) AS n FROM i WHERE area = ?', [area]),
    close: () => runner.close(),
  };
}
