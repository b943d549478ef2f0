// The SQL behind the area prioritisation (area-priority.model.ts): incidents per cell in the tertial (for its Gi*),
// and per area of one kind: the tertial, the one before, and the tertial's incidents in hot-spot cells.
import { cellIndexSql } from '../../data/grid-cells.query';
import type { CellShape } from '../../lib/geo/cell-grid';
import type { FilterExpr } from '@uwdata/mosaic-sql';
import { whereSql } from '../../data/filter-predicates';
import { keySumSql } from '../../data/record-keys.query';
import { inKindSql, rowsPerAreaSql } from '../../data/area-membership.query';
import { literal } from '../../data/sql-text';

const between = (r: { from: number; to: number }) => `epoch_day BETWEEN ${Math.trunc(r.from)} AND ${Math.trunc(r.to)}`;

/** Located incidents per cell (square or hexagon, data/grid-cells.query.ts) in `range` under `filter`. */
export function tertialCellCountsSql(filter: FilterExpr, size: number, range: { from: number; to: number }, shape: CellShape = 'square'): string {
  const cell = cellIndexSql(size, shape);
  return `SELECT ${cell.ix} AS ix, ${cell.iy} AS iy, count(*)::INTEGER AS n
    FROM incidents WHERE grid_e IS NOT NULL AND ${between(range)} AND ${whereSql(filter)} GROUP BY ALL`;
}

/**
 * Every area of `kind` with its population and, under `filter`, its incidents in `current` and `previous`, those of
 * `current` with a position (`located`) and those that lie in one of `hotCells` — each with its key sum (public view's noise). An incident counts in
 * every area it belongs to (`area_names`), so any loaded kind has its counts; `kind` '' or null: areas without one.
 */
export function areaPrioritySql(filter: FilterExpr, kind: string | null, current: { from: number; to: number }, previous: { from: number; to: number }, size: number, hotCells: { ix: number; iy: number }[], shape: CellShape = 'square'): string {
  const cell = cellIndexSql(size, shape);
  const hot = hotCells.length
    ? `(${cell.ix}, ${cell.iy}) IN (${hotCells.map((c) => `(${Math.trunc(c.ix)}, ${Math.trunc(c.iy)})`).join(', ')})`
    : 'FALSE';
  // Only an incident with a position can lie in a hot-spot cell: the share is of those (`located`).
  const located = `${between(current)} AND grid_e IS NOT NULL`;
  const inHot = `${located} AND ${hot}`;
  return `SELECT a.name, a.population,
      coalesce(v.current, 0)::INTEGER AS current, coalesce(v.current_key, 0)::DOUBLE AS current_key,
      coalesce(v.previous, 0)::INTEGER AS previous, coalesce(v.previous_key, 0)::DOUBLE AS previous_key,
      coalesce(v.hot, 0)::INTEGER AS hot, coalesce(v.hot_key, 0)::DOUBLE AS hot_key,
      coalesce(v.located, 0)::INTEGER AS located, coalesce(v.located_key, 0)::DOUBLE AS located_key
    FROM (SELECT DISTINCT name, population FROM areas WHERE kind IS NOT DISTINCT FROM ${kind === null || kind === '' ? 'NULL' : literal(kind)}) a
    LEFT JOIN (
      SELECT member_kind AS kind, member_area AS area,
        count(*) FILTER (WHERE ${between(current)}) AS current, ${keySumSql(between(current))} AS current_key,
        count(*) FILTER (WHERE ${between(previous)}) AS previous, ${keySumSql(between(previous))} AS previous_key,
        count(*) FILTER (WHERE ${inHot}) AS hot, ${keySumSql(inHot)} AS hot_key,
        count(*) FILTER (WHERE ${located}) AS located, ${keySumSql(located)} AS located_key
      FROM ${rowsPerAreaSql('incidents', `(${between(current)} OR ${between(previous)}) AND ${whereSql(filter)}`)}
      GROUP BY ALL
    ) v ON v.area = a.name AND v.kind = ${kind === null ? "''" : literal(kind)}
    ORDER BY a.name`;
}

/**
 * Under `filter`, the incidents of `current` and `previous` and how many of each lie in some area of `kind` ('' or
 * null: areas without one) — whether the two tertials' rows are placed in such areas alike, so that a change per area
 * compares like with like (lib/statistics/placement-shift.ts). SQL: one row, current, current_in, previous, previous_in.
 */
export function kindPlacementSql(filter: FilterExpr, kind: string | null, current: { from: number; to: number }, previous: { from: number; to: number }): string {
  const inKind = inKindSql(kind ?? '');
  return `SELECT count(*) FILTER (WHERE ${between(current)})::INTEGER AS current, count(*) FILTER (WHERE ${between(current)} AND ${inKind})::INTEGER AS current_in,
      count(*) FILTER (WHERE ${between(previous)})::INTEGER AS previous, count(*) FILTER (WHERE ${between(previous)} AND ${inKind})::INTEGER AS previous_in
    FROM incidents WHERE (${between(current)} OR ${between(previous)}) AND ${whereSql(filter)}`;
}
