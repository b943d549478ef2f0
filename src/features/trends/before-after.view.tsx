// Before/after for one intervention: incidents where it was (its area, or within a radius of its place) in the
// N weeks before and after, against the rest of the municipality, as an estimate with an interval and plain
// words about what it can and cannot show.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../hooks/use-database';
import { useDayExtent } from '../../hooks/use-day-extent';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useRows } from '../../hooks/use-rows';
import { isoDateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatPercent } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatLoneCount, formatShownCount } from '../../lib/disclosure/format-count';
import { publishTable, type PublishedCount } from '../../lib/disclosure/publish';
import { useLanguage } from '../../lib/i18n/i18n';
import { beforeAfterEstimate, type BeforeAfterCounts, type BeforeAfterEstimate } from '../../lib/statistics/before-after';
import { INTERVENTION_TYPES, beforeAfterSql, interventionsForEvaluationSql } from './trends.query';
import { BEFORE_AFTER_WEEKS, canCompare, whyNoneComparable } from './before-after.model';

interface Intervention { k: number; id: string | null; type: string; organisation: string | null; area: string | null; place: string | null; epoch_day: number; started: string; grid_e: number | null; grid_n: number | null }

const RADIUS_M = 500;
const NO_TYPES: { type: string; n: number; key: number }[] = [];
const NO_INTERVENTIONS: Intervention[] = [];

export function BeforeAfterPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database } = useDatabase();
  // Category is kept (before/after of drug offences, say); period, area, cell and extent are the panel's own.
  const filter = useFilterPredicates(['period', 'area', 'cell', 'extent']);
  const typeRows = useRows<{ type: string; n: number; key: number }>(INTERVENTION_TYPES);
  const types = typeRows ?? NO_TYPES;
  const [type, setType] = useState<string>('');
  // Not the last type's interventions while this type's are read: one of them would stay chosen under this type's name.
  const listRows = useRows<Intervention>(type ? interventionsForEvaluationSql(type) : null, { keepPrevious: false });
  const list = listRows ?? NO_INTERVENTIONS;
  const [chosen, setChosen] = useState<number | null>(null);
  const [weeks, setWeeks] = useState(8);
  const extent = useDayExtent();
  // An intervention can be evaluated when it has a place and the data covers its whole "after" window.
  const usable = (i: Intervention) => canCompare(i, weeks, extent);
  const [answer, setAnswer] = useState<{ asked: string; counts: BeforeAfterCounts; keys: number[][]; estimate: BeforeAfterEstimate; where: string } | null>(null);

  useEffect(() => {
    setType((old) => old || types[0]?.type || '');
  }, [types]);
  useEffect(() => {
    setChosen((old) => (list.some((i) => i.k === old && usable(i)) ? old : list.find(usable)?.k ?? null));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- usable() depends on these
  }, [list, weeks, extent?.from, extent?.to]);

  const intervention = list.find((i) => i.k === chosen) ?? null;
  // What the counts answer: shown only beside that intervention, window and filter (a quicker answer to an earlier
  // choice could otherwise land after, or stand beside, the one now chosen).
  const asked = intervention ? `${type}|${intervention.k}|${weeks}|${filter.key}` : null;
  const result = answer && answer.asked === asked ? answer : null;
  useEffect(() => {
    if (!intervention || !asked) { setAnswer(null); return; }
    let live = true;
    const d = intervention.epoch_day;
    const days = { beforeFrom: d - weeks * 7, beforeTo: d - 1, afterFrom: d, afterTo: d + weeks * 7 - 1 };
    const q = beforeAfterSql(filter.incidents, { area: intervention.area, e: intervention.grid_e, n: intervention.grid_n }, RADIUS_M, days);
    type Row = { before: number; after: number; before_key: number; after_key: number };
    void Promise.all([database.reader.rows<Row>(q.target), database.reader.rows<Row>(q.comparison)]).then(([[a], [c]]) => {
      if (!live) return;
      const counts = { targetBefore: a.before, targetAfter: a.after, comparisonBefore: c.before, comparisonAfter: c.after };
      setAnswer({ asked, counts, keys: [[a.before_key, a.after_key], [c.before_key, c.after_key]], estimate: beforeAfterEstimate(counts), where: intervention.area ?? t('trends.beforeAfter.radius', { radius: RADIUS_M }) });
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `asked` names the intervention, window and filter
  }, [database, asked]);

  const { rule } = useDisclosure();
  const e = result?.estimate;
  // Public view: the 2 × 2 table as one table with margins; the estimate is a function of all four counts.
  const shownCounts = result ? publishTable([[result.counts.targetBefore, result.counts.targetAfter], [result.counts.comparisonBefore, result.counts.comparisonAfter]], result.keys, rule).cells : null;
  const count = (v: PublishedCount) => formatShownCount(v, rule, language);
  const pct = (v: number) => formatPercent(v - 1, language);
  // Public view: the list of single interventions (date · area · organisation) would let anyone count the
  // interventions of a type, area or period that the rest of the app hides as "<5".
  if (rule) {
    return (
      <div className="panel" data-testid="before-after">
        <h2>{t('trends.beforeAfter.title')}</h2>
        <p className="hint" role="note" data-testid="before-after-public">{t('trends.beforeAfter.publicView')}</p>
      </div>
    );
  }
  // No interventions at all: three empty selects said nothing (a tester). Say what the panel needs instead.
  if (typeRows !== undefined && typeRows.length === 0) {
    return (
      <div className="panel" data-testid="before-after">
        <h2>{t('trends.beforeAfter.title')}</h2>
        <p className="hint" role="note" data-testid="before-after-none">{t('trends.beforeAfter.noInterventions')}</p>
      </div>
    );
  }
  // Interventions of the type, none of which has a place and the data for the whole window before and after it.
  const noneUsable = listRows !== undefined && listRows.length > 0 && !listRows.some(usable);
  const why = noneUsable ? whyNoneComparable(list, weeks, extent) : null;
  return (
    <div className="panel" data-testid="before-after">
      <h2>{t('trends.beforeAfter.title')}</h2>
      <div className="map-controls">
        <label>{t('trends.beforeAfter.type')}
          <select value={type} onChange={(ev) => setType(ev.target.value)}>{types.map((x) => <option key={x.type} value={x.type}>{x.type} ({formatLoneCount(x.n, x.key, rule, language)})</option>)}</select>
        </label>
        <label>{t('trends.beforeAfter.intervention')}
          <select value={chosen ?? ''} onChange={(ev) => setChosen(Number(ev.target.value))} data-testid="before-after-intervention">
            {list.map((i) => <option key={i.k} value={i.k} disabled={!usable(i)}>{i.started.slice(0, 10)} · {i.area ?? i.place ?? '–'}{i.organisation ? ` · ${i.organisation}` : ''}</option>)}
          </select>
        </label>
        <label>{t('trends.beforeAfter.weeks')}
          <select value={weeks} onChange={(ev) => setWeeks(Number(ev.target.value))}>{BEFORE_AFTER_WEEKS.map((w) => <option key={w} value={w}>{t('trends.beforeAfter.weeksOption', { count: w })}</option>)}</select>
        </label>
      </div>
      {why && (
        <p className="hint" role="note" data-testid="before-after-none-usable">
          {[
            t('trends.beforeAfter.noneUsable', { count: weeks }),
            why.withoutPlace > 0 ? t('trends.beforeAfter.withoutPlace', { count: why.withoutPlace, formatted: formatCount(why.withoutPlace, language) }) : null,
            why.outsideData > 0 ? t('trends.beforeAfter.outsideData', { count: why.outsideData, formatted: formatCount(why.outsideData, language), weeks }) : null,
            why.outsideData > 0 && why.longestWindow === null ? t('trends.beforeAfter.noWindow', { count: BEFORE_AFTER_WEEKS[0] }) : null,
          ].filter((x) => x !== null).join(' ')}
          {why.longestWindow !== null && <> <button type="button" className="link-button" onClick={() => setWeeks(why.longestWindow!)} data-testid="before-after-use-window">{t('trends.beforeAfter.useWindow', { count: why.usableThen, formatted: formatCount(why.usableThen, language), weeks: why.longestWindow })}</button></>}
        </p>
      )}
      {result && intervention && (
        <>
          <table className="data-table" data-testid="before-after-table">
            <caption>{t('trends.beforeAfter.caption', { weeks, date: isoDateOfEpochDay(intervention.epoch_day) })}</caption>
            <thead><tr><th scope="col" /><th scope="col" className="numeric">{t('trends.beforeAfter.before')}</th><th scope="col" className="numeric">{t('trends.beforeAfter.after')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{result.where}</th><td className="numeric">{count(shownCounts![0][0])}</td><td className="numeric">{count(shownCounts![0][1])}</td></tr>
              <tr><th scope="row">{t('trends.beforeAfter.rest')}</th><td className="numeric">{count(shownCounts![1][0])}</td><td className="numeric">{count(shownCounts![1][1])}</td></tr>
            </tbody>
          </table>
          <p className="summary-line" data-testid="before-after-estimate">
            {e!.tooFew ? t('trends.beforeAfter.tooFew') : t(e!.significant ? 'trends.beforeAfter.estimateSignificant' : 'trends.beforeAfter.estimate', { change: pct(e!.ratio), low: pct(e!.low), high: pct(e!.high) })}
          </p>
          <p className="rule">{t('trends.beforeAfter.caveat')}</p>
        </>
      )}
    </div>
  );
}
