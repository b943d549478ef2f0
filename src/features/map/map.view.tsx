// Karta: where problems concentrate (counts, points, density, areas), which concentrations are statistically
// significant (Gi*), and which are new, growing or fading (emerging hot spots). Every layer follows the shared
// filter; a click on a cell or an area filters every other view.
import { useStoredBasemap } from '../../hooks/use-stored-basemap';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterChips } from '../../components/filter-chips';
import { MapCanvas, type MapBounds, type MapLabel, type MapLayer } from '../../components/map-canvas';
import { Page } from '../../components/page';
import { incidentSelection, setFilter } from '../../data/selections';
import { readSetting } from '../../data/settings-store';
import { TILE_SETTING, parseTileSource } from '../../lib/tile-source';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useFilterState } from '../../hooks/use-filter-state';
import { useMosaicClient } from '../../hooks/use-mosaic-client';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatBiweek, formatCount, formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatShownCount, PLURAL_FOR_HIDDEN } from '../../lib/disclosure/format-count';
import { publishPositions } from '../../lib/disclosure/publish-positions';
import { useLocationKinds } from '../../hooks/use-location-kinds';
import { isProtected, type PublishedCount } from '../../lib/disclosure/publish';
import { AreaTable } from './area-table.view';
import { AreaPriorityPanel } from './area-priority.view';
import { HotSpotTable } from './hot-spot-table.view';
import { MapDetails } from './map-details.view';
import { MapLegend } from './map-legend.view';
import {
  LAYER_KINDS, POINT_KINDS, availableLayerKind, areaFeatures, publishedCells, areaFillLayer, areaOutlineLayer, countLayer, emergingLayer, heatLayer, hotSpotLayer, pointLayer, selectionLayer,
  type LayerKind,
} from './map-layers.model';
import { areaKinds, bestAreaKind, cellNeighbourhoodBounds, clusterSizeForZoom, countBreaks, hasPopulation } from './map.model';
import { CELL_SIZES, MIN_INCIDENTS_FOR_TEST, defaultBand, defaultCellSize, type CellCount } from '../../analysis/hot-spots/hot-spots.model';
import { areaCountsQuery, cellCountsQuery, outsideKindCountQuery, precisionCountsQuery, precisionWeekCountsQuery } from './map.query';
import { sumWeeksBy, wholeWeeksOf } from '../../analysis/hot-spots/step-counts';
import { TimeSlider } from './time-slider.view';
import { CELL_SHAPES, cellReferenceMetres, type CellShape } from '../../lib/geo/cell-grid';
import { useCellUniverse, useMapContext } from './use-map-context';
import { useLastConsistent } from '../../hooks/use-last-consistent';
import { useRememberedState } from '../../hooks/use-remembered-state';
import { GRID_KINDS, useHotSpotGrid } from './use-hot-spot-grid';

const EMERGING_STEPS = [10, 13, 20, 26];

interface PrecisionCount { precision: string; n: number; key: number | bigint }
interface AreaCount { kind: string; area: string; n: number; key: number | bigint }

export function MapPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useMapContext();
  const dayExtent = useDayExtent();
  const filters = useFilterState();
  // The choices below are kept for the rest of the visit when the user goes to another page and back (useRememberedState).
  const [kind, setKind] = useRememberedState<LayerKind>('map.kind', 'hotspots');
  // A link with a cell filter opens on that cell's grid (its size and shape).
  const [chosenSize, setChosenSize] = useRememberedState<number | null>('map.size', null, filters.cell && (CELL_SIZES as readonly number[]).includes(filters.cell.size) ? filters.cell.size : undefined);
  // Squares or hexagons of the same area (lib/geo/cell-grid.ts): counts, Gi* and emerging hot spots on either.
  const [shape, setShape] = useRememberedState<CellShape>('map.shape', 'square', filters.cell ? filters.cell.shape ?? 'square' : undefined);
  const [bandCells, setBandCells] = useRememberedState('map.band', 2);
  // FDR on by default, as ArcGIS's Optimized Hot Spot Analysis ("corrected for multiple testing and spatial
  // dependence using the False Discovery Rate (FDR) correction method",
  // https://pro.arcgis.com/en/pro-app/latest/tool-reference/spatial-statistics/optimized-hot-spot-analysis.htm).
  // Off, every cell is its own test: a map of uniformly random points had ~5 % of its cells "significant" (a tester
  // found 71 hot spots at 100 m in noise); tests/unit/hot-spot-error-rate.test.ts measures both.
  const [fdr, setFdr] = useRememberedState('map.fdr', true);
  const [steps, setSteps] = useRememberedState('map.steps', 13);
  const [areaMeasure, setAreaMeasure] = useRememberedState<'count' | 'rate'>('map.areaMeasure', 'count');
  const [chosenAreaKind, setChosenAreaKind] = useRememberedState<string | null>('map.areaKind', null);
  const [showPlaces, setShowPlaces] = useRememberedState('map.places', true);
  const [filterByExtent, setFilterByExtent] = useState(false);
  const [zoom, setZoom] = useState(12);
  const [tiles] = useState(() => parseTileSource(readSetting(TILE_SETTING)));
  const { basemap: storedBasemap } = useStoredBasemap();
  const extentTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const { rule } = useDisclosure();
  // Visa in the hot-spot table brings the map into view (it may be scrolled away under the table).
  const mapMain = useRef<HTMLDivElement>(null);
  // Public view has no points or density; data with no located incident has only Områden (availableLayerKind).
  const hasLocated = context.extent === undefined ? undefined : context.extent !== null;
  useEffect(() => {
    const available = availableLayerKind(kind, rule !== null, hasLocated);
    if (available !== kind) setKind(available);
  }, [rule, kind, hasLocated]);
  const size = chosenSize ?? defaultCellSize(context.extent ?? null);
  const band = defaultBand(size) * (bandCells / 2);
  const universe = useCellUniverse(size, shape);
  const latitude = context.extent ? (context.extent.south + context.extent.north) / 2 : 60;
  const clusterSize = kind === 'heat' ? Math.min(100, clusterSizeForZoom(zoom, latitude)) : clusterSizeForZoom(zoom, latitude);

  // Hot spots and emerging hot spots count per cell and ISO week (below); a period of whole weeks — the slider's —
  // is summed from those rows, so only another period (a brushed range of days) or the count layer asks DuckDB.
  // The status line's counts (point / area only / none) likewise, on every layer.
  const wholeWeeks = dayExtent ? wholeWeeksOf(filters.period, dayExtent) : null;
  const precisionByDay = useMosaicClient<PrecisionCount>({ selection: incidentSelection, query: precisionCountsQuery, filterStable: false, enabled: wholeWeeks === null });
  const precisionByWeek = useMosaicClient<PrecisionCount & { week: number | null }>({ selection: incidentSelection, query: precisionWeekCountsQuery, key: 'precision-weeks', owns: ['period'], filterStable: false, enabled: wholeWeeks !== null });
  const wholeWeeksKey = wholeWeeks ? `${wholeWeeks.first}-${wholeWeeks.last}` : null;
  const precision = useMemo((): { state: { status: string; rows: PrecisionCount[] | null } } => {
    if (!wholeWeeks) return precisionByDay;
    const { status, rows } = precisionByWeek.state;
    return { state: { status, rows: rows ? sumWeeksBy(rows, wholeWeeks, (r) => r.precision).map(({ group, n, key }) => ({ precision: group, n, key })) : null } };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- wholeWeeks is compared by its key
  }, [wholeWeeksKey, precisionByDay.state, precisionByWeek.state]);
  const { grid, outcome, patterns, statCells, ranked, rankingCurrent, namesFilter, windowBeforeData } = useHotSpotGrid({
    kind, size, shape, band, fdr, steps, dayExtent, period: filters.period, wholeWeeks, universe,
  });
  const clustersKey = `clusters-${clusterSize}`;
  const clusters = useMosaicClient<CellCount>({ selection: incidentSelection, query: cellCountsQuery(clusterSize), key: clustersKey, owns: ['cell', 'extent'], filterStable: false, enabled: kind === 'points' || kind === 'heat' });
  // The points (clusters) as last counted whole: a zoom that changes the cluster size keeps drawing the old clusters
  // at their own size until the new counts are in.
  const drawnClusters = useLastConsistent(
    useMemo(() => (clusters.state.rows ? { rows: clusters.state.rows, size: clusterSize } : null), [clusters.state.rows, clusterSize]),
    clusters.state.rowsKey === clustersKey,
  );
  // Counts per area under the period for the Områden layer; the other layers need only which kind to outline and
  // label (bestAreaKind), judged over all time — so a week step doesn't count every area again (~0.2 s at 5M rows)
  // and the outlined kind doesn't change from one week to the next.
  const areaCounts = useMosaicClient<AreaCount>({ selection: incidentSelection, query: areaCountsQuery, owns: ['area', 'extent'], filterStable: false, enabled: kind === 'areas' });
  const areaCountsAllWeeks = useMosaicClient<AreaCount>({ selection: incidentSelection, query: areaCountsQuery, key: 'areas-all-weeks', owns: ['area', 'extent', 'period'], filterStable: false });
  const located = precision.state.rows?.find((r) => r.precision === 'point')?.n ?? 0;
  const areaOnly = precision.state.rows?.find((r) => r.precision === 'area')?.n ?? 0;
  const unlocated = precision.state.rows?.find((r) => r.precision === 'none')?.n ?? 0;
  const keyOf = (p: string) => Number(precision.state.rows?.find((r) => r.precision === p)?.key ?? 0);
  // The three add up to the incident total the side panel (and Översikt) shows: one list with its total.
  const locationKinds = useLocationKinds();
  const positions = publishPositions({ located, areaOnly, unlocated, keys: { located: keyOf('point'), areaOnly: keyOf('area'), unlocated: keyOf('none') } }, rule, locationKinds);
  // No row in the data has only an area: the line would be 0 under every filter, so it is left out in public view too.
  const areaOnlyPossible = !locationKinds || locationKinds.has('area');
  const shown = (v: PublishedCount) => formatShownCount(v, rule, language);
  const pointsPossible = (context.extent ?? null) !== null;

  const kindsLoaded = useMemo(() => areaKinds(context.areas), [context.areas]);
  const bestKind = useMemo(() => bestAreaKind(context.areas, areaCountsAllWeeks.state.rows ?? []), [context.areas, areaCountsAllWeeks.state.rows]);
  // Every kind has its counts (a point belongs to its stadsdel and its kommun alike); the user picks which to draw.
  const areaKind = chosenAreaKind !== null && kindsLoaded.includes(chosenAreaKind) ? chosenAreaKind : bestKind;
  // Per 1 000 inhabitants needs a population: with none for the drawn kind (a file's own area column, boundaries
  // without one) every area read "–" under the chosen rate (a tester). Then the choice is off and says why.
  const rateAvailable = useMemo(() => hasPopulation(context.areas, areaKind), [context.areas, areaKind]);
  const shownMeasure = rateAvailable ? areaMeasure : 'count';
  const areaData = useMemo(() => {
    // Counts of the drawn kind only: Stockholm the kommun is not Stockholm the län.
    const ofKind = (areaCounts.state.rows ?? []).filter((r) => r.kind === (areaKind ?? ''));
    return areaFeatures(context.areas, areaKind, new Map(ofKind.map((r) => [r.area, r.n])), new Map(ofKind.map((r) => [r.area, Number(r.key)])), shownMeasure, rule, context.extent ?? null);
  }, [context.areas, areaKind, areaCounts.state.rows, shownMeasure, rule, context.extent]);
  const noDataAreas = useMemo(() => new Set(areaData.values.filter((v) => v.noData).map((v) => v.name)), [areaData.values]);
  // Located incidents in no area of the drawn kind: said under the area table, so its rows account for them all.
  const outside = useMosaicClient<{ located: boolean; n: number; key: number | bigint }>({
    selection: incidentSelection, query: outsideKindCountQuery(areaKind ?? ''), key: `outside-${areaKind ?? ''}`, owns: ['area', 'extent'], filterStable: false,
    // Also when the areas are only the rows' own (no boundary file): their table must account for the rows without one
    // (a tester's 30 rows with no area were missing from it without a word).
    enabled: kind === 'areas' && (context.areas.length > 0 || areaData.values.length > 0),
  });
  // The chosen area, when it is of the drawn kind (or an old link's bare name).
  const chosenArea = filters.area !== undefined && (filters.area.kind === undefined || filters.area.kind === (areaKind ?? '')) ? filters.area.name : undefined;
  const selectedArea = chosenArea !== undefined ? { type: 'FeatureCollection' as const, features: areaData.collection.features.filter((f) => f.properties?.name === chosenArea) } : null;
  const selectedCell = filters.cell ?? null;

  // The Rutor layer's cells as published (public view: shown counts only), for the layer and its legend's classes.
  // Its colour classes once, for the layer and the legend (a sort of every cell; not on every render of the page).
  const shownCells = useMemo(() => (grid?.cellRows ? publishedCells(grid.cellRows, rule) : null), [grid?.cellRows, rule]);
  const cellBreaks = useMemo(() => (shownCells ? countBreaks(shownCells.map((c) => c.n)) : []), [shownCells]);
  const legendCounts = kind === 'areas' ? { breaks: areaData.breaks, integers: shownMeasure === 'count', unit: t(shownMeasure === 'count' ? 'map.legend.unitAreaCount' : 'map.legend.unitRate'), grey: areaData.values.some((v) => !v.noData && !v.noShape && v.value == null) }
    : kind === 'cells' && shownCells && grid ? { breaks: cellBreaks, integers: true, unit: t(`map.legend.unitCellCount.${grid.shape}`) } : undefined;

  const layers = useMemo(() => {
    const list: MapLayer[] = [];
    if (kind === 'areas') list.push(areaFillLayer(areaData.collection));
    if (kind === 'hotspots' && grid && outcome?.status === 'ok') list.push(hotSpotLayer(statCells, grid.size, grid.shape));
    if (kind === 'emerging' && grid && outcome?.status === 'ok') list.push(emergingLayer(statCells, grid.size, grid.shape));
    if (kind === 'cells' && grid && shownCells) list.push(countLayer(shownCells, grid.size, grid.shape, cellBreaks));
    if (kind === 'points' && drawnClusters) list.push(pointLayer(drawnClusters.rows, drawnClusters.size));
    if (kind === 'heat' && drawnClusters) list.push(heatLayer(drawnClusters.rows, drawnClusters.size));
    list.push(areaOutlineLayer(areaData.collection));
    // A chosen cell has its own size; the grid's size is not used for it (nor a dependency here).
    const selection = selectionLayer(selectedCell, selectedCell?.size ?? 0, selectedArea, selectedCell?.shape ?? 'square');
    if (selection) list.push(selection);
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, areaData, outcome, patterns, grid, shownCells, cellBreaks, drawnClusters, selectedCell?.ix, selectedCell?.iy, selectedCell?.size, selectedCell?.shape, chosenArea, rule, shape]);

  const labels = useMemo<MapLabel[]>(() => {
    const list: MapLabel[] = [];
    for (const a of context.areas.filter((x) => (x.kind ?? '') === (areaKind ?? ''))) {
      if (a.label_lon !== null && a.label_lat !== null) list.push({ id: `area-${a.name}`, lon: a.label_lon, lat: a.label_lat, text: a.name, kind: 'area' });
    }
    if (showPlaces) for (const p of context.places) list.push({ id: `place-${p.place}`, lon: p.lon, lat: p.lat, text: p.place, kind: 'place' });
    return list;
  }, [context.areas, context.places, areaKind, showPlaces]);

  // The map opens on the incidents' extent; "Visa" in the hot-spot table moves it to one cell's neighbourhood.
  const [lookAt, setLookAt] = useState<MapBounds | null>(null);
  const fit = useMemo<MapBounds | null>(() => {
    if (lookAt) return lookAt;
    const e = context.extent;
    if (e) return { west: e.west, south: e.south, east: e.east, north: e.north };
    return null;
  }, [context.extent, lookAt]);
  const periodLabel = filters.period
    ? `${formatDate(dateOfEpochDay(filters.period.from))} – ${formatDate(dateOfEpochDay(filters.period.to))}`
    : t('map.table.allWeeks');

  const onFeatureClick = (layerId: string, p: Record<string, unknown>) => {
    if (layerId === 'cells' || layerId === 'points') {
      // The cell as drawn (its size may be about to change).
      const cellSize = layerId === 'points' ? drawnClusters?.size ?? clusterSize : grid?.size ?? size;
      // Clusters of the points layer are squares whatever the analysis grid.
      const cellShape = layerId === 'points' ? 'square' : grid?.shape ?? shape;
      const same = selectedCell && selectedCell.size === cellSize && (selectedCell.shape ?? 'square') === cellShape && selectedCell.ix === Number(p.ix) && selectedCell.iy === Number(p.iy);
      setFilter('cell', same ? undefined : { size: cellSize, ix: Number(p.ix), iy: Number(p.iy), ...(cellShape === 'hex' ? { shape: 'hex' as const } : {}) });
    }
    if (layerId === 'area-fill') setFilter('area', chosenArea === p.name ? undefined : { name: String(p.name), kind: areaKind ?? '' });
  };
  const onView = (bounds: MapBounds, z: number) => {
    setZoom(z);
    if (!filterByExtent) return;
    if (extentTimer.current) clearTimeout(extentTimer.current);
    extentTimer.current = setTimeout(() => setFilter('extent', bounds), 300);
  };

  const cellRef = selectedCell ? cellReferenceMetres(selectedCell, selectedCell.size, selectedCell.shape) : null;
  const detailsTitle = selectedCell && cellRef
    ? t(selectedCell.shape === 'hex' ? 'map.details.hexTitle' : 'map.details.cellTitle', { size: selectedCell.size, e: formatCount(cellRef[0], language), n: formatCount(cellRef[1], language) })
    : filters.area !== undefined ? (filters.area.kind ? `${filters.area.name} (${filters.area.kind})` : filters.area.name) : null;

  return (
    <Page title={t('pages.map')}>
      <p className="lead">{t('map.intro')}</p>
      <FilterChips />
      <div className="map-workspace">
        <aside className="map-sidebar">
          <div className="map-controls" role="group" aria-label={t('map.controls')}>
            <fieldset>
              <legend>{t('map.layer')}</legend>
              {LAYER_KINDS.map((k) => (
                <label key={k} className="radio">
                  <input type="radio" name="map-layer" value={k} checked={kind === k} onChange={() => setKind(k)} disabled={(k !== 'areas' && !pointsPossible) || (rule !== null && POINT_KINDS.includes(k))} />
                  {t(`map.kind.${k}`)}
                </label>
              ))}
            </fieldset>
            {GRID_KINDS.includes(kind) && (
              <fieldset>
                <legend>{t('map.grid')}</legend>
                <label>{t('map.cellShape')}
                  <select value={shape} onChange={(e) => setShape(e.target.value as CellShape)} data-testid="cell-shape">
                    {CELL_SHAPES.map((s) => <option key={s} value={s}>{t(`map.shape.${s}`)}</option>)}
                  </select>
                </label>
                <label>{t('map.cellSize')}
                  <select value={size} onChange={(e) => setChosenSize(Number(e.target.value))} data-testid="cell-size">
                    {CELL_SIZES.map((s) => <option key={s} value={s}>{formatCount(s, language)} m</option>)}
                  </select>
                </label>
                {kind !== 'cells' && (
                  <>
                    <label>{t('map.band')}
                      <select value={bandCells} onChange={(e) => setBandCells(Number(e.target.value))}>
                        {[1.5, 2, 3, 4].map((b) => <option key={b} value={b}>{formatCount(defaultBand(size) * (b / 2), language)} m</option>)}
                      </select>
                    </label>
                    {kind === 'hotspots' && <label className="checkbox"><input type="checkbox" checked={fdr} onChange={(e) => setFdr(e.target.checked)} />{t('map.fdr')}</label>}
                  </>
                )}
                {kind === 'emerging' && (
                  <label>{t('map.steps')}
                    <select value={steps} onChange={(e) => setSteps(Number(e.target.value))}>
                      {EMERGING_STEPS.map((s) => <option key={s} value={s}>{t('map.stepsOption', { count: s })}</option>)}
                    </select>
                  </label>
                )}
              </fieldset>
            )}
            {kind === 'areas' && (
              <fieldset>
                <legend>{t('map.areaMeasure')}</legend>
                <label className="radio"><input type="radio" name="area-measure" checked={shownMeasure === 'count'} onChange={() => setAreaMeasure('count')} />{t('map.measure.count')}</label>
                <label className="radio"><input type="radio" name="area-measure" checked={shownMeasure === 'rate'} disabled={!rateAvailable} aria-describedby={rateAvailable ? undefined : 'rate-unavailable'} onChange={() => setAreaMeasure('rate')} data-testid="measure-rate" />{t('map.measure.rate')}</label>
                {!rateAvailable && <p className="hint" id="rate-unavailable" data-testid="rate-unavailable">{t('map.rateUnavailable')}</p>}
                {kindsLoaded.length > 1 && (
                  <label>{t('map.areaKind')}
                    <select value={areaKind ?? ''} onChange={(e) => { setChosenAreaKind(e.target.value); if (filters.area !== undefined) setFilter('area', undefined); }} data-testid="area-kind">
                      {kindsLoaded.map((k) => <option key={k} value={k}>{k || t('map.areaKindNone')}</option>)}
                    </select>
                  </label>
                )}
              </fieldset>
            )}
            <fieldset>
              <legend>{t('map.show')}</legend>
              <label className="checkbox"><input type="checkbox" checked={showPlaces} onChange={(e) => setShowPlaces(e.target.checked)} />{t('map.places')}</label>
              <label className="checkbox">
                <input type="checkbox" checked={filterByExtent} onChange={(e) => { setFilterByExtent(e.target.checked); if (!e.target.checked) setFilter('extent', undefined); }} data-testid="filter-by-extent" />
                {t('map.filterByExtent')}
              </label>
            </fieldset>
          </div>
          {dayExtent && <TimeSlider extent={dayExtent} period={filters.period} />}

          <div className="map-status" aria-live="polite" data-testid="map-status">
            {/* While the counts for a new period or filter are on their way the line says so: the old counts beside the
                new week's label read as that week's (a tester saw v. 39's count under v. 38 while stepping). */}
            {precision.state.status === 'pending' ? <span data-testid="map-status-pending">{t('map.counting')}</span> : <>
            <span data-testid="located-count">{isProtected(positions.located) ? t('map.locatedProtected') : t('map.located', { count: typeof positions.located === 'number' ? positions.located : PLURAL_FOR_HIDDEN, formatted: shown(positions.located) })}</span>
            {/* In public view the line is always there: leaving it out only when it is 0 would publish the 0. */}
            {(areaOnly > 0 || (rule && areaOnlyPossible)) && <span> · {t('map.areaOnly', { formatted: shown(positions.areaOnly) })}</span>}
            <span> · <span data-testid="unlocated-count">{t('map.unlocated', { formatted: shown(positions.unlocated) })}</span></span>
            {/* The map keeps showing every cell around a chosen one; these counts are the chosen cell's. */}
            {selectedCell && <span data-testid="counts-in-cell"> ({t(`map.countsInCell.${selectedCell.shape ?? 'square'}`)})</span>}
            {!selectedCell && filters.area && <span data-testid="counts-in-area"> ({t('map.countsInArea')})</span>}
            </>}
          </div>
          {rule && <p className="hint" role="note">{t('disclosure.pointsHidden')}</p>}
          {/* Public view: whatever the filter leaves — said only when it left some, the note told 0 from 1–4 (helper-66). */}
          {!pointsPossible && (areaOnly > 0 || rule !== null) && <p className="warning" role="note" data-testid="map-only-areas">{t('map.onlyAreas')}</p>}
          {kind === 'emerging' && windowBeforeData && <p className="warning" role="note" data-testid="emerging-too-short">{t('map.emergingTooShort')}</p>}
          {GRID_KINDS.includes(kind) && outcome?.status === 'too-few' && (
            <p className="warning" role="note" data-testid="too-few">{t('map.tooFew', { incidents: isProtected(positions.located) ? t('map.hiddenAmount') : shown(positions.located), minimum: MIN_INCIDENTS_FOR_TEST })}</p>
          )}
          {/* The last size stays drawn whole until the new one is counted (useLastConsistent): said, or a 100 m step at 1M
              rows read as a choice that did nothing for ~2 s (a tester). */}
          {GRID_KINDS.includes(kind) && grid && (grid.size !== size || grid.shape !== shape) && (
            <p className="hint" role="status" data-testid="counting-grid">{t('map.countingGrid', {
              next: t(`map.cellOf.${shape}`, { size: formatCount(size, language) }),
              drawn: t(`map.cellOf.${grid.shape}`, { size: formatCount(grid.size, language) }),
            })}</p>
          )}
          {(kind === 'hotspots' || kind === 'emerging') && grid && outcome?.status === 'ok' && (
            <p className="hint" data-testid="stat-rule">
              {kind === 'hotspots' && t('map.rule', { cell: t(`map.cellOf.${grid.shape}`, { size: formatCount(grid.size, language) }), band: formatCount(grid.band, language), cells: formatCount(grid.universe?.length ?? 0, language), cellsNoun: t(`map.cellsNoun.${grid.shape}`), cellNoun: t(`map.cellNoun.${grid.shape}`) })}
              {kind === 'hotspots' ? ' ' + t(fdr ? 'map.ruleFdr' : 'map.ruleNoFdr', { cellNoun: t(`map.cellNoun.${grid.shape}`), cellsNoun: t(`map.cellsNoun.${grid.shape}`) }) : ''}
              {kind === 'emerging' && grid.emergingPeriods && patterns ? t('map.ruleEmerging', {
                count: grid.emergingPeriods.periods.length, cell: t(`map.cellOf.${grid.shape}`, { size: formatCount(grid.size, language) }), band: formatCount(grid.band, language), cells: formatCount(patterns.size, language), cellsNoun: t(`map.cellsNoun.${grid.shape}`),
                from: formatBiweek(grid.emergingPeriods.periods[0], language), to: formatBiweek(grid.emergingPeriods.periods[grid.emergingPeriods.periods.length - 1], language),
              }) : ''}
            </p>
          )}
        </aside>
      <div className="map-layout">
        <div className="map-main" ref={mapMain}>
          <MapCanvas
            label={t('map.canvasLabel', { layer: t(`map.kind.${kind}`) })}
            basemap={context.basemap}
            rasterTiles={tiles}
            storedBasemap={storedBasemap}
            layers={layers}
            labels={labels}
            fit={fit}
            attribution={t('map.attribution')}
            onFeatureClick={onFeatureClick}
            onView={onView}
            testId="map"
          />
          <MapLegend kind={kind} counts={legendCounts} />
        </div>
        {detailsTitle !== null && <MapDetails filters={filters} title={detailsTitle} />}
      </div>
      </div>

      {(kind === 'hotspots' || kind === 'emerging') && grid && outcome?.status === 'ok' && <HotSpotTable ranked={ranked} rankingCurrent={rankingCurrent} namesFilter={namesFilter} namesFromBase={!filters.period} size={grid.size} shape={grid.shape} band={grid.band} fdr={fdr} selected={filters.cell} periodLabel={periodLabel} onLocate={(c) => { setLookAt(cellNeighbourhoodBounds(c, grid.size, 6, grid.shape)); mapMain.current?.scrollIntoView({ block: 'nearest' }); }} />}
      {kind === 'areas' && (
        <>
          <AreaTable rows={areaData.values} measure={shownMeasure} selected={chosenArea} kind={areaKind ?? ''} outside={outside.state.rows ?? undefined} hasPositions={pointsPossible} />
          <AreaPriorityPanel kind={areaKind} size={size} shape={shape} band={band} universe={universe} noData={noDataAreas} />
        </>
      )}
    </Page>
  );
}
