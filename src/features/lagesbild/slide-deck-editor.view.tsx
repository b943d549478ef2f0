// The speaker arranges the talk: which slides are shown, in what order, and a note per slide (read in the presenter
// window). Every change is saved with the period at once; notes when the field is left. "Standard" puts the
// default deck back, and Ångra takes back the last change.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DECK, MAX_NOTE_LENGTH, moveInDeck, setSlideNote, setSlideShown, shownSlides, type Slide, type SlideDeck } from './slides';

/** Where the deck came from: this period's own, carried from the period arranged last (notes left behind), or none saved. */
export type DeckOrigin = 'own' | 'carried' | 'default';

interface Props {
  deck: SlideDeck;
  origin: DeckOrigin;
  status: 'idle' | 'saving' | 'saved' | 'error';
  onChange: (deck: SlideDeck) => void;
  onClose: () => void;
}

export function SlideDeckEditor({ deck, origin, status, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [previous, setPrevious] = useState<SlideDeck | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<Slide, string>>>({});
  const change = (next: SlideDeck) => {
    if (next === deck) return;
    setPrevious(deck);
    onChange(next);
  };
  const shownCount = shownSlides(deck).length;
  return (
    <aside className="deck-editor" aria-labelledby={`${id}-title`} data-testid="deck-editor">
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
                  <input type="checkbox" checked={shown} disabled={shown && shownCount <= 1} onChange={(e) => change(setSlideShown(deck, slide, e.target.checked))} data-testid={`deck-show-${slide}`} />
                  {name}
                </label>
                <button type="button" onClick={() => change(moveInDeck(deck, slide, -1))} disabled={i === 0} aria-label={t('presentation.deck.earlier', { name })} data-testid={`deck-up-${slide}`}>↑</button>
                <button type="button" onClick={() => change(moveInDeck(deck, slide, 1))} disabled={i === deck.order.length - 1} aria-label={t('presentation.deck.later', { name })} data-testid={`deck-down-${slide}`}>↓</button>
              </div>
              <label className="deck-note">
                <span className="hint">{t('presentation.deck.note')}</span>
                <textarea
                  aria-label={t('presentation.deck.noteFor', { name })}
                  rows={2}
                  maxLength={MAX_NOTE_LENGTH}
                  value={drafts[slide] ?? deck.notes[slide] ?? ''}
                  onChange={(e) => setDrafts((d) => ({ ...d, [slide]: e.target.value }))}
                  onBlur={() => {
                    const draft = drafts[slide];
                    if (draft === undefined) return;
                    setDrafts((d) => { const rest = { ...d }; delete rest[slide]; return rest; });
                    if (draft.trim() !== (deck.notes[slide] ?? '').trim()) change(setSlideNote(deck, slide, draft));
                  }}
                  data-testid={`deck-note-${slide}`}
                />
              </label>
            </li>
          );
        })}
      </ol>
      <div className="deck-editor-actions">
        <button type="button" onClick={() => change({ ...DEFAULT_DECK, notes: deck.notes })}>{t('presentation.deck.reset')}</button>
        {previous && <button type="button" onClick={() => { onChange(previous); setPrevious(null); }} data-testid="deck-undo">{t('presentation.deck.undo')}</button>}
        <span role="status" data-testid="deck-status">
          {status === 'saving' ? t('presentation.deck.saving') : status === 'saved' ? t('presentation.deck.saved') : status === 'error' ? t('presentation.deck.failed') : ''}
        </span>
      </div>
    </aside>
  );
}
