// The shared cross-filter as SQL WHERE fragments, per table: for views that query outside Mosaic's clients
// (the goal evaluation). Incidents answer to every clause, interventions to the shared ones (not category).
import { useEffect, useState } from 'react';
import { FILTER_SOURCES, incidentSelection, onFilterChange, sharedSelection } from '../data/selections';
import type { FilterName } from '../lib/filter-state';

export interface FilterSql {
  incidents: string[];
  interventions: string[];
  /** The same fragments as one WHERE condition ('true' when there is no filter). */
  incidentWhere: string;
  interventionWhere: string;
  /** Changes whenever the filter does: a dependency for effects. */
  key: string;
}

const whereOf = (fragments: string[]) => (fragments.length ? fragments.map((f) => `(${f})`).join(' AND ') : 'true');

function fragments(selection: typeof incidentSelection, without: FilterName[]): string[] {
  const skipped = new Set(without.map((n) => FILTER_SOURCES[n]));
  return selection.clauses
    .filter((c) => c.predicate != null && !skipped.has(c.source as never))
    .map((c) => String(c.predicate))
    .filter((s) => s && s !== 'true');
}

function read(without: FilterName[]): FilterSql {
  const incidents = fragments(incidentSelection, without);
  const interventions = fragments(sharedSelection, without);
  return { incidents, interventions, incidentWhere: whereOf(incidents), interventionWhere: whereOf(interventions), key: JSON.stringify([incidents, interventions]) };
}

/** `without`: filters to leave out (a panel that shows its own period, say). */
export function useFilterSql(without: FilterName[] = []): FilterSql {
  const withoutKey = without.join(',');
  const [value, setValue] = useState(() => read(without));
  useEffect(() => {
    const skip = withoutKey ? (withoutKey.split(',') as FilterName[]) : [];
    const update = () => setValue((old) => { const next = read(skip); return next.key === old.key ? old : next; });
    update();
    return onFilterChange(update);
  }, [withoutKey]);
  return value;
}
