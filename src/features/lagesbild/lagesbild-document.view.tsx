// The lägesbild as a document: the same component draws the page, the printed A4 and the self-contained HTML
// file (through renderToStaticMarkup), so the three can't disagree. It takes everything as props — no hooks
// that need the app around it — and shows only aggregates from the published report.
import { formatPeriod } from '../../analysis/periods/report-periods';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { dateOfEpochDay, isoDateOfEpochDay } from '../../lib/epoch-day';
import { BASELINE_PERIODS } from './source-reports.model';
import { formatDate, formatDecimal, formatPercent, type Language } from '../../lib/format';
import { formatShownCount } from '../../lib/disclosure/format-count';
import type { PublishedCount } from '../../lib/disclosure/publish';
import { isPerDay, type CountChange } from '../../lib/statistics/count-change';
import { SurroundingsOnlyNote, CoverageNote } from './report-notes.view';
import { VerdictBadge } from '../../analysis/goals/verdict-badge.view';
import { categoryBoundaryText, figureCategories, goalVerdictText, hotSpotWeeks, placementShiftText, placesTiedText, type Figure, type LagesbildReport } from './lagesbild.model';
import { figureName, pooledRow, shownRows } from './published-rows.model';
import { ReportMap } from './report-map.view';
import type { AreaOutline } from './report-map.model';
import { sourceLabel } from '../../lib/source-label';
import { HOT_SPOT_ROWS, HotSpotTable, hotSpotStatusText } from './lagesbild-hot-spot-table.view';

export interface DocumentProps {
  report: LagesbildReport;
  summary: string[];
  assessment: string;
  outlines: AreaOutline[];
  t: TFunction;
  language: Language;
  /** Where the page puts its PNG buttons and the assessment editor; absent in the printed and exported copies. */
  panelActions?: (panel: string, title: string) => ReactNode;
  assessmentEditor?: ReactNode;
  /** The interactive development chart (with its table on demand); the static copies show the table. */
  developmentChart?: ReactNode;
  /** Name of the data set, for the exported file's heading. */
  datasetName?: string;
  /** The self-contained HTML file (exportHtml): its reader has neither the app nor the CSV, so no text points to them. */
  standalone?: boolean;
}

export const FIGURE_CATEGORIES = 4;

function ChangeText({ c, against, t, language }: { c: CountChange | null; against: string; t: TFunction; language: Language }) {
  if (!c) return <span className="lb-change">{t('lagesbild.noChange', { against })}</span>;
  const arrow = c.significant ? (c.z > 0 ? '▲ ' : '▼ ') : '';
  const pct = c.change === null ? '–' : formatPercent(c.change, language);
  return (
    <span className={`lb-change${c.significant ? ' lb-significant' : ''}`}>
      {arrow}{pct}{c.change !== null && isPerDay(c) ? ` ${t('lagesbild.perDay')}` : ''} {t('lagesbild.against', { against })}{c.significant ? ` (${t('lagesbild.significant')})` : ''}
    </span>
  );
}

/**
 * Public view, a period whose total is hidden ("<5", 0 included): its list is not shown either way. "Inga insatser
 * registrerade" beside a "<5" key figure said 0, and a listed type said at least 1 (a tester); as the Karta's side
 * panel, below k the breakdown is withheld.
 */
const breakdownHidden = (total: Figure) => total.current === null;

/**
 * The period's interventions by type — or, in public view below k, that they are hidden, or that there were none. The
 * page and the presentation's slide say the same (the slide drew an empty table under its header: a tester).
 */
export function InterventionsBreakdown({ report, t, language, testId, titled = false }: { report: LagesbildReport; t: TFunction; language: Language; testId: string; titled?: boolean }) {
  // `titled`: the text cases carry the table's caption as a title (a slide has no panel heading above them).
  const title = titled ? <strong>{t('lagesbild.interventionsDone')}: </strong> : null;
  if (breakdownHidden(report.interventionTotal)) return <p data-testid={`${testId}-hidden`}>{title}{t('lagesbild.breakdownHidden', { k: report.rule!.k })}</p>;
  // Public view lists only types with a count that is not small (shownRows): with none left, the types were all
  // small — not "none registered" beside a total of 9 (helper-63).
  const listed = report.rule ? shownRows(report.interventions, report.rule, (r) => [r.current, r.previous]) : report.interventions;
  if (report.rule && listed.length === 0) return <p data-testid={`${testId}-small`}>{title}{t('lagesbild.interventionTypesSmall', { k: report.rule.k })}</p>;
  if (report.interventions.length === 0) return <p data-testid={`${testId}-none`}>{title}{t('lagesbild.noInterventions')}</p>;
  return <CountTable caption={t('lagesbild.interventionsDone')} nameHeader={t('lagesbild.type')} rows={[...report.interventions, ...pooledRow(report, 'interventions')]} report={report} t={t} language={language} testId={testId} lastYear={false} />;
}

export function FigureCard({ label, f, report, t, language, testId }: { label: string; f: Figure; report: LagesbildReport; t: TFunction; language: Language; testId?: string }) {
  const p = report.periods;
  return (
    <div className="lb-figure">
      <div className="lb-figure-label">{label}</div>
      <div className="lb-figure-value" data-testid={testId}>{formatShownCount(f.current, report.rule, language)}</div>
      <div className="lb-figure-notes">
        <ChangeText c={f.vsPrevious} against={formatPeriod(p.previousPeriod, language)} t={t} language={language} />
        <ChangeText c={f.vsLastYear} against={formatPeriod(p.lastYearPeriod, language)} t={t} language={language} />
      </div>
    </div>
  );
}

function Panel({ id, title, children, actions, className }: { id: string; title: string; children: ReactNode; actions?: DocumentProps['panelActions']; className?: string }) {
  return (
    <section className={`lb-panel ${className ?? ''}`} data-panel={id} aria-labelledby={`lb-${id}-title`}>
      <div className="lb-panel-header">
        <h2 id={`lb-${id}-title`}>{title}</h2>
        {actions?.(id, title)}
      </div>
      {children}
    </section>
  );
}

/** Who reported in the period (source-reports.model.ts): reports, usual level, last day, state. */
function SourceTable({ report, t, language }: { report: LagesbildReport; t: TFunction; language: Language }) {
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('lagesbild.sources')}>
        <table className="data-table" data-testid="lb-sources">
          <caption>{t('lagesbild.sources')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lagesbild.sourceHeader')}</th>
              {/* Public view: no counts per source (source-reports.model.ts says how they gave hidden ones away). */}
              {!report.rule && <th scope="col" className="numeric">{formatPeriod(report.periods.period, language)}</th>}
              {/* A period the data covers in part: "usual" is scaled to the days covered (source-reports.model.ts), said so. */}
              {!report.rule && <th scope="col" className="numeric">{report.coverage ? t('lagesbild.sourceUsualDays', { count: report.coverage.covered }) : t('lagesbild.sourceUsual')}</th>}
              <th scope="col">{t('lagesbild.sourceLast')}</th>
              <th scope="col">{t('lagesbild.sourceStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sources.map((s) => (
              <tr key={s.source} data-status={s.status}>
                <th scope="row">{sourceLabel(s.source, t)}</th>
                {!report.rule && <td className="numeric">{formatShownCount(s.current, report.rule, language)}</td>}
                {!report.rule && <td className="numeric">{s.usual === null ? '–' : formatDecimal(s.usual, 1, language)}</td>}
                <td>{s.lastDay === null ? '–' : isoDateOfEpochDay(s.lastDay)}</td>
                <td className={s.status === 'silent' || s.status === 'low' || s.status === 'high' ? 'lb-flag' : undefined}>{t(`lagesbild.sourceStatus_${s.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="lb-footnote">{t('lagesbild.sourcesNote', { count: BASELINE_PERIODS })}{report.rule ? ` ${t('lagesbild.sourcesPublicNote')}` : ''}</p>
    </>
  );
}

/**
 * A period as a column header: it breaks at the space before the year only ("v. 45–46" over "2026"; at 500 px a
 * tester saw "v. / 45– / 46 2026"). A no-break space after "v." and word joiners around the dash.
 */
function headerPeriod(text: string): string {
  return text.replace(/(v\.|wk) /g, '$1\u00a0').replace(/–/g, '\u2060–\u2060');
}

export function CountTable({ caption, nameHeader, rows, report, t, language, testId, lastYear = true }: {
  caption: string; nameHeader: string; rows: Figure[]; report: LagesbildReport; t: TFunction; language: Language; testId: string; lastYear?: boolean;
}) {
  const p = report.periods;
  const n = (v: PublishedCount | undefined) => formatShownCount(v, report.rule, language);
  const pct = (c: CountChange | null) => (c && c.change !== null ? `${c.significant ? (c.z > 0 ? '▲ ' : '▼ ') : ''}${formatPercent(c.change, language)}` : '–');
  // Every row of a column compares the same two periods: the column says "per dag" when they differ in length.
  const changeHeader = (which: 'vsPrevious' | 'vsLastYear') => {
    const c = rows.find((r) => r[which])?.[which];
    return t(c && isPerDay(c) ? 'lagesbild.changePerDayHeader' : 'lagesbild.changeHeader');
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="numeric">{headerPeriod(formatPeriod(p.period, language))}</th>
            <th scope="col" className="numeric">{headerPeriod(formatPeriod(p.previousPeriod, language))}</th>
            <th scope="col" className="numeric">{changeHeader('vsPrevious')}</th>
            {lastYear && <th scope="col" className="numeric">{headerPeriod(formatPeriod(p.lastYearPeriod, language))}</th>}
            {lastYear && <th scope="col" className="numeric">{changeHeader('vsLastYear')}</th>}
          </tr>
        </thead>
        <tbody>
          {/* Without the last-year columns a row of 0 and 0 says nothing (it is there for last year's count: "Uppföljning
              brottsutsatt plats 0 0 –", a tester). Public view: a row of "<5 <5" likewise (the report lists a row with a
              count of k or more in some window, here perhaps last year's; lagesbild.model.ts shownRows). */}
          {/* The pooled row is always there (published-rows.model.ts), even when both its counts read "<5". */}
          {(lastYear ? rows : rows.filter((r) => r.pooled || (shownRows([r], report.rule, (f) => [f.current, f.previous]).length > 0 && (r.current !== 0 || r.previous !== 0)))).map((r) => (
            <tr key={r.pooled ? '∅pooled' : r.name ?? `∅${r.without ?? ''}`}>
              <th scope="row">{figureName(r, report, t)}</th>
              <td className="numeric">{n(r.current)}</td>
              <td className="numeric">{n(r.previous)}</td>
              <td className="numeric">{pct(r.vsPrevious)}</td>
              {lastYear && <td className="numeric">{n(r.lastYear)}</td>}
              {lastYear && <td className="numeric">{pct(r.vsLastYear)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DevelopmentTable({ report, t, language }: { report: LagesbildReport; t: TFunction; language: Language }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('lagesbild.development')}>
      <table className="data-table" data-testid="lb-development">
        <caption>{t('lagesbild.development')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lagesbild.period')}</th>
            <th scope="col" className="numeric">{t('lagesbild.allIncidents')}</th>
            <th scope="col" className="numeric">{t('lagesbild.sameLastYear')}</th>
          </tr>
        </thead>
        <tbody>
          {report.development.map((d) => (
            <tr key={d.period.from}>
              <th scope="row">{formatPeriod(d.period, language)}{d.partial && <span className="hint"> {t('lagesbild.partialPeriod', { covered: d.partial.covered, days: d.partial.days })}</span>}</th>
              <td className="numeric">{formatShownCount(d.current, report.rule, language)}</td>
              <td className="numeric">{formatShownCount(d.lastYear, report.rule, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GoalsTable({ report, t, language }: { report: LagesbildReport; t: TFunction; language: Language }) {
  const rule = report.rule;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('lagesbild.goals')}>
      <table className="data-table" data-testid="lb-goals">
        <caption>
          {t('lagesbild.goalsCaption', { date: formatDate(dateOfEpochDay(report.goalsAsOf)) })}
          {report.goalsLatestInPublic && <span className="caption-note" data-testid="lb-goals-latest"> {t('lagesbild.goalsLatestInPublic')}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('lagesbild.goal')}</th>
            <th scope="col">{t('lagesbild.verdict')}</th>
            <th scope="col" className="numeric">{t('goals.actual')}</th>
            <th scope="col" className="numeric">{t('goals.target')}</th>
          </tr>
        </thead>
        <tbody>
          {report.goals.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.title}</th>
              <td>{g.evaluated ? <VerdictBadge verdict={g.verdict} withheld={g.withheld} k={rule?.k ?? null} t={t} ended={g.ended} /> : goalVerdictText(g, t, rule)}</td>
              <td className="numeric">{g.evaluated ? formatShownCount(g.actual, rule, language) : '–'}</td>
              <td className="numeric" data-not-count={g.rule === 'increase' || g.rule === 'decrease' ? undefined : ''}>{g.evaluated ? formatShownCount(g.target, rule, language) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LagesbildDocument({ report, summary, assessment, outlines, t, language, panelActions, assessmentEditor, developmentChart, datasetName, standalone = false }: DocumentProps) {
  const p = report.periods;
  const range = `${formatDate(dateOfEpochDay(p.current.from))} – ${formatDate(dateOfEpochDay(p.current.to))}`;
  const topCategories = figureCategories(report, FIGURE_CATEGORIES);
  const mapCells = report.hotSpots.cells;
  const rule = report.rule;
  return (
    <article className="lb-document" data-testid="lagesbild-document">
      <header className="lb-heading">
        <p className="lb-kicker">{datasetName ? `${t('pages.lagesbild')} · ${datasetName}` : t('pages.lagesbild')}</p>
        <h2 className="lb-period" data-testid="lb-period">{formatPeriod(p.period, language)}</h2>
        <p className="lb-range">{range}</p>
        <CoverageNote report={report} t={t} />
        {report.source !== undefined && <p className="lb-source-line" data-testid="lb-source-line">{t('lagesbild.sourceLine', { source: sourceLabel(report.source, t) })}</p>}
        {rule && <p className="lb-public" data-testid="lb-public-note">{t('disclosure.note', { k: rule.k })}</p>}
      </header>

      <Panel id="summary" title={t('lagesbild.summary')} actions={panelActions} className="lb-wide">
        <div data-testid="lb-summary">{summary.map((s, i) => <p key={i}>{s}</p>)}</div>
        <h3>{t('lagesbild.assessment')}</h3>
        {assessmentEditor ?? (assessment ? <p className="lb-assessment">{assessment}</p> : <p className="hint">{t('lagesbild.noAssessment')}</p>)}
      </Panel>

      <Panel id="figures" title={t('lagesbild.figures')} actions={panelActions} className="lb-wide">
        <div className="lb-figures">
          <FigureCard label={t('lagesbild.allIncidents')} f={report.total} report={report} t={t} language={language} testId="lb-total" />
          <FigureCard label={t('lagesbild.interventions')} f={report.interventionTotal} report={report} t={t} language={language} testId="lb-interventions-total" />
          {topCategories.map((c) => <FigureCard key={c.name} label={c.name ?? '–'} f={c} report={report} t={t} language={language} />)}
        </div>
        <p className="lb-footnote">{t('lagesbild.testNote')}</p>
      </Panel>

      {report.sources.length > 0 && (
        <Panel id="sources" title={t('lagesbild.sources')} actions={panelActions} className="lb-wide">
          <SourceTable report={report} t={t} language={language} />
        </Panel>
      )}

      <Panel id="development" title={t('lagesbild.development')} actions={panelActions} className="lb-wide">
        {developmentChart ?? <DevelopmentTable report={report} t={t} language={language} />}
      </Panel>

      <Panel id="map" title={t('lagesbild.hotSpots')} actions={panelActions}>
        {report.hotSpots.status === 'ok' ? (
          <>
            <ReportMap extent={report.hotSpots.extent} cells={mapCells} letters={HOT_SPOT_ROWS} size={report.hotSpots.size} outlines={outlines} label={t('lagesbild.mapLabel', { period: formatPeriod(p.period, language) })} t={t} publicK={report.rule?.k ?? null} />
            <p className="lb-footnote">{t('lagesbild.hotSpotMethod', { steps: report.hotSpots.steps, size: report.hotSpots.size, last: hotSpotWeeks(report, language) })}</p>
          </>
        ) : (
          <p data-testid="lb-hot-spots-none">{hotSpotStatusText(report, t)}</p>
        )}
      </Panel>

      {report.hotSpots.status === 'ok' && (
        <Panel id="hot-spots" title={t('lagesbild.hotSpotTable', { period: hotSpotWeeks(report, language) })} actions={panelActions}>
          {report.hotSpots.rows.length + report.hotSpots.recurring.cells > 0 ? <HotSpotTable report={report} t={t} language={language} standalone={standalone} /> : <p>{t('lagesbild.noHotSpots')}</p>}
          <SurroundingsOnlyNote report={report} t={t} language={language} />
        </Panel>
      )}

      <Panel id="places" title={t('lagesbild.topPlaces')} actions={panelActions}>
        {breakdownHidden(report.total) ? <p data-testid="lb-places-hidden">{t('lagesbild.breakdownHidden', { k: report.rule!.k })}</p> : report.places.length ? (
          <>
            <CountTable caption={t('lagesbild.topPlaces')} nameHeader={t('lagesbild.place')} rows={report.places} report={report} t={t} language={language} testId="lb-places" lastYear={false} />
            {report.placesTied && <p className="lb-footnote" data-testid="lb-places-tied">{placesTiedText(report, t, language)}</p>}
          </>
        ) : report.placesTied ? <p data-testid="lb-places-tied">{placesTiedText(report, t, language)}</p> : <p>{t('lagesbild.noPlaces')}</p>}
      </Panel>

      <Panel id="categories" title={t('lagesbild.categories')} actions={panelActions} className="lb-wide">
        {report.categoryBoundaries.length > 0 && <p className="lb-warning" role="note" data-testid="lb-categories-boundaries">{categoryBoundaryText(report, t)}</p>}
        <CountTable caption={t('lagesbild.categories')} nameHeader={t('overview.category')} rows={[...report.categories, ...pooledRow(report, 'categories'), { ...report.total, name: t('lagesbild.total') }]} report={report} t={t} language={language} testId="lb-categories" />
      </Panel>

      <Panel id="areas" title={t('lagesbild.areas')} actions={panelActions}>
        {/* Above the table: it can be ~200 rows of "–" before the reason (a tester). */}
        {report.areaPlacementShift && <p className="lb-warning" role="note" data-testid="lb-areas-shift">{placementShiftText(report, t, language)}</p>}
        <CountTable caption={t('lagesbild.areas')} nameHeader={t('lagesbild.area')} rows={[...report.areas, ...pooledRow(report, 'areas')]} report={report} t={t} language={language} testId="lb-areas" lastYear={false} />
        {/* The CSV has last year's column too, and so the areas with incidents only then (helper-65 wondered why it differed). */}
        <p className="lb-footnote" data-testid="lb-areas-last-year">{t(standalone ? 'lagesbild.areasNoLastYearStandalone' : 'lagesbild.areasNoLastYear')}</p>
        {report.areasAlsoElsewhere && <p className="lb-footnote" data-testid="lb-areas-note">{t('lagesbild.areasAlsoElsewhere')}</p>}
      </Panel>

      <Panel id="interventions" title={t('lagesbild.interventionsDone')} actions={panelActions}>
        <InterventionsBreakdown report={report} t={t} language={language} testId="lb-interventions" />
      </Panel>

      <Panel id="goals" title={t('lagesbild.goals')} actions={panelActions} className="lb-wide">
        {report.goals.length ? <GoalsTable report={report} t={t} language={language} /> : <p>{t('lagesbild.noGoals')}</p>}
      </Panel>

      <footer className="lb-method">
        <p>{t('lagesbild.methodNote', { previous: formatPeriod(p.previousPeriod, language), lastYear: formatPeriod(p.lastYearPeriod, language) })}</p>
        {rule && <p>{t('disclosure.method', { k: rule.k })}</p>}
      </footer>
    </article>
  );
}
