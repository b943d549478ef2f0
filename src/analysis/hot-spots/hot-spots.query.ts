// The SQL of the hot-spot analysis shared by Karta and Lägesbild: the study area (every cell that ever had a
// located incident), the extent that sets the cell size, counts per cell and two-week step, and cell names.
// Cells: data/grid-cells.query.ts, the same expressions as the cell filter (data/selections.ts).
import { Query, count, sql, verbatim, type FilterExpr } from '@uwdata/mosaic-sql';
import { whereSql } from '../../data/filter-predicates';
import { keySum } from '../../data/record-keys.query';

import { cellIndexSql } from '../../data/grid-cells.query';
import { PLACE_FROM_BLANK } from '../../data/place-or-blank.query';
import { commonSpellingSql, spellingKeySql } from '../../data/spelling-key.query';
import { cellCornersMetres, type CellShape } from '../../lib/geo/cell-grid';
import { baseIndexSql, cellBase, servedByCellBase } from '../../data/cell-bases.query';
import { WEEK_MONDAY } from '../../data/week-monday.query';

/** The located incidents' extent in grid metres (2nd–98th percentile, so a stray point doesn't set the cell size). */
export const GRID_EXTENT = `
SELECT quantile_cont(grid_e, 0.02) AS min_e, quantile_cont(grid_e, 0.98) AS max_e,
       quantile_cont(grid_n, 0.02) AS min_n, quantile_cont(grid_n, 0.98) AS max_n,
       min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north
FROM incidents WHERE grid_e IS NOT NULL`;

/**
 * Side (metres) of the squares the Karta reads its study area from once: every square size offered (CELL_SIZES: 100,
 * 125, 200, 250, 500, 1 000 m) is a whole multiple of it, so each size's study area follows from these squares by
 * integer division (squareUniverse in hot-spots.model.ts) — floor(floor(e / 25) / k) = floor(e / (25 k)) — instead of a
 * query over every located row at each new size (~0.25–0.38 s at 5M rows in the page).
 */
export const UNIVERSE_BASE_SIZE = 25;

/** Every cell that ever had a located incident: the study area Gi* compares against (independent of filters). */
export function cellUniverseSql(size: number, shape: CellShape = 'square'): string {
  const cell = cellIndexSql(size, shape);
  return `SELECT ${cell.ix} AS ix, ${cell.iy} AS iy FROM incidents WHERE grid_e IS NOT NULL GROUP BY ALL`;
}

/**
 * Counts per cell and ISO two-week period for the emerging hot-spot analysis. `starts` holds each period's first
 * epoch day and, last, the day after the final period (periods are contiguous; week 53 joins 51–53).
 */
export function cellStepCountsQuery(size: number, starts: number[], shape: CellShape = 'square') {
  const cell = cellIndexSql(size, shape);
  const cases = starts.slice(1, -1).map((day, i) => `WHEN epoch_day < ${Math.trunc(day)} THEN ${i}`).join(' ');
  const step = verbatim(`(CASE ${cases} ELSE ${starts.length - 2} END)::INTEGER`);
  return (filter: FilterExpr): Query =>
    Query.from('incidents')
      .select({ ix: verbatim(cell.ix), iy: verbatim(cell.iy), step, n: count(), key: keySum() })
      .where(filter, sql`grid_e IS NOT NULL`, sql`epoch_day >= ${Math.trunc(starts[0])}`, sql`epoch_day < ${Math.trunc(starts[starts.length - 1])}`)
      .groupby('ix', 'iy', 'step');
}


/**
 * Counts per cell and ISO week (its Monday's epoch day) under the filter, over all time. The emerging hot-spot steps
 * are whole ISO weeks, so the Karta sums them per step (step-counts.ts) — moving the period re-uses these rows
 * instead of counting the table again (a new window was a new query over every row: ~0.7 s per week step at 1M).
 */
export function cellWeekCountsQuery(size: number, shape: CellShape = 'square') {
  const cell = cellIndexSql(size, shape);
  return (filter: FilterExpr): Query | string => servedByCellBase(size, shape)
    ? fromWeekBase(size, filter, true)
    : Query.from('incidents')
      .select({ ix: verbatim(cell.ix), iy: verbatim(cell.iy), week: verbatim(WEEK_MONDAY), n: count(), key: keySum() })
      .where(filter, sql`grid_e IS NOT NULL`)
      .groupby('ix', 'iy', 'week');
}

/**
 * Counts per cell of side `size` (servedByCellBase) under `filter` from the filter's base (data/cell-bases.query.ts):
 * per ISO week (`week`) as cellWeekCountsQuery, or over all the filter's rows. The same columns and types as the
 * direct queries: ix, iy INTEGER, [week INTEGER,] n BIGINT, key HUGEINT.
 */
export function fromWeekBase(size: number, filter: FilterExpr, perWeek: boolean): string {
  const base = cellBase('weeks', whereSql(filter));
  const week = perWeek ? ', week' : '';
  return `${base.prepare}
  SELECT ${baseIndexSql('base_e', size)} AS ix, ${baseIndexSql('base_n', size)} AS iy${week}, sum(n)::BIGINT AS n, sum(key) AS key
  FROM ${base.name} GROUP BY ALL`;
}

/**
 * Most common place, area and category per cell under `filter`, for the given cells only (the ranked hot spots: the
 * mode over every cell's text cost 0.6–1.2 s per step of the Karta at 1M rows). One row per cell with incidents:
 * `ix`, `iy`, `place` (NULL when two or more places are equally common, or when no place holds more of the cell's
 * incidents than the incidents without a place — "no place" competes like a place, as in a mode over every row), `area`
 * (NULL when no row has one), `category`. For area and category a tie goes to the first value in alphabetical order
 * (DuckDB's `mode()` took whichever it met first). A place written in several ways — case and spaces
 * (spelling-key.query.ts: "Torget", "torget", "TORGET") — is one place, counted together and named by its most common
 * spelling over all the asked cells (a tie: the first in alphabetical order), so it reads alike in every cell (the
 * lägesbild joins cells by their place's name). No cells: null (nothing to ask).
 * Counted once per (cell, place, area, category) and the most common of each taken from those few counts: DuckDB's
 * `mode()` keeps a map per group and row, and three of them over the ranked cells' rows (68 % of 5M rows at 500 m)
 * took 791 ms natively on one thread against 346 ms this way (1.3 s in the page).
 * Hexagons: rows are first narrowed to the squares of the same size that a wanted hexagon's bounding box (1 m wider,
 * against rounding) touches — two divisions per row — so the hexagon index, a long expression, is computed only for
 * rows near a ranked cell (one thread, 5M rows, 30 hexagons: 1.6 → 1.1 s). The place is read from `place_or_blank`
 * (data/place-or-blank.query.ts: half the time of a week step's names natively).
 * `preferred` (SQL over incidents, within `filter`): a cell with incidents under it is named by those only, a cell
 * without by all its rows under `filter` — the lägesbild names a hot spot by its latest step (the count it shows), not
 * by the place that dominated its half year ("Skolgården" where the step had Kiosk Ost 12 and Skolgården 4, a tester).
 * The spelling a place is shown by is still chosen over every named row of every asked cell, so cells named from
 * either kind of rows spell one place alike.
 * `fromBase` (default true): squares whose side a base serves are counted from the filter's base of names
 * (data/cell-bases.query.ts: the same names, from ~24 000 rows instead of millions at 5M rows); false asks the incidents.
 */
export function cellLabelsSql(size: number, filter: FilterExpr, shape: CellShape, cells: { ix: number; iy: number }[], preferred?: string, fromBase = true): string | null {
  if (cells.length === 0) return null;
  const cell = cellIndexSql(size, shape);
  const wanted = cells.map((c) => `(${Math.trunc(c.ix)}, ${Math.trunc(c.iy)})`).join(', ');
  const near = shape === 'hex' ? ` AND ${nearCellsSql(size, cells)}` : '';
  // The most common non-NULL value of `column` per cell, from the counts in `combos`.
  const most = (column: string) => `(SELECT ix, iy, first(${column} ORDER BY n DESC, ${column}) AS ${column}
    FROM (SELECT ix, iy, ${column}, sum(n) AS n FROM combos WHERE ${column} IS NOT NULL GROUP BY ALL) GROUP BY ALL)`;
  // A place only when more of the cell's incidents were recorded there than at any other place or without a place:
  // three incidents at three addresses are not a hot spot at the first of them in alphabetical order (a tester's
  // "Amiralsgatan 35"), and one old incident with an address among 25 without one does not name the other 25's hot
  // spot (a tester's lägesbild named new hot spots after single background incidents months old). Places are compared
  // by their spelling key (Kiosken 10 against Torget 8 + torget 4 + TORGET 3 is Torget's cell).
  const uniquePlace = `(SELECT k.ix, k.iy, s.place FROM (SELECT ix, iy, first(place_key ORDER BY n DESC) AS place_key, max(n) AS n
    FROM (SELECT *, max(n) OVER (PARTITION BY ix, iy) AS top FROM (SELECT ix, iy, place_key, sum(n) AS n FROM place_counts GROUP BY ALL))
    GROUP BY ix, iy HAVING count(*) FILTER (WHERE n = top) = 1) k
    LEFT JOIN (SELECT ix, iy, sum(n) AS n FROM combos WHERE place IS NULL GROUP BY ALL) u ON u.ix = k.ix AND u.iy = k.iy
    JOIN (SELECT place_key, ${commonSpellingSql('place', 'n')} AS place FROM (SELECT place_key, place, sum(n) AS n FROM place_counts GROUP BY ALL) GROUP BY place_key) s ON s.place_key = k.place_key
    WHERE k.n > coalesce(u.n, 0))`;
  // From a base of names (data/cell-bases.query.ts) when the size allows, `fromBase` and no rows are preferred: the
  // lägesbild's preference is over single incidents, so it counts them directly, and the Karta asks directly under a
  // chosen period (each week step is another filter: a base would be built for one query and thrown away).
  const base = fromBase && preferred === undefined && servedByCellBase(size, shape) ? cellBase('names', whereSql(filter)) : null;
  const counted = base
    ? `SELECT ix, iy, ${PLACE_FROM_BLANK} AS place, area, category, sum(n)::BIGINT AS n
    FROM (SELECT ${baseIndexSql('base_e', size)} AS ix, ${baseIndexSql('base_n', size)} AS iy, place_or_blank, area, category, n FROM ${base.name})
    WHERE (ix, iy) IN (SELECT * FROM (VALUES ${wanted}))
    GROUP BY ALL`
    : `SELECT ix, iy, ${PLACE_FROM_BLANK} AS place, area, category, ${preferred === undefined ? '' : 'preferred, '}count(*) AS n
    FROM (SELECT ${cell.ix} AS ix, ${cell.iy} AS iy, place_or_blank, area, category${preferred === undefined ? '' : `, coalesce(${preferred}, FALSE) AS preferred`} FROM incidents WHERE grid_e IS NOT NULL${near} AND ${whereSql(filter)})
    WHERE (ix, iy) IN (SELECT * FROM (VALUES ${wanted}))
    GROUP BY ALL`;
  // With `preferred`: a cell's preferred rows when it has any, else all of them.
  const combos = preferred === undefined ? counted
    : `SELECT ix, iy, place, area, category, n FROM (${counted}) QUALIFY preferred OR NOT bool_or(preferred) OVER (PARTITION BY ix, iy)`;
  return `${base ? base.prepare : ''}
  WITH combos AS (${combos}),
  place_counts AS (SELECT ix, iy, place, ${spellingKeySql('place')} AS place_key, sum(n) AS n FROM combos WHERE place IS NOT NULL GROUP BY ix, iy, place)
  SELECT c.ix, c.iy, p.place, a.area, c.category
  FROM ${most('category')} c LEFT JOIN ${uniquePlace} p ON p.ix = c.ix AND p.iy = c.iy LEFT JOIN ${most('area')} a ON a.ix = c.ix AND a.iy = c.iy`;
}

/** True for rows in a square of side `size` that the bounding box of one of the hexagons `cells` touches. */
export function nearCellsSql(size: number, cells: { ix: number; iy: number }[]): string {
  const squares = new Set<string>();
  for (const c of cells) {
    const corners = cellCornersMetres({ ix: Math.trunc(c.ix), iy: Math.trunc(c.iy) }, size, 'hex');
    const es = corners.map(([e]) => e);
    const ns = corners.map(([, n]) => n);
    for (let e = Math.floor((Math.min(...es) - 1) / size); e <= Math.floor((Math.max(...es) + 1) / size); e++) {
      for (let n = Math.floor((Math.min(...ns) - 1) / size); n <= Math.floor((Math.max(...ns) + 1) / size); n++) squares.add(`(${e}, ${n})`);
    }
  }
  const square = cellIndexSql(size, 'square');
  return `(${square.ix}, ${square.iy}) IN (SELECT * FROM (VALUES ${[...squares].join(', ')}))`;
}
