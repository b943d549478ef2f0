// A week-by-week slider with play: each step sets the shared period filter to one ISO week, so every view
// (not only the map) follows along. Its last position, one past the last week, is "Alla veckor" (no period filter):
// the two once shared a position (tester), so the slider could not say which was chosen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFilter } from '../../data/selections';
import type { DayRange } from '../../lib/day-range';
import { useLanguage } from '../../lib/i18n/i18n';
import { bucketsBetween } from '../../analysis/periods/period-buckets';
import { isoDateOfEpochDay } from '../../lib/epoch-day';

interface Props {
  extent: DayRange;
  period: DayRange | undefined;
}

const PLAY_INTERVAL_MS = 1500;

export function TimeSlider({ extent, period }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const weeks = useMemo(() => bucketsBetween(extent.from, extent.to, 'week', language), [extent.from, extent.to, language]);
  const index = period && period.to - period.from <= 6 ? weeks.findIndex((w) => w.from <= period.from && period.from <= w.to) : -1;
  const [playing, setPlaying] = useState(false);

  const allWeeks = () => { setPlaying(false); setFilter('period', undefined); };
  const go = (i: number) => {
    if (i >= weeks.length) { allWeeks(); return; }
    const week = weeks[Math.max(0, Math.min(weeks.length - 1, i))];
    setFilter('period', { from: Math.max(extent.from, week.from), to: Math.min(extent.to, week.to) });
  };

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      if (index >= weeks.length - 1) setPlaying(false);
      else go(index + 1);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- go() reads the same props
  }, [playing, index, weeks]);

  // A period that is not one week (a brush on Översikt, a link) is said as its dates, not as "Alla veckor".
  const label = index >= 0 ? weeks[index].label : period ? `${isoDateOfEpochDay(period.from)} – ${isoDateOfEpochDay(period.to)}` : t('map.slider.allWeeks');
  return (
    <div className="time-slider" role="group" aria-label={t('map.slider.label')}>
      <button type="button" onClick={() => go(index < 0 ? weeks.length - 1 : index - 1)} aria-label={t('map.slider.previous')}>◀</button>
      <button type="button" onClick={() => { if (index < 0) go(Math.max(0, weeks.length - 26)); setPlaying((p) => !p); }} aria-pressed={playing} data-testid="slider-play">
        {playing ? t('map.slider.pause') : t('map.slider.play')}
      </button>
      <button type="button" onClick={() => go(index + 1)} disabled={index < 0} aria-label={t('map.slider.next')}>▶</button>
      <input
        type="range" min={0} max={weeks.length} value={index < 0 ? weeks.length : index}
        onChange={(e) => go(Number(e.target.value))} aria-label={t('map.slider.label')} aria-valuetext={label}
      />
      <output data-testid="slider-week">{label}</output>
      {period && <button type="button" className="link-button" onClick={allWeeks}>{t('map.slider.allWeeks')}</button>}
    </div>
  );
}
