// The shared source filter (`kalla=` in a link) naming a source no loaded row has: every count under it is 0 for
// that reason alone. One definition for the chip, the lägesbild and Mål.
import { useDatabase } from './use-database';
import { useFilterState } from './use-filter-state';

/** The filter's source when no loaded row (incident or intervention) has it; undefined when none is chosen or it is found. */
export function useMissingSource(): string | undefined {
  const { database } = useDatabase();
  const { source } = useFilterState();
  return source !== undefined && !database.sources.some((s) => s.source === source) ? source : undefined;
}
