// The shared cross-filter as Mosaic predicates, for reads that are not a view's own client (the goal
// evaluation, the map's side panel, the trend comparison). "Every filter but these" is Mosaic's
// `selection.remove(source)`; the predicate is `selection.predicate(null)` — no clause is read back as text.
// Incidents answer to every filter, interventions to the shared ones (not category).
import type { Selection } from '@uwdata/mosaic-core';
import type { ExprNode, FilterExpr } from '@uwdata/mosaic-sql';
import type { FilterName } from '../lib/filter-state';
import { FILTER_SOURCES, incidentSelection, sharedSelection } from './selections';

export interface FilterPredicates {
  incidents: ExprNode[];
  interventions: ExprNode[];
  /** Changes whenever the predicates do: a dependency for effects. */
  key: string;
}

function predicateOf(selection: Selection, without: FilterName[]): ExprNode[] {
  let s = selection;
  for (const name of without) s = s.remove(FILTER_SOURCES[name]);
  const p = s.predicate(null);
  const list = p == null ? [] : Array.isArray(p) ? p : [p];
  // Our clauses are expression nodes; a cleared one is dropped by Mosaic, a trivially true one here.
  return list.filter((x): x is ExprNode => typeof x === 'object' && x !== null && String(x) !== '' && String(x) !== 'true');
}

/** The current filters as predicates per table, leaving out `without` (a panel that shows its own period, say). */
export function filterPredicates(without: FilterName[] = []): FilterPredicates {
  const incidents = predicateOf(incidentSelection, without);
  const interventions = predicateOf(sharedSelection, without);
  return { incidents, interventions, key: JSON.stringify([incidents.map(String), interventions.map(String)]) };
}

/** A predicate list as one WHERE condition, each part in parentheses ('true' when there is none). */
export function whereSql(filter: FilterExpr): string {
  const parts = (Array.isArray(filter) ? filter : [filter]).map(String).filter((s) => s !== '' && s !== 'true');
  return parts.length ? parts.map((f) => `(${f})`).join(' AND ') : 'true';
}
