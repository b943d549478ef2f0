// MapLibre layers for a basemap the user added as a PMTiles file (data/basemap-file.ts).
// - Vector tiles in the Protomaps basemap schema (what `pmtiles extract` cuts from the Protomaps daily build) get
//   Protomaps' own maintained style (@protomaps/basemaps, "light" flavour), without its label and icon layers: those
//   need glyph and sprite files from a server, and the app fetches nothing (CSP: own origin only). Areas and places
//   are labelled by the app itself.
// - Vector tiles in any other schema (OpenMapTiles, Shortbread, a kommun's own) get a plain style: every layer the
//   file lists, polygons filled, lines drawn, in muted greys — readable under the data, never louder than it.
// - Raster PMTiles are drawn as they are.
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import type { BasemapKind } from '../data/basemap-file';

/** The layers the Protomaps basemap schema always has: a file with these is styled with Protomaps' style. */
const PROTOMAPS_SCHEMA = ['earth', 'water', 'roads'];

export const PMTILES_SOURCE = 'pmtiles-basemap';
/** Every layer id made here starts with this, so the map can remove them all when the basemap changes. */
export const PMTILES_LAYER_PREFIX = 'pmtiles-';

/**
 * The layers to draw a stored basemap with (ids prefixed PMTILES_LAYER_PREFIX, source PMTILES_SOURCE).
 * @param vectorLayers the file's `vector_layers` ids (metadata); decides between the Protomaps and the plain style.
 */
export function basemapLayers(kind: BasemapKind, vectorLayers: string[]): LayerSpecification[] {
  if (kind === 'raster') return [{ id: `${PMTILES_LAYER_PREFIX}raster`, type: 'raster', source: PMTILES_SOURCE }];
  if (PROTOMAPS_SCHEMA.every((l) => vectorLayers.includes(l))) {
    return (protomapsLayers(PMTILES_SOURCE, namedFlavor('light'), { lang: 'sv' }) as LayerSpecification[])
      .filter((l) => l.type !== 'symbol')
      .map((l) => ({ ...l, id: `${PMTILES_LAYER_PREFIX}${l.id}` }) as LayerSpecification);
  }
  return vectorLayers.flatMap((layer): LayerSpecification[] => [
    {
      id: `${PMTILES_LAYER_PREFIX}${layer}-fill`, type: 'fill', source: PMTILES_SOURCE, 'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': /water|ocean|lake|sea|vatten/i.test(layer) ? '#cfdfea' : '#ece9e2', 'fill-opacity': 0.8 },
    },
    {
      id: `${PMTILES_LAYER_PREFIX}${layer}-line`, type: 'line', source: PMTILES_SOURCE, 'source-layer': layer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': /water|river|stream|vatten/i.test(layer) ? '#a9c4d8' : '#b8b2a7', 'line-width': 0.8 },
    },
  ]);
}
