// The shared filter as plain values, re-read whenever any view changes it.
import { useEffect, useState } from 'react';
import { onFilterChange, readFilterState } from '../data/selections';
import type { FilterState } from '../lib/filter-state';

export function useFilterState(): FilterState {
  const [state, setState] = useState<FilterState>(readFilterState);
  useEffect(() => {
    const update = () => setState((old) => {
      const next = readFilterState();
      return JSON.stringify(next) === JSON.stringify(old) ? old : next;
    });
    update();
    return onFilterChange(update);
  }, []);
  return state;
}
