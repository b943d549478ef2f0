// What the map needs that does not change with the filter: the basemap, the area shapes, the study area's
// cells and extent, the named places. Re-read after every data change (the database object changes).
import type { CellShape } from '../../lib/geo/cell-grid';
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { loadLand } from '../../data/land-basemap';
import { useRows } from '../../hooks/use-rows';
import { NAMED_PLACES } from './map.query';
import { AREA_SHAPES } from '../../data/areas.query';
import { GRID_EXTENT, UNIVERSE_BASE_SIZE, cellUniverseSql } from '../../analysis/hot-spots/hot-spots.query';
import type { AreaShape } from './map.model';
import { squareUniverse, type CellKey, type GridExtent } from '../../analysis/hot-spots/hot-spots.model';

export interface NamedPlace { place: string; n: number; lat: number; lon: number }

/** The basemap, area shapes, grid extent and named places: everything on the map that no filter changes. */
export function useMapContext() {
  const [basemap, setBasemap] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    void loadLand().then((b) => live && setBasemap(b));
    return () => { live = false; };
  }, []);
  const shapes = useRows<AreaShape & { geometry: string }>(AREA_SHAPES);
  const areas = useMemo(() => (shapes ?? []).map((a) => ({ ...a, geometry: JSON.parse(a.geometry) as unknown })), [shapes]);
  const extentRows = useRows<GridExtent>(GRID_EXTENT);
  const extent = extentRows === undefined ? undefined : extentRows[0] && extentRows[0].min_e != null ? extentRows[0] : null;
  const places = useRows<NamedPlace>(NAMED_PLACES) ?? NO_PLACES;
  return { basemap, areas, extent, places };
}

const NO_PLACES: NamedPlace[] = [];

/** The study area at one cell size and shape: every cell that ever had a located incident. */
export function useCellUniverse(size: number, shape: CellShape = 'square'): CellKey[] | null {
  // Squares: read once at 25 m and grouped here for every size (no query per size); hexagons: asked per size.
  const fromBase = shape === 'square' && size % UNIVERSE_BASE_SIZE === 0;
  const base = useRows<CellKey>(fromBase ? cellUniverseSql(UNIVERSE_BASE_SIZE, 'square') : null, { keepPrevious: false });
  const asked = useRows<CellKey>(fromBase ? null : cellUniverseSql(size, shape), { keepPrevious: false });
  return useMemo(() => (fromBase ? (base ? squareUniverse(base, UNIVERSE_BASE_SIZE, size) : null) : asked ?? null), [fromBase, base, asked, size]);
}
