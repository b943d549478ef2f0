// The shared filter as plain values, and its form in a link (?period=…&kategori=…). A link carries the
// filter, never data: the receiver's own database answers it.
import { epochDayOfIsoDate, isoDateOfEpochDay } from './epoch-day';
import type { DayRange } from './day-range';

export interface GridCellRef {
  /** Cell size in metres (SWEREF 99 TM): a square's side, or the side of the square a hexagon has the area of. */
  size: number;
  /** Column and row (lib/geo/cell-grid.ts): for squares floor(grid_e / size), floor(grid_n / size). */
  ix: number;
  iy: number;
  /** Hexagon grid; absent for squares (a link's `ruta=hex:250:…`). */
  shape?: 'hex';
}

/**
 * An area filter: the area's name and its kind ('' for areas without one). Without a kind (an old link) the name
 * matches in any kind.
 */
export interface AreaRef {
  name: string;
  kind?: string;
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface FilterState {
  period?: DayRange;
  category?: string;
  area?: AreaRef;
  /** Which source the rows came from (the import's source name: "Polisens händelser", a file name …). */
  source?: string;
  cell?: GridCellRef;
  extent?: Bounds;
}

export const FILTER_NAMES = ['period', 'category', 'area', 'source', 'cell', 'extent'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const PARAM: Record<FilterName, string> = { period: 'period', category: 'kategori', area: 'omrade', source: 'kalla', cell: 'ruta', extent: 'utsnitt' };
/** The area filter's kind, beside its name (`?omrade=Stockholm&omradestyp=kommun`). */
const AREA_KIND_PARAM = 'omradestyp';

/**
 * A cell a link can name: whole metres between MIN_CELL_METRES and MAX_CELL_METRES, and an index whose position lies
 * within 10 000 km of the grid's origin (SWEREF 99 TM covers Sweden from ~6 100 to ~7 700 km north). A hand-edited
 * `ruta=hex:1e308:1:1` crashed the Karta; `ruta=1:1e300:0` made a chip of 300 digits.
 */
const MIN_CELL_METRES = 10;
const MAX_CELL_METRES = 100_000;
function plausibleCell(size: number, ix: number, iy: number): boolean {
  return Number.isInteger(size) && size >= MIN_CELL_METRES && size <= MAX_CELL_METRES && Number.isInteger(ix) && Number.isInteger(iy)
    && Math.abs(ix * size) <= 1e7 && Math.abs(iy * size) <= 1e7;
}

const finite = (values: number[]) => values.every((v) => Number.isFinite(v));

export function filterStateToParams(state: FilterState, params = new URLSearchParams()): URLSearchParams {
  for (const name of FILTER_NAMES) params.delete(PARAM[name]);
  if (state.period) params.set(PARAM.period, `${isoDateOfEpochDay(state.period.from)}..${isoDateOfEpochDay(state.period.to)}`);
  if (state.category !== undefined) params.set(PARAM.category, state.category);
  params.delete(AREA_KIND_PARAM);
  if (state.area !== undefined) {
    params.set(PARAM.area, state.area.name);
    if (state.area.kind !== undefined) params.set(AREA_KIND_PARAM, state.area.kind);
  }
  if (state.source !== undefined) params.set(PARAM.source, state.source);
  if (state.cell) params.set(PARAM.cell, `${state.cell.shape === 'hex' ? 'hex:' : ''}${state.cell.size}:${state.cell.ix}:${state.cell.iy}`);
  if (state.extent) params.set(PARAM.extent, [state.extent.west, state.extent.south, state.extent.east, state.extent.north].map((v) => v.toFixed(5)).join(','));
  return params;
}

/**
 * A control character (NUL above all) is in no category or area name, and NUL cuts DuckDB's SQL text short
 * ("Parser Error"): such a value in a link is refused, and named by refusedFilterParams so the page can say so.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;

export function refusedFilterParams(params: URLSearchParams): string[] {
  return [PARAM.category, PARAM.area, AREA_KIND_PARAM, PARAM.source].filter((name) => CONTROL.test(params.get(name) ?? ''));
}

/** Reads what it can; a malformed part is ignored rather than failing the page. */
export function filterStateFromParams(params: URLSearchParams): FilterState {
  const state: FilterState = {};
  const refused = refusedFilterParams(params);
  const period = params.get(PARAM.period)?.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  if (period) {
    const from = epochDayOfIsoDate(period[1]);
    const to = epochDayOfIsoDate(period[2]);
    if (Number.isFinite(from) && Number.isFinite(to) && from <= to) state.period = { from, to };
  }
  const category = params.get(PARAM.category);
  if (category && !refused.includes(PARAM.category)) state.category = category;
  const area = params.get(PARAM.area);
  if (area && !refused.includes(PARAM.area)) {
    const kind = params.get(AREA_KIND_PARAM);
    state.area = kind !== null && !refused.includes(AREA_KIND_PARAM) ? { name: area, kind } : { name: area };
  }
  const source = params.get(PARAM.source);
  if (source && !refused.includes(PARAM.source)) state.source = source;
  const cellText = params.get(PARAM.cell);
  const hex = cellText?.startsWith('hex:') ?? false;
  const cell = (hex ? cellText!.slice(4) : cellText)?.split(':').map(Number);
  if (cell && cell.length === 3 && plausibleCell(cell[0], cell[1], cell[2])) {
    state.cell = { size: cell[0], ix: Math.trunc(cell[1]), iy: Math.trunc(cell[2]), ...(hex ? { shape: 'hex' as const } : {}) };
  }
  const extent = params.get(PARAM.extent)?.split(',').map(Number);
  if (extent && extent.length === 4 && finite(extent) && extent[0] < extent[2] && extent[1] < extent[3]) {
    state.extent = { west: extent[0], south: extent[1], east: extent[2], north: extent[3] };
  }
  return state;
}
