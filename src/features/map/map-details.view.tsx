// The side panel for a selected cell or area: what is there under the current filter, how it changed
// against the period before, and the interventions in the same place.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFilter } from '../../data/selections';
import { useDatabase } from '../../hooks/use-database';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { describeDayRange, type DayRange } from '../../lib/day-range';
import { formatCount, formatPercent } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatLoneCount, formatShownCount, PLURAL_FOR_HIDDEN } from '../../lib/disclosure/format-count';
import { publishCount, publishList, sortByShown } from '../../lib/disclosure/publish';
import { useLanguage } from '../../lib/i18n/i18n';
import type { FilterState } from '../../lib/filter-state';
import { comparisonWindows, panelPlaces } from './map.model';
import { PANEL_PLACES, detailQueries } from './map.query';

/** Each count with `key`, the Σ record keys of its rows (public view's noise, lib/disclosure/cell-key.ts). */
interface Details {
  total: number;
  totalKey: number;
  byCategory: { category: string; n: number; key: number }[];
  /** `place` null: rows whose file gave no place. */
  /** `same_n`: places of the whole list with the row's count (map.query.ts). */
  topPlaces: { place: string | null; n: number; key: number; same_n: number }[];
  interventions: { type: string; organisation: string | null; n: number; key: number; latest: string }[];
  current: DayRange;
  previous: DayRange;
  currentCount: number;
  previousCount: number;
  currentKey: number;
  previousKey: number;
}

export function MapDetails({ filters, title }: { filters: FilterState; title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database } = useDatabase();
  const all = useFilterPredicates();
  const withoutPeriod = useFilterPredicates(['period']);
  const dayExtent = useDayExtent();
  const [details, setDetails] = useState<Details | null>(null);

  useEffect(() => {
    if (!dayExtent) return;
    let live = true;
    const q = detailQueries(all.incidents, all.interventions);
    const qp = detailQueries(withoutPeriod.incidents, withoutPeriod.interventions);
    void (async () => {
      const r = database.reader;
      const { current, previous } = comparisonWindows(filters.period, dayExtent.to);
      const [[total], byCategory, topPlaces, interventions, [cur], [prev]] = await Promise.all([
        r.rows<{ n: number; key: number }>(q.total),
        r.rows<Details['byCategory'][number]>(q.byCategory),
        r.rows<Details['topPlaces'][number]>(q.topPlaces),
        r.rows<Details['interventions'][number]>(q.interventions),
        r.rows<{ n: number; key: number }>(qp.countBetween(current.from, current.to)),
        r.rows<{ n: number; key: number }>(qp.countBetween(previous.from, previous.to)),
      ]);
      if (live) {
        setDetails({
          total: total?.n ?? 0, totalKey: total?.key ?? 0, byCategory, topPlaces, interventions, current, previous,
          currentCount: cur?.n ?? 0, previousCount: prev?.n ?? 0, currentKey: cur?.key ?? 0, previousKey: prev?.key ?? 0,
        });
      }
    })();
    return () => { live = false; };
  }, [database, all.key, withoutPeriod.key, filters.period?.from, filters.period?.to, dayExtent?.to]);

  const { rule } = useDisclosure();
  const lone = (v: number, key: number) => formatLoneCount(v, key, rule, language);
  // The change is that of the counts as shown (perturbed in public view): the exact ratio would undo the noise.
  const shownCurrent = details ? publishCount(details.currentCount, details.currentKey, rule) : null;
  const shownPrevious = details ? publishCount(details.previousCount, details.previousKey, rule) : null;
  const change = shownCurrent !== null && shownPrevious !== null && shownPrevious > 0 ? shownCurrent / shownPrevious - 1 : null;
  // The categories add up to the total shown above them: one list with its total.
  // Public view, a total below k: no categories and no places. An empty list said 0, a listed category said 1–4 and
  // named the lone incident's (a fresh tester, choosing "<5" rows of the hot-spot table).
  const breakdownHidden = details !== null && rule !== null && details.total < rule.k;
  const byCategory = details ? publishList(details.byCategory.map((c) => c.n), details.byCategory.map((c) => c.key), rule, true).values : [];
  // Public view names a place only beside a count that is shown (publicPlaces, map.model.ts).
  // Never cut through a tie: the places sharing the count at the cut are counted in one line (panelPlaces).
  const { places, leftOut: placesLeftOut, tied } = panelPlaces(details?.topPlaces ?? [], PANEL_PLACES, rule);
  return (
    <aside className="map-details panel" aria-live="polite" data-testid="map-details">
      <div className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="link-button" onClick={() => { setFilter('cell', undefined); setFilter('area', undefined); }}>{t('map.details.close')}</button>
      </div>
      {!details ? <p className="hint">{t('map.details.loading')}</p> : (
        <>
          <p className="summary-line" data-testid="details-total">{t('map.details.total', { count: rule && details.total < rule.k ? PLURAL_FOR_HIDDEN : details.total, formatted: lone(details.total, details.totalKey) })}</p>
          <p>
            {t('map.details.change', {
              current: lone(details.currentCount, details.currentKey),
              currentPeriod: describeDayRange(details.current, language),
              previous: lone(details.previousCount, details.previousKey),
              change: formatPercent(change, language),
            })}
          </p>
          {breakdownHidden ? <p className="hint" data-testid="details-breakdown-hidden">{t('map.details.breakdownHidden', { k: rule!.k })}</p> : <>
            <h3>{t('map.details.byCategory')}</h3>
            <ul className="plain">{sortByShown(details.byCategory.map((c, i) => ({ name: c.category, shown: byCategory[i] })), (c) => c.shown, (c) => c.name, rule).map((c) => <li key={c.name}>{c.name}: {formatShownCount(c.shown, rule, language)}</li>)}</ul>
            <h3>{t('map.details.topPlaces')}</h3>
            <ul className="plain">{sortByShown(places, (p) => publishCount(p.n, p.key, rule), (p) => p.place ?? '', rule).map((p) => <li key={p.place ?? ''}>{p.place ?? t('map.details.noPlace')}: {lone(p.n, p.key)}</li>)}</ul>
            {tied && <p className="hint" data-testid="details-places-tied">{tied.count === 'hidden'
              ? t('map.details.placesTiedHidden', { count: tied.rows, formatted: formatCount(tied.rows, language) })
              : t('map.details.placesTied', { count: tied.rows, formatted: formatCount(tied.rows, language), each: formatCount(tied.count, language) })}</p>}
            {placesLeftOut > 0 && rule && <p className="hint" data-testid="details-places-hidden">{t('map.details.placesHidden', { k: rule.k })}</p>}
          </>}
          <h3>{t('map.details.interventions')}</h3>
          {details.interventions.length === 0 ? <p className="hint">{t('map.details.noInterventions')}</p> : (
            <ul className="plain">{sortByShown(details.interventions, (i) => publishCount(i.n, i.key, rule), (i) => i.type, rule).map((i, k) => <li key={k}>{i.type}{i.organisation ? ` (${i.organisation})` : ''}: {lone(i.n, i.key)}</li>)}</ul>
          )}
        </>
      )}
    </aside>
  );
}
