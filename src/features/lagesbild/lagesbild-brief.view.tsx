// "I korthet" (#19 item 1): the picture a leader reads in two minutes, on one A4 page — the period, the key figures
// against the period before and last year, the generated summary, the top hot spots with a small map, the promises'
// verdicts and the analyst's assessment. Printed alone ("Skriv ut I korthet": body.print-brief, A4 portrait); on
// screen it is not shown (the full lägesbild holds the same, in more detail). Public view applies: it draws the same
// published report.
import type { TFunction } from 'i18next';
import { formatPeriod } from '../../analysis/periods/report-periods';
import { VerdictBadge } from '../../analysis/goals/verdict-badge.view';
import { dateOfEpochDay, isoDateOfEpochDay } from '../../lib/epoch-day';
import { formatDate, type Language } from '../../lib/format';
import { formatShownCount } from '../../lib/disclosure/format-count';
import { FigureCard } from './lagesbild-document.view';
import { hotSpotStatusText } from './lagesbild-hot-spot-table.view';
import { CoverageNote, SurroundingsOnlyNote } from './report-notes.view';
import { figureCategories, goalVerdictText, hotSpotWeeks, type LagesbildReport } from './lagesbild.model';
import { GroupSwatch, ReportMap } from './report-map.view';
import { markerLetter, type AreaOutline } from './report-map.model';

/** Hot spots and categories the brief names: enough for two minutes, few enough for one page. */
const BRIEF_HOT_SPOTS = 3;
const BRIEF_CATEGORIES = 3;
/** The assessment's length on the one page; a longer one is cut at a word and says where the rest is. */
export const BRIEF_ASSESSMENT_CHARS = 1_200;

/** The assessment as the brief shows it: whole, or cut at a word before `max` characters (`cut` true). */
export function briefAssessment(text: string, max = BRIEF_ASSESSMENT_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max);
  const space = head.search(/\s\S*$/);
  return { text: `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()} …`, cut: true };
}

export function LagesbildBrief({ report, summary, assessment, outlines, t, language, headingRef }: {
  report: LagesbildReport; summary: string[]; assessment: string; outlines: AreaOutline[]; t: TFunction; language: Language;
  /** The presentation focuses the heading when its slide comes up (a screen reader then reads where the talk is). */
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const shown = briefAssessment(assessment);
  const p = report.periods;
  const spots = report.hotSpots.status === 'ok' ? report.hotSpots.rows.slice(0, BRIEF_HOT_SPOTS) : [];
  // The brief's few rows' cells, and the cells the note below counts (on the map without a letter): a tester read the
  // note with no such cell on the brief's map.
  const cells = report.hotSpots.cells.filter((c) => (c.row >= 0 && c.row < BRIEF_HOT_SPOTS) || c.unlisted);
  return (
    <section className="lb-brief" data-testid="lb-brief" aria-label={t('lagesbild.brief')}>
      <header>
        <h1 ref={headingRef} tabIndex={headingRef ? -1 : undefined}>{t('lagesbild.brief')} · {formatPeriod(p.period, language)}</h1>
        <p className="lb-range">{formatDate(dateOfEpochDay(p.current.from))} – {formatDate(dateOfEpochDay(p.current.to))}{report.source !== undefined ? ` · ${t('lagesbild.sourceLine', { source: report.source })}` : ''}</p>
        <CoverageNote report={report} t={t} />
        {report.rule && <p className="lb-public">{t('disclosure.note', { k: report.rule.k })}</p>}
      </header>
      <div className="lb-figures">
        <FigureCard label={t('lagesbild.allIncidents')} f={report.total} report={report} t={t} language={language} />
        <FigureCard label={t('lagesbild.interventions')} f={report.interventionTotal} report={report} t={t} language={language} />
        {figureCategories(report, BRIEF_CATEGORIES).map((c) => <FigureCard key={c.name} label={c.name ?? '–'} f={c} report={report} t={t} language={language} />)}
      </div>
      <h2>{t('lagesbild.summary')}</h2>
      {summary.map((s, i) => <p key={i}>{s}</p>)}
      <div className="lb-brief-columns">
        <div>
          <h2>{t('lagesbild.hotSpots')}</h2>
          {spots.length > 0 && <p className="hint" data-testid="lb-brief-hot-spot-weeks">{t('lagesbild.hotSpotCountsOf', { period: hotSpotWeeks(report, language) })}</p>}
          {spots.length ? (
            <ol className="plain">
              {spots.map((r, i) => (
                <li key={`${r.group}-${r.name}`}><GroupSwatch group={r.group} /> {markerLetter(i)} {r.name} – {t(`lagesbild.group.${r.group}`)}, {formatShownCount(r.current, report.rule, language)}</li>
              ))}
            </ol>
          ) : (
            // "No hot spots" only where the analysis ran and found none; otherwise why it did not run (no positions, too
            // few weeks …): the I korthet slide said "Inga hot spots i perioden" of events without positions (helper-62).
            <p data-testid="lb-brief-no-hot-spots">{report.hotSpots.status === 'ok' ? t('lagesbild.noHotSpots') : hotSpotStatusText(report, t)}</p>
          )}
          {/* The page lists the first few; the rest are counted, not left out without a word (a tester's one-page print
              showed 3 of 7, the fourth tied with the third). */}
          {report.hotSpots.status === 'ok' && report.hotSpots.rows.length > BRIEF_HOT_SPOTS && (
            <p className="hint" data-testid="lb-brief-more-hot-spots">{t('lagesbild.briefMoreHotSpots', { count: report.hotSpots.rows.length - BRIEF_HOT_SPOTS })}</p>
          )}
          <SurroundingsOnlyNote report={report} t={t} language={language} />
          {report.hotSpots.status === 'ok' && cells.length > 0 && (
            <ReportMap extent={report.hotSpots.extent} cells={cells} letters={BRIEF_HOT_SPOTS} size={report.hotSpots.size} outlines={outlines} label={t('lagesbild.mapLabel', { period: formatPeriod(p.period, language) })} t={t} testId="lb-brief-map" textScale={2} publicK={report.rule?.k ?? null} />
          )}
        </div>
        <div>
          <h2>{t('lagesbild.goals')}</h2>
          {report.goalsLatestInPublic && <p className="hint" data-testid="lb-brief-goals-as-of">{t('lagesbild.goalsAsOf', { date: isoDateOfEpochDay(report.goalsAsOf) })}</p>}
          {report.goals.length ? (
            <ul className="plain">
              {/* A goal without numbers says why ("Inte påbörjat …"), not an empty badge. */}
              {report.goals.map((g) => <li key={g.id}>{g.evaluated ? <VerdictBadge verdict={g.verdict} withheld={g.withheld} k={report.rule?.k ?? null} t={t} ended={g.ended} /> : <span className="hint">{goalVerdictText(g, t, report.rule)}</span>} {g.title}</li>)}
            </ul>
          ) : <p>{t('lagesbild.noGoals')}</p>}
          <h2>{t('lagesbild.assessment')}</h2>
          {assessment ? <p className="lb-assessment">{shown.text}{shown.cut && <span className="hint"> {t('lagesbild.assessmentContinues')}</span>}</p> : <p className="hint">{t('lagesbild.noAssessment')}</p>}
        </div>
      </div>
    </section>
  );
}
