// The Karta's grid analysis as one consistent set: counts per cell (from the counts per cell and ISO week when a
// period of whole weeks is chosen), the steps of the emerging-hot-spot window, Gi* and the ranked hot spots — always
// of one cell size and shape and one filter, never a mix of an old and a new one (the map, the table and the rule
// under the map are drawn from it).
import { useMemo } from 'react';
import { incidentSelection } from '../../data/selections';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useLastConsistent } from '../../hooks/use-last-consistent';
import { useMosaicClient } from '../../hooks/use-mosaic-client';
import type { FilterState } from '../../lib/filter-state';
import type { CellShape } from '../../lib/geo/cell-grid';
import { emergingWindow } from '../../analysis/hot-spots/emerging-window';
import { emergingHotSpots, hotSpots, rankedHotSpots, withPatterns, type CellCount, type CellKey } from '../../analysis/hot-spots/hot-spots.model';
import { cellWeekCountsQuery } from '../../analysis/hot-spots/hot-spots.query';
import { periodCountsFromWeeks, stepCountsFromWeeks, type WeekCount } from '../../analysis/hot-spots/step-counts';
import { cellCountsQuery } from './map.query';
import { SPATIAL_FILTERS } from './map.model';
import type { LayerKind } from './map-layers.model';

/** Layers drawn from the grid analysis. */
export const GRID_KINDS: readonly LayerKind[] = ['hotspots', 'emerging', 'cells'];

export interface HotSpotGridInput {
  kind: LayerKind;
  /** Cell size (m) and shape asked for now; the drawn set may still be the last one until its counts are in. */
  size: number;
  shape: CellShape;
  /** Gi*'s neighbourhood radius (m). */
  band: number;
  /** Whether Gi*'s single-period test is corrected for multiple testing (emerging hot spots always are). */
  fdr: boolean;
  /** Two-week periods in the emerging-hot-spot window. */
  steps: number;
  /** The data's first and last epoch day; null before it is known. */
  dayExtent: { from: number; to: number } | null | undefined;
  /** The shared filter's period, if any (epoch days). */
  period: FilterState['period'];
  /** The chosen period as whole ISO weeks within the data (wholeWeeksOf), else null. */
  wholeWeeks: { first: number | null; last: number | null } | null;
  /** The study area's cells at `size` and `shape`, null until read. */
  universe: CellKey[] | null;
}

/**
 * Asks the counts the grid layers need (Mosaic clients over the shared filter, without the map's spatial filters)
 * and computes Gi* (hotSpots: Getis & Ord 1992; Ord & Getis 1995) and the emerging-hot-spot patterns (ArcGIS's
 * Emerging Hot Spot Analysis, always with FDR) from them. Returns:
 * - `grid`: the last consistent set `{ size, shape, band, universe, cellRows, stepRows, emergingPeriods }` (null until one is);
 * - `outcome`, `patterns`, `statCells`, `ranked`: Gi* of `grid`, the patterns per cell, the cells with both, and the
 *   significant hot cells in rank order (rankedHotSpots);
 * - `rankingCurrent`: the ranking is of the current filter (the hot-spot table may ask for its cells' names);
 * - `namesFilter`: the filter the names are asked under (the spatial filters left out), one for the query and the check;
 * - `windowBeforeData`: the emerging window reaches before the data's first day (no patterns then);
 * - `emergingPeriods`: the window's periods for the current filter (null before the data's extent is known).
 */
export function useHotSpotGrid({ kind, size, shape, band, fdr, steps, dayExtent, period, wholeWeeks, universe }: HotSpotGridInput) {
  const weeksWanted = dayExtent != null && (kind === 'emerging' || kind === 'hotspots');
  const periodWeeks = weeksWanted ? wholeWeeks : null;
  const cellsKey = `cells-${shape}-${size}`;
  const cells = useMosaicClient<CellCount>({ selection: incidentSelection, query: cellCountsQuery(size, shape, true), key: cellsKey, owns: SPATIAL_FILTERS, filterStable: false, enabled: GRID_KINDS.includes(kind) && periodWeeks === null });
  const emergingPeriods = useMemo(() => (dayExtent ? emergingWindow(dayExtent.to, period?.to, steps) : null), [dayExtent?.to, period?.to, steps]);
  // Per cell and ISO week, all time: a new period only re-sums these (step-counts.ts), it asks nothing.
  const weeksKey = `weeks-${shape}-${size}`;
  const weeksEnabled = emergingPeriods !== null && weeksWanted;
  const weekCounts = useMosaicClient<WeekCount>({
    selection: incidentSelection, query: cellWeekCountsQuery(size, shape), key: weeksKey,
    owns: ['period', ...SPATIAL_FILTERS], filterStable: false, enabled: weeksEnabled,
  });
  // Only rows counted at this cell size and shape: after a change the last size's rows stay in the clients until the
  // new ones are in, and read as this size's cells they are other places.
  const weekRows = weekCounts.state.rowsKey === weeksKey ? weekCounts.state.rows : null;
  const cellRowsOfSize = cells.state.rowsKey === cellsKey ? cells.state.rows : null;
  const periodWeeksKey = periodWeeks ? `${periodWeeks.first}-${periodWeeks.last}` : null;
  const cellRows = useMemo(
    () => (periodWeeks ? (weekRows ? periodCountsFromWeeks(weekRows, periodWeeks) : null) : cellRowsOfSize),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- periodWeeks is compared by its key
    [periodWeeksKey, weekRows, cellRowsOfSize],
  );
  const cellsPending = (periodWeeks ? weekCounts.state.status : cells.state.status) === 'pending';
  const stepRows = useMemo(
    () => (weekRows && emergingPeriods ? stepCountsFromWeeks(weekRows, emergingPeriods.starts) : null),
    [weekRows, emergingPeriods],
  );
  // What the grid layers, the hot-spot table and the rule under the map are drawn from: the study area, counts and
  // steps of one cell size and shape, all current — else the last such set, whole (a new size shows when its counts are in).
  const gridCurrent = universe !== null && cellRows !== null && (!weeksEnabled || stepRows !== null);
  const grid = useLastConsistent(
    useMemo(() => ({ size, shape, band, universe, cellRows, stepRows, emergingPeriods }), [size, shape, band, universe, cellRows, stepRows, emergingPeriods]),
    gridCurrent,
  );
  // Whether the drawn ranking is of the current filter, so the table may ask for its cells' names: not while a new
  // filter's counts are on their way (its names would be the new filter's beside the old counts), but yes while the
  // previous cell size stays drawn under an unchanged filter (its names are right, and already asked).
  // The names are of the cells' incidents as counted for Gi*: the map's spatial filters left out. One filter for the
  // names query (the table's) and for this check, so they cannot disagree.
  const namesFilter = useFilterPredicates(SPATIAL_FILTERS);
  const rankedFor = useLastConsistent(useMemo(() => ({ settled: !cellsPending, filterKey: namesFilter.key }), [cellsPending, namesFilter.key]), gridCurrent);
  const rankingCurrent = rankedFor !== null && rankedFor.settled && rankedFor.filterKey === namesFilter.key;

  const windowBeforeData = emergingPeriods !== null && dayExtent != null && emergingPeriods.starts[0] < dayExtent.from;
  const outcome = useMemo(
    () => (grid?.universe && grid.cellRows ? hotSpots(grid.universe, grid.cellRows, grid.size, grid.band, fdr, grid.shape) : null),
    [grid, fdr],
  );
  const patterns = useMemo(
    // Always with FDR, as ArcGIS's Emerging Hot Spot Analysis; the checkbox is for the single-period Gi* layer.
    // Not when the window reaches before the data's first day: those periods hold no data, not "no hot spot".
    () => (grid?.stepRows && grid.emergingPeriods && !windowBeforeData ? emergingHotSpots(grid.stepRows, grid.emergingPeriods.periods.length, grid.size, grid.band, true, grid.shape) : null),
    [grid, windowBeforeData],
  );
  const statCells = useMemo(() => (outcome?.status === 'ok' ? withPatterns(outcome.cells, patterns) : []), [outcome, patterns]);
  const ranked = useMemo(() => rankedHotSpots(statCells), [statCells]);
  return { grid, outcome, patterns, statCells, ranked, rankingCurrent, namesFilter, windowBeforeData };
}
