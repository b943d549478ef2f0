// The SQL of area assignment (area-assignment.ts): which points still need testing, and writing the answers.
// Two columns say where a row lies:
// - `area`: one area name — the file's own, else the finest loaded kind's area that contains the point (what the
//   lägesbild's area table and the trend split read). `area_assignment` says where it came from when the file
//   gave none: 'geometry' (the point lies in that area) or 'outside' (tested, in no area of that kind); NULL means
//   the file's own column (or not tested yet).
// - `area_names`: every area the row belongs to, of every kind (the file's own name, and for a point each kind's
//   containing area, except in a kind the file's own name already names). Per-area counts of any kind, the area
//   filter and per-area goals read this (data/area-membership.query.ts, which also has its text format). NULL: not
//   tested yet.
import { areaTokenSql, encodeAreaNamesSql } from './area-membership.query';
import { quoteIdentifier } from './sql-text';
import { spellingKeySql } from './spelling-key.query';

export const ASSIGNED_TABLES = ['incidents', 'interventions'] as const;
export type AssignedTable = (typeof ASSIGNED_TABLES)[number];

export const ADD_AREA_ASSIGNMENT_COLUMNS = ASSIGNED_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS area_assignment VARCHAR;
ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS area_names VARCHAR;`).join('\n');

/** Changes whenever an area is added, removed or reshaped: the assignments are then made again. */
export const AREAS_SIGNATURE = `
SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(name, kind, geometry))::VARCHAR, '0') AS signature, count(*)::INTEGER AS areas FROM areas`;
export const SIGNATURE_KEY = 'area_assignment_signature';

/**
 * Every area with its index (the order the lookup is built in) and its kind's rank: 0 is the finest kind (median
 * bounding-box size of its areas, square degrees), the kind `area` is filled from.
 */
export const CREATE_AREA_INDEX = `CREATE OR REPLACE TEMP TABLE area_index AS
  WITH kinds AS (
    SELECT kind, (row_number() OVER (ORDER BY median((max_lon - min_lon) * (max_lat - min_lat)), kind NULLS LAST) - 1)::INTEGER AS kind_rank
    FROM areas GROUP BY kind
  )
  SELECT (row_number() OVER (ORDER BY k.kind_rank, a.name, a.geometry) - 1)::INTEGER AS idx, a.name, a.kind, k.kind_rank, a.geometry
  FROM areas a JOIN kinds k ON k.kind IS NOT DISTINCT FROM a.kind`;
export const READ_AREA_INDEX = `SELECT idx, name, kind, kind_rank, geometry FROM area_index ORDER BY idx`;

export function clearAssignments(table: AssignedTable): string {
  return `UPDATE ${table} SET area = NULL, area_assignment = NULL WHERE area_assignment IS NOT NULL;
    UPDATE ${table} SET area_names = NULL WHERE area_names IS NOT NULL`;
}

const isPoint = (table: AssignedTable) => `lat IS NOT NULL AND lon IS NOT NULL${table === 'incidents' ? ` AND location_precision = 'point'` : ''}`;

// A row is found again by its rowid, carried through JavaScript as two exact doubles: rows written in the open
// transaction (an import places its own rows before it commits) have rowids from 2^62 up, which a double cannot
// hold exactly — one rowid::DOUBLE once put a dialogue without a position into Centrum.
const SPLIT = 4294967296;
/** The rowid of an area_hits row (h), whole again. */
const HIT_ROWID = `(h.rid_hi::BIGINT * ${SPLIT} + h.rid_lo::BIGINT)`;

/** Points not tested yet (with or without an area of their own: the other kinds still count them). */
export function pointsToAssign(table: AssignedTable): string {
  return `SELECT (rowid // ${SPLIT})::DOUBLE AS rid_hi, (rowid % ${SPLIT})::DOUBLE AS rid_lo, lon, lat
    FROM ${table} WHERE area_names IS NULL AND ${isPoint(table)}`;
}

/**
 * The `area_names` of a row whose own area is its only one (kind ''), as every row has while no areas are loaded:
 * `encodeAreaNamesSql` of that one token, or of none — the same text (unit test), written without building a list,
 * which cost ~0.45 s of a 1M-row import's insert natively (one thread) against ~0.2 s for this.
 */
export const ownOnlyAreaNamesSql = (areaSql: string) => `CASE WHEN ${areaSql} IS NULL THEN '' ELSE chr(31) || ${areaTokenSql("''", areaSql)} || chr(31) END`;

/**
 * `area_names` of a row as an import inserts it (SQL VARCHAR; `areaSql` is the row's own area): with no areas loaded
 * there is nothing to look up, so the row's own area (kind '') is final — what writeUnplacedRows would write, without
 * a second pass over every new row (~1 s at 1M rows in the browser). With areas loaded: NULL, placed afterwards.
 */
export function areaNamesAtInsertSql(areaSql: string): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM areas) THEN NULL ELSE ${ownOnlyAreaNamesSql(areaSql)} END`;
}

/**
 * The areas are gone (all removed, or an import replaced the example with its areas): every row's own area is its
 * only one. Writes only the rows that differ — an import's new rows already have it (areaNamesAtInsertSql), and
 * clearing then rewriting them cost ~1 s at 1M rows.
 */
export function resetWithoutAreas(table: AssignedTable): string {
  const ownArea = `CASE WHEN area_assignment IS NULL THEN area END`;
  const names = ownOnlyAreaNamesSql(ownArea);
  return `UPDATE ${table} SET area = ${ownArea}, area_assignment = NULL, area_names = ${names}
    WHERE area_assignment IS NOT NULL OR area_names IS DISTINCT FROM ${names}`;
}

/** Kinds whose areas are län: their names are matched with the police's "Skåne län", "Stockholms län" too. */
const COUNTY_KINDS = `lower(trim(coalesce(kind, ''))) IN ('län', 'lan', 'county', 'region')`;

/**
 * Every area of `table` (areas or area_index) by the keys a file's own area name may match it by (SQL subquery:
 * name_key, name, kind and `extra` columns): its spelling key, and for a län also "<name> län" and "<name>s län" — the
 * police write "Skåne län" and "Stockholms län" where a län boundary file says "Skåne" and "Stockholm", so the police's
 * län-level events were in no län on the Karta (Halland 307 of 1 097; a tester).
 */
function nameKeys(table: string, extra = ''): string {
  const cols = `name, kind${extra ? `, ${extra}` : ''}`;
  return `(SELECT ${spellingKeySql('name')} AS name_key, ${cols} FROM ${table}
    UNION ALL SELECT ${spellingKeySql("name || ' län'")} AS name_key, ${cols} FROM ${table} WHERE ${COUNTY_KINDS}
    UNION ALL SELECT ${spellingKeySql("name || 's län'")} AS name_key, ${cols} FROM ${table} WHERE ${COUNTY_KINDS} AND NOT ends_with(lower(name), 's'))`;
}

/**
 * Incidents whose position is the centre of their own area (police events: a kommun's or a län's centre), not placed
 * yet, whose own area is a loaded area: with `own_rank`, the finest kind that name is an area of. Such a centre says
 * nothing about a finer area (it lies in some stadsdel by chance), but the kinds *coarser* than its own area contain
 * the whole of it — a kommun lies in one län — so it is looked up there (a tester's kommun-level events were in no län).
 * Needs CREATE_AREA_INDEX.
 */
export const AREA_CENTRES_TO_ASSIGN = `SELECT (i.rowid // ${SPLIT})::DOUBLE AS rid_hi, (i.rowid % ${SPLIT})::DOUBLE AS rid_lo, i.lon, i.lat, k.own_rank::DOUBLE AS own_rank
  FROM incidents i JOIN (SELECT name_key, min(kind_rank) AS own_rank FROM ${nameKeys('area_index', 'kind_rank')} GROUP BY name_key) k ON k.name_key = ${spellingKeySql('i.area')}
  WHERE i.area_names IS NULL AND i.location_precision = 'area' AND i.area_assignment IS NULL AND i.lat IS NOT NULL AND i.lon IS NOT NULL`;

/** Rows of either table not placed yet (NULL area_names). */
export const ROWS_TO_PLACE = `SELECT (${ASSIGNED_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE area_names IS NULL)`).join(' + ')})::INTEGER AS n`;

/**
 * One row per tested point: its combination of areas (`combo`, one area or none per kind). Points in the same areas
 * share a combination, so the names are put together once per combination (a few thousand), not once per point.
 */
export const CREATE_HITS = `CREATE OR REPLACE TEMP TABLE area_hits (rid_hi DOUBLE, rid_lo DOUBLE, combo INTEGER);
  CREATE OR REPLACE TEMP TABLE area_combo_members (combo INTEGER, idx INTEGER)`;
export const CLEAR_HITS = `DELETE FROM area_hits; DELETE FROM area_combo_members`;
export const DROP_TEMP = `DROP TABLE IF EXISTS area_hits; DROP TABLE IF EXISTS area_combo_members; DROP TABLE IF EXISTS area_combos;
  DROP TABLE IF EXISTS area_index`;

/**
 * Each combination's finest-kind area, its tokens with their kinds (to leave out the kinds a file's own area
 * names) and its stored text. A combination of no area has no row here (the point is outside every area).
 */
export const CREATE_COMBOS = `CREATE OR REPLACE TEMP TABLE area_combos AS
  SELECT m.combo,
    max(n.name) FILTER (WHERE n.kind_rank = 0) AS finest,
    list({'kind': coalesce(n.kind, ''), 'token': ${areaTokenSql('n.kind', 'n.name')}} ORDER BY ${areaTokenSql('n.kind', 'n.name')}) AS tokens,
    ${encodeAreaNamesSql(`list(${areaTokenSql('n.kind', 'n.name')} ORDER BY ${areaTokenSql('n.kind', 'n.name')})`)} AS names
  FROM area_combo_members m JOIN area_index n ON n.idx = m.idx GROUP BY m.combo`;

/**
 * The kinds a file's own area name names, as tokens (data/area-membership.query.ts) and as kinds: the file's own
 * area counts in those kinds and wins over the geometry there. A name that is no loaded area's gets kind ''.
 * Matched by spelling key (data/spelling-key.query.ts: case and spaces), and counted under the boundary's own
 * spelling: the police write "Upplands väsby" and "Dals-ed", the kommun boundaries "Upplands Väsby" and "Dals-Ed" —
 * matched exactly, those kommuner showed 0 on the map beside 76 and 9 events (a tester). A län also by "<name> län"
 * and "<name>s län" (nameKeys).
 */
export const CREATE_OWN_TOKENS = `CREATE OR REPLACE TEMP TABLE own_tokens AS
  SELECT name_key, list(DISTINCT ${areaTokenSql('kind', 'name')} ORDER BY ${areaTokenSql('kind', 'name')}) AS tokens,
    list(DISTINCT coalesce(kind, '')) AS kinds
  FROM ${nameKeys('areas')} GROUP BY name_key`;
export const DROP_OWN_TOKENS = `DROP TABLE IF EXISTS own_tokens`;

/** The tokens of a file's own area (SQL VARCHAR[]; empty for a row without one or whose area came from geometry). */
const ownTokens = (r: string) => `CASE WHEN ${r}area_assignment IS NULL AND ${r}area IS NOT NULL
    THEN coalesce((SELECT o.tokens FROM own_tokens o WHERE o.name_key = ${spellingKeySql(`${r}area`)}), [${areaTokenSql("''", `${r}area`)}]) ELSE []::VARCHAR[] END`;

/**
 * The tested points (needs CREATE_COMBOS and CREATE_OWN_TOKENS), found by rowid (text updates keep rows in place):
 * 1. rows without an area of their own (the common case, one join per row): `area` gets the finest kind's area,
 *    `area_assignment` 'geometry' or 'outside', `area_names` the combination's text;
 * 2. rows with the file's own area: `area_names` is that area (in the kinds it names), then the combination's areas
 *    of every other kind — a kind the own name is an area of is left out (the file wins there).
 * A row of 2 whose combination is empty, or wholly left out, gets its own area from writeUnplacedRows.
 */
export function writePlacedPoints(table: AssignedTable): string {
  const t = quoteIdentifier(table);
  return `UPDATE ${t} SET
      area = c.finest,
      area_assignment = CASE WHEN c.finest IS NULL THEN 'outside' ELSE 'geometry' END,
      area_names = coalesce(c.names, '')
    FROM (SELECT ${HIT_ROWID} AS rid, h.combo FROM area_hits h) AS x LEFT JOIN area_combos c ON c.combo = x.combo
    WHERE ${t}.rowid = x.rid AND ${t}.area_names IS NULL AND (${t}.area IS NULL OR ${t}.area_assignment IS NOT NULL);
    UPDATE ${t} SET area_names = ${encodeAreaNamesSql(`list_concat(${ownTokens(`${t}.`)}, x.tokens)`)}
    FROM (
      SELECT ${HIT_ROWID} AS rid, list(m.token ORDER BY m.token) AS tokens
      FROM area_hits h
      JOIN (SELECT rowid AS rid, area AS own FROM ${t} WHERE area_names IS NULL AND area_assignment IS NULL AND area IS NOT NULL) o ON o.rid = ${HIT_ROWID}
      JOIN (SELECT combo, u.kind AS kind, u.token AS token FROM (SELECT combo, unnest(tokens) AS u FROM area_combos)) m ON m.combo = h.combo
      LEFT JOIN own_tokens k ON k.name_key = ${spellingKeySql('o.own')}
      WHERE NOT list_contains(coalesce(k.kinds, []::VARCHAR[]), m.kind)
      GROUP BY ALL
    ) AS x
    WHERE ${t}.rowid = x.rid AND ${t}.area_names IS NULL`;
}

/** `area_names` for the rows left (no position, or no areas loaded): the file's own area only. */
export function writeUnplacedRows(table: AssignedTable): string {
  const t = quoteIdentifier(table);
  return `UPDATE ${t} SET area_names = ${encodeAreaNamesSql(ownTokens(`${t}.`))} WHERE area_names IS NULL`;
}
