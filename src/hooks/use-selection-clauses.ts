import type { Selection, SelectionClause } from '@uwdata/mosaic-core';
import { useEffect, useState } from 'react';

/** The clauses of a selection, kept current as views add and remove them. */
export function useSelectionClauses(selection: Selection): SelectionClause[] {
  const [clauses, setClauses] = useState<SelectionClause[]>(() => [...selection.clauses]);
  useEffect(() => {
    const update = () => setClauses([...selection.clauses]);
    selection.addEventListener('value', update);
    update();
    return () => selection.removeEventListener('value', update);
  }, [selection]);
  return clauses.filter((c) => c.predicate != null);
}
