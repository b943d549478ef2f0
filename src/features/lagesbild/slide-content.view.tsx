// One slide of the presentation, drawn from the published lägesbild report: the audience window shows it full size,
// the presenter window shows the current and the next one small (same component, so both always agree).
import { formatPeriod } from '../../analysis/periods/report-periods';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fitZoom } from '../../lib/fit-zoom';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { DevelopmentChart } from './development-chart.view';
import { LagesbildBrief } from './lagesbild-brief.view';
import { CountTable, FIGURE_CATEGORIES, FigureCard, GoalsTable, InterventionsBreakdown } from './lagesbild-document.view';
import { HotSpotTable, hotSpotStatusText } from './lagesbild-hot-spot-table.view';
import { SurroundingsOnlyNote } from './report-notes.view';
import { summaryParagraphs } from './lagesbild-summary';
import { categoryBoundaryText, figureCategories, hotSpotWeeks, type LagesbildReport } from './lagesbild.model';
import type { AreaOutline, MapZoom } from './report-map.model';
import { SlideMap } from './slide-map.view';
import type { Slide } from './slides';

/** Categories on the categories slide; the rest are counted under the table. */
const SLIDE_CATEGORIES = 8;

export interface SlideProps {
  slide: Slide;
  report: LagesbildReport;
  assessment: string;
  outlines: AreaOutline[];
  /** The audience window's heading takes focus on a new slide; previews pass none. */
  heading?: React.RefObject<HTMLHeadingElement | null>;
  datasetName: string;
  /** The map slide's zoom, shared by the audience and presenter windows; without onZoom no zoom controls show. */
  zoom: MapZoom | null;
  onZoom?: (zoom: MapZoom | null) => void;
}

/**
 * A slide shrunk to the box around it (CSS zoom, lib/fit-zoom.ts) when its content is taller — a long assessment
 * on I korthet or the summary, a small projector — so nothing is under the control bar or needs scrolling.
 */
export function FittedSlide(props: SlideProps) {
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = body.current;
    const box = el?.parentElement;
    if (!el || !box) return;
    const apply = () => {
      const style = getComputedStyle(box);
      el.style.zoom = '';
      el.style.zoom = String(fitZoom(el.offsetHeight, box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)));
    };
    apply();
    // The window's own ResizeObserver: the presenter window's copies live in another document.
    const Observer = (box.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver ?? ResizeObserver;
    const observer = new Observer(apply);
    observer.observe(box);
    observer.observe(el);
    return () => observer.disconnect();
  }, [props.slide, props.report, props.assessment, props.zoom]);
  return <div className="slide-body" ref={body}><SlideContent {...props} /></div>;
}

export function SlideContent({ slide, report, assessment, outlines, heading, datasetName, zoom, onZoom }: SlideProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const p = report.periods;
  const period = formatPeriod(p.period, language);
  const h = (text: string) => <h2 ref={heading} tabIndex={-1}>{text}</h2>;
  switch (slide) {
    case 'brief':
      return <LagesbildBrief report={report} summary={summaryParagraphs(report, language)} assessment={assessment} outlines={outlines} t={t} language={language} headingRef={heading} />;
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
            {figureCategories(report, FIGURE_CATEGORIES).map((c) => <FigureCard key={c.name} label={c.name ?? '–'} f={c} report={report} t={t} language={language} />)}
          </div>
          <p className="lb-footnote">{t('lagesbild.testNote')}</p>
        </>
      );
    case 'development':
      return <>{h(t('lagesbild.development'))}<DevelopmentChart report={report} large /></>;
    case 'map':
      return (
        <>
          {/* The hot spots are judged at the analysis's latest two weeks, not over the whole period: the title says which. */}
          {h(report.hotSpots.status === 'ok' ? t('lagesbild.hotSpotTable', { period: hotSpotWeeks(report, language) }) : `${t('lagesbild.hotSpots')} ${period}`)}
          {report.hotSpots.status === 'ok' ? (
            <div className="slide-map">
              <SlideMap report={report} outlines={outlines} period={period} zoom={zoom} onZoom={onZoom} />
              {report.hotSpots.rows.length + report.hotSpots.recurring.cells > 0 ? <HotSpotTable report={report} t={t} language={language} /> : <p>{t('lagesbild.noHotSpots')}</p>}
              <SurroundingsOnlyNote report={report} t={t} language={language} />
            </div>
          ) : <p>{hotSpotStatusText(report, t)}</p>}
        </>
      );
    case 'categories':
      return (
        <>
          {h(`${t('lagesbild.categories')} ${period}`)}
          <div className="slide-columns">
            <div>
              <CountTable caption={t('lagesbild.categories')} nameHeader={t('overview.category')} rows={report.categories.slice(0, SLIDE_CATEGORIES)} report={report} t={t} language={language} testId="slide-categories-table" lastYear={false} />
              {/* The rest are counted, not dropped without a word (a tester missed two "<5" categories cut by name). */}
              {report.categories.length > SLIDE_CATEGORIES && <p className="lb-footnote" data-testid="slide-categories-more" data-not-count>{t('lagesbild.moreCategories', { count: report.categories.length - SLIDE_CATEGORIES })}</p>}
              {/* The slide shows the change against the period before only: a category the export renamed then is said. */}
              {report.categoryBoundaries.some((b) => b.previous) && <p className="lb-footnote" data-testid="slide-categories-boundaries" data-not-count>{categoryBoundaryText(report, t, 'previous')}</p>}
            </div>
            <InterventionsBreakdown report={report} t={t} language={language} testId="slide-interventions-table" titled />
          </div>
        </>
      );
    case 'goals':
      return <>{h(t('lagesbild.goals'))}{report.goals.length ? <GoalsTable report={report} t={t} language={language} /> : <p>{t('lagesbild.noGoals')}</p>}</>;
  }
}
