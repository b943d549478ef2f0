// The import's positions step: the checked rows' coordinates into COORDS as WGS 84, NULL where a point is outside
// Sweden's box (markLateRejects relies on every candidate point having a row). WGS 84 and SWEREF 99 are done in SQL;
// RT 90 (a datum shift) goes through proj4 in the page.
import { type CrsCode, SWEDEN_BOUNDS, insideSweden, type PairOrder, swerefZone, toWgs84 } from '../../lib/parsing/coordinates';
import type { SqlRunner } from '../sql-runner';
import { COORDS, POINTS_TO_CONVERT, wgs84Coords } from './csv-import.query';
import { tmCoords } from './projected-coords.query';

/** Fills COORDS (created empty by the caller) for the system `crs` with the pair written in `order`. */
export async function convertCoordinates(runner: SqlRunner, { crs, order }: { crs: CrsCode; order: PairOrder }): Promise<void> {
  if (crs === 'EPSG:4326') {
    await runner.exec(wgs84Coords(order, SWEDEN_BOUNDS));
    return;
  }
  const zone = swerefZone(crs);
  if (zone) {
    await runner.exec(tmCoords(order, zone, SWEDEN_BOUNDS));
    return;
  }
  const points = await runner.rows<{ line: number; north: number; east: number }>(POINTS_TO_CONVERT);
  const lines = new Int32Array(points.length);
  const lats = new Float64Array(points.length);
  const lons = new Float64Array(points.length);
  points.forEach((p, i) => {
    const [n, e] = order === 'north-east' ? [p.north, p.east] : [p.east, p.north];
    const { lat, lon } = toWgs84(crs, n, e);
    const ok = Number.isFinite(lat) && Number.isFinite(lon) && insideSweden(lat, lon);
    lines[i] = p.line;
    lats[i] = ok ? lat : Number.NaN;
    lons[i] = ok ? lon : Number.NaN;
  });
  if (points.length) {
    await runner.insertColumns(COORDS, [
      { name: '__line', type: 'int32', values: lines },
      { name: 'lat', type: 'float64', values: lats },
      { name: 'lon', type: 'float64', values: lons },
    ]);
  }
}
