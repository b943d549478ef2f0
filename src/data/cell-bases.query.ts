// The Karta's hot-spot counts and names read from small tables of 125 m squares, one per filter, instead of from
// every located incident at each cell size. At 5M rows a cell-size step counted every row twice (the counts per
// cell and ISO week, then the ranked cells' names: 0.25–0.9 s and 0.5–0.8 s in the page, docs/benchmark.md); from a
// base (natively, one thread, 5M rows: ~300 000 rows of counts and ~24 000 of names) a size's counts take 10–30 ms
// instead of 170–290 ms. The base is built by the first query that needs it (its CREATE runs in the same statement
// list as the query), so each query stands alone: an evicted or dropped base is built again, never read stale.
//
// Exact, not approximate: a square of side 125·k m holds exactly the 125 m squares whose index divided by k floors
// to its own (floor(floor(e / 125) / k) = floor(e / (125 k)) for a whole k — the identity squareUniverse uses), and counts
// and key sums add up without rounding (integers). Tested against the direct queries (tests/unit/cell-bases.test.ts).
//
// Temporary tables: in memory, on the app's one connection, gone with the tab; dropped after every data change
// (coordinator.ts) and at most BASES_KEPT per kind, so clicking through filters does not pile them up.
import type { CellShape } from '../lib/geo/cell-grid';
import { WEEK_MONDAY } from './week-monday.query';

/**
 * Side (m) of the base squares. It serves the sizes the Karta most often opens at and their doubles (125, 250, 500,
 * 1 000 m of CELL_SIZES; at 5M rows ~300 000 rows of counts and ~24 000 of names). 100 and 200 m are counted from the
 * incidents as before: a base of 50 m squares would serve them too, but building its ~1M rows of counts and ~95 000 of
 * names took 1.2 s and 1.7 s in the page at 5M rows — more than the two direct queries it saves (~0.6–0.9 s each), so
 * it paid only from the second step to such a size (docs/benchmark.md, sixteenth session).
 */
export const CELL_BASE_SIDE = 125;

/** Whether counts and names at this size and shape can be read from a base (squares, a whole multiple of its side). */
export function servedByCellBase(size: number, shape: CellShape): boolean {
  return shape === 'square' && size >= CELL_BASE_SIDE && Number.isInteger(size / CELL_BASE_SIDE);
}

/** Bases kept per kind: the current filter's and the last one's (going back and forth between two filters). */
export const BASES_KEPT = 2;

/** What every base table's name starts with (the drop after a data change finds them by it). */
export const CELL_BASE_PREFIX = 'cell_base_';

type Kind = 'weeks' | 'names';

// Per kind: the base of each filter (its WHERE text) in order of last use, oldest first. A name is never reused, so
// a query text from before a data change cannot read a table built from the data after it under the same name.
const bases: Record<Kind, Map<string, string>> = { weeks: new Map(), names: new Map() };
let serial = 0;

const BUILDS: Record<Kind, (where: string) => string> = {
  // Incidents per base square and ISO week (its Monday's epoch day), with their record keys' sum (public view's noise).
  weeks: (where) => `SELECT floor(grid_e / ${CELL_BASE_SIDE})::INTEGER AS base_e, floor(grid_n / ${CELL_BASE_SIDE})::INTEGER AS base_n,
    ${WEEK_MONDAY} AS week, count(*)::INTEGER AS n, sum(record_key)::BIGINT AS key
    FROM incidents WHERE grid_e IS NOT NULL AND (${where}) GROUP BY ALL`,
  // Incidents per base square, place as written, area and category: what the hot-spot names are chosen from.
  names: (where) => `SELECT floor(grid_e / ${CELL_BASE_SIDE})::INTEGER AS base_e, floor(grid_n / ${CELL_BASE_SIDE})::INTEGER AS base_n,
    place_or_blank, area, category, count(*)::INTEGER AS n
    FROM incidents WHERE grid_e IS NOT NULL AND (${where}) GROUP BY ALL`,
};

/**
 * The base table of `kind` over the incidents matching `where` (SQL over incidents): its name, and `prepare`, the
 * statements to put before a query that reads it — dropping the least recently used base of the kind when more than
 * BASES_KEPT would be kept, then creating this one if it is not there (ends with ';').
 */
export function cellBase(kind: Kind, where: string): { name: string; prepare: string } {
  const kept = bases[kind];
  let name = kept.get(where);
  const drops: string[] = [];
  if (name === undefined) {
    name = `${CELL_BASE_PREFIX}${kind}_${++serial}`;
    while (kept.size >= BASES_KEPT) {
      const [oldest, oldName] = kept.entries().next().value as [string, string];
      kept.delete(oldest);
      drops.push(`DROP TABLE IF EXISTS ${oldName};`);
    }
  } else {
    kept.delete(where);
  }
  kept.set(where, name);
  return { name, prepare: `${drops.join(' ')} CREATE TEMP TABLE IF NOT EXISTS ${name} AS ${BUILDS[kind](where)};` };
}

/** The base tables there are now (temporary tables named CELL_BASE_PREFIX…): `table_name` per row. */
export const CELL_BASE_TABLES = `SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, '${CELL_BASE_PREFIX}')`;

/** Forget every base (after a data change): the statements that drop `tables` (names from CELL_BASE_TABLES). */
export function dropCellBases(tables: string[]): string {
  bases.weeks.clear();
  bases.names.clear();
  return tables.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ');
}

/** A base square's index (`base_e` or `base_n`) as the index of the square of side `size` (servedByCellBase) it lies in. */
export function baseIndexSql(column: 'base_e' | 'base_n', size: number): string {
  return `floor(${column} / ${Math.trunc(size / CELL_BASE_SIDE)})::INTEGER`;
}
