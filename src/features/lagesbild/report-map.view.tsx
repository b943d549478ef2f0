// The lägesbild's hot-spot map as inline SVG: the stored street basemap when there is one (ReportStreetsContext),
// area outlines and names, hot-spot cells coloured and outlined by
// group (never colour alone: each cell carries the letter of its row in the table beside it).
import type { TFunction } from 'i18next';
import type { FeatureCollection } from 'geojson';
import { useSyncExternalStore } from 'react';
import { landSnapshot, subscribeLand } from '../../data/land-basemap';
import type { HotSpotGroup, HotSpotSummary } from './lagesbild-hot-spots.model';
import { GROUP_STYLE, UNLISTED_STYLE, VIEW_WIDTH, coarseRingPath, letterPoints, linePath, mapFrame, zoomFrame, type MapZoom, markerLetter, placeLabels, projectOutlines, ringArea, ringCentre, ringMeetsFrame, ringPath, toView, viewHeight, type AreaOutline } from './report-map.model';
import { placeMarkers } from './report-map-markers';
import { STREET_STYLE } from './report-streets.model';
import { useReportStreetsContext } from './use-report-streets';

interface Props {
  cells: HotSpotSummary['cells'];
  /** Where the incidents are: the map opens on this (area outlines are context). */
  extent: HotSpotSummary['extent'];
  /** Rows below this index get their letter on the map. */
  letters: number;
  size: number;
  outlines: AreaOutline[];
  label: string;
  t: TFunction;
  /** Closer in than the whole frame (the presentation's map slide); the picture keeps its size. */
  zoom?: MapZoom | null;
  /** Letters and area names this many times larger: the brief's small map (a third of a slide) was 6 px. */
  textScale?: number;
  /** Public view's k (the legend names cells left out of the table for a hidden count), or null: the analyst's view. */
  publicK: number | null;
}

const GROUPS: HotSpotGroup[] = ['new', 'persistent', 'other', 'fading'];
const DRAW_ORDER: HotSpotGroup[] = ['fading', 'other', 'persistent', 'new'];

// The land's rings in SWEREF 99 TM, projected once per page (some 30 000 vertices).
const landRingsOf = new WeakMap<FeatureCollection, [number, number][][]>();
function landRings(land: FeatureCollection): [number, number][][] {
  let rings = landRingsOf.get(land);
  if (!rings) {
    rings = projectOutlines(land.features.map((f) => ({ name: '', geometry: f.geometry }))).flatMap((a) => a.rings);
    landRingsOf.set(land, rings);
  }
  return rings;
}

/** A group's swatch, or (`unlisted`) that of a hot spot's cell left out of the table (HotSpotSummary.cells). */
export function GroupSwatch({ group, unlisted = false }: { group: HotSpotGroup; unlisted?: boolean }) {
  const style = unlisted ? UNLISTED_STYLE : GROUP_STYLE[group];
  return <svg width="14" height="14" aria-hidden="true" className="lb-swatch"><rect x="1" y="1" width="12" height="12" fill={style.fill} stroke={style.stroke} strokeWidth="1.5" strokeDasharray={style.dash} /></svg>;
}

export function ReportMap({ cells, extent, letters, size, outlines, label, t, testId, zoom, textScale = 1, publicK }: Props & { testId?: string }) {
  const streets = useReportStreetsContext();
  // Without a street map, the shipped Natural Earth land shows where the coast is (a map over several län read as
  // dots on grey). Read after the first paint; the static HTML render gets it once the page has it.
  const land = useSyncExternalStore(subscribeLand, landSnapshot, landSnapshot);
  const projected = projectOutlines(outlines);
  const base = mapFrame(cells, size, extent, projected.flatMap((a) => a.rings));
  if (!base) return null;
  const frame = zoomFrame(base, zoom ?? null);
  const height = viewHeight(frame);
  const around = { minE: 2 * frame.minE - frame.maxE, maxE: 2 * frame.maxE - frame.minE, minN: 2 * frame.minN - frame.maxN, maxN: 2 * frame.maxN - frame.minN };
  const scale = VIEW_WIDTH / (frame.maxE - frame.minE);
  const cellSide = size * scale;
  const side = Math.max(cellSide, 6);
  const fontSize = 22 * textScale;
  const nameSize = 18 * textScale;
  const areas = projected.map((a) => ({ ...a, rings: a.rings.filter((ring) => ringMeetsFrame(frame, ring)) })).filter((a) => a.rings.length > 0);
  const cellBoxes = cells.map((c) => { const [x, y] = toView(frame, c.ix * size, (c.iy + 1) * size); return { x, y, width: side, height: side }; });
  const view = { width: VIEW_WIDTH, height };
  // Letters first (the table refers to them), then area names where neither a cell nor a letter is.
  const markers = placeMarkers(
    // A hot spot outside a zoomed view gets no letter (it stood at the edge, pointing nowhere).
    letterPoints(cells.filter((c) => c.row < letters), size).map(({ row, e, n }) => {
      const [x, y] = toView(frame, e, n);
      return { row, x: x + side / 2, y, side };
    }).filter((a) => a.x >= 0 && a.x <= VIEW_WIDTH && a.y >= 0 && a.y <= height),
    markerLetter, cellBoxes, view, fontSize,
  );
  const labels = placeLabels(
    areas.map((a) => {
      const [e, n] = ringCentre(a.rings[0]);
      const [x, y] = toView(frame, e, n);
      return { name: a.name, x, y, weight: ringArea(a.rings[0]) };
    }),
    [...cellBoxes, ...markers.map((m) => m.box)], view, nameSize,
  );
  return (
    <figure className="lb-map">
      <svg viewBox={`0 0 ${VIEW_WIDTH} ${height}`} role="img" aria-label={label} data-testid={testId ?? 'lb-map'} preserveAspectRatio="xMidYMid meet">
        <title>{label}</title>
        {/* The picture keeps the frame's shape; in a wider or taller box the SVG shows around it, so the background
            and the land reach a frame's size beyond every edge (they stopped at the frame's edge before). */}
        <rect x={-VIEW_WIDTH} y={-height} width={3 * VIEW_WIDTH} height={3 * height} fill={!streets && land ? '#dfe7ee' : '#f4f6f8'} />
        {!streets && land && (
          <path data-testid="lb-map-land" aria-hidden="true" d={landRings(land).filter((ring) => ringMeetsFrame(around, ring)).map((ring) => coarseRingPath(frame, ring)).join('')} fill="#f7f5ef" fillRule="evenodd" stroke="#c4bdb0" strokeWidth="0.8" />
        )}
        {streets && (
          <g data-testid="lb-map-streets" aria-hidden="true">
            {streets.shapes.map((s, i) => {
              const style = STREET_STYLE[s.cls];
              return s.rings
                ? <path key={i} d={s.rings.map((ring) => ringPath(frame, ring)).join('')} fill={style.fill} fillRule="evenodd" stroke="none" />
                : <path key={i} d={linePath(frame, s.line!)} fill="none" stroke={style.stroke} strokeWidth={style.width} strokeLinecap="round" strokeLinejoin="round" />;
            })}
          </g>
        )}
        {/* Over a street map the areas are outlines only: their white fill would hide the streets. */}
        {areas.map((a) => a.rings.map((ring, i) => <path key={`${a.name}-${i}`} d={ringPath(frame, ring)} fill={streets ? 'none' : '#ffffff'} stroke="#8a96a3" strokeWidth="1.2" />))}
        {labels.map((l) => <text key={`label-${l.name}`} x={l.x} y={l.y} className="lb-map-area" textAnchor="middle" fontSize={nameSize} fill="#4a5563">{l.name}</text>)}
        {/* New hot spots on top: at a small scale cells overlap, and the recurring ones must not hide them. */}
        {[...cells].sort((a, b) => DRAW_ORDER.indexOf(a.group) - DRAW_ORDER.indexOf(b.group)).map((c) => {
          const style = c.unlisted ? UNLISTED_STYLE : GROUP_STYLE[c.group];
          const [x, y] = toView(frame, c.ix * size, (c.iy + 1) * size);
          return <rect key={`${c.ix}:${c.iy}`} x={x} y={y} width={side} height={side} fill={style.fill} stroke={style.stroke} strokeWidth="1.5" strokeDasharray={style.dash} data-unlisted={c.unlisted ? '' : undefined} />;
        })}
        {markers.map((m, i) => (
          <g key={`letter-${m.row}-${i}`} data-testid="lb-map-letter">
            {m.leader && <line x1={m.leader.x} y1={m.leader.y} x2={m.x} y2={m.y} stroke="#111111" strokeWidth="1" />}
            <text x={m.x} y={m.y} textAnchor="middle" dominantBaseline="middle" fontSize={fontSize} fontWeight="700" fill="#111111" stroke="#ffffff" strokeWidth="3" paintOrder="stroke">{markerLetter(m.row)}</text>
          </g>
        ))}
      </svg>
      <figcaption className="lb-legend">
        {streets && streets.attribution && <span className="lb-legend-item lb-map-attribution">{t('lagesbild.mapBackground', { attribution: streets.attribution })}</span>}
        {/* The groups drawn, not all four: the brief's small map listed "Återkommande" and "Upphört" with none on it. */}
        {GROUPS.filter((g) => cells.some((c) => c.group === g && !c.unlisted)).map((g) => (
          <span key={g} className="lb-legend-item">
            <GroupSwatch group={g} />
            {t(`lagesbild.group.${g}`)}
          </span>
        ))}
        {cells.some((c) => c.unlisted) && (
          <span className="lb-legend-item" data-testid="lb-map-unlisted-legend">
            <GroupSwatch group="new" unlisted />
            {publicK === null ? t('lagesbild.unlistedLegend') : t('lagesbild.hiddenLegend', { k: publicK })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
