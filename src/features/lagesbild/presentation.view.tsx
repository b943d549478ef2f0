// Presentation: the lägesbild as full-screen slides for the annual joint conference — large type, black on white,
// driven by the keyboard or a clicker, with public view (small counts hidden) on from the start. The speaker
// chooses, hides and orders the slides and writes a note per slide (saved with the period), and can open a
// presenter window (current and next slide, notes, time) that follows this one; the map slide zooms to a district.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { defaultReportPeriod, reportPeriodKey, type ReportPeriod } from '../../analysis/periods/report-periods';
import { PopupWindow } from '../../components/popup-window';
import { readAssessment } from '../../data/assessments';
import { readSlideDeck, writeSlideDeck } from '../../data/slide-decks';
import { useDatabase } from '../../hooks/use-database';
import { useDayExtent } from '../../hooks/use-day-extent';
import { DisclosureContext, useStoredDisclosure } from '../../lib/disclosure/disclosure-store';
import { PresenterView } from './presenter-view.view';
import { initialUnit, periodFromUrl } from './report-period-choice';
import { stepZoom, type MapZoom } from './report-map.model';
import { FittedSlide } from './slide-content.view';
import { SlideDeckEditor, type DeckOrigin } from './slide-deck-editor.view';
import { DEFAULT_DECK, arrangementOf, commandForKey, controlKeepsKey, moveSlide, normaliseDeck, shownSlides, type Slide, type SlideCommand, type SlideDeck } from './slides';
import { ReportStreetsContext, useReportStreets } from './use-report-streets';
import { sourceLabel } from '../../lib/source-label';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { useAreaOutlines, useLagesbildReport } from './use-lagesbild';
import './lagesbild.css';
import './presentation.css';

export function PresentationPage() {
  const stored = useStoredDisclosure();
  // On by default here whatever the analyst's own setting: the room is wider than the analyst group.
  const [publicOn, setPublicOn] = useState(true);
  // The slides cover the app; the app behind them is inert, so Tab never reaches a control no one can see.
  useEffect(() => {
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    return () => app?.removeAttribute('inert');
  }, []);
  return createPortal(
    <DisclosureContext.Provider value={{ k: stored.k, rule: publicOn ? { k: stored.k } : null }}>
      <Presentation publicOn={publicOn} onPublicChange={setPublicOn} k={stored.k} />
    </DisclosureContext.Provider>,
    document.body,
  );
}

function Presentation({ publicOn, onPublicChange, k }: { publicOn: boolean; onPublicChange: (on: boolean) => void; k: number }) {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const [, navigate] = useLocation();
  const extent = useDayExtent();
  const [chosen] = useState<ReportPeriod | null>(periodFromUrl);
  const period = chosen ?? (extent ? defaultReportPeriod(initialUnit(), extent.to, extent.from) : null);
  const periodKey = period ? reportPeriodKey(period) : null;
  const state = useLagesbildReport(period);
  const outlines = useAreaOutlines();
  const streets = useReportStreets(state.status === 'ready' ? state.report.hotSpots : null, outlines);
  const [deck, setDeck] = useState<{ deck: SlideDeck; origin: DeckOrigin } | null>(null);
  const [deckStatus, setDeckStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [current, setCurrent] = useState<Slide | null>(null);
  const [assessment, setAssessment] = useState('');
  const [zoom, setZoom] = useState<MapZoom | null>(null);
  const [editing, setEditing] = useState(false);
  const [presenter, setPresenter] = useState<'closed' | 'open' | 'blocked'>('closed');
  const container = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${t('pages.presentation')} – ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (!periodKey) return;
    let live = true;
    void readAssessment(database, periodKey).then((a) => live && setAssessment(a.text));
    void readSlideDeck(database, periodKey).then((stored) => {
      if (!live) return;
      const parsed = stored.json === null ? DEFAULT_DECK : normaliseDeck(safeJson(stored.json));
      setDeck({ deck: stored.own ? parsed : arrangementOf(parsed), origin: stored.json === null ? 'default' : stored.own ? 'own' : 'carried' });
    }).catch(() => live && setDeck({ deck: DEFAULT_DECK, origin: 'default' }));
    return () => { live = false; };
  }, [database, periodKey]);

  // No report (a link's source no row has, a period outside the data): one message, not a deck of slides that each
  // repeat it (a tester paged through seven).
  const noReport = state.status === 'source-missing' || state.status === 'outside-data';
  const slides = deck && !noReport ? shownSlides(deck.deck) : [];
  const index = Math.max(0, current ? slides.indexOf(current) : 0);
  const slide = slides[index] as Slide | undefined;

  // The latest deck, for updates that come in quick succession (a note saved as a checkbox is clicked): each
  // applies to what the one before made, and each is written (saves run in order on the one connection).
  const latestDeck = useRef<SlideDeck | null>(null);
  latestDeck.current = deck?.deck ?? null;
  const changeDeck = (update: (d: SlideDeck) => SlideDeck) => {
    const current = latestDeck.current;
    if (!periodKey || !current) return;
    const next = update(current);
    if (next === current) return;
    latestDeck.current = next;
    setDeck({ deck: next, origin: 'own' });
    setDeckStatus('saving');
    writeSlideDeck(database, periodKey, JSON.stringify(next)).then(() => setDeckStatus('saved'), () => setDeckStatus('error'));
  };

  // The keys of both windows: the audience's and the presenter's (a clicker may be paired with either).
  const command = useCallback((c: SlideCommand) => {
    if (c === 'exit') {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else navigate('/lagesbild');
    } else if (c === 'fullscreen') toggleFullscreen(container.current);
    else if (c === 'zoom-in' || c === 'zoom-out') setZoom((z) => stepZoom(z, c === 'zoom-in' ? 1 : -1));
    else if (c) setCurrent(slides[moveSlide(index, c, slides.length)] ?? null);
  }, [navigate, slides, index]);
  const onKey = useCallback((e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const c = commandForKey(e.key, e.shiftKey);
    // A focused control keeps its own keys (space ticks a checkbox); Esc always leaves. Zoom only on the map slide.
    if (!c || (c !== 'exit' && target && controlKeepsKey(target.tagName, target.getAttribute('type'), e.key))) return;
    if ((c === 'zoom-in' || c === 'zoom-out') && slide !== 'map') return;
    e.preventDefault();
    command(c);
  }, [command, slide]);
  useEffect(() => {
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onKey]);
  const [presenterWindow, setPresenterWindow] = useState<Window | null>(null);
  useEffect(() => {
    if (!presenterWindow) return;
    // Esc in the presenter's own window must not end the talk on the big screen.
    const onPresenterKey = (e: KeyboardEvent) => { if (e.key !== 'Escape') onKey(e); };
    presenterWindow.addEventListener('keydown', onPresenterKey);
    return () => presenterWindow.removeEventListener('keydown', onPresenterKey);
  }, [presenterWindow, onKey]);

  // Move focus to the new slide's heading, so a screen reader reads where the talk is (not on first show).
  useEffect(() => {
    if (!slide) return;
    if (first.current) { first.current = false; container.current?.focus(); return; }
    if (!editing) heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slide]);

  const report = state.status === 'ready' ? state.report : null;
  const datasetName = database.meta.dataset === 'example' ? t('lagesbild.exampleName') : '';
  const counter = slides.length ? t('presentation.slideOf', { n: index + 1, total: slides.length }) : '–';
  const noReportMessage = state.status === 'source-missing'
    ? t('lagesbild.sourceNotFoundNoReport', { source: sourceLabel(state.source, t) })
    : state.status === 'outside-data' ? t('presentation.outsideData', { first: isoDateOfEpochDay(state.first), last: isoDateOfEpochDay(state.last) }) : null;
  return (
    <ReportStreetsContext.Provider value={streets}>
    <div className={`presentation presentation-look${editing ? ' editing' : ''}`} ref={container} tabIndex={-1} data-testid="presentation" data-slide={slide ?? ''} role="region" aria-roledescription={t('presentation.roledescription')} aria-label={t('pages.presentation')}>
      <div className="slide" role="group" key={slide} data-testid={slide ? `slide-${slide}` : undefined} aria-roledescription={t('presentation.slide')} aria-label={counter}>
        {noReportMessage !== null && <p role="alert" data-testid={state.status === 'source-missing' ? 'presentation-source-not-found' : 'presentation-outside-data'}>{noReportMessage}</p>}
        {(state.status === 'pending' || (!noReport && state.status !== 'error' && !deck)) && <p role="status">{t('app.loading')}</p>}
        {state.status === 'error' && <p role="alert">{t('errors.queryFailed', { message: state.message })}</p>}
        {report && slide && <FittedSlide slide={slide} report={report} assessment={assessment} outlines={outlines} heading={heading} datasetName={datasetName} zoom={zoom} onZoom={setZoom} />}
      </div>
      {editing && deck && <SlideDeckEditor deck={deck.deck} origin={deck.origin} status={deckStatus} onChange={changeDeck} onClose={() => setEditing(false)} />}
      <div className="presentation-controls" role="toolbar" aria-label={t('presentation.controls')}>
        <button type="button" onClick={() => command('previous')} disabled={index === 0}>{t('presentation.previous')}</button>
        <span aria-live="polite" data-testid="slide-counter" data-not-count="">{counter}</span>
        <button type="button" onClick={() => command('next')} disabled={index >= slides.length - 1} data-testid="slide-next">{t('presentation.next')}</button>
        <button type="button" onClick={() => toggleFullscreen(container.current)}>{t('presentation.fullscreen')}</button>
        <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing} data-testid="deck-editor-open">{t('presentation.deck.open')}</button>
        <button type="button" onClick={() => setPresenter((p) => (p === 'open' ? 'closed' : 'open'))} aria-pressed={presenter === 'open'} data-testid="presenter-open">{t('presentation.presenter.open')}</button>
        {presenter === 'blocked' && <span role="alert">{t('presentation.presenter.blocked')}</span>}
        <label className="presentation-public">
          <input type="checkbox" checked={publicOn} onChange={(e) => onPublicChange(e.target.checked)} data-testid="presentation-public" />
          {t('disclosure.switchLabel')} (&lt;{k})
        </label>
        <button type="button" onClick={() => navigate('/lagesbild')}>{t('presentation.exit')}</button>
        <span className="presentation-keys">{t('presentation.keys')}</span>
      </div>
      {presenter === 'open' && (
        <PopupWindow
          name="lagesbild-presenter"
          title={`${t('presentation.presenter.title')} – ${counter}`}
          features="popup,width=1200,height=800"
          onOpen={(win) => { setPresenterWindow(win); if (!win) setPresenter('blocked'); }}
          onClose={() => { setPresenterWindow(null); setPresenter((p) => (p === 'blocked' ? p : 'closed')); }}
        >
          {report && slide ? (
            <PresenterView slides={slides} index={index} notes={deck?.deck.notes ?? {}} onMove={command} report={report} assessment={assessment} outlines={outlines} datasetName={datasetName} zoom={zoom} />
          ) : noReportMessage !== null ? <p role="alert" data-testid="presenter-no-report">{noReportMessage}</p> : <p>{t('app.loading')}</p>}
        </PopupWindow>
      )}
    </div>
    </ReportStreetsContext.Provider>
  );
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return null; }
}

function toggleFullscreen(element: HTMLElement | null): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void element?.requestFullscreen?.().catch(() => undefined);
}
