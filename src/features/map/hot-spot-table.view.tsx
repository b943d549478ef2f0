// The table alternative to the map: the ranked hot spots, keyboard-selectable, exportable as Excel CSV.
import { cellReferenceMetres, type CellShape } from '../../lib/geo/cell-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { setFilter } from '../../data/selections';
import { useRows } from '../../hooks/use-rows';
import { downloadText, toExcelCsv } from '../../lib/excel-csv';
import { formatCount, formatDecimal, formatLevel } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { csvCount, formatLoneCount } from '../../lib/disclosure/format-count';
import { publishCount } from '../../lib/disclosure/publish';
import { useLanguage } from '../../lib/i18n/i18n';
import type { GridCellRef } from '../../lib/filter-state';
import type { FilterPredicates } from '../../data/filter-predicates';
import { cellLabelsSql } from '../../analysis/hot-spots/hot-spots.query';
import { hotSpotTableRows, type HotSpotCell } from '../../analysis/hot-spots/hot-spots.model';

interface Label { ix: number; iy: number; place: string | null; area: string | null; category: string | null }

/** A hot-spot bin's confidence level (ArcGIS's Gi_Bin: 3 → 99 %, 2 → 95 %, 1 → 90 %). */
const CONFIDENCE: Record<number, number> = { 3: 0.99, 2: 0.95, 1: 0.9 };

/** A period's label as part of a file name: "2026-11-09 – 2026-11-15" → "2026-11-09--2026-11-15". */
function fileNamePart(label: string): string {
  return label.replace(/\s*–\s*/g, '--').replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._-]/gu, '');
}

/**
 * The significant hot spots with incidents of their own, strongest first (hotSpotTableRows: cells hot only by their
 * neighbours are counted under the table, not listed). Each row names its cell (SWEREF 99 TM: a square's south-west
 * corner, a hexagon's centre — so rows with the same place can be told apart), gives the local sum Gi* tested (the
 * cell and its neighbours within `band` metres; not in public view, like z) and can be shown on the map
 * (`onLocate`) or chosen as a filter; the counts are for `periodLabel`.
 */
export function HotSpotTable({ ranked: allRanked, rankingCurrent, namesFilter, namesFromBase, size, shape, band, fdr, selected, periodLabel, onLocate }: {
  ranked: HotSpotCell[];
  /** False while the cell counts for a new filter are on their way: `ranked` is still the old filter's ranking. */
  rankingCurrent: boolean;
  /** The filter the names are asked under (the map's spatial filters left out; map.view.tsx judges `rankingCurrent` by it). */
  namesFilter: FilterPredicates;
  /** Whether the names may be counted from the filter's base of names (cellLabelsSql): not when each week step is another filter. */
  namesFromBase: boolean;
  size: number; shape: CellShape; band: number;
  /** Whether the bins are FDR-corrected (said in the confidence column's header). */
  fdr: boolean;
  selected: GridCellRef | undefined; periodLabel: string; onLocate: (cell: HotSpotCell) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rule } = useDisclosure();
  const { places: ranked, surroundingsOnly } = useMemo(() => hotSpotTableRows(allRanked, rule !== null), [allRanked, rule]);
  // Public view names no cell whose count is hidden (below): those are not asked for.
  const hiddenCount = (c: HotSpotCell) => rule !== null && publishCount(c.n, Number(c.key), rule) === null;
  const named = ranked.filter((c) => !hiddenCount(c));
  const cellList = named.map((c) => `${c.ix}:${c.iy}`).join(',');
  // Asked again only when the ranked cells themselves change (`cellList`), not on every new array; and not while the
  // ranking is the previous filter's (its cells under the new filter were a wasted query on every week step). Until
  // the names for this ranking and filter are in, a row says so ('…'): the last period's most common place beside
  // this period's count read as this period's (a tester saw one name, then another 0.4 s later).
  const labelRows = useRows<Label>(useMemo(() => (rankingCurrent ? cellLabelsSql(size, namesFilter.incidents, shape, named, undefined, namesFromBase) : null), [size, namesFilter, shape, cellList, rankingCurrent, namesFromBase]), { keepPrevious: false });
  const labels = useMemo(() => new Map((labelRows ?? []).map((r) => [`${r.ix}:${r.iy}`, r])), [labelRows]);

  const rows = ranked.map((c, i) => {
    // Public view: a row whose count is hidden ("<5") names no place and no category — a cell with 0 incidents has
    // none to name, so a name told 1–4 from 0, and the category of a cell with one incident is that incident's
    // (a tester read both off the public table). Every hidden row says "–" alike.
    const hidden = hiddenCount(c);
    const l = hidden ? undefined : labels.get(`${c.ix}:${c.iy}`);
    const [refE, refN] = cellReferenceMetres(c, size, shape);
    const unknown = labelRows === undefined && !hidden ? '…' : '–';
    // `named`: the row has a place or area to say; else "Visa" is read out by the cell's coordinates alone (it read
    // "Visa … (E …, N …)" while the names were on their way).
    return { ...c, rank: i + 1, place: l?.place ?? l?.area ?? unknown, named: Boolean(l?.place ?? l?.area), category: l?.category ?? unknown, refE, refN };
  });
  const confidenceHeader = t(fdr ? 'map.table.confidenceFdr' : 'map.table.confidenceNoFdr');
  const isSelected = (c: HotSpotCell) => selected?.size === size && (selected.shape ?? 'square') === shape && selected.ix === c.ix && selected.iy === c.iy;
  const toggle = (c: HotSpotCell) => setFilter('cell', isSelected(c) ? undefined : { size, ix: c.ix, iy: c.iy, ...(shape === 'hex' ? { shape } : {}) });
  const pattern = (c: HotSpotCell) => (c.pattern ? t(`map.pattern.${c.pattern}`) + (c.patternSide === 'cold' ? ` (${t('map.pattern.coldShort')})` : '') : '–');

  const exportCsv = () => {
    // Public view: no z or p — exact functions of the exact counts around a cell, they could undo the counts' noise.
    // Which point of the cell E and N are: a square's south-west corner, a hexagon's centre.
    const point = shape === 'hex' ? `${t('map.table.centre')}, ` : '';
    // The file says which period its counts are for and whether FDR was on, in its header and name (two exports of
    // different weeks could not be told apart); p with three significant digits (rounded to four decimals, most
    // strong hot spots read "p = 0"), and below 1e-16 — where a double's normal tail underflows to 0 — as "<1e-16"
    // (R's format.pval says "< 2.2e-16" for the same reason).
    const header = [t('map.table.rank'), t('map.table.place'), `E (${point}SWEREF 99 TM)`, `N (${point}SWEREF 99 TM)`, t('map.table.countIn', { period: periodLabel }), ...(rule ? [] : [t('map.table.localSum', { band: formatCount(band, language) }), 'z', 'p']), confidenceHeader, t('map.table.category'), t('map.table.trend')];
    const body = rows.map((r) => [r.rank, r.place, r.refE, r.refN, csvCount(publishCount(r.n, r.key, rule), rule, language), ...(rule ? [] : [r.localSum, Number(r.z.toFixed(3)), r.p < 1e-16 ? '<1e-16' : Number(r.p.toPrecision(3))]), formatLevel(CONFIDENCE[r.bin], language), r.category, pattern(r)]);
    downloadText(`hot-spots-${fileNamePart(periodLabel)}.csv`, toExcelCsv(header, body));
  };

  // While a new filter's counts are on their way the rows are the previous filter's: said, and dimmed, not passed off as
  // the new filter's (a tester read a Rån-only count beside a chip saying "no filter" for 0.2–0.5 s).
  const updating = !rankingCurrent && rows.length > 0;
  return (
    <div className="panel hot-spot-panel" aria-busy={updating || undefined}>
      <div className="panel-header">
        <h2>{t('map.table.title')}</h2>
        <button type="button" className="link-button" onClick={exportCsv} disabled={rows.length === 0}>{t('map.table.export')}</button>
      </div>
      {updating && <p className="hint" role="status" data-testid="hot-spots-updating">{t('map.table.updating')}</p>}
      {rows.length === 0 ? <p className="hint">{t(surroundingsOnly > 0 ? 'map.table.noneOwn' : 'map.table.none')}</p> : (
        <DataTable
          caption={t('map.table.caption', { cells: t(`map.cellsOf.${shape}`, { size: formatCount(size, language) }) })}
          testId="hot-spot-table"
          rows={rows}
          rowKey={(r) => `${r.ix}:${r.iy}`}
          columns={[
            { key: 'rank', header: t('map.table.rank'), numeric: true, notCount: true, cell: (r) => r.rank },
            { key: 'place', header: t('map.table.place'), cell: (r) => r.place },
            { key: 'ref', header: t('map.table.cell'), notCount: true, cell: (r) => <span className="cell-ref">{shape === 'hex' ? `${t('map.table.centre')} ` : ''}E {formatCount(r.refE, language)} · N {formatCount(r.refN, language)}</span> },
            { key: 'n', header: t('map.table.countIn', { period: periodLabel }), numeric: true, cell: (r) => formatLoneCount(r.n, r.key, rule, language) },
            ...(rule ? [] : [
              { key: 'local', header: t('map.table.localSum', { band: formatCount(band, language) }), numeric: true, cell: (r: (typeof rows)[number]) => formatCount(r.localSum, language) },
              { key: 'z', header: 'z', numeric: true, cell: (r: (typeof rows)[number]) => formatDecimal(r.z, 2, language) },
            ]),
            { key: 'conf', header: confidenceHeader, cell: (r) => formatLevel(CONFIDENCE[r.bin], language) },
            { key: 'cat', header: t('map.table.category'), cell: (r) => r.category },
            { key: 'trend', header: t('map.table.trend'), cell: (r) => pattern(r) },
            {
              key: 'locate', header: t('map.table.locate'),
              cell: (r) => <button type="button" className="link-button" onClick={() => onLocate(r)} data-testid="locate-cell" aria-label={t(r.named ? 'map.table.locateLabel' : 'map.table.locateCellLabel', { place: r.place, e: formatCount(r.refE, language), n: formatCount(r.refN, language) })}>{t('map.table.locate')}</button>,
            },
            {
              key: 'select', header: t('map.table.select'),
              cell: (r) => <button type="button" className="link-button" aria-pressed={isSelected(r)} onClick={() => toggle(r)} data-testid="select-cell">{isSelected(r) ? t('map.table.selected') : t('map.table.select')}</button>,
            },
          ]}
        />
      )}
      {rule && rows.length > 0 && <p className="hint" data-testid="hot-spots-public-labels">{t('map.table.publicLabels', { k: rule.k })}</p>}
      {/* "Historisk" read as "faded" beside a cell still busy: say what ESRI's rule means (a tester's Torget cell). */}
      {rows.some((r) => r.pattern === 'historical') && <p className="hint" data-testid="hot-spots-historical-note">{t('map.table.historicalNote')}</p>}
      {surroundingsOnly > 0 && <p className="hint" data-testid="hot-spots-surroundings-only">{t('map.table.surroundingsOnly', { count: surroundingsOnly, formatted: formatCount(surroundingsOnly, language) })}</p>}
    </div>
  );
}
