// The speaker arranges the talk: which slides are shown, in what order, and a note per slide (read in the presenter
// window). Every change is saved with the period at once; notes a moment after the last key, when the field is
// left and when the page goes. "Standardordning" puts the default deck back, and Ångra takes back the last change.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveWarning } from '../../hooks/use-leave-warning';
import { DEFAULT_DECK, MAX_NOTE_LENGTH, moveInDeck, setSlideNote, setSlideShown, shownSlides, type Slide, type SlideDeck } from './slides';

/** How long after the last key a note is saved. */
const NOTE_SAVE_DELAY_MS = 600;

/** Where the deck came from: this period's own, carried from the period arranged last (notes left behind), or none saved. */
export type DeckOrigin = 'own' | 'carried' | 'default';

interface Props {
  deck: SlideDeck;
  origin: DeckOrigin;
  status: 'idle' | 'saving' | 'saved' | 'error';
  /** Called with an update of the latest deck (never a copy of an older one: two quick changes both count). */
  onChange: (update: (deck: SlideDeck) => SlideDeck) => void;
  onClose: () => void;
}

export function SlideDeckEditor({ deck, origin, status, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [previous, setPrevious] = useState<SlideDeck | null>(null);
  // Notes are saved while typed (a moment after the last key) and when the panel closes or the page is left, so
  // a reload or a change of period never loses one; the draft shows what is typed meanwhile.
  const [drafts, setDrafts] = useState<Partial<Record<Slide, string>>>({});
  const pending = useRef<Partial<Record<Slide, string>>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const change = (update: (d: SlideDeck) => SlideDeck) => {
    onChange((current) => {
      const next = update(current);
      if (next !== current) setPrevious(current);
      return next;
    });
  };
  const flushNotes = useRef(() => {});
  flushNotes.current = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const notes = pending.current;
    pending.current = {};
    setDrafts({});
    if (Object.keys(notes).length === 0) return;
    change((d) => Object.entries(notes).reduce((acc, [slide, text]) => ((acc.notes[slide as Slide] ?? '').trim() === text.trim() ? acc : setSlideNote(acc, slide as Slide, text)), d));
  };
  const flushPending = useCallback(() => flushNotes.current(), []);
  useEffect(() => {
    const flush = () => flushNotes.current();
    addEventListener('pagehide', flush);
    return () => { removeEventListener('pagehide', flush); flush(); };
  }, []);
  // Typed notes not yet saved, or a save under way: ask before the page goes (the save needs the page alive).
  useLeaveWarning(Object.keys(drafts).length > 0 || status === 'saving', flushPending);
  const typeNote = (slide: Slide, text: string) => {
    setDrafts((d) => ({ ...d, [slide]: text }));
    pending.current = { ...pending.current, [slide]: text };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flushNotes.current(), NOTE_SAVE_DELAY_MS);
  };
  const shownCount = shownSlides(deck).length;
  return (
    <aside className="deck-editor" aria-labelledby={`${id}-title`} data-testid="deck-editor" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); e.preventDefault(); onClose(); } }}>
      <div className="deck-editor-head">
        <h2 id={`${id}-title`}>{t('presentation.deck.title')}</h2>
        <button type="button" onClick={onClose} data-testid="deck-editor-close">{t('presentation.deck.close')}</button>
      </div>
      <p className="hint">{t(`presentation.deck.origin.${origin}`)}</p>
      <ol className="deck-list">
        {deck.order.map((slide, i) => {
          const shown = !deck.hidden.includes(slide);
          const name = t(`presentation.slides.${slide}`);
          return (
            <li key={slide} className={shown ? '' : 'deck-hidden'} data-testid={`deck-${slide}`}>
              <div className="deck-row">
                <label>
                  <input type="checkbox" checked={shown} disabled={shown && shownCount <= 1} onChange={(e) => { const on = e.target.checked; change((d) => setSlideShown(d, slide, on)); }} data-testid={`deck-show-${slide}`} />
                  {name}
                </label>
                <button type="button" onClick={() => change((d) => moveInDeck(d, slide, -1))} disabled={i === 0} aria-label={t('presentation.deck.earlier', { name })} data-testid={`deck-up-${slide}`}>↑</button>
                <button type="button" onClick={() => change((d) => moveInDeck(d, slide, 1))} disabled={i === deck.order.length - 1} aria-label={t('presentation.deck.later', { name })} data-testid={`deck-down-${slide}`}>↓</button>
              </div>
              <label className="deck-note">
                <span className="hint">{t('presentation.deck.note', { max: MAX_NOTE_LENGTH.toLocaleString('sv-SE') })}</span>
                <textarea
                  aria-label={t('presentation.deck.noteFor', { name })}
                  rows={2}
                  maxLength={MAX_NOTE_LENGTH}
                  value={drafts[slide] ?? deck.notes[slide] ?? ''}
                  onChange={(e) => typeNote(slide, e.target.value)}
                  onBlur={() => flushNotes.current()}
                  data-testid={`deck-note-${slide}`}
                />
              </label>
            </li>
          );
        })}
      </ol>
      <div className="deck-editor-actions">
        <button type="button" onClick={() => change((d) => ({ ...DEFAULT_DECK, notes: d.notes }))}>{t('presentation.deck.reset')}</button>
        {previous && <button type="button" onClick={() => { const back = previous; setDrafts({}); onChange(() => back); setPrevious(null); }} data-testid="deck-undo">{t('presentation.deck.undo')}</button>}
        <span role="status" data-testid="deck-status">
          {Object.keys(drafts).length > 0 ? t('presentation.deck.unsaved') : status === 'saving' ? t('presentation.deck.saving') : status === 'saved' ? t('presentation.deck.saved') : status === 'error' ? t('presentation.deck.failed') : ''}
        </span>
      </div>
    </aside>
  );
}
