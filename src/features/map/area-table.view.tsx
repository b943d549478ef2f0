// The table behind the choropleth: every area with its count (and rate), selectable by keyboard.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { setFilter } from '../../data/selections';
import { downloadText, toExcelCsv } from '../../lib/excel-csv';
import { formatCount, formatDecimal } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { csvCount, formatShownCount } from '../../lib/disclosure/format-count';
import { publishCount } from '../../lib/disclosure/publish';
import type { AreaValue } from './map-layers.model';

/**
 * `outside`: outsideKindCountQuery's rows (incidents in no area of `kind`, located or not), undefined while asked.
 * `hasPositions`: whether any incident in the data (not the filter) has a position.
 */
export function AreaTable({ rows, measure, selected, kind, outside, hasPositions = true }: { rows: AreaValue[]; measure: 'count' | 'rate'; selected: string | undefined; kind: string; outside?: { located: boolean; n: number | bigint; key: number | bigint }[]; hasPositions?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rule } = useDisclosure();
  // Public view: both lines whatever their counts ("<5" for 0 too) — shown only above 0, a line told 0 from 1–4.
  const outsideLine = (located: boolean) => {
    const row = outside?.find((r) => r.located === located);
    const n = Number(row?.n ?? 0);
    return outside && (n > 0 || rule) ? publishCount(n, Number(row?.key ?? 0), rule) : undefined;
  };
  // Data with no position at all (police events) has no located line: "<5 med position" read as 1–4 (helper-67).
  const outsideShown = hasPositions ? outsideLine(true) : undefined;
  const unlocatedShown = outsideLine(false);
  const sorted = [...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.name.localeCompare(b.name, 'sv'));
  // The file says which kind its areas are (a kommun file and a län file looked alike), and an area with no data
  // has an empty count, as the screen's "–" — not 0.
  const exportCsv = () => downloadText('omraden.csv', toExcelCsv(
    [t('map.table.area'), t('map.areaKind'), t('map.table.count'), t('map.table.population'), t('map.measure.rate')],
    [
      ...sorted.map((r) => [r.name, kind || t('map.areaKindNone'), r.noData ? '' : csvCount(r.n, rule, language), r.population ?? '', !r.noData && r.population && typeof r.n === 'number' ? Number(((r.n / r.population) * 1000).toFixed(2)) : '']),
      // The two lines under the table, so the file's rows add up to the incidents as the page's do (helper-68).
      ...(outsideShown !== undefined ? [[t('map.table.csvOutside'), kind || t('map.areaKindNone'), csvCount(outsideShown, rule, language), '', '']] : []),
      ...(unlocatedShown !== undefined ? [[t('map.table.csvOutsideUnlocated'), kind || t('map.areaKindNone'), csvCount(unlocatedShown, rule, language), '', '']] : []),
    ],
  ));
  return (
    <div className="panel">
      <div className="panel-header">
        <h2>{t('map.table.areasTitle')}</h2>
        <button type="button" className="link-button" onClick={exportCsv}>{t('map.table.export')}</button>
      </div>
      <DataTable
        caption={t('map.table.areasTitle')}
        testId="area-table"
        rows={sorted}
        rowKey={(r) => r.name}
        columns={[
          { key: 'name', header: t('map.table.area'), cell: (r) => <button type="button" className="link-button" aria-pressed={selected === r.name} onClick={() => setFilter('area', selected === r.name ? undefined : { name: r.name, kind })}>{r.name}</button> },
          { key: 'n', header: t('map.table.count'), numeric: true, cell: (r) => (r.noData ? <span title={t('map.table.noData')}>–</span> : formatShownCount(r.n, rule, language)) },
          // Population is SCB's published figure, not a count of events.
          { key: 'pop', header: t('map.table.population'), numeric: true, notCount: true, cell: (r) => formatCount(r.population, language) },
          { key: 'rate', header: t('map.measure.rate'), numeric: true, cell: (r) => (r.population && typeof r.n === 'number' ? formatDecimal((r.n / r.population) * 1000, 1, language) : '–') },
        ]}
      />
      {outsideShown !== undefined && (
        // The plural follows the shown number: a hidden "<5" must not say "1 händelse".
        <p className="hint" data-testid="area-outside">{t('map.table.outside', { count: typeof outsideShown === 'number' ? outsideShown : 5, formatted: formatShownCount(outsideShown, rule, language), areas: kind ? t('map.table.everyAreaOfKind', { kind }) : t('map.table.everyAreaInTable') })}</p>
      )}
      {unlocatedShown !== undefined && (
        <p className="hint" data-testid="area-outside-unlocated">{t('map.table.outsideUnlocated', { count: typeof unlocatedShown === 'number' ? unlocatedShown : 5, formatted: formatShownCount(unlocatedShown, rule, language), none: kind ? t('map.table.noAreaOfKind', { kind }) : t('map.table.noAreaInTable') })}</p>
      )}
      {rows.some((r) => r.noShape) && <p className="hint" data-testid="area-no-shapes">{t('map.table.noShapes', { count: rows.filter((r) => r.noShape).length })}</p>}
      {measure === 'rate' && <p className="hint">{t('map.rateHint')}</p>}
    </div>
  );
}
