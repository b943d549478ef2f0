import type { SelectionClause } from '@uwdata/mosaic-core';
import type { Language } from './format';
import { describeDayRange } from './day-range';

export interface FilterChip {
  clause: SelectionClause;
  kind: 'period' | 'category' | 'other';
  label: string;
}

function fieldName(clause: SelectionClause): string {
  const f = clause.fields?.[0] as { column?: string } | undefined;
  return f?.column ?? String(clause.fields?.[0] ?? '');
}

export function chipsFromClauses(clauses: SelectionClause[], language: Language): FilterChip[] {
  return clauses
    .filter((c) => c.predicate != null && c.value != null)
    .map((clause) => {
      const field = fieldName(clause);
      if (field === 'epoch_day') {
        const [from, to] = clause.value as number[];
        return { clause, kind: 'period', label: describeDayRange({ from, to }, language) };
      }
      if (field === 'category') return { clause, kind: 'category', label: String(clause.value) };
      return { clause, kind: 'other', label: `${field}: ${String(clause.value)}` };
    });
}
