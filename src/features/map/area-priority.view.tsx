// Areas ranked for the tertial analysis (area-priority.model.ts): the latest complete tertial of the data, the
// shared filters (not period, area, cell or view), the areas the incidents are assigned to.
import type { CellShape } from '../../lib/geo/cell-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { formatTertial, latestCompleteTertial, previousTertial } from '../../analysis/periods/tertials';
import { hotSpots, type CellKey } from '../../analysis/hot-spots/hot-spots.model';
import { useDayExtent } from '../../hooks/use-day-extent';
import { coveredDays } from '../../lib/day-range';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import { downloadText, toExcelCsv } from '../../lib/excel-csv';
import { formatCount, formatDate, formatDecimal, formatLevel, formatPercent } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { csvCount, formatShownCount } from '../../lib/disclosure/format-count';
import { useLanguage } from '../../lib/i18n/i18n';
import type { CountChange } from '../../lib/statistics/count-change';
import { areasToRank, kindPlacementShift, rankAreas, type AreaPriorityRow, type KindPlacementRow } from './area-priority.model';
import { areaPrioritySql, kindPlacementSql, tertialCellCountsSql } from './area-priority.query';

/** `noData`: the areas the Karta shows as "–" (wholly outside the located incidents): not ranked, not listed. */
export function AreaPriorityPanel({ kind, size, shape, band, universe, noData }: { kind: string | null; size: number; shape: CellShape; band: number; universe: CellKey[] | null; noData: Set<string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rule } = useDisclosure();
  const extent = useDayExtent();
  const filter = useFilterPredicates(['period', 'area', 'cell', 'extent']);
  const current = useMemo(() => (extent ? latestCompleteTertial(extent) : null), [extent?.from, extent?.to]);
  const previous = current ? previousTertial(current) : null;
  const cells = useRows<{ ix: number; iy: number; n: number }>(current ? tertialCellCountsSql(filter.incidents, size, current, shape) : null, { keepPrevious: false });
  // The tertial's Gi* hot-spot cells; `ran` false when the analysis could not run (no positions, too few cells …):
  // then no area has a share, rather than 0 % each.
  const hotAnalysis = useMemo(() => {
    if (!cells || !universe) return null;
    const outcome = hotSpots(universe, cells, size, band, true, shape);
    return outcome.status === 'ok' ? { ran: true, cells: outcome.cells.filter((c) => c.bin >= 2) } : { ran: false, cells: [] };
  }, [cells, universe, size, band, shape]);
  const hotCells = hotAnalysis?.cells ?? null;
  // A new filter keeps the last ranking in sight until the new one is in; another area kind or grid empties it (its
  // rows would be areas of the other kind, or hot-spot shares of other cells).
  const rows = useRows<AreaPriorityRow>(current && previous && hotCells ? areaPrioritySql(filter.incidents, kind, current, previous, size, hotCells, shape) : null, { keepPrevious: `${kind ?? ''}|${size}|${shape}` });
  // Per day with data: the data may begin inside the previous tertial (coveredDays).
  const days = current && previous && extent ? { current: coveredDays(current, extent), previous: coveredDays(previous, extent) } : null;
  const placement = useRows<KindPlacementRow>(current && previous ? kindPlacementSql(filter.incidents, kind, current, previous) : null, { keepPrevious: false });
  const shift = useMemo(() => (placement?.[0] ? kindPlacementShift(placement[0]) : null), [placement]);
  const kept = useMemo(() => (rows ? areasToRank(rows, noData, rule !== null) : null), [rows, noData, rule]);
  const leftOut = rows && kept ? rows.length - kept.length : 0;
  const ranked = useMemo(
    () => (kept && days ? rankAreas(kept, days, rule, shift === null, hotAnalysis?.ran ?? false) : []),
    [kept, days?.current, days?.previous, rule, shift, hotAnalysis?.ran],
  );
  if (!current || !previous) return null;
  const label = formatTertial(current, language);
  const change = (c: CountChange | null) => (c && c.change !== null ? `${c.significant ? (c.z > 0 ? '▲ ' : '▼ ') : ''}${formatPercent(c.change, language)}` : '–');
  const exportCsv = () => downloadText('omraden-prioritering.csv', toExcelCsv(
    [t('map.priority.rank'), t('map.table.area'), t('map.table.population'), label, t('map.measure.rate'), t('map.priority.vsRest'), t('map.priority.significant'), t('map.priority.vsPrevious', { period: formatTertial(previous, language) }), t('map.priority.significant'), t('map.priority.hotShare')],
    ranked.map((r, i) => [
      r.rate === null ? '' : i + 1, r.name, r.population ?? '', csvCount(r.current, rule, language), r.rate === null ? '' : Number(r.rate.toFixed(2)),
      r.vsRest?.change == null ? '' : Number((r.vsRest.change + 1).toFixed(3)), r.vsRest ? (r.vsRest.significant ? t('trends.significant') : t('trends.notSignificant')) : '',
      r.vsPrevious?.change == null ? '' : Number(r.vsPrevious.change.toFixed(3)), r.vsPrevious ? (r.vsPrevious.significant ? t('trends.significant') : t('trends.notSignificant')) : '',
      r.hotShare === null ? '' : Number(r.hotShare.toFixed(3)),
    ]),
  ));
  return (
    <div className="panel" data-testid="area-priority">
      <div className="panel-header">
        <h2>{t('map.priority.title', { period: label })}</h2>
        <button type="button" className="link-button" onClick={exportCsv} disabled={ranked.length === 0}>{t('map.table.export')}</button>
      </div>
      {!rows ? <p className="hint">{t('map.details.loading')}</p> : (
        <DataTable
          caption={t('map.priority.title', { period: label })}
          testId="area-priority-table"
          rows={ranked}
          rowKey={(r) => r.name}
          columns={[
            { key: 'rank', header: t('map.priority.rank'), numeric: true, notCount: true, cell: (r) => (r.rate === null ? '–' : ranked.indexOf(r) + 1) },
            { key: 'name', header: t('map.table.area'), cell: (r) => r.name },
            { key: 'pop', header: t('map.table.population'), numeric: true, notCount: true, cell: (r) => formatCount(r.population, language) },
            { key: 'n', header: label, numeric: true, cell: (r) => formatShownCount(r.current, rule, language) },
            { key: 'rate', header: t('map.measure.rate'), numeric: true, cell: (r) => (r.rate === null ? '–' : formatDecimal(r.rate, 1, language)) },
            { key: 'rest', header: t('map.priority.vsRest'), numeric: true, cell: (r) => change(r.vsRest) },
            { key: 'prev', header: t('map.priority.vsPrevious', { period: formatTertial(previous, language) }), numeric: true, cell: (r) => change(r.vsPrevious) },
            { key: 'hot', header: t('map.priority.hotShare'), numeric: true, cell: (r) => (r.hotShare === null ? '–' : formatPercent(r.hotShare, language).replace('+', '')) },
          ]}
        />
      )}
      {days && previous && extent && days.previous > 0 && days.previous < previous.to - previous.from + 1 && (
        <p className="hint" data-testid="area-priority-partial">{t('map.priority.partialPrevious', { period: formatTertial(previous, language), date: formatDate(dateOfEpochDay(extent.from)), count: days.previous })}</p>
      )}
      {shift && previous && (
        <p className="warning" role="note" data-testid="area-priority-shift">
          {t(rule ? 'map.priority.placementShiftPublic' : 'map.priority.placementShift', {
            period: label, previous: formatTertial(previous, language),
            areaKind: kind ? t('map.priority.areaOfKind', { kind }) : t('map.priority.anyArea'),
            now: formatLevel(shift.current, language), before: formatLevel(shift.compared, language),
          })}
        </p>
      )}
      {leftOut > 0 && !rule && <p className="hint" data-testid="area-priority-left-out">{t('map.priority.noDataLeftOut', { count: leftOut })}</p>}
      <p className="hint">{t('map.priority.method', { size })}</p>
    </div>
  );
}
