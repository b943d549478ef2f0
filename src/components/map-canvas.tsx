// The single adapter around MapLibre GL: the map page hands it GeoJSON layers (aggregates, never rows) and
// plain label positions, and gets clicks and the visible extent back. No glyphs or sprites are used, so the
// style needs nothing from any server: labels are HTML markers whose text is set with textContent.
import { htmlText } from '../lib/html-text';
import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredBasemap } from '../data/basemap-file';
import { basemapLayers, PMTILES_LAYER_PREFIX, PMTILES_SOURCE } from './basemap-layers';

// Bundled, the library cannot find its worker by itself (docs/architecture.md).
maplibregl.setWorkerUrl(workerUrl);
// `pmtiles://<key>` sources read tiles from a PMTiles archive added to this protocol (the user's stored file).
const pmtiles = new Protocol();
maplibregl.addProtocol('pmtiles', pmtiles.tile);

export interface MapLayer {
  id: string;
  type: 'fill' | 'line' | 'circle' | 'heatmap';
  data: FeatureCollection;
  paint: Record<string, unknown>;
  /** Clicks on this layer are reported with the feature's properties. */
  interactive?: boolean;
}

export interface MapLabel {
  id: string;
  lon: number;
  lat: number;
  text: string;
  kind: 'area' | 'place';
}

export interface MapBounds { west: number; south: number; east: number; north: number }

interface Props {
  label: string;
  basemap: FeatureCollection | null;
  /** The organisation's own raster tiles, only when configured in Inställningar. */
  rasterTiles?: { url: string; attribution: string } | null;
  /** The street-level basemap file the user added (Inställningar → Bakgrundskarta); drawn instead of the others. */
  storedBasemap?: StoredBasemap | null;
  layers: MapLayer[];
  labels: MapLabel[];
  /** Where to look first (and again when it changes). */
  fit: MapBounds | null;
  attribution: string;
  onFeatureClick?: (layerId: string, properties: Record<string, unknown>) => void;
  onView?: (bounds: MapBounds, zoom: number) => void;
  testId?: string;
}

const BASE_SOURCES = ['basemap', 'raster-tiles'];

export function MapCanvas({ label, basemap, rasterTiles, storedBasemap, layers, labels, fit, attribution, onFeatureClick, onView, testId }: Props) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const handlers = useRef({ onFeatureClick, onView, layers });
  // The data object each data layer's source was last given (by layer id).
  const sentData = useRef(new Map<string, unknown>());
  handlers.current = { onFeatureClick, onView, layers };

  useEffect(() => {
    let instance: maplibregl.Map;
    try {
      instance = new maplibregl.Map({
        container: element.current!,
        // No animated fades (labels 300 ms, paint changes 300 ms by default): every fade frame is drawn again, and on a
        // machine without a GPU (software WebGL) those frames took the cores from DuckDB's queries for the same step —
        // measured on the Karta at 5M rows, 2 cores: a cell-size step 0.95–1.75 s → 0.31–0.97 s, a week step
        // 0.23–0.46 s → 0.15–0.29 s (docs/benchmark.md, thirteenth session). The map is data: a new state shows at once.
        style: { version: 8, sources: {}, transition: { duration: 0, delay: 0 }, layers: [{ id: 'water', type: 'background', paint: { 'background-color': '#dbe7f0' } }] },
        fadeDuration: 0,
        center: [15, 62],
        zoom: 4,
        // MapLibre renders attribution as HTML; ours is text (some of it typed by the user in Inställningar).
        attributionControl: { compact: false, customAttribution: htmlText(attribution) },
        // The map is data, not decoration: keep what was drawn for screenshots and print.
        canvasContextAttributes: { preserveDrawingBuffer: true },
        // MapLibre's own control labels and tooltips, in the app's language (its defaults are English).
        locale: {
          'Map.Title': t('map.mapControls.title'), 'NavigationControl.ZoomIn': t('map.mapControls.zoomIn'), 'NavigationControl.ZoomOut': t('map.mapControls.zoomOut'),
          'NavigationControl.ResetBearing': t('map.mapControls.resetBearing'), 'AttributionControl.ToggleAttribution': t('map.mapControls.toggleAttribution'),
          'ScrollZoomBlocker.CtrlMessage': t('map.mapControls.ctrlZoom'), 'ScrollZoomBlocker.CmdMessage': t('map.mapControls.cmdZoom'),
          'TouchPanBlocker.Message': t('map.mapControls.touchPan'),
        },
      });
    } catch (e) {
      setFailed((e as Error).message);
      return;
    }
    map.current = instance;
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    instance.on('load', () => setReady(true));
    instance.on('error', (e) => console.warn('map:', e.error?.message));
    instance.on('click', (e) => {
      const interactive = handlers.current.layers.filter((l) => l.interactive).map((l) => l.id).filter((id) => instance.getLayer(id));
      if (interactive.length === 0) return;
      const hit = instance.queryRenderedFeatures(e.point, { layers: interactive })[0];
      if (hit) handlers.current.onFeatureClick?.(hit.layer.id, hit.properties as Record<string, unknown>);
    });
    const report = () => {
      const b = instance.getBounds();
      element.current?.setAttribute('data-zoom', instance.getZoom().toFixed(2));
      handlers.current.onView?.({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, instance.getZoom());
    };
    instance.on('moveend', report);
    instance.once('load', report);
    return () => {
      instance.remove();
      map.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is created once
  }, []);

  // Base layers: the user's basemap file, else the organisation's tiles when configured, else the packaged basemap.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    for (const id of ['basemap-land', 'basemap-border', 'raster-tiles']) if (m.getLayer(id)) m.removeLayer(id);
    for (const layer of m.getStyle().layers) if (layer.id.startsWith(PMTILES_LAYER_PREFIX)) m.removeLayer(layer.id);
    for (const id of [...BASE_SOURCES, PMTILES_SOURCE]) if (m.getSource(id)) m.removeSource(id);
    element.current?.setAttribute('data-basemap', storedBasemap ? 'pmtiles' : rasterTiles ? 'tiles' : basemap ? 'packaged' : 'none');
    if (storedBasemap) {
      pmtiles.add(storedBasemap.archive);
      // Tile URLs, not the archive's TileJSON (`url`): MapLibre takes the TileJSON's attribution — the file's own,
      // HTML as written in the file — over ours and renders it as HTML (a tester's `<img onerror>` ran into the CSP).
      const tiles = [`pmtiles://${storedBasemap.key}/{z}/{x}/{y}`];
      const extent = { minzoom: storedBasemap.minZoom, maxzoom: storedBasemap.maxZoom, bounds: storedBasemap.bounds };
      const attribution = htmlText(storedBasemap.attribution || storedBasemap.name);
      m.addSource(PMTILES_SOURCE, storedBasemap.kind === 'vector' ? { type: 'vector', tiles, ...extent, attribution } : { type: 'raster', tiles, tileSize: 256, ...extent, attribution });
      const before = m.getStyle().layers[1]?.id;
      for (const layer of basemapLayers(storedBasemap.kind, storedBasemap.vectorLayers)) m.addLayer(layer, before);
      // Whenever drawn, say how many of the file's features are on screen (read by tests; useful when a file shows nothing).
      const countFeatures = () => {
        const features = m.getSource(PMTILES_SOURCE)
          ? storedBasemap.vectorLayers.reduce((n, sourceLayer) => n + m.querySourceFeatures(PMTILES_SOURCE, { sourceLayer }).length, 0)
          : 0;
        element.current?.setAttribute('data-basemap-features', String(features));
        element.current?.setAttribute('data-basemap-idle', String(Number(element.current.getAttribute('data-basemap-idle') ?? 0) + 1));
      };
      m.on('idle', countFeatures);
      return () => {
        m.off('idle', countFeatures);
      };
    } else if (rasterTiles) {
      m.addSource('raster-tiles', { type: 'raster', tiles: [rasterTiles.url], tileSize: 256, attribution: htmlText(rasterTiles.attribution) });
      m.addLayer({ id: 'raster-tiles', type: 'raster', source: 'raster-tiles' }, m.getStyle().layers[1]?.id);
    } else if (basemap) {
      m.addSource('basemap', { type: 'geojson', data: basemap });
      const before = m.getStyle().layers[1]?.id;
      m.addLayer({ id: 'basemap-land', type: 'fill', source: 'basemap', paint: { 'fill-color': '#f4f1ea' } }, before);
      m.addLayer({ id: 'basemap-border', type: 'line', source: 'basemap', paint: { 'line-color': '#a9a39a', 'line-width': 0.8 } }, before);
    }
  }, [ready, basemap, rasterTiles?.url, rasterTiles?.attribution, storedBasemap]);

  // Data layers, in the order given, above the base layers.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const wanted = new Set(layers.map((l) => l.id));
    // Base layers (the background, the packaged basemap, tiles, the user's street map) are the other effect's.
    const isBase = (id: string) => id === 'water' || id.startsWith('basemap-') || id === 'raster-tiles' || id.startsWith(PMTILES_LAYER_PREFIX);
    for (const layer of m.getStyle().layers) {
      if (!isBase(layer.id) && !wanted.has(layer.id)) m.removeLayer(layer.id);
    }
    for (const id of Object.keys(m.getStyle().sources)) {
      if (!BASE_SOURCES.includes(id) && id !== PMTILES_SOURCE && !wanted.has(id)) m.removeSource(id);
    }
    for (const id of sentData.current.keys()) if (!m.getSource(id)) sentData.current.delete(id);
    for (const l of layers) {
      const source = m.getSource(l.id) as maplibregl.GeoJSONSource | undefined;
      const existing = m.getLayer(l.id);
      if (existing && existing.type !== l.type) {
        m.removeLayer(l.id);
      }
      // Data sent again only when it is another object: each setData is tiled again in MapLibre's worker and drawn
      // again, and the Karta rebuilds its list of layers when any one of them changes (a cell-size step drew ~5
      // frames, each a read-back of the canvas in software WebGL).
      if (source) { if (sentData.current.get(l.id) !== l.data) source.setData(l.data); }
      else m.addSource(l.id, { type: 'geojson', data: l.data });
      sentData.current.set(l.id, l.data);
      if (!m.getLayer(l.id)) m.addLayer({ id: l.id, type: l.type, source: l.id, paint: l.paint } as maplibregl.AddLayerObject);
      else for (const [k, v] of Object.entries(l.paint)) m.setPaintProperty(l.id, k as never, v as never);
    }
    // In the order given, on top — moved only when not already so (a move is a redraw).
    const order = m.getLayersOrder();
    const wantedOrder = layers.map((l) => l.id);
    if (order.slice(-wantedOrder.length).join('\n') !== wantedOrder.join('\n')) for (const id of wantedOrder) m.moveLayer(id);
  }, [ready, layers]);

  // Labels as DOM markers: text only, never HTML.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const markers = labels.map((l) => {
      const el = document.createElement('div');
      el.className = `map-label map-label-${l.kind}`;
      el.textContent = l.text;
      return new maplibregl.Marker({ element: el }).setLngLat([l.lon, l.lat]).addTo(m);
    });
    // Labels never cover each other: after every move, in the order given (areas before places), a label that would
    // overlap one already shown is hidden until the map is zoomed in far enough for both.
    const declutter = () => {
      const shown: DOMRect[] = [];
      for (const marker of markers) {
        const el = marker.getElement();
        el.style.visibility = '';
        const box = el.getBoundingClientRect();
        const overlaps = shown.some((b) => box.left < b.right + 2 && box.right > b.left - 2 && box.top < b.bottom + 1 && box.bottom > b.top - 1);
        if (overlaps) el.style.visibility = 'hidden';
        else shown.push(box);
      }
    };
    declutter();
    m.on('moveend', declutter);
    return () => {
      m.off('moveend', declutter);
      markers.forEach((mk) => mk.remove());
    };
  }, [ready, labels]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready || !fit) return;
    m.fitBounds([[fit.west, fit.south], [fit.east, fit.north]], { padding: 24, animate: false });
  }, [ready, fit?.west, fit?.south, fit?.east, fit?.north]);

  return (
    <div className="map-frame">
      <div ref={element} className="map-canvas" role="region" aria-label={label} data-testid={testId} data-ready={ready ? 'true' : 'false'} />
      {failed && <p role="alert" className="error">{failed}</p>}
    </div>
  );
}
