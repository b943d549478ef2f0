// The active filters as labelled chips (pure: filter state → what the chip row shows).
import { cellReferenceMetres } from './geo/cell-grid';
import type { Language } from './format';
import { formatCount } from './format';
import { describeDayRange } from './day-range';
import { FILTER_NAMES, type FilterName, type FilterState } from './filter-state';

export interface FilterChip {
  name: FilterName;
  label: string;
}

export function chipsFromState(state: FilterState, language: Language): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const name of FILTER_NAMES) {
    if (name === 'period' && state.period) chips.push({ name, label: describeDayRange(state.period, language) });
    if (name === 'category' && state.category !== undefined) chips.push({ name, label: state.category });
    if (name === 'area' && state.area !== undefined) chips.push({ name, label: state.area.kind ? `${state.area.name} (${state.area.kind})` : state.area.name });
    if (name === 'source' && state.source !== undefined) chips.push({ name, label: state.source });
    if (name === 'cell' && state.cell) {
      // A square by its south-west corner, a hexagon (⬡) by its centre, in SWEREF 99 TM metres.
      const { size, shape } = state.cell;
      const [e, n] = cellReferenceMetres(state.cell, size, shape);
      chips.push({ name, label: `${shape === 'hex' ? '⬡ ' : ''}${formatCount(size, language)} m, E ${formatCount(e, language)} N ${formatCount(n, language)}` });
    }
    if (name === 'extent' && state.extent) {
      const e = state.extent;
      chips.push({ name, label: `${e.south.toFixed(3)}–${e.north.toFixed(3)} N, ${e.west.toFixed(3)}–${e.east.toFixed(3)} E` });
    }
  }
  return chips;
}
