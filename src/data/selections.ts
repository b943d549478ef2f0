// The app's shared cross-filter (Mosaic selections). Every filter has one stable source object, so a filter
// set on one page is still the same filter on the next, and it can be written to and read from the URL.
// - sharedSelection: filters on columns both event tables have (epoch_day, area, source, grid_e/grid_n, lat/lon).
// - incidentSelection: everything in sharedSelection plus incident-only columns (category).
// A view is never filtered by a filter it draws itself: it registers its client with that filter's source
// (`owns` in useMosaicClient), and Mosaic's cross-filter skips clauses whose `clients` include it.
import { Selection, clauseInterval, clauseIntervals, clausePoint, type MosaicClient, type SelectionClause } from '@uwdata/mosaic-core';
import { sql } from '@uwdata/mosaic-sql';
import type { DayRange } from '../lib/day-range';
import { inAreasSql } from './area-membership.query';
import { cellIndexSql } from './grid-cells.query';
import { FILTER_NAMES, type AreaRef, type Bounds, type FilterName, type FilterState, type GridCellRef } from '../lib/filter-state';

export const sharedSelection = Selection.crossfilter();
export const incidentSelection = Selection.crossfilter({ include: [sharedSelection] });

export interface FilterSource {
  readonly name: FilterName;
  /** The views that draw this filter themselves and are not filtered by it. */
  readonly clients: Set<MosaicClient>;
  reset(): void;
}

function source(name: FilterName): FilterSource {
  return { name, clients: new Set(), reset() {} };
}

export const FILTER_SOURCES: Record<FilterName, FilterSource> = {
  period: source('period'),
  category: source('category'),
  area: source('area'),
  source: source('source'),
  cell: source('cell'),
  extent: source('extent'),
};

const INCIDENT_ONLY: FilterName[] = ['category'];
const selectionFor = (name: FilterName) => (INCIDENT_ONLY.includes(name) ? incidentSelection : sharedSelection);
const options = (name: FilterName) => ({ source: FILTER_SOURCES[name], clients: FILTER_SOURCES[name].clients });

// Domain = range makes Mosaic's pre-aggregation bin by whole days (floor(day − 0)), so counts answered from
// pre-aggregates equal plain SQL exactly. Any domain that covers every epoch day works; this one ends in 2243.
const DAY_SCALE = { type: 'linear' as const, domain: [0, 100_000] as [number, number], range: [0, 100_000] as [number, number] };

export function periodClause(range: DayRange | null): SelectionClause {
  return clauseInterval('epoch_day', range ? [range.from, range.to] : null, { ...options('period'), scale: DAY_SCALE, pixelSize: 1 });
}

export function categoryClause(category: string | undefined): SelectionClause {
  return clausePoint('category', category, options('category'));
}

/** Rows in the area (a kommun counts its stadsdelar' rows; Stockholm the kommun is not the län: area-membership.query.ts). */
export function areaClause(area: AreaRef | undefined): SelectionClause {
  const predicate = area === undefined ? null : sql`${inAreasSql([area])}`;
  return { ...options('area'), meta: undefined, fields: [sql`area`, sql`area_names`], value: area ?? null, predicate } as SelectionClause;
}

/** The rows of one source (the import's source name), in both event tables. */
export function sourceClause(name: string | undefined): SelectionClause {
  return clausePoint('source', name, options('source'));
}

/** A cell of the SWEREF 99 TM grid, square or hexagon: the same expressions as every cell count (grid-cells.query.ts). */
export function cellClause(cell: GridCellRef | undefined): SelectionClause {
  const index = cell ? cellIndexSql(cell.size, cell.shape ?? 'square') : null;
  const predicate = cell && index ? sql`(${index.ix} = ${Math.trunc(cell.ix)} AND ${index.iy} = ${Math.trunc(cell.iy)})` : null;
  return { ...options('cell'), meta: undefined, fields: [sql`grid_e`, sql`grid_n`], value: cell ?? null, predicate } as SelectionClause;
}

export function extentClause(bounds: Bounds | undefined): SelectionClause {
  return clauseIntervals(['lon', 'lat'], bounds ? [[bounds.west, bounds.east], [bounds.south, bounds.north]] : null, options('extent'));
}

export function setFilter<K extends FilterName>(name: K, value: FilterState[K] | undefined): void {
  const clause =
    name === 'period' ? periodClause((value as DayRange | undefined) ?? null)
      : name === 'category' ? categoryClause(value as string | undefined)
        : name === 'area' ? areaClause(value as AreaRef | undefined)
          : name === 'source' ? sourceClause(value as string | undefined)
          : name === 'cell' ? cellClause(value as GridCellRef | undefined)
            : extentClause(value as Bounds | undefined);
  performance.clearMarks(`lagesbild:filter-${name}`);
  performance.mark(`lagesbild:filter-${name}`);
  selectionFor(name).update(clause);
}

export function applyFilterState(state: FilterState): void {
  for (const name of FILTER_NAMES) {
    const current = readFilter(name);
    const next = state[name];
    if (JSON.stringify(current) !== JSON.stringify(next)) setFilter(name, next as never);
  }
}

function clauseOf(name: FilterName): SelectionClause | undefined {
  return selectionFor(name).clauses.find((c) => c.source === FILTER_SOURCES[name] && c.predicate != null);
}

export function readFilter<K extends FilterName>(name: K): FilterState[K] | undefined {
  const clause = clauseOf(name);
  if (!clause || clause.value == null) return undefined;
  if (name === 'period') {
    const [from, to] = clause.value as number[];
    return { from, to } as FilterState[K];
  }
  if (name === 'extent') {
    const [[west, east], [south, north]] = clause.value as number[][];
    return { west, south, east, north } as FilterState[K];
  }
  return clause.value as FilterState[K];
}

export function readFilterState(): FilterState {
  const state: FilterState = {};
  for (const name of FILTER_NAMES) {
    const value = readFilter(name);
    if (value !== undefined) (state as Record<string, unknown>)[name] = value;
  }
  return state;
}

/** Call `listener` whenever any filter changes; returns the unsubscribe function. */
export function onFilterChange(listener: () => void): () => void {
  incidentSelection.addEventListener('value', listener);
  sharedSelection.addEventListener('value', listener);
  return () => {
    incidentSelection.removeEventListener('value', listener);
    sharedSelection.removeEventListener('value', listener);
  };
}

export function resetAllFilters(): void {
  for (const name of FILTER_NAMES) if (clauseOf(name)) setFilter(name, undefined);
}
