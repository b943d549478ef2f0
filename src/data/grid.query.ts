// SWEREF 99 TM metres for every located row, stored once after each import (grid_e, grid_n) so that every
// cell size and hot-spot run is a cheap floor() — the projection's constants come from lib/geo/sweref99tm.ts.
// DuckDB-wasm has no spatial extension offline, so the Gauss–Krüger series is written out in plain SQL.
import { A_ROOF, BETA, CENTRAL_MERIDIAN, CONFORMAL, FALSE_EASTING, SCALE } from '../lib/geo/sweref99tm';

export const ADD_GRID_COLUMNS = ['incidents', 'interventions']
  .map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS grid_e DOUBLE; ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS grid_n DOUBLE;`)
  .join('\n');

const cosh = (x: string) => `((exp(${x}) + exp(-(${x}))) / 2)`;
const sinh = (x: string) => `((exp(${x}) - exp(-(${x}))) / 2)`;
const num = (v: number) => v.toPrecision(17);

function seriesTerm(trig: 'sin' | 'cos', hyp: (x: string) => string): string {
  return BETA.map((b, i) => `${num(b)} * ${trig}(${2 * (i + 1)} * xi) * ${hyp(`${2 * (i + 1)} * eta`)}`).join(' + ');
}

/** Whether any row still needs grid coordinates (`needed` true/false): checked first, since an UPDATE that changes
 * nothing still costs a write transaction over the table (1.7 s on a busy machine at every start, measured). */
export function gridCoordinatesNeeded(table: 'incidents' | 'interventions'): string {
  const precision = table === 'incidents' ? `AND location_precision = 'point'` : '';
  return `SELECT EXISTS (SELECT 1 FROM ${table} WHERE grid_e IS NULL AND lat IS NOT NULL AND lon IS NOT NULL ${precision}) AS needed`;
}

/** Fill grid_e/grid_n where a row has a point position and no grid coordinates yet. */
export function fillGridCoordinates(table: 'incidents' | 'interventions'): string {
  const precision = table === 'incidents' ? `AND location_precision = 'point'` : '';
  const s = `pow(sin(phi), 2)`;
  return `
UPDATE ${table} SET grid_e = g.e, grid_n = g.n FROM (
  SELECT rid,
    ${num(SCALE * A_ROOF)} * (xi + ${seriesTerm('sin', cosh)}) AS n,
    ${num(SCALE * A_ROOF)} * (eta + ${seriesTerm('cos', sinh)}) + ${FALSE_EASTING} AS e
  FROM (
    SELECT rid, atan(tan(phi_star) / cos(dl)) AS xi, 0.5 * ln((1 + cos(phi_star) * sin(dl)) / (1 - cos(phi_star) * sin(dl))) AS eta
    FROM (
      SELECT rid, dl,
        phi - sin(phi) * cos(phi) * (${num(CONFORMAL.a)} + ${num(CONFORMAL.b)} * ${s} + ${num(CONFORMAL.c)} * pow(${s}, 2) + ${num(CONFORMAL.d)} * pow(${s}, 3)) AS phi_star
      FROM (
        SELECT rowid AS rid, radians(lat) AS phi, radians(lon - ${CENTRAL_MERIDIAN}) AS dl
        FROM ${table}
        WHERE grid_e IS NULL AND lat IS NOT NULL AND lon IS NOT NULL ${precision}
      )
    )
  )
) g
WHERE ${table}.rowid = g.rid`;
}
