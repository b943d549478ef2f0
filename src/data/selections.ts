// The app's shared cross-filter state (Mosaic selections). A view is never filtered by its own clause.
// - periodSelection: clauses on `epoch_day`, a column both incidents and interventions have.
// - incidentSelection: everything in periodSelection plus clauses on incident-only columns (category, …).
// Views over interventions listen to periodSelection; views over incidents to incidentSelection.
import { Selection, clauseInterval, clausePoint, type MosaicClient, type SelectionClause } from '@uwdata/mosaic-core';
import type { DayRange } from '../lib/day-range';

export const periodSelection = Selection.crossfilter();
export const incidentSelection = Selection.crossfilter({ include: [periodSelection] });


/**
 * A period clause. The linear scale whose domain equals its range makes Mosaic's pre-aggregation bin by
 * whole days (floor(day − lo)), so counts answered from pre-aggregates equal the plain SQL count exactly.
 */
export function periodClause(range: DayRange | null, source: MosaicClient | object, extent: DayRange): SelectionClause {
  const domain: [number, number] = [extent.from, extent.to + 1];
  return clauseInterval('epoch_day', range ? [range.from, range.to] : null, {
    source: source as MosaicClient,
    scale: { type: 'linear', domain, range: domain },
    pixelSize: 1,
  });
}

export function categoryClause(category: string | undefined, source: MosaicClient | object): SelectionClause {
  return clausePoint('category', category, { source: source as MosaicClient });
}

/** Remove one clause (from the selection that owns it) and tell its source to clear its own UI. */
export function removeClause(clause: SelectionClause): void {
  const owner = periodSelection.clauses.includes(clause) ? periodSelection : incidentSelection;
  (clause.source as { reset?: () => void } | undefined)?.reset?.();
  owner.update({ ...clause, value: null, predicate: null });
}

export function resetAllFilters(): void {
  periodSelection.reset();
  incidentSelection.reset();
}
