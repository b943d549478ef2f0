// What Översikt covers, said first (#19 item 7): the data's first and last day, and the latest full ISO week
// against the week before under the current filters (not the period filter: this line is about the latest week).
// The change is the exact Poisson test of the trend views (lib/statistics/count-change.ts); in public view it is
// computed from the counts as shown, and a hidden count hides the change. The two counts are the weekly table's own
// published values (same filters: all but the period): published alone, this line printed a week the table hid as
// "dold" to protect a small one beside it (25 − 10 − 9 − 5 gave the hidden week away; a tester).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bucketOf } from '../../analysis/periods/period-buckets';
import { useDayExtent } from '../../hooks/use-day-extent';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { formatPercent } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatShownCount, PLURAL_FOR_HIDDEN } from '../../lib/disclosure/format-count';
import { isProtected, publishedNoise } from '../../lib/disclosure/publish';
import { useLanguage } from '../../lib/i18n/i18n';
import { compareCounts } from '../../lib/statistics/count-change';
import { selectionEndedWeek, weekPairAsShown, type Published, type WeekPoint } from './overview.model';

/** The latest ISO week the data covers to its Sunday (else the week before), and the week before that. */
export function latestFullWeeks(extent: { from: number; to: number }, language: 'sv' | 'en' = 'sv'): { current: { from: number; to: number; label: string }; previous: { from: number; to: number; label: string } } | null {
  const last = bucketOf(extent.to, 'week', language);
  const current = last.to <= extent.to ? last : bucketOf(last.from - 1, 'week', language);
  if (current.from < extent.from) return null;
  return { current, previous: bucketOf(current.from - 1, 'week', language) };
}

/**
 * `weeks`: the weekly table's series as published (overview.model.ts publishWeeks), every week of the data under all
 * filters but the period; null while it is on its way.
 */
export function CoverageLine({ weeks: series }: { weeks: Published<WeekPoint>[] | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const extent = useDayExtent();
  const { rule } = useDisclosure();
  const weeks = useMemo(() => (extent ? latestFullWeeks(extent, language) : null), [extent?.from, extent?.to, language]);
  if (!extent) return null;
  const { current, previous } = weeks && series ? weekPairAsShown(series, weeks, rule) : { current: undefined, previous: undefined };
  // In running text a count hidden to protect another reads "ett dolt antal", not "dold händelser" (a tester).
  const inText = (v: typeof current) => (isProtected(v) ? t('map.hiddenAmount') : formatShownCount(v, rule, language));
  const lastWithAny = !rule && current === 0 && previous === 0 && weeks && series ? selectionEndedWeek(series, weeks.previous.from, extent.to) : null;
  const change = typeof current === 'number' && typeof previous === 'number' && weeks && weeks.previous.from >= extent.from ? compareCounts(current, previous, 1, publishedNoise(rule)) : null;
  return (
    <p className="coverage-line" data-testid="coverage-line">
      {t('overview.coverage', { first: isoDateOfEpochDay(extent.from), last: isoDateOfEpochDay(extent.to) })}
      {weeks && series && (
        <>
          {' '}
          {t('overview.latestWeek', {
            week: weeks.current.label,
            count: typeof current === 'number' ? current : PLURAL_FOR_HIDDEN,
            current: inText(current),
            previousWeek: weeks.previous.label,
            previous: inText(previous),
          })}
          {change && change.change !== null && ` (${formatPercent(change.change, language)}, ${change.significant ? t('trends.significant') : t('trends.notSignificant')})`}
          .
          {/* 0 against 0 under a filter whose rows ended earlier, beyond chance (a kommun after the police began naming
              only the län): said, or "0 mot 0" reads as a quiet fortnight. Analyst view only: in public view a hidden
              week could be 0 or 1–4, and naming the last week with any would tell which. */}
          {lastWithAny && ` ${t('overview.selectionEnded', { week: lastWithAny })}`}
        </>
      )}
    </p>
  );
}
