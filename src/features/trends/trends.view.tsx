// Trender: is it getting better, since when, where — and did the interventions matter? The trend chart's
// brush sets the shared period filter, which every other view follows.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../components/chart-panel';
import { DataTable } from '../../components/data-table';
import { EChart } from '../../components/echart';
import { FilterChips } from '../../components/filter-chips';
import { KeyFigure } from '../../components/key-figure';
import { Page } from '../../components/page';
import { incidentSelection, setFilter, sharedSelection } from '../../data/selections';
import { useDatabase } from '../../hooks/use-database';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import { useFilterState } from '../../hooks/use-filter-state';
import { useMosaicClient } from '../../hooks/use-mosaic-client';
import { useLastConsistent } from '../../hooks/use-last-consistent';
import { describeDayRange } from '../../lib/day-range';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDecimal, formatPercent } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { csvCount, formatShownCount, hiddenExplanation, hiddenLabel, protectedLabel } from '../../lib/disclosure/format-count';
import { type PublishedCount, publishedNoise } from '../../lib/disclosure/publish';
import { useLanguage } from '../../lib/i18n/i18n';
import { compareCounts, type CountChange } from '../../lib/statistics/count-change';
import { BeforeAfterPanel } from './before-after.view';
import { swedishCalendarDays } from './calendar-days';
import { UNITS, type Unit } from '../../analysis/periods/period-buckets';
import { AREA_KEYS } from '../../data/areas.query';
import { areaSeriesSpelled, compare, comparisonPeriods, topSeries, trendChartOption, trendSeries, isPartialBucket, type DayCount, type InterventionDay } from './trends.model';
import { publishTrend, rangeCount } from './publish-trend';
import { publishWeekHour, weekHourMatrix, weekHourOption, NO_TIME_COLUMN, type WeekHourRow } from './week-hour.model';
import { useComparisonPlacementShift } from './use-placement-shift';
import { useComparisonCategoryBoundary } from './use-category-boundary';
import { INTERVENTION_TYPES, countInPeriodSql, incidentsPerDayQuery, interventionsPerDayQuery, weekdayHourQuery, type Split } from './trends.query';

const ROLLING = { day: 7, week: 4, biweek: 3, month: 3, quarter: 2 } as const;

/** Last year's value is missing (before the data starts) rather than hidden when its bucket has no year before. */
function trendLastYearMissing(series: { buckets: { from: number }[]; lastYearRanges: { from: number }[] }, i: number): boolean {
  return series.lastYearRanges[i].from < series.buckets[0].from;
}

/** `shown`: the two counts as published beside the chart (rangeCount); null where public view hides one. */
/**
 * `withheld`: why no change is shown though both counts are — the two periods place their incidents in areas
 * differently (use-placement-shift.ts), or the filtered category begins or ends between them (use-category-boundary.ts).
 */
function ChangeFigure({ label, change, shown, testId, missing, withheld }: { label: string; change: CountChange | null; shown: [PublishedCount, PublishedCount]; testId: string; missing: string; withheld?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rule } = useDisclosure();
  if (!change) return <KeyFigure label={label} value="–" testId={testId} note={missing} />;
  if (withheld) return <KeyFigure label={label} value="–" testId={testId} note={withheld} />;
  // Public view: a change between counts of which one is hidden would give it away.
  if (rule && (typeof shown[0] !== 'number' || typeof shown[1] !== 'number')) {
    return <KeyFigure label={label} value="–" testId={testId} note={t('disclosure.changeHidden', { k: rule.k })} />;
  }
  // Public view: the change, its test and the counts in the note are those of the shown (perturbed) counts — the
  // exact ones would undo the noise.
  if (rule) change = compareCounts(shown[0] as number, shown[1] as number, change.exposure, publishedNoise(rule));
  const pct = formatPercent(change.change, language);
  const mark = change.significant ? (change.z > 0 ? '▲ ' : '▼ ') : '';
  return (
    <KeyFigure
      label={label}
      value={`${mark}${pct}`}
      testId={testId}
      note={[
        `${formatCount(change.previous, language)} → ${formatCount(change.current, language)}`,
        // Unequal lengths: say that the percentage is per day, so "+10 %" is not read off the raw counts.
        ...(Math.abs(change.exposure - 1) > 1e-9 ? [t('trends.perDay', { before: formatDecimal(change.previous, 1, language), now: formatDecimal(change.current / change.exposure, 1, language) })] : []),
        `z = ${formatDecimal(change.z, 2, language)}`,
        `p = ${formatDecimal(change.p, change.p < 0.001 ? 4 : 3, language)}`,
        change.significant ? t('trends.significant') : t('trends.notSignificant'),
      ].join(' · ')}
    />
  );
}

export function TrendsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database } = useDatabase();
  const extent = useDayExtent();
  const filters = useFilterState();
  const [unit, setUnit] = useState<Unit>('week');
  const [split, setSplit] = useState<Split>('none');
  const [showLastYear, setShowLastYear] = useState(true);
  const [showRolling, setShowRolling] = useState(true);
  const [showInterventions, setShowInterventions] = useState(true);
  const [showCalendar, setShowCalendar] = useState(true);
  const { rule } = useDisclosure();
  const [interventionType, setInterventionType] = useState('');
  const typeRows = useRows<{ type: string; n: number }>(INTERVENTION_TYPES);
  // Public view names no type with fewer than k interventions in the data (as categories below k are never named;
  // helper-68: "Belysningsåtgärd", 1 intervention, was listed). They stay in "Alla insatser".
  const types = useMemo(() => (typeRows ?? []).filter((x) => !rule || x.n >= rule.k).map((x) => x.type), [typeRows, rule]);
  // No interventions loaded: no "Insatser" series in the legend and no controls for it (a tester saw both, empty).
  const interventionsShown = showInterventions && types.length > 0;

  const perDayKey = `days-${split}`;
  const perDay = useMosaicClient<DayCount>({ selection: incidentSelection, query: incidentsPerDayQuery(split), key: perDayKey, owns: ['period'] });
  // A type chosen before public view was turned on and not listed in it is not asked for.
  const shownType = types.includes(interventionType) ? interventionType : '';
  const interventionsKey = `iv-${shownType}`;
  const interventions = useMosaicClient<InterventionDay>({ selection: sharedSelection, query: interventionsPerDayQuery(shownType || null), key: interventionsKey, owns: ['period'] });
  // The chart and its table are drawn from one split and one intervention type at a time: after a change the last
  // rows answer the old choice (rows without a category read as split by category), so the old chart stays, whole,
  // until the new rows are in.
  const drawn = useLastConsistent(
    useMemo(() => (perDay.state.rows ? { days: perDay.state.rows, interventions: interventions.state.rows ?? [], split } : null), [perDay.state.rows, interventions.state.rows, split]),
    perDay.state.rowsKey === perDayKey && (interventions.state.rows === null || interventions.state.rowsKey === interventionsKey),
  );
  const weekHour = useMosaicClient<WeekHourRow>({ selection: incidentSelection, query: weekdayHourQuery });

  // The loaded boundaries' names: the area split names an area as they spell it (areaSeriesSpelled).
  const areaKeys = useRows<{ name: string }>(AREA_KEYS);
  const boundaryNames = useMemo(() => (areaKeys ?? []).map((a) => a.name), [areaKeys]);
  const hidden = rule ? hiddenLabel(rule) : '–';
  const count = (v: PublishedCount | undefined) => formatShownCount(v, rule, language);
  const series = useMemo(
    () => (extent && drawn ? publishTrend(trendSeries(topSeries(drawn.split === 'area' ? areaSeriesSpelled(drawn.days, boundaryNames) : drawn.days, (rest) => (rule
      // Public view: no count of the series summed (some may be small: the count said how many had an incident).
      ? t(drawn.split === 'area' ? 'overview.otherAreasPublic' : 'overview.otherCategoriesPublic')
      : t(drawn.split === 'area' ? 'overview.otherAreas' : 'overview.otherCategories', { count: rest })), rule && drawn.split !== 'none' ? rule.k : 0, extent.from), drawn.interventions, extent, unit, ROLLING[unit], language), rule, ROLLING[unit], filters.period, extent) : null),
    // The period filter: Översikt's key figure, whose weeks the trend is published with (publishTrend).
    [extent, drawn, unit, language, t, rule, boundaryNames, filters.period?.from, filters.period?.to],
  );
  const calendar = useMemo(
    () => (extent && showCalendar && unit !== 'quarter' ? swedishCalendarDays(dateOfEpochDay(extent.from).getFullYear(), dateOfEpochDay(extent.to).getFullYear()) : []),
    [extent, showCalendar, unit],
  );
  const option = useMemo(
    () => series && trendChartOption(series, {
      stacked: drawn?.split !== 'none', showLastYear, showRolling, showInterventions: interventionsShown, calendar: unit === 'day' || unit === 'week' ? calendar : [],
      labels: { total: t('trends.incidents'), lastYear: t('trends.lastYearLine'), rolling: t('trends.rolling', { count: ROLLING[unit] }), interventions: t('trends.interventions'), partial: (covered, days) => t('trends.partialBucket', { covered, days }), hiddenSeries: t('trends.hiddenSeries') },
      hidden,
      protectedText: protectedLabel(language),
    }, language),
    [series, drawn?.split, showLastYear, showRolling, interventionsShown, calendar, unit, language, t, hidden],
  );

  // The comparison: the brushed period (or the latest complete one) against the period before and last year.
  const withoutPeriod = useFilterPredicates(['period']);
  const periods = useMemo(() => (extent ? comparisonPeriods(filters.period, extent, unit) : null), [extent, filters.period?.from, filters.period?.to, unit]);
  const shift = useComparisonPlacementShift(periods, filters.area);
  const boundary = useComparisonCategoryBoundary(periods, filters.category !== undefined);
  const withheldNote = (shifted: boolean, cut: boolean) => (shifted ? t('trends.placementShift') : cut ? t('trends.categoryBoundary') : undefined);
  const [comparison, setComparison] = useState<(ReturnType<typeof compare> & { keys: { current: number; previous: number; lastYear: number } }) | null>(null);
  useEffect(() => {
    if (!periods || !extent) return;
    let live = true;
    const count = (r: { from: number; to: number }) => database.reader.rows<{ n: number; key: number }>(countInPeriodSql(withoutPeriod.incidents, r)).then(([x]) => x);
    void Promise.all([count(periods.current), count(periods.previous), count(periods.lastYear)]).then(([current, previous, lastYear]) => {
      if (live) setComparison({ ...compare({ current: current.n, previous: previous.n, lastYear: lastYear.n }, periods, extent), keys: { current: current.key, previous: previous.key, lastYear: lastYear.key } });
    });
    return () => { live = false; };
  }, [database, periods, withoutPeriod.key, extent]);

  // The comparison's counts sit beside the chart and its table: published as the same bucket totals (rangeCount).
  const shownComparison = useMemo(() => {
    if (!comparison || !series) return null;
    const shown = (v: number | null, key: number, r: { from: number; to: number }) => (v === null ? null : rangeCount(v, key, r, series, rule));
    return {
      current: shown(comparison.counts.current, comparison.keys.current, comparison.current),
      previous: shown(comparison.counts.previous, comparison.keys.previous, comparison.previous),
      lastYear: shown(comparison.counts.lastYear, comparison.keys.lastYear, comparison.lastYear),
    };
  }, [comparison, series, rule]);

  const brushRange = useMemo(() => {
    if (!series || !filters.period) return null;
    const first = series.buckets.findIndex((b) => b.to >= filters.period!.from);
    let last = -1;
    series.buckets.forEach((b, i) => { if (b.from <= filters.period!.to) last = i; });
    return first >= 0 && last >= first ? ([first, last] as [number, number]) : null;
  }, [series, filters.period?.from, filters.period?.to]);
  const onBrush = (indices: [number, number] | null) => {
    if (!indices || !series || !extent) { setFilter('period', undefined); return; }
    const a = series.buckets[Math.max(0, Math.min(indices[0], indices[1]))];
    const b = series.buckets[Math.min(series.buckets.length - 1, Math.max(indices[0], indices[1]))];
    setFilter('period', { from: Math.max(extent.from, a.from), to: Math.min(extent.to, b.to) });
  };

  const dayNames = t('trends.weekdays').split(',');
  const { matrix, untimed } = useMemo(() => {
    const m = weekHourMatrix(weekHour.state.rows ?? []);
    return { matrix: publishWeekHour(m, rule), untimed: m.untimed };
  }, [weekHour.state.rows, rule]);
  const seriesNames = series ? [...series.series.keys()] : [];
  const tableRows = series ? series.buckets.map((b, i) => ({ b, i })) : [];
  const partialRows = tableRows.filter(({ i }) => series !== null && isPartialBucket(series, i));

  return (
    <Page title={t('pages.trends')}>
      <p className="lead">{t('trends.intro')}</p>
      <FilterChips />
      <div className="map-controls" role="group" aria-label={t('trends.controls')}>
        <fieldset>
          <legend>{t('trends.unit')}</legend>
          {UNITS.map((u) => (
            <label key={u} className="radio"><input type="radio" name="trend-unit" checked={unit === u} onChange={() => setUnit(u)} />{t(`trends.units.${u}`)}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('trends.split')}</legend>
          <select value={split} onChange={(e) => setSplit(e.target.value as Split)} aria-label={t('trends.split')} data-testid="trend-split">
            {(['none', 'category', 'area'] as Split[]).map((s) => <option key={s} value={s}>{t(`trends.splits.${s}`)}</option>)}
          </select>
        </fieldset>
        <fieldset>
          <legend>{t('trends.show')}</legend>
          <label className="checkbox"><input type="checkbox" checked={showLastYear} onChange={(e) => setShowLastYear(e.target.checked)} />{t('trends.lastYearLine')}</label>
          <label className="checkbox"><input type="checkbox" checked={showRolling} onChange={(e) => setShowRolling(e.target.checked)} />{t('trends.rollingShort')}</label>
          {types.length > 0 && (
            <>
              <label className="checkbox"><input type="checkbox" checked={showInterventions} onChange={(e) => setShowInterventions(e.target.checked)} />{t('trends.interventions')}</label>
              <select value={shownType} onChange={(e) => setInterventionType(e.target.value)} aria-label={t('trends.interventionType')} disabled={!showInterventions} data-testid="trend-intervention-type">
                <option value="">{t('trends.allInterventions')}</option>
                {types.map((x) => <option key={x} value={x}>{x}</option>)}
              </select>
            </>
          )}
          <label className="checkbox"><input type="checkbox" checked={showCalendar} onChange={(e) => setShowCalendar(e.target.checked)} />{t('trends.calendar')}</label>
        </fieldset>
      </div>

      {comparison && (
        <>
          <h2 className="section-heading" data-testid="comparison-period">{t('trends.comparisonHeading', { period: describeDayRange(comparison.current, language) })}</h2>
          <div className="key-figures" aria-live="polite">
            <KeyFigure label={t('trends.current')} value={formatShownCount(shownComparison?.current, rule, language)} title={hiddenExplanation(shownComparison?.current, rule, language)} testId="trend-current" />
            <ChangeFigure label={t('trends.vsPrevious', { period: describeDayRange(comparison.previous, language) })} change={comparison.vsPrevious} shown={[shownComparison?.current ?? null, shownComparison?.previous ?? null]} testId="trend-vs-previous" missing={t('trends.noPrevious')} withheld={withheldNote(shift.vsPrevious !== null, boundary.vsPrevious)} />
            <ChangeFigure label={t('trends.vsLastYear', { period: describeDayRange(comparison.lastYear, language) })} change={comparison.vsLastYear} shown={[shownComparison?.current ?? null, shownComparison?.lastYear ?? null]} testId="trend-vs-last-year" missing={t('trends.noLastYear')} withheld={withheldNote(shift.vsLastYear !== null, boundary.vsLastYear)} />
          </div>
          {comparison.covered.current < comparison.current.to - comparison.current.from + 1 && (
            <p className="hint" role="note" data-testid="partial-coverage">{t('trends.partialCoverage', { covered: comparison.covered.current, days: comparison.current.to - comparison.current.from + 1 })}</p>
          )}
          <p className="rule">{t('trends.rule')}</p>
        </>
      )}

      {series && option && (
        <ChartPanel
          title={t('trends.chartTitle', { unit: t(`trends.units.${unit}`).toLowerCase() })}
          fileName="trend"
          testId="trend-panel"
          chart={(ref) => <EChart testId="chart-trend" label={t('trends.chartTitle', { unit: t(`trends.units.${unit}`).toLowerCase() })} option={option} height={340} onBrush={onBrush} brushRange={brushRange} exportRef={ref} />}
          csv={() => ({
            header: [t('trends.period'), t('trends.from'), t('trends.to'), t('trends.daysWithData'), ...(drawn?.split === 'none' ? [] : seriesNames), t('trends.incidents'), t('trends.lastYearLine'), t('trends.interventions')],
            rows: tableRows.map(({ b, i }) => [b.label, dateOfEpochDay(b.from).toLocaleDateString('sv-SE'), dateOfEpochDay(b.to).toLocaleDateString('sv-SE'), String(series.covered[i]), ...(drawn?.split === 'none' ? [] : seriesNames.map((n) => csvCount(series.series.get(n)![i], rule, language))), csvCount(series.total[i], rule, language), (trendLastYearMissing(series, i) ? '' : csvCount(series.lastYear[i], rule, language)), csvCount(series.interventions[i], rule, language)]),
          })}
          table={
            <DataTable
              caption={t('trends.tableCaption')}
              testId="trend-table"
              rows={tableRows}
              rowKey={({ b }) => String(b.from)}
              columns={[
                {
                  key: 'label', header: t('trends.period'), cell: ({ b, i }) => (
                    <>
                      <button type="button" className="link-button" onClick={() => setFilter('period', { from: Math.max(b.from, extent!.from), to: Math.min(b.to, extent!.to) })}>{b.label}</button>
                      {isPartialBucket(series, i) && <span className="key-figure-note" data-testid="trend-partial-row"> ({t('trends.partialBucket', { covered: series.covered[i], days: b.to - b.from + 1 })})</span>}
                    </>
                  ),
                },
                ...(drawn?.split === 'none' ? [] : seriesNames.map((n) => ({ key: `s-${n}`, header: n, numeric: true, cell: ({ i }: { i: number }) => count(series.series.get(n)![i]) }))),
                { key: 'total', header: t('trends.incidents'), numeric: true, cell: ({ i }) => count(series.total[i]) },
                { key: 'ly', header: t('trends.lastYearLine'), numeric: true, cell: ({ i }) => (series.lastYear[i] === null && trendLastYearMissing(series, i) ? '–' : count(series.lastYear[i])) },
                { key: 'iv', header: t('trends.interventions'), numeric: true, cell: ({ i }) => count(series.interventions[i]) },
              ]}
            />
          }
        >
          <p className="hint">{t('trends.brushHint')}</p>
          {partialRows.length > 0 && (
            <p className="hint" role="note" data-testid="trend-partial">
              {t('trends.partialBuckets', { periods: partialRows.map(({ b, i }) => `${b.label} (${t('trends.partialBucket', { covered: series!.covered[i], days: b.to - b.from + 1 })})`).join(', ') })}
            </p>
          )}
        </ChartPanel>
      )}

      <ChartPanel
        title={t('trends.weekHourTitle')}
        testId="panel-week-hour"
        fileName="veckodag-timme"
        chart={(ref) => <EChart testId="chart-week-hour" label={t('trends.weekHourTitle')} option={weekHourOption(matrix, dayNames, language, hidden, rule ? protectedLabel(language) : hidden)} height={300} exportRef={ref} />}
        csv={() => ({ header: [t('trends.weekday'), ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}–${String(h + 1).padStart(2, '0')}`), ...(untimed ? [t('trends.noTime')] : [])], rows: matrix.map((row, d) => [dayNames[d], ...row.map((v) => csvCount(v, rule, language))]) })}
        table={
          <DataTable
            caption={t('trends.weekHourTitle')}
            rows={matrix.map((row, d) => ({ row, d }))}
            rowKey={({ d }) => String(d)}
            columns={[{ key: 'day', header: t('trends.weekday'), cell: ({ d }) => dayNames[d] }, ...Array.from({ length: untimed ? NO_TIME_COLUMN + 1 : 24 }, (_, h) => ({ key: `h${h}`, header: h === NO_TIME_COLUMN ? t('trends.noTime') : String(h).padStart(2, '0'), numeric: true, cell: ({ row }: { row: PublishedCount[] }) => count(row[h]) }))]}
          />
        }
      >
        {untimed && <p className="hint" data-testid="week-hour-untimed">{t('trends.noTimeNote')}</p>}
      </ChartPanel>

      <BeforeAfterPanel />
    </Page>
  );
}
