// The lägesbild's hot-spot map as inline SVG: the stored street basemap when there is one (ReportStreetsContext),
// area outlines and names, hot-spot cells coloured and outlined by
// group (never colour alone: each cell carries the letter of its row in the table beside it).
import type { TFunction } from 'i18next';
import type { HotSpotGroup, HotSpotSummary } from './lagesbild.model';
import { GROUP_STYLE, VIEW_WIDTH, linePath, mapFrame, zoomFrame, type MapZoom, markerLetter, placeLabels, projectOutlines, ringArea, ringCentre, ringMeetsFrame, ringPath, toView, viewHeight, type AreaOutline } from './report-map.model';
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
}

const GROUPS: HotSpotGroup[] = ['new', 'persistent', 'other', 'fading'];

/** One letter per table row, beside the row's easternmost cell at its centre row. */
function letterPoints(cells: Props['cells'], size: number): { row: number; e: number; n: number }[] {
  const byRow = new Map<number, Props['cells']>();
  for (const c of cells) if (c.row >= 0) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  return [...byRow.entries()].map(([row, list]) => {
    const east = list.reduce((a, b) => (b.ix > a.ix ? b : a));
    return { row, e: east.ix * size, n: (east.iy + 0.5) * size };
  });
}

export function GroupSwatch({ group }: { group: HotSpotGroup }) {
  const style = GROUP_STYLE[group];
  return <svg width="14" height="14" aria-hidden="true" className="lb-swatch"><rect x="1" y="1" width="12" height="12" fill={style.fill} stroke={style.stroke} strokeWidth="1.5" strokeDasharray={style.dash} /></svg>;
}

export function ReportMap({ cells, extent, letters, size, outlines, label, t, testId, zoom }: Props & { testId?: string }) {
  const streets = useReportStreetsContext();
  const projected = projectOutlines(outlines);
  const base = mapFrame(cells, size, extent, projected.flatMap((a) => a.rings));
  if (!base) return null;
  const frame = zoomFrame(base, zoom ?? null);
  const height = viewHeight(frame);
  const scale = VIEW_WIDTH / (frame.maxE - frame.minE);
  const cellSide = size * scale;
  const side = Math.max(cellSide, 6);
  const fontSize = 18;
  const areas = projected.map((a) => ({ ...a, rings: a.rings.filter((ring) => ringMeetsFrame(frame, ring)) })).filter((a) => a.rings.length > 0);
  const cellBoxes = cells.map((c) => { const [x, y] = toView(frame, c.ix * size, (c.iy + 1) * size); return { x, y, width: side, height: side }; });
  const labels = placeLabels(
    areas.map((a) => {
      const [e, n] = ringCentre(a.rings[0]);
      const [x, y] = toView(frame, e, n);
      return { name: a.name, x, y, weight: ringArea(a.rings[0]) };
    }),
    cellBoxes, { width: VIEW_WIDTH, height }, 16,
  );
  return (
    <figure className="lb-map">
      <svg viewBox={`0 0 ${VIEW_WIDTH} ${height}`} role="img" aria-label={label} data-testid={testId ?? 'lb-map'} preserveAspectRatio="xMidYMid meet">
        <title>{label}</title>
        <rect x="0" y="0" width={VIEW_WIDTH} height={height} fill="#f4f6f8" />
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
        {labels.map((l) => <text key={`label-${l.name}`} x={l.x} y={l.y} className="lb-map-area" textAnchor="middle" fontSize="16" fill="#4a5563">{l.name}</text>)}
        {cells.map((c) => {
          const style = GROUP_STYLE[c.group];
          const [x, y] = toView(frame, c.ix * size, (c.iy + 1) * size);
          return <rect key={`${c.ix}:${c.iy}`} x={x} y={y} width={side} height={side} fill={style.fill} stroke={style.stroke} strokeWidth="1.5" strokeDasharray={style.dash} />;
        })}
        {letterPoints(cells.filter((c) => c.row < letters), size).map(({ row, e, n }) => {
          const [x, y] = toView(frame, e, n);
          return <text key={`letter-${row}`} x={x + side + 2} y={y} dominantBaseline="middle" fontSize={fontSize} fontWeight="700" fill="#111111" stroke="#ffffff" strokeWidth="3" paintOrder="stroke">{markerLetter(row)}</text>;
        })}
      </svg>
      <figcaption className="lb-legend">
        {streets && streets.attribution && <span className="lb-legend-item lb-map-attribution">{t('lagesbild.mapBackground', { attribution: streets.attribution })}</span>}
        {GROUPS.map((g) => (
          <span key={g} className="lb-legend-item">
            <GroupSwatch group={g} />
            {t(`lagesbild.group.${g}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
