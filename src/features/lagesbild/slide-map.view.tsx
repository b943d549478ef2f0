// The presentation's hot-spot map, zoomable to a district: choose an area (the map frames it), or step in and out
// with the buttons or the + and − keys. The zoom lives with the presentation, so the presenter window shows the
// same picture.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HOT_SPOT_ROWS } from './lagesbild-hot-spot-table.view';
import type { LagesbildReport } from './lagesbild.model';
import { mapFrame, zoomLimit, projectOutlines, ringMeetsFrame, stepZoom, zoomToRings, type AreaOutline, type MapZoom } from './report-map.model';
import { ReportMap } from './report-map.view';

interface Props {
  report: LagesbildReport;
  outlines: AreaOutline[];
  period: string;
  zoom: MapZoom | null;
  /** Without it the map is drawn as zoomed, with no controls (the presenter window's previews). */
  onZoom?: (zoom: MapZoom | null) => void;
}

export function SlideMap({ report, outlines, period, zoom, onZoom }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hotSpots = report.hotSpots;
  const projected = useMemo(() => projectOutlines(outlines), [outlines]);
  const base = useMemo(
    () => (hotSpots.status === 'ok' ? mapFrame(hotSpots.cells, hotSpots.size, hotSpots.extent, projected.flatMap((a) => a.rings)) : null),
    [hotSpots, projected],
  );
  // Areas in the map's frame, by name, with the zoom that shows each: the districts a speaker can zoom to. An area
  // whose part in the frame is about the frame itself gives no closer view and is not offered.
  const areas = useMemo(() => {
    if (!base) return [];
    const byName = new Map<string, [number, number][][]>();
    for (const a of projected) {
      const rings = a.rings.filter((r) => ringMeetsFrame(base, r));
      if (rings.length) byName.set(a.name, [...(byName.get(a.name) ?? []), ...rings]);
    }
    return [...byName.entries()]
      .map(([name, rings]) => ({ name, zoom: zoomToRings(base, rings) }))
      .filter((a): a is { name: string; zoom: MapZoom } => a.zoom !== null && a.zoom.factor > 1.05)
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }, [base, projected]);
  const chosen = zoom?.area && areas.some((a) => a.name === zoom.area) ? zoom.area : '';
  if (hotSpots.status !== 'ok') return null;
  return (
    <div className="slide-map-zoom">
      {chosen && <p className="slide-map-area" data-testid="map-zoom-caption">{t('presentation.zoom.showing', { area: chosen })}</p>}
      <ReportMap extent={hotSpots.extent} cells={hotSpots.cells} letters={HOT_SPOT_ROWS} size={hotSpots.size} outlines={outlines} label={t('lagesbild.mapLabel', { period })} t={t} zoom={zoom} publicK={report.rule?.k ?? null} />
      {onZoom && base && (
        <div className="slide-map-controls" role="group" aria-label={t('presentation.zoom.label')}>
          <button type="button" onClick={() => onZoom(stepZoom(zoom, 1))} disabled={base ? (zoom?.factor ?? 1) >= zoomLimit(base) : true} data-testid="map-zoom-in" aria-label={t('presentation.zoom.in')}>+</button>
          <button type="button" onClick={() => onZoom(stepZoom(zoom, -1))} disabled={!zoom} data-testid="map-zoom-out" aria-label={t('presentation.zoom.out')}>−</button>
          <button type="button" onClick={() => onZoom(null)} disabled={!zoom} data-testid="map-zoom-reset">{t('presentation.zoom.whole')}</button>
          {areas.length > 0 && (
            <>
              <label htmlFor={id}>{t('presentation.zoom.area')}</label>
              <select id={id} value={chosen} data-testid="map-zoom-area" onChange={(e) => {
                const next = areas.find((a) => a.name === e.target.value)?.zoom;
                onZoom(next ? { ...next, area: e.target.value } : null);
                // Give the keys back to the talk: a clicker's next key must change the slide, not the area.
                e.currentTarget.blur();
              }}>
                <option value="">{t('presentation.zoom.none')}</option>
                {areas.map((a) => <option key={a.name} value={a.name}>{a.name}</option>)}
              </select>
            </>
          )}
        </div>
      )}
    </div>
  );
}

