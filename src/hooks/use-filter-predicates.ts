// The shared cross-filter as predicates, kept current: for views whose reads are not a Mosaic client of their
// own (data/filter-predicates.ts says why and how).
import { useEffect, useState } from 'react';
import { filterPredicates, type FilterPredicates } from '../data/filter-predicates';
import { onFilterChange } from '../data/selections';
import type { FilterName } from '../lib/filter-state';

/** The current filters as predicates per table; `without`: filters the view draws itself. */
export function useFilterPredicates(without: FilterName[] = []): FilterPredicates {
  const withoutKey = without.join(',');
  const [value, setValue] = useState(() => filterPredicates(without));
  useEffect(() => {
    const skip = withoutKey ? (withoutKey.split(',') as FilterName[]) : [];
    const update = () => setValue((old) => { const next = filterPredicates(skip); return next.key === old.key ? old : next; });
    update();
    return onFilterChange(update);
  }, [withoutKey]);
  return value;
}
