// SWEREF 99 TM metres for every located row, stored once after each import (grid_e, grid_n) so that every
// cell size and hot-spot run is a cheap floor() — the projection's constants come from lib/geo/sweref99tm.ts.
// DuckDB-wasm has no spatial extension offline, so the Gauss–Krüger series is written out in plain SQL.
import { A_ROOF, BETA, CENTRAL_MERIDIAN, CONFORMAL, FALSE_EASTING, SCALE } from '../lib/geo/sweref99tm';

export const ADD_GRID_COLUMNS = ['incidents', 'interventions']
  .map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS grid_e DOUBLE; ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS grid_n DOUBLE;`)
  .join('\n');

/** Hyperbolic cosine and sine of an SQL expression, written with exp (the same in every DuckDB build). */
export const cosh = (x: string) => `((exp(${x}) + exp(-(${x}))) / 2)`;
export const sinh = (x: string) => `((exp(${x}) - exp(-(${x}))) / 2)`;
/** A constant as SQL text, to the last digit a double holds. */
export const num = (v: number) => v.toPrecision(17);

function seriesTerm(trig: 'sin' | 'cos', hyp: (x: string) => string): string {
  return BETA.map((b, i) => `${num(b)} * ${trig}(${2 * (i + 1)} * __grid_xi) * ${hyp(`${2 * (i + 1)} * __grid_eta`)}`).join(' + ');
}

/**
 * Grid metres are kept to the millimetre. A position given in SWEREF 99 TM travels to WGS 84 (proj4, at import) and
 * back (the series below): 674 000 came back as 673 999.999 998 7, so a point on a cell's west or south edge — police
 * exports round to 10 or 100 m — was counted in the neighbouring cell (found by a tester: 200 points at E 674 000 in
 * the cell of E 673 900). The round trip is within 0.01 mm across Sweden (sweref-grid.test.ts), far inside 0.5 mm.
 */
const MILLIMETRES = 3;
const unrounded = `(grid_e <> round(grid_e, ${MILLIMETRES}) OR grid_n <> round(grid_n, ${MILLIMETRES}))`;

/** Whether any row still needs grid coordinates (`needed` true/false): checked first, since an UPDATE that changes
 * nothing still costs a write transaction over the table (1.7 s on a busy machine at every start, measured). */
export function gridCoordinatesNeeded(table: 'incidents' | 'interventions'): string {
  const precision = table === 'incidents' ? `AND location_precision = 'point'` : '';
  return `SELECT EXISTS (SELECT 1 FROM ${table} WHERE grid_e IS NULL AND lat IS NOT NULL AND lon IS NOT NULL ${precision}) AS needed`;
}

/** app_meta's key that says a database's grid metres are all rounded (roundGridCoordinates has run once). */
export const GRID_ROUNDED_KEY = 'grid_metres_rounded';

/** Rounds the grid metres an earlier version stored unrounded. Run once per database (GRID_ROUNDED_KEY): checking
 * every row on every start cost ~0.2 s per 5M rows natively. */
export function roundGridCoordinates(table: 'incidents' | 'interventions'): string {
  return `UPDATE ${table} SET grid_e = round(grid_e, ${MILLIMETRES}), grid_n = round(grid_n, ${MILLIMETRES}) WHERE ${unrounded}`;
}

/**
 * `source` (a SELECT with `lat` and `lon` columns) with every column kept and `grid_e`/`grid_n` added: NULL where
 * lat or lon is NULL. One projection for both uses below, so a row gets the same metres whether they were computed
 * at its insert or filled in later. The helper columns start with `__grid_`, so they can't hide a source column.
 */
export function withGridCoordinates(source: string): string {
  const s = `pow(sin(__grid_phi), 2)`;
  return `
  SELECT *,
    round(${num(SCALE * A_ROOF)} * (__grid_xi + ${seriesTerm('sin', cosh)}), ${MILLIMETRES}) AS grid_n,
    round(${num(SCALE * A_ROOF)} * (__grid_eta + ${seriesTerm('cos', sinh)}) + ${FALSE_EASTING}, ${MILLIMETRES}) AS grid_e
  FROM (
    SELECT *, atan(tan(__grid_phi_star) / cos(__grid_dl)) AS __grid_xi,
      0.5 * ln((1 + cos(__grid_phi_star) * sin(__grid_dl)) / (1 - cos(__grid_phi_star) * sin(__grid_dl))) AS __grid_eta
    FROM (
      SELECT *,
        __grid_phi - sin(__grid_phi) * cos(__grid_phi) * (${num(CONFORMAL.a)} + ${num(CONFORMAL.b)} * ${s} + ${num(CONFORMAL.c)} * pow(${s}, 2) + ${num(CONFORMAL.d)} * pow(${s}, 3)) AS __grid_phi_star
      FROM (SELECT *, radians(lat) AS __grid_phi, radians(lon - ${CENTRAL_MERIDIAN}) AS __grid_dl FROM (${source}))
    )
  )`;
}

/**
 * Fill grid_e/grid_n where a row has a point position and no grid coordinates yet: rows from before the
 * columns existed, and the example. An import computes them as it inserts (csv-import.query.ts), which costs a
 * fraction of this UPDATE (1.2–1.9 s at 1M rows in the browser, and the write of the whole column again).
 */
export function fillGridCoordinates(table: 'incidents' | 'interventions'): string {
  const precision = table === 'incidents' ? `AND location_precision = 'point'` : '';
  return `
UPDATE ${table} SET grid_e = g.grid_e, grid_n = g.grid_n FROM (${withGridCoordinates(`
  SELECT rowid AS rid, lat, lon FROM ${table} WHERE grid_e IS NULL AND lat IS NOT NULL AND lon IS NOT NULL ${precision}`)}
) g
WHERE ${table}.rowid = g.rid`;
}
