// The presenter view, shown in a second window (components/popup-window.tsx) on the speaker's own screen: the
// current slide and the next, the speaker's note for the current one, the time since the talk started and the
// buttons to move. It draws the same slides as the audience window from the same state, so it always follows it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FittedSlide, type SlideProps } from './slide-content.view';
import type { Slide } from './slides';

interface Props extends Omit<SlideProps, 'slide' | 'heading' | 'onZoom'> {
  slides: Slide[];
  index: number;
  notes: Partial<Record<Slide, string>>;
  onMove: (command: 'next' | 'previous') => void;
}

/** "12:05" from milliseconds; hours when the talk runs that long ("1:02:05"). */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

export function PresenterView({ slides, index, notes, onMove, ...slide }: Props) {
  const { t } = useTranslation();
  const [started, setStarted] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const current = slides[index];
  const next = slides[index + 1];
  const name = (s: Slide) => t(`presentation.slides.${s}`);
  return (
    <div className="presenter" data-testid="presenter">
      <header className="presenter-bar">
        <strong data-testid="presenter-counter" data-not-count="">{t('presentation.slideOf', { n: index + 1, total: slides.length })} · {name(current)}</strong>
        <span>{t('presentation.presenter.elapsed')} <time data-testid="presenter-elapsed" data-not-count="">{formatElapsed(now - started)}</time></span>
        <button type="button" onClick={() => { setStarted(Date.now()); setNow(Date.now()); }}>{t('presentation.presenter.restart')}</button>
        <button type="button" onClick={() => onMove('previous')} disabled={index === 0} data-testid="presenter-previous">{t('presentation.previous')}</button>
        <button type="button" onClick={() => onMove('next')} disabled={index === slides.length - 1} data-testid="presenter-next">{t('presentation.next')}</button>
      </header>
      <div className="presenter-main">
        <section aria-label={t('presentation.presenter.current')}>
          <h2 className="presenter-label">{t('presentation.presenter.current')}</h2>
          <div className="slide-preview slide-preview-current" data-testid="presenter-current" data-slide={current}>
            <div className="presentation-look slide"><FittedSlide slide={current} {...slide} /></div>
          </div>
        </section>
        <section aria-label={t('presentation.presenter.next')}>
          <h2 className="presenter-label">{t('presentation.presenter.next')}</h2>
          {next ? (
            <div className="slide-preview slide-preview-next" data-testid="presenter-next-slide" data-slide={next}>
              <div className="presentation-look slide"><FittedSlide slide={next} {...slide} /></div>
            </div>
          ) : <p data-testid="presenter-next-slide" data-slide="">{t('presentation.presenter.last')}</p>}
          <h2 className="presenter-label">{t('presentation.presenter.notes')}</h2>
          <div className="presenter-notes" data-testid="presenter-notes">{notes[current] ?? <span className="hint">{t('presentation.presenter.noNotes')}</span>}</div>
        </section>
      </div>
    </div>
  );
}
