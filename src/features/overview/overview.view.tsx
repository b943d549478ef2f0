import { CoverageLine } from './coverage-line.view';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../components/chart-panel';
import { DataTable } from '../../components/data-table';
import { EChart } from '../../components/echart';
import { KeyFigure } from '../../components/key-figure';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { useMosaicClient } from '../../hooks/use-mosaic-client';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useRows } from '../../hooks/use-rows';
import { useFilterState } from '../../hooks/use-filter-state';
import { formatCount } from '../../lib/format';
import { publishPositions } from '../../lib/disclosure/publish-positions';
import { useLocationKinds } from '../../hooks/use-location-kinds';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { csvCount, formatLoneCount, formatShownCount, hiddenExplanation, hiddenLabel, protectedLabel } from '../../lib/disclosure/format-count';
import { PROTECTED, publishCount, type PublishedCount } from '../../lib/disclosure/publish';
import { publishTop, TOP_CATEGORIES } from '../../lib/disclosure/publish-top';
import { useLanguage } from '../../lib/i18n/i18n';
import { FilterChips } from '../../components/filter-chips';
import { incidentSelection, setFilter, sharedSelection } from '../../data/selections';
import type { DayRange } from '../../lib/day-range';
import {
  incidentsByCategoryQuery,
  incidentsPerWeekQuery,
  interventionTotalsQuery,
  AREA_COUNTS,
} from './overview.query';
import {
  brushToDayRange,
  categoryChartOption,
  dayRangeToBrush,
  publishWeeks,
  totalsFromCategories,
  sortCategories,
  weeklyChartOption,
  weeklySeries,
  isPartialWeek,
  type CategoryRow,
  type WeekRow,
} from './overview.model';

export function OverviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database } = useDatabase();
  const extent = useDayExtent();

  const interventionTotals = useMosaicClient<{ interventions: number; key: number | bigint }>({ selection: sharedSelection, query: interventionTotalsQuery });
  const weeks = useMosaicClient<WeekRow>({ selection: incidentSelection, query: incidentsPerWeekQuery, owns: ['period'] });
  const categories = useMosaicClient<CategoryRow>({ selection: incidentSelection, query: incidentsByCategoryQuery, owns: ['category'] });

  const filters = useFilterState();
  const selectedCategory = filters.category;

  const { rule } = useDisclosure();
  const hidden = rule ? hiddenLabel(rule) : '–';
  const count = (v: PublishedCount | undefined) => formatShownCount(v, rule, language);
  const protectedText = protectedLabel(language);
  // The weeks inside the period and the Händelser key figure are one table for the audit (publishWeeks).
  const publishedWeeks = useMemo(
    () => (extent && weeks.state.rows ? publishWeeks(weeklySeries(weeks.state.rows, extent, language), filters.period, rule, extent) : null),
    [weeks.state.rows, extent, language, rule, filters.period?.from, filters.period?.to],
  );
  const series = useMemo(() => publishedWeeks?.weeks ?? [], [publishedWeeks]);
  // The chart: the top categories (and the selected one) and Övrigt; the table behind it: every category. One audit.
  const top = useMemo(
    () => publishTop(sortCategories(categories.state.rows ?? [], rule), TOP_CATEGORIES, rule, (r) => r.category === selectedCategory,
      // Public view: no count of the categories summed (some may be small: the count said how many had an incident).
      // With no listed category beyond the top the bar is the pool alone: named as the table's row (helper-69).
      (n, incidents) => ({ category: rule ? (n === 0 ? t('overview.smallCategories', { k: rule.k }) : t('overview.otherCategoriesPublic')) : t('overview.otherCategories', { count: n }), incidents, key: 0, otherOf: n })),
    [categories.state.rows, rule, selectedCategory, t],
  );
  // The table behind the chart: in public view the categories below k are one row of their own (publishTop's pool),
  // always there, so neither a row nor the pattern of hidden cells tells whether a small category exists.
  const sortedCategories = useMemo(
    // A chosen category below k (or with none) is in that row, and the row says so (publishTop).
    () => (top.small === null || !rule ? top.all : [...top.all, {
      category: selectedCategory !== undefined && !top.all.some((r) => r.category === selectedCategory) ? t('overview.smallCategoriesWithChosen', { k: rule.k, category: selectedCategory }) : t('overview.smallCategories', { k: rule.k }),
      incidents: top.small.incidents, key: 0, pooled: true,
    }]),
    [top, rule, t, selectedCategory],
  );
  const chartCategories = top.shown;
  const brushRange = useMemo(() => (filters.period ? dayRangeToBrush(filters.period, series) : null), [filters.period?.from, filters.period?.to, series]);
  // The options are memoised: a new object makes ECharts redraw the whole chart, and every query result re-renders the page.
  const weeklyOption = useMemo(() => weeklyChartOption(series, language, hidden, protectedText, (covered) => t('overview.partialWeek', { count: covered })), [series, language, hidden, protectedText, t]);
  const partialWeeks = series.filter(isPartialWeek);
  const categoryOption = useMemo(() => categoryChartOption(chartCategories, selectedCategory, language, hidden, protectedText, t('overview.incidents')), [chartCategories, selectedCategory, language, hidden, protectedText, t]);

  const setPeriod = (range: DayRange | null) => setFilter('period', range ?? undefined);
  const setCategory = (category: string | undefined) => setFilter('category', category === selectedCategory ? undefined : category);

  const locationKinds = useLocationKinds();
  const total = categories.state.rows ? totalsFromCategories(categories.state.rows, selectedCategory) : undefined;
  // "Without position" is a part of the incident total beside it: published as Karta publishes it.
  const positions = total ? publishPositions({
    located: total.incidents - total.without_position - total.area_only, areaOnly: total.area_only, unlocated: total.without_position,
    keys: { located: total.keys.incidents - total.keys.without_position - total.keys.area_only, areaOnly: total.keys.area_only, unlocated: total.keys.without_position },
  }, rule, locationKinds) : null;
  // Not on the map = area-only + no position, shown only when Karta shows both parts (a link opens both views).
  // When either part is hidden so is the sum: "<k" only if the sum itself is small, else "dold" (not "<5" about 1 416).
  const notOnMap: PublishedCount | undefined = !positions || !total ? undefined
    // No incident in the data has a position: every one is off the map, the total itself.
    : locationKinds && !locationKinds.has('point') ? positions.total
    // Its own count of records (area-only + no position) with its own noise: never the sum of two perturbed parts.
    : typeof positions.areaOnly === 'number' && typeof positions.unlocated === 'number' ? publishCount(total.area_only + total.without_position, total.keys.area_only + total.keys.without_position, rule) ?? PROTECTED
    : rule && total.area_only + total.without_position >= rule.k ? PROTECTED : null;
  const pending = [interventionTotals, weeks, categories].some((c) => c.state.status === 'pending');
  // Areas with a boundary and names the rows give of none (AREA_COUNTS): a fact about the data, not under the filter.
  const [areaCounts] = useRows<{ boundaries: number; names_only: number }>(AREA_COUNTS) ?? [];

  return (
    <Page title={t('pages.overview')}>
      <CoverageLine weeks={publishedWeeks?.weeks ?? null} />
      <p className="lead">{t('overview.intro')}</p>
      <FilterChips />
      <div className="key-figures" aria-live="polite" aria-busy={pending}>
        <KeyFigure
          label={t('overview.incidents')}
          value={rule && publishedWeeks && publishedWeeks.periodTotal !== undefined && typeof publishedWeeks.periodTotal !== 'number' ? formatShownCount(publishedWeeks.periodTotal, rule, language) : formatLoneCount(total?.incidents, total?.keys.incidents, rule, language)}
          title={rule && publishedWeeks && publishedWeeks.periodTotal !== undefined ? hiddenExplanation(publishedWeeks.periodTotal, rule, language) : undefined}
          testId="kpi-incidents"
          pending={categories.state.status === 'pending'}
        />
        <KeyFigure label={t('overview.interventions')} value={formatLoneCount(interventionTotals.state.rows?.[0]?.interventions, interventionTotals.state.rows?.[0]?.key, rule, language)} testId="kpi-interventions" />
        <KeyFigure
          label={t('overview.withoutPosition')}
          value={notOnMap === undefined ? formatCount(undefined, language) : formatShownCount(notOnMap, rule, language)}
          title={hiddenExplanation(notOnMap, rule, language)}
          testId="kpi-without-position"
          // The split is a part of a part: only where public view hides nothing.
          note={positions && !rule && typeof positions.areaOnly === 'number' && positions.areaOnly > 0 ? t('overview.areaOnlyNote', { formatted: formatCount(positions.areaOnly, language) }) : t('overview.withoutPositionNote')}
        />
        {/* How many areas and goals are loaded: facts about the setup, not counts of events. */}
        <KeyFigure
          label={t('overview.areas')}
          value={formatCount(areaCounts ? areaCounts.boundaries + areaCounts.names_only : undefined, language)}
          testId="kpi-areas"
          notCount
          note={areaCounts && areaCounts.names_only > 0 ? t(areaCounts.boundaries > 0 ? 'overview.areasNamesOnlyNote' : 'overview.areasNoBoundariesNote', { count: areaCounts.names_only, formatted: formatCount(areaCounts.names_only, language) }) : undefined}
        />
        <KeyFigure label={t('overview.goals')} value={formatCount(database.counts.goals, language)} testId="kpi-goals" notCount />
      </div>
      {[weeks, categories, interventionTotals].map((c, i) =>
        c.state.status === 'error' ? <p key={i} role="alert" className="error">{t('errors.queryFailed', { message: c.state.error.message })}</p> : null,
      )}

      <ChartPanel
        title={t('overview.perWeek')}
        fileName="handelser-per-vecka"
        chart={(ref) => (
          <EChart
            testId="chart-weekly"
            label={t('overview.perWeek')}
            option={weeklyOption}
            onBrush={(indices) => setPeriod(indices ? brushToDayRange(indices, series, extent!) : null)}
            brushRange={brushRange}
            exportRef={ref}
          />
        )}
        csv={() => ({ header: [t('overview.week'), t('overview.daysWithData'), t('overview.count')], rows: series.map((p) => [p.label, String(p.covered), csvCount(p.incidents, rule, language)]) })}
        table={
          <DataTable
            caption={t('overview.perWeek')}
            rows={series}
            rowKey={(p) => String(p.weekDay)}
            columns={[
              { key: 'week', header: t('overview.week'), cell: (p) => <>{p.label}{isPartialWeek(p) && <span className="key-figure-note" data-testid="overview-partial-row" data-not-count> ({t('overview.partialWeek', { count: p.covered })})</span>}</> },
              { key: 'count', header: t('overview.count'), numeric: true, cell: (p) => count(p.incidents) },
              {
                key: 'filter', header: t('filters.period'),
                cell: (p) => <button type="button" className="link-button" onClick={() => setPeriod({ from: Math.max(p.weekDay, extent!.from), to: Math.min(p.weekDay + 6, extent!.to) })}>{p.label}</button>,
              },
            ]}
          />
        }
      >
        <p className="hint">{t('overview.brushHint')}</p>
        {partialWeeks.length > 0 && (
          <p className="hint" role="note" data-testid="overview-partial" data-not-count>
            {t('overview.partialWeeks', { weeks: partialWeeks.map((p) => `${p.label} (${t('overview.partialWeek', { count: p.covered })})`).join(', ') })}
          </p>
        )}
      </ChartPanel>

      <ChartPanel
        title={t('overview.byCategory')}
        fileName="handelser-per-kategori"
        chart={(ref) => (
          <EChart
            testId="chart-categories"
            label={t('overview.byCategory')}
            height={Math.max(160, chartCategories.length * 28 + 40)}
            option={categoryOption}
            onSelect={(i) => { const row = chartCategories[i]; if (row && row.otherOf === undefined) setCategory(row.category); }}
            exportRef={ref}
          />
        )}
        csv={() => ({ header: [t('overview.category'), t('overview.count')], rows: sortedCategories.map((r) => [r.category, csvCount(r.incidents, rule, language)]) })}
        table={
          <DataTable
            caption={t('overview.byCategory')}
            testId="table-categories"
            rows={sortedCategories}
            rowKey={(r) => r.category}
            columns={[
              {
                key: 'category', header: t('overview.category'),
                cell: (r) => ('pooled' in r ? r.category : <button type="button" className="link-button" aria-pressed={selectedCategory === r.category} onClick={() => setCategory(r.category)}>{r.category}</button>),
              },
              { key: 'count', header: t('overview.count'), numeric: true, cell: (r) => count(r.incidents) },
            ]}
          />
        }
      >
        {top.other && <p className="hint" data-testid="categories-other-hint">{rule ? t('overview.otherHintPublic', { count: Math.min(TOP_CATEGORIES, top.shown.length - 1), k: rule.k }) : t('overview.otherHint', { count: TOP_CATEGORIES })}</p>}
      </ChartPanel>
    </Page>
  );
}
