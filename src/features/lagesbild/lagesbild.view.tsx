// Lägesbild: the picture leaders read in minutes. One period of the group's rhythm — a week, two weeks (default), a
// month, a tertial or a quarter; the choice is remembered and in the link — by default the latest the data fully
// covers, stepped back and forth; key figures against the period before and last year, the hot-spot
// map, places, interventions, goals and a summary written from the numbers — printable, exportable, presentable.
import { useMissingSource } from '../../hooks/use-missing-source';
import { REPORT_UNITS, canStepPeriod, defaultReportPeriod, formatPeriod, reportPeriodKey, shiftPeriod, type ReportPeriod, type ReportUnit } from '../../analysis/periods/report-periods';
import { URL_PARAM, initialUnit, periodFromUrl, rememberUnit } from './report-period-choice';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { useFilterState } from '../../hooks/use-filter-state';
import { setFilter } from '../../data/selections';
import { useDayExtent } from '../../hooks/use-day-extent';
import { downloadText, toExcelCsv } from '../../lib/excel-csv';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { type Language } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { A4_PORTRAIT_PRINTABLE_PX, fitZoom } from '../../lib/fit-zoom';
import { AssessmentEditor } from './assessment-editor.view';
import { LagesbildDocument } from './lagesbild-document.view';
import { LagesbildBrief } from './lagesbild-brief.view';
import { exportFileName, lagesbildCsvRows, standaloneHtml } from './lagesbild-export';
import { summaryParagraphs } from './lagesbild-summary';
import type { LagesbildReport } from './lagesbild.model';
import { DevelopmentChart } from './development-chart.view';
import { PanelPng } from './panel-png.view';
import { useAreaOutlines, useLagesbildReport } from './use-lagesbild';
import { ReportStreetsContext, useReportStreets } from './use-report-streets';
import type { ReportStreets } from './report-streets.model';
import type { AreaOutline } from './report-map.model';
import type { TFunction } from 'i18next';
import { sourceLabel } from '../../lib/source-label';
import './lagesbild.css';

function writePeriodToUrl(p: ReportPeriod): void {
  const url = new URL(location.href);
  url.searchParams.set(URL_PARAM, reportPeriodKey(p));
  history.replaceState(history.state, '', url.href);
}



async function exportHtml(report: LagesbildReport, summary: string[], assessment: string, outlines: AreaOutline[], streets: ReportStreets | null, t: TFunction, language: Language, datasetName: string) {
  // Loaded on demand: the page itself never needs server rendering or the stylesheet as text.
  const [{ renderToStaticMarkup }, css] = await Promise.all([import('react-dom/server'), import('./lagesbild.css?raw').then((m) => m.default as string)]);
  const body = renderToStaticMarkup(
    <ReportStreetsContext.Provider value={streets}>
      <LagesbildDocument report={report} summary={summary} assessment={assessment} outlines={outlines} t={t} language={language} datasetName={datasetName} standalone />
    </ReportStreetsContext.Provider>,
  );
  const title = `${t('pages.lagesbild')} ${formatPeriod(report.periods.period, language)}`;
  downloadText(exportFileName(report, 'html'), standaloneHtml(body, css, title, language), 'text/html;charset=utf-8');
}

export function LagesbildPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database } = useDatabase();
  const { source } = useFilterState();
  const missingSource = useMissingSource();
  const extent = useDayExtent();
  const [unit, setUnit] = useState<ReportUnit>(initialUnit);
  const [chosen, setChosen] = useState<ReportPeriod | null>(periodFromUrl);
  // A link whose period is not one (a typo, "2026-T9"): said once, instead of silently showing another period.
  const [badLinkPeriod] = useState(() => (periodFromUrl() ? null : new URLSearchParams(location.search).get(URL_PARAM)));
  const latest = extent ? defaultReportPeriod(unit, extent.to, extent.from) : null;
  const period = chosen ?? latest;
  const chooseUnit = (u: ReportUnit) => {
    rememberUnit(u);
    setUnit(u);
    setChosen(extent ? defaultReportPeriod(u, extent.to, extent.from) : null);
  };
  const state = useLagesbildReport(period);
  const outlines = useAreaOutlines();
  const streets = useReportStreets(state.status === 'ready' ? state.report.hotSpots : null, outlines);
  const [assessment, setAssessment] = useState('');
  const [exporting, setExporting] = useState(false);

  useEffect(() => { if (chosen) writePeriodToUrl(chosen); }, [chosen]);
  const latestKey = latest ? reportPeriodKey(latest) : null;
  useEffect(() => {
    if (badLinkPeriod !== null && !chosen && latest) writePeriodToUrl(latest);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [badLinkPeriod, chosen, latestKey]);

  const report = state.status === 'ready' ? state.report : null;
  const summary = useMemo(() => (report ? summaryParagraphs(report, language) : []), [report, language]);
  const datasetName = database.meta.dataset === 'example' ? t('lagesbild.exampleName') : '';

  const step = (n: number) => period && setChosen(shiftPeriod(period, n));
  const canBack = Boolean(period && extent && canStepPeriod(period, -1, extent));
  const canForward = Boolean(period && extent && canStepPeriod(period, 1, extent));

  // "I korthet" alone on one A4 page: the print style shows only the brief while body has this class.
  const printBrief = () => {
    document.body.classList.add('print-brief');
    // One sheet whatever the assessment's length: measured in the page layout, shrunk to fit (lib/fit-zoom.ts).
    const brief = document.querySelector<HTMLElement>('[data-testid=lb-brief]');
    if (brief) {
      brief.style.zoom = '';
      brief.style.zoom = String(fitZoom(brief.offsetHeight, A4_PORTRAIT_PRINTABLE_PX));
    }
    const done = () => {
      document.body.classList.remove('print-brief');
      if (brief) brief.style.zoom = '';
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  const downloadCsv = () => {
    if (!report) return;
    const { header, rows } = lagesbildCsvRows(report, t, language);
    downloadText(exportFileName(report, 'csv'), toExcelCsv(header, rows));
  };
  const downloadHtml = async () => {
    if (!report) return;
    setExporting(true);
    try { await exportHtml(report, summary, assessment, outlines, streets, t, language, datasetName); } finally { setExporting(false); }
  };

  return (
    <ReportStreetsContext.Provider value={streets}>
    <Page title={t('pages.lagesbild')}>
      <p className="lead no-print">{t('lagesbild.intro')}</p>
      {/* The source filter does not reach the lägesbild (it reads every row): with several sources, say so, so that a
          change driven by one source's reporting is not read as a change in incidents. */}
      {(database.sources.length > 1 || source !== undefined) && (
        <div className="lb-source no-print">
          <label>
            {t('filters.source')}{' '}
            <select value={source ?? ''} onChange={(e) => setFilter('source', e.target.value || undefined)} data-testid="lb-source">
              <option value="">{t('filters.allSources', { count: database.sources.length })}</option>
              {database.sources.map((s) => <option key={s.source} value={s.source}>{sourceLabel(s.source, t)}</option>)}
              {missingSource !== undefined && <option value={missingSource}>{sourceLabel(missingSource, t)}</option>}
            </select>
          </label>
          {/* A link's source that no loaded row has: every count below is 0 because of the link (a tester). */}
          {missingSource !== undefined && (
            <p className="warning" role="alert" data-testid="lb-source-not-found">{t('lagesbild.sourceNotFound', { source: sourceLabel(missingSource, t) })}</p>
          )}
          {source === undefined && (
            <p className="warning" role="note" data-testid="lb-sources-mixed">
              {t('lagesbild.sourcesMixed', { sources: database.sources.map((s) => sourceLabel(s.source, t)).join(', ') })}
            </p>
          )}
        </div>
      )}
      <div className="lb-toolbar no-print" role="toolbar" aria-label={t('lagesbild.toolbar')}>
        <label className="lb-unit">
          {t('lagesbild.unit')}{' '}
          <select value={unit} onChange={(e) => chooseUnit(e.target.value as ReportUnit)} data-testid="lb-unit">
            {REPORT_UNITS.map((u) => <option key={u} value={u}>{t(`lagesbild.unit_${u}`)}</option>)}
          </select>
        </label>
        <div className="lb-stepper">
          <button type="button" onClick={() => step(-1)} disabled={!canBack} aria-label={t('lagesbild.previousPeriod')} data-testid="period-back">◀</button>
          <output aria-live="polite" data-testid="period-label">{period ? formatPeriod(period, language) : '–'}</output>
          <button type="button" onClick={() => step(1)} disabled={!canForward} aria-label={t('lagesbild.nextPeriod')} data-testid="period-forward">▶</button>
          {chosen && latest && reportPeriodKey(chosen) !== reportPeriodKey(latest) && (
            <button type="button" onClick={() => setChosen(latest)}>{t('lagesbild.latest')}</button>
          )}
        </div>
        <button type="button" onClick={() => window.print()} disabled={!report} data-testid="print">{t('lagesbild.print')}</button>
        <button type="button" onClick={printBrief} disabled={!report} data-testid="print-brief">{t('lagesbild.printBrief')}</button>
        <button type="button" onClick={downloadCsv} disabled={!report} data-testid="export-csv">{t('lagesbild.exportCsv')}</button>
        <button type="button" onClick={() => void downloadHtml()} disabled={!report || exporting} data-testid="export-html">{t('lagesbild.exportHtml')}</button>
        <Link href="/presentation" className="button">{t('lagesbild.present')}</Link>
      </div>
      {extent === null && <p role="status">{t('lagesbild.noData')}</p>}
      {badLinkPeriod !== null && period && (
        <p className="warning" role="note" data-testid="lb-bad-link">{t('lagesbild.badLinkPeriod', { value: badLinkPeriod, shown: formatPeriod(period, language) })}</p>
      )}
      {/* A period typed into a link can lie outside the data: no report, and the page says why (useLagesbildReport). */}
      {state.status === 'outside-data' && (
        <p className="warning" role="alert" data-testid="lb-outside-data">{t('lagesbild.outsideData', { first: isoDateOfEpochDay(state.first), last: isoDateOfEpochDay(state.last) })}</p>
      )}
      {/* A period the data covers only in part says so in the document's own heading (CoverageNote), so that what is
          printed, saved or presented says it too. */}
      {extent !== null && state.status === 'pending' && <p className="hint" role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <p role="alert" className="error">{t('errors.queryFailed', { message: state.message })}</p>}
      {report && <LagesbildBrief report={report} summary={summary} assessment={assessment} outlines={outlines} t={t} language={language} />}
      {report && period && (
        <LagesbildDocument
          report={report}
          summary={summary}
          assessment={assessment}
          outlines={outlines}
          t={t}
          language={language}
          datasetName={datasetName}
          panelActions={(panel, title) => <PanelPng panel={panel} fileName={`${exportFileName(report, 'x').replace(/\.x$/, '')}-${panel}`} title={title} />}
          assessmentEditor={<AssessmentEditor periodKey={reportPeriodKey(period)} onSaved={setAssessment} />}
          developmentChart={<DevelopmentChart report={report} />}
        />
      )}
    </Page>
    </ReportStreetsContext.Provider>
  );
}
