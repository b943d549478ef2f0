// Positions given in SWEREF 99 TM or a local SWEREF 99 zone, converted to WGS 84 in SQL at import: the inverse
// Gauss–Krüger series of lib/geo/sweref99tm.ts (Lantmäteriet, "Gauss konforma projektion", 2008), which proj4 agrees
// with to well under a millimetre (sweref-inverse.test.ts). Before, every checked row went to the page and back
// through proj4 — ~2 s of a 1M-row import in the browser. RT 90 needs a datum shift and still goes through proj4.
import { A_ROOF, DELTA, GEODETIC, type TmZone } from '../../lib/geo/sweref99tm';
import type { PairOrder } from '../../lib/parsing/coordinates';
import { cosh, num, sinh } from '../grid.query';
import { CHECKED, COORDS } from './csv-import.query';

/** Beyond this many metres from the origin a value is no position in any Swedish grid (and exp would overflow). */
const PLAUSIBLE_METRES = 1e8;

function series(trig: 'sin' | 'cos', hyp: (x: string) => string): string {
  return DELTA.map((d, i) => `${num(d)} * ${trig}(${2 * (i + 1)} * __tm_xi) * ${hyp(`${2 * (i + 1)} * __tm_eta`)}`).join(' + ');
}

/**
 * `source` (a SELECT with `__tm_n` and `__tm_e`, metres in `zone`) with every column kept and `__tm_lat`/`__tm_lon`
 * (degrees) added; NULL where either is NULL or implausibly large.
 */
export function withTmInverse(source: string, zone: TmZone): string {
  const s = 'pow(sin(__tm_phi_star), 2)';
  const k = num(zone.scale * A_ROOF);
  return `
  SELECT *,
    degrees(__tm_phi_star + sin(__tm_phi_star) * cos(__tm_phi_star) * (${num(GEODETIC.a)} + ${num(GEODETIC.b)} * ${s} + ${num(GEODETIC.c)} * pow(${s}, 2) + ${num(GEODETIC.d)} * pow(${s}, 3))) AS __tm_lat,
    ${num(zone.centralMeridian)} + degrees(__tm_dl) AS __tm_lon
  FROM (
    SELECT *, asin(sin(__tm_xi1) / ${cosh('__tm_eta1')}) AS __tm_phi_star, atan2(${sinh('__tm_eta1')}, cos(__tm_xi1)) AS __tm_dl
    FROM (
      SELECT *, __tm_xi - (${series('sin', cosh)}) AS __tm_xi1, __tm_eta - (${series('cos', sinh)}) AS __tm_eta1
      FROM (
        SELECT *,
          CASE WHEN abs(__tm_n) < ${PLAUSIBLE_METRES} AND abs(__tm_e) < ${PLAUSIBLE_METRES} THEN __tm_n / ${k} END AS __tm_xi,
          CASE WHEN abs(__tm_n) < ${PLAUSIBLE_METRES} AND abs(__tm_e) < ${PLAUSIBLE_METRES} THEN (__tm_e - ${num(zone.falseEasting)}) / ${k} END AS __tm_eta
        FROM (${source})
      )
    )
  )`;
}

/**
 * The checked rows' positions in `zone` into COORDS as WGS 84, NULL where outside Sweden's box — as the proj4 path
 * (convert-coordinates.ts) writes them for other systems.
 */
export function tmCoords(order: PairOrder, zone: TmZone, b: { minLat: number; maxLat: number; minLon: number; maxLon: number }): string {
  const [n, e] = order === 'north-east' ? ['north', 'east'] : ['east', 'north'];
  const inside = `isfinite(__tm_lat) AND isfinite(__tm_lon) AND __tm_lat BETWEEN ${b.minLat} AND ${b.maxLat} AND __tm_lon BETWEEN ${b.minLon} AND ${b.maxLon}`;
  const points = `SELECT line, ${n} AS __tm_n, ${e} AS __tm_e FROM ${CHECKED} WHERE reason IS NULL AND north IS NOT NULL AND east IS NOT NULL`;
  return `INSERT INTO ${COORDS} SELECT line, CASE WHEN ${inside} THEN __tm_lat END, CASE WHEN ${inside} THEN __tm_lon END
  FROM (${withTmInverse(points, zone)})`;
}
