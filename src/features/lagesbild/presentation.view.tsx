// Presentation: the lägesbild as full-screen slides for the annual joint conference — large type, black on
// white, driven by the keyboard or a clicker, and with public view (small counts hidden) on from the start.
import { formatPeriod } from '../../analysis/periods/report-periods';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useDatabase } from '../../hooks/use-database';
import { useDayExtent } from '../../hooks/use-day-extent';
import { DisclosureContext, useStoredDisclosure } from '../../lib/disclosure/disclosure-store';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { readAssessment } from '../../data/assessments';
import { DevelopmentChart } from './development-chart.view';
import { CountTable, FIGURE_CATEGORIES, FigureCard, GoalsTable, HOT_SPOT_ROWS, HotSpotTable } from './lagesbild-document.view';
import { defaultReportPeriod, reportPeriodKey, type ReportPeriod } from '../../analysis/periods/report-periods';
import { initialUnit, periodFromUrl } from './report-period-choice';
import { summaryParagraphs } from './lagesbild-summary';
import type { LagesbildReport } from './lagesbild.model';
import { ReportMap } from './report-map.view';
import { useAreaOutlines, useLagesbildReport } from './use-lagesbild';
import { SLIDES, commandForKey, moveSlide, type Slide } from './slides';
import './lagesbild.css';
import './presentation.css';

export function PresentationPage() {
  const stored = useStoredDisclosure();
  // On by default here whatever the analyst's own setting: the room is wider than the analyst group.
  const [publicOn, setPublicOn] = useState(true);
  return (
    <DisclosureContext.Provider value={{ k: stored.k, rule: publicOn ? { k: stored.k } : null }}>
      <Presentation publicOn={publicOn} onPublicChange={setPublicOn} k={stored.k} />
    </DisclosureContext.Provider>
  );
}

const IGNORED_TARGETS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A']);

function Presentation({ publicOn, onPublicChange, k }: { publicOn: boolean; onPublicChange: (on: boolean) => void; k: number }) {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const [, navigate] = useLocation();
  const extent = useDayExtent();
  const [chosen] = useState<ReportPeriod | null>(periodFromUrl);
  const period = chosen ?? (extent ? defaultReportPeriod(initialUnit(), extent.to, extent.from) : null);
  const state = useLagesbildReport(period);
  const outlines = useAreaOutlines();
  const [index, setIndex] = useState(0);
  const [assessment, setAssessment] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${t('pages.presentation')} – ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (!period) return;
    let live = true;
    void readAssessment(database, reportPeriodKey(period)).then((a) => live && setAssessment(a.text));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, period && reportPeriodKey(period)]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const command = commandForKey(e.key, e.shiftKey);
      // A focused control keeps its own keys (space ticks a checkbox); Esc always leaves.
      if (command !== 'exit' && target && IGNORED_TARGETS.has(target.tagName)) return;
      if (!command) return;
      e.preventDefault();
      if (command === 'exit') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else navigate('/lagesbild');
      } else if (command === 'fullscreen') {
        toggleFullscreen(container.current);
      } else setIndex((i) => moveSlide(i, command, SLIDES.length));
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [navigate]);

  // Move focus to the new slide's heading, so a screen reader reads where the talk is (not on first show).
  useEffect(() => {
    if (first.current) { first.current = false; container.current?.focus(); return; }
    heading.current?.focus();
  }, [index]);

  const slide = SLIDES[index];
  const report = state.status === 'ready' ? state.report : null;
  return (
    <div className="presentation" ref={container} tabIndex={-1} data-testid="presentation" data-slide={slide} role="region" aria-roledescription={t('presentation.roledescription')} aria-label={t('pages.presentation')}>
      <div className="slide" role="group" key={slide} data-testid={`slide-${slide}`} aria-roledescription={t('presentation.slide')} aria-label={t('presentation.slideOf', { n: index + 1, total: SLIDES.length })}>
        {state.status === 'pending' && <p role="status">{t('app.loading')}</p>}
        {state.status === 'error' && <p role="alert">{t('errors.queryFailed', { message: state.message })}</p>}
        {report && <SlideContent slide={slide} report={report} assessment={assessment} outlines={outlines} heading={heading} datasetName={database.meta.dataset === 'example' ? t('lagesbild.exampleName') : ''} />}
      </div>
      <div className="presentation-controls" role="toolbar" aria-label={t('presentation.controls')}>
        <button type="button" onClick={() => setIndex((i) => moveSlide(i, 'previous', SLIDES.length))} disabled={index === 0}>{t('presentation.previous')}</button>
        <span aria-live="polite" data-testid="slide-counter" data-not-count="">{t('presentation.slideOf', { n: index + 1, total: SLIDES.length })}</span>
        <button type="button" onClick={() => setIndex((i) => moveSlide(i, 'next', SLIDES.length))} disabled={index === SLIDES.length - 1}>{t('presentation.next')}</button>
        <button type="button" onClick={() => toggleFullscreen(container.current)}>{t('presentation.fullscreen')}</button>
        <label className="presentation-public">
          <input type="checkbox" checked={publicOn} onChange={(e) => onPublicChange(e.target.checked)} data-testid="presentation-public" />
          {t('disclosure.switchLabel')} (&lt;{k})
        </label>
        <button type="button" onClick={() => navigate('/lagesbild')}>{t('presentation.exit')}</button>
        <span className="presentation-keys">{t('presentation.keys')}</span>
      </div>
    </div>
  );
}

function toggleFullscreen(element: HTMLElement | null): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void element?.requestFullscreen?.().catch(() => undefined);
}

interface SlideProps {
  slide: Slide;
  report: LagesbildReport;
  assessment: string;
  outlines: ReturnType<typeof useAreaOutlines>;
  heading: React.RefObject<HTMLHeadingElement | null>;
  datasetName: string;
}

function SlideContent({ slide, report, assessment, outlines, heading, datasetName }: SlideProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const p = report.periods;
  const period = formatPeriod(p.period, language);
  const h = (text: string) => <h2 ref={heading} tabIndex={-1}>{text}</h2>;
  switch (slide) {
    case 'title':
      return (
        <div className="slide-title">
          <p className="slide-kicker">{datasetName || t('app.name')}</p>
          {h(`${t('pages.lagesbild')} ${period}`)}
          <p>{formatDate(dateOfEpochDay(p.current.from))} – {formatDate(dateOfEpochDay(p.current.to))}</p>
          {report.rule && <p className="slide-public" data-testid="slide-public-note">{t('disclosure.note', { k: report.rule.k })}</p>}
        </div>
      );
    case 'summary':
      return (
        <>
          {h(t('lagesbild.summary'))}
          {summaryParagraphs(report, language).map((s, i) => <p key={i}>{s}</p>)}
          {assessment && <><h3>{t('lagesbild.assessment')}</h3><p className="lb-assessment">{assessment}</p></>}
        </>
      );
    case 'figures':
      return (
        <>
          {h(`${t('lagesbild.figures')} ${period}`)}
          <div className="lb-figures">
            <FigureCard label={t('lagesbild.allIncidents')} f={report.total} report={report} t={t} language={language} testId="slide-total" />
            <FigureCard label={t('lagesbild.interventions')} f={report.interventionTotal} report={report} t={t} language={language} />
            {report.categories.slice(0, FIGURE_CATEGORIES).map((c) => <FigureCard key={c.name} label={c.name ?? '–'} f={c} report={report} t={t} language={language} />)}
          </div>
          <p className="lb-footnote">{t('lagesbild.testNote')}</p>
        </>
      );
    case 'development':
      return <>{h(t('lagesbild.development'))}<DevelopmentChart report={report} large /></>;
    case 'map':
      return (
        <>
          {h(`${t('lagesbild.hotSpots')} ${period}`)}
          {report.hotSpots.status === 'ok' ? (
            <div className="slide-map">
              <ReportMap extent={report.hotSpots.extent} cells={report.hotSpots.cells} letters={HOT_SPOT_ROWS} size={report.hotSpots.size} outlines={outlines} label={t('lagesbild.mapLabel', { period })} t={t} />
              {report.hotSpots.rows.length + report.hotSpots.recurring.cells > 0 ? <HotSpotTable report={report} t={t} language={language} /> : <p>{t('lagesbild.noHotSpots')}</p>}
            </div>
          ) : <p>{t('lagesbild.hotSpotsTooFew')}</p>}
        </>
      );
    case 'categories':
      return (
        <>
          {h(`${t('lagesbild.categories')} ${period}`)}
          <div className="slide-columns">
            <CountTable caption={t('lagesbild.categories')} nameHeader={t('overview.category')} rows={report.categories.slice(0, 8)} report={report} t={t} language={language} testId="slide-categories-table" lastYear={false} />
            <CountTable caption={t('lagesbild.interventionsDone')} nameHeader={t('lagesbild.type')} rows={report.interventions} report={report} t={t} language={language} testId="slide-interventions-table" lastYear={false} />
          </div>
        </>
      );
    case 'goals':
      return <>{h(t('lagesbild.goals'))}{report.goals.length ? <GoalsTable report={report} t={t} language={language} /> : <p>{t('lagesbild.noGoals')}</p>}</>;
  }
}
