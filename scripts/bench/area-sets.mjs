// Benchmark data for area assignment: the incident set's points without their area column (so every point
// needs one), and ~6 000 polygons — the size of SCB's DeSO — tiling the points' extent, 100 vertices each.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const q = (path) => `'${path.replaceAll("'", "''")}'`;

export async function areaSet(dir, set, columns = 80, rows = 75, perSide = 25) {
  const points = join(dir, `points-${set.rows}.csv`);
  const areas = join(dir, `areas-${columns * rows}.geojson`);
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    if (!existsSync(points)) {
      await c.run(`COPY (SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') AS Tidpunkt, category AS Brottstyp, lat AS Lat, lon AS Lon
        FROM read_csv(${q(set.csv)}, header = true)) TO ${q(`${points}.partial`)} (HEADER, DELIMITER ';')`);
      renameSync(`${points}.partial`, points);
    }
    const [extent] = (await c.runAndReadAll(`SELECT min(lon)::DOUBLE AS w, min(lat)::DOUBLE AS s, max(lon)::DOUBLE AS e, max(lat)::DOUBLE AS n
      FROM read_csv(${q(set.csv)}, header = true) WHERE lat IS NOT NULL`)).getRowObjectsJS();
    if (!existsSync(areas)) {
      const dx = (extent.e - extent.w) / columns;
      const dy = (extent.n - extent.s) / rows;
      const features = [];
      for (let i = 0; i < columns; i++) {
        for (let j = 0; j < rows; j++) {
          const [w, s] = [extent.w + i * dx, extent.s + j * dy];
          const ring = [];
          for (let k = 0; k < perSide; k++) ring.push([w + (dx * k) / perSide, s]);
          for (let k = 0; k < perSide; k++) ring.push([w + dx, s + (dy * k) / perSide]);
          for (let k = 0; k < perSide; k++) ring.push([w + dx - (dx * k) / perSide, s + dy]);
          for (let k = 0; k < perSide; k++) ring.push([w, s + dy - (dy * k) / perSide]);
          ring.push(ring[0]);
          features.push({ type: 'Feature', properties: { namn: `Ruta ${i}-${j}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
        }
      }
      writeFileSync(`${areas}.partial`, JSON.stringify({ type: 'FeatureCollection', features }));
      renameSync(`${areas}.partial`, areas);
    }
    return { points, areas, polygons: columns * rows };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
