// What the map needs that does not change with the filter: the basemap, the area shapes, the study area's
// cells and extent, the named places. Re-read after every data change (the database object changes).
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import basemapUrl from '../../../data/basemap/nordic.geojson?url';
import { useDatabase } from '../../hooks/use-database';
import { AREA_SHAPES, GRID_EXTENT, NAMED_PLACES, cellUniverseSql } from './map.query';
import type { AreaShape, CellKey } from './map.model';

export interface GridExtent { min_e: number; max_e: number; min_n: number; max_n: number; west: number; south: number; east: number; north: number }
export interface NamedPlace { place: string; n: number; lat: number; lon: number }

let basemapPromise: Promise<FeatureCollection | null> | null = null;
function loadBasemap(): Promise<FeatureCollection | null> {
  basemapPromise ??= fetch(basemapUrl).then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null)).catch(() => null);
  return basemapPromise;
}

export function useMapContext() {
  const { database } = useDatabase();
  const [basemap, setBasemap] = useState<FeatureCollection | null>(null);
  const [areas, setAreas] = useState<AreaShape[]>([]);
  const [extent, setExtent] = useState<GridExtent | null | undefined>(undefined);
  const [places, setPlaces] = useState<NamedPlace[]>([]);
  useEffect(() => {
    let live = true;
    void loadBasemap().then((b) => live && setBasemap(b));
    void database.runner.rows<AreaShape & { geometry: string }>(AREA_SHAPES).then((r) => live && setAreas(r.map((a) => ({ ...a, geometry: JSON.parse(a.geometry) as unknown }))));
    void database.runner.rows<GridExtent>(GRID_EXTENT).then(([r]) => live && setExtent(r && r.min_e != null ? r : null));
    void database.runner.rows<NamedPlace>(NAMED_PLACES).then((r) => live && setPlaces(r));
    return () => { live = false; };
  }, [database]);
  return { basemap, areas, extent, places };
}

/** The study area at one cell size: every cell that ever had a located incident. */
export function useCellUniverse(size: number): CellKey[] | null {
  const { database } = useDatabase();
  const [cells, setCells] = useState<{ size: number; cells: CellKey[] } | null>(null);
  useEffect(() => {
    let live = true;
    void database.runner.rows<CellKey>(cellUniverseSql(size)).then((r) => live && setCells({ size, cells: r }));
    return () => { live = false; };
  }, [database, size]);
  return cells && cells.size === size ? cells.cells : null;
}
