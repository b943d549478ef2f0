// A week-by-week slider with play: each step sets the shared period filter to one ISO week, so every view
// (not only the map) follows along. Its last position, one past the last week, is "Alla veckor" (no period filter):
// the two once shared a position (tester), so the slider could not say which was chosen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFilter } from '../../data/selections';
import { clipToData, type DayRange } from '../../lib/day-range';
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
  const weekOf = (day: number) => weeks.findIndex((w) => w.from <= day && day <= w.to);
  // The slider's own week: the period is exactly one ISO week (clipped to the data). A day or a brushed range is not
  // (tester: one day read "v. 41 2026"); it is said by its dates, and the thumb and the steps start from its weeks.
  const index = period ? weeks.findIndex((w) => period.from === Math.max(extent.from, w.from) && period.to === Math.min(extent.to, w.to)) : -1;
  const first = index >= 0 ? index : period ? Math.max(0, weekOf(period.from)) : -1;
  const last = index >= 0 ? index : period ? Math.max(0, weekOf(period.to)) : -1;
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
      if (last >= weeks.length - 1) setPlaying(false);
      else go(last + 1);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- go() reads the same props
  }, [playing, last, weeks]);

  // A period that is not one week (a brush on Översikt, a link) is said as its dates, not as "Alla veckor".
  // A week the data's first or last day cuts short says so, with its days: its count is not a whole week's (tester:
  // the last week, four days, read "v. 48 2026" beside full weeks of counts).
  const shown = index >= 0 ? clipToData(weeks[index], extent) : null;
  const weekLabel = index < 0 ? '' : shown?.partial
    ? `${weeks[index].label} (${t('map.slider.partialWeek', { from: isoDateOfEpochDay(shown.from), to: isoDateOfEpochDay(shown.to) })})`
    : weeks[index].label;
  const label = index >= 0 ? weekLabel : period ? `${isoDateOfEpochDay(period.from)} – ${isoDateOfEpochDay(period.to)}` : t('map.slider.allWeeks');
  return (
    <div className="time-slider" role="group" aria-label={t('map.slider.label')}>
      <button type="button" onClick={() => go(first < 0 ? weeks.length - 1 : first - 1)} disabled={first === 0} aria-label={t('map.slider.previous')} data-testid="slider-previous">◀</button>
      <button type="button" onClick={() => { if (!playing && index < 0) go(first >= 0 ? first : Math.max(0, weeks.length - 26)); setPlaying((p) => !p); }}
        disabled={!playing && index === weeks.length - 1} aria-pressed={playing} data-testid="slider-play">
        {playing ? t('map.slider.pause') : t('map.slider.play')}
      </button>
      <button type="button" onClick={() => go(last + 1)} disabled={last < 0} aria-label={t('map.slider.next')}>▶</button>
      <input
        type="range" min={0} max={weeks.length} value={last < 0 ? weeks.length : last}
        onChange={(e) => go(Number(e.target.value))} aria-label={t('map.slider.label')} aria-valuetext={label}
      />
      <output data-testid="slider-week">{label}</output>
      {period && <button type="button" className="link-button" onClick={allWeeks}>{t('map.slider.allWeeks')}</button>}
    </div>
  );
}
