// The street basemap under the lägesbild's SVG maps (page, print, HTML file, presentation): read once per report
// from the stored PMTiles file, for the report map's whole frame (with a margin, so the brief's and a zoomed
// slide's frames are covered too). Null without a stored vector basemap — the maps then draw as before.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { readBasemapFeatures } from '../../data/basemap-tiles';
import { useStoredBasemap } from '../../hooks/use-stored-basemap';
import type { HotSpotSummary } from './lagesbild-hot-spots.model';
import { mapFrame, projectOutlines, type AreaOutline, type MapFrame } from './report-map.model';
import { frameBbox, projectStreets, type ReportStreets } from './report-streets.model';

/** Provided by the pages that draw report maps (and around the HTML export's static render); read by ReportMap. */
export const ReportStreetsContext = createContext<ReportStreets | null>(null);
export const useReportStreetsContext = () => useContext(ReportStreetsContext);

export function useReportStreets(hotSpots: Pick<HotSpotSummary, 'cells' | 'size' | 'extent'> | null, outlines: AreaOutline[]): ReportStreets | null {
  const { basemap } = useStoredBasemap();
  const frame = useMemo<MapFrame | null>(() => {
    if (!hotSpots) return null;
    const f = mapFrame(hotSpots.cells, hotSpots.size, hotSpots.extent, projectOutlines(outlines).flatMap((a) => a.rings));
    if (!f) return null;
    const pad = 0.1 * Math.max(f.maxE - f.minE, f.maxN - f.minN);
    return { minE: f.minE - pad, maxE: f.maxE + pad, minN: f.minN - pad, maxN: f.maxN + pad };
  }, [hotSpots, outlines]);
  const key = frame ? [frame.minE, frame.maxE, frame.minN, frame.maxN].map(Math.round).join(',') : '';
  const [streets, setStreets] = useState<ReportStreets | null>(null);
  useEffect(() => {
    if (!basemap || !frame || basemap.kind !== 'vector') { setStreets(null); return; }
    let live = true;
    readBasemapFeatures(basemap, frameBbox(frame)).then(
      (features) => {
        if (!live) return;
        // A file that has nothing here (another town's map) draws nothing and is not credited under the map.
        const shapes = projectStreets(features, frame);
        setStreets(shapes.length ? { shapes, attribution: basemap.attribution } : null);
      },
      // An unreadable file: the map draws without streets (Inställningar says what is wrong with the file).
      () => { if (live) setStreets(null); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [basemap, key]);
  return streets;
}
