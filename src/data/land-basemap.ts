// The offline land basemap shipped with the app (Natural Earth countries around the Nordic countries,
// data/basemap/nordic.geojson): fetched once from the app's own origin and shared by the Karta (MapLibre) and the
// lägesbild's SVG maps. Null when it can't be read — the maps then draw without it.
import type { FeatureCollection } from 'geojson';
import basemapUrl from '../../data/basemap/nordic.geojson?url';

let loading: Promise<FeatureCollection | null> | null = null;
let loaded: FeatureCollection | null = null;
const listeners = new Set<() => void>();

/** The land polygons, read once per page. */
export function loadLand(): Promise<FeatureCollection | null> {
  loading ??= fetch(basemapUrl)
    .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
    .catch(() => null)
    .then((land) => {
      loaded = land;
      for (const l of listeners) l();
      return land;
    });
  return loading;
}

/** For useSyncExternalStore: the land once loaded (null before), and a subscription to its arrival. */
export const landSnapshot = (): FeatureCollection | null => loaded;
export function subscribeLand(listener: () => void): () => void {
  listeners.add(listener);
  void loadLand();
  return () => listeners.delete(listener);
}
