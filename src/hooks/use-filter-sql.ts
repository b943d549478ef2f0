// The shared cross-filter as SQL WHERE fragments, per table: for views that query outside Mosaic's clients
// (the goal evaluation). Incidents answer to every clause, interventions to the shared ones (not category).
import { useEffect, useState } from 'react';
import { incidentSelection, sharedSelection } from '../data/selections';

export interface FilterSql {
  incidents: string[];
  interventions: string[];
  /** Changes whenever the filter does: a dependency for effects. */
  key: string;
}

function fragments(selection: typeof incidentSelection): string[] {
  const predicate = selection.predicate(null) as unknown;
  const list = Array.isArray(predicate) ? predicate : predicate ? [predicate] : [];
  return list.map((p) => String(p)).filter((s) => s && s !== 'true');
}

function read(): FilterSql {
  const incidents = fragments(incidentSelection);
  const interventions = fragments(sharedSelection);
  return { incidents, interventions, key: JSON.stringify([incidents, interventions]) };
}

export function useFilterSql(): FilterSql {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue((old) => { const next = read(); return next.key === old.key ? old : next; });
    incidentSelection.addEventListener('value', update);
    sharedSelection.addEventListener('value', update);
    update();
    return () => {
      incidentSelection.removeEventListener('value', update);
      sharedSelection.removeEventListener('value', update);
    };
  }, []);
  return value;
}
