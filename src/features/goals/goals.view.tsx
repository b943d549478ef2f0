// Mål: every medborgarlöfte judged against the data and the shared filters, edited in place with Undo.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterChips } from '../../components/filter-chips';
import { Page } from '../../components/page';
import type { GoalDefinition } from '../../data/tables';
import { useDatabase } from '../../hooks/use-database';
import { useFilterState } from '../../hooks/use-filter-state';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { useMissingSource } from '../../hooks/use-missing-source';
import { sourceLabel } from '../../lib/source-label';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatDate } from '../../lib/format';
import { evaluateGoals, type GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import { GoalFileTools } from './goal-file-tools.view';
import { GoalForm } from './goal-form.view';
import { GoalPanel } from './goal-panel.view';
import { saveGoals } from '../../data/goals-table';

export function GoalsPage() {
  const { t } = useTranslation();
  const { database, replace } = useDatabase();
  const [evaluations, setEvaluations] = useState<GoalEvaluation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const filter = useFilterPredicates();
  const missing = useMissingSource();
  // A link's source that no loaded row has: every goal would read "efter" on 0 for that reason alone (the chip says
  // why) — and the feedback text to citizens would say so too. Each goal says it cannot be judged instead.
  const missingSource = missing === undefined ? null : sourceLabel(missing, t);
  const filters = useFilterState();
  const period = filters.period;
  useEffect(() => {
    let live = true;
    evaluateGoals(database.reader, filter, undefined, period).then(
      (r) => live && setEvaluations(missingSource === null ? r : r.map(({ goal, window, previous, asOf, rule }) => ({ goal, window, previous, asOf, share: 0, rule, problem: { key: 'source-missing', source: missingSource } }))),
      (e: Error) => live && setError(e.message),
    );
    return () => { live = false; };
  }, [database, version, filter, missingSource, period]);
  // The day the goals are judged as of (the data's last day), not one goal's: a goal that ended earlier stops there.
  const asOf = evaluations?.find((e) => e.lastDay !== undefined && e.problem?.key !== 'invalid')?.lastDay;
  // A filter other than the source (a brushed period, a category, an area, a cell) narrows what every goal counts: the
  // verdicts are then the selection's, not the medborgarlöfte's — a tester read "Efter" on every goal (0 of 22
  // meetings) after a brush on Översikt, and downloaded that as the feedback to citizens. Said above the goals, and the
  // feedback text waits for the filters to be cleared.
  const narrowed = (Object.keys(filters) as (keyof typeof filters)[]).some((name) => name !== 'source' && filters[name] !== undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<GoalDefinition[] | null>(null);
  const goals = evaluations?.map((e) => e.goal) ?? [];

  /** Every change rewrites the ordered list in one transaction; the list before it is kept for Undo. */
  const apply = async (next: GoalDefinition[], keepUndo = true) => {
    const before = goals;
    await saveGoals(database, next);
    replace(await database.refresh());
    setUndo(keepUndo ? before : null);
    setEditing(null);
    setVersion((v) => v + 1);
  };
  const at = (i: number) => ({
    onEdit: () => setEditing(goals[i].id),
    onDuplicate: () => {
      let copy = `${goals[i].id}-kopia`;
      for (let n = 2; goals.some((g) => g.id === copy); n++) copy = `${goals[i].id}-kopia-${n}`;
      void apply([...goals.slice(0, i + 1), { ...goals[i], id: copy, title: `${goals[i].title} (kopia)` }, ...goals.slice(i + 1)]);
    },
    onRemove: () => void apply(goals.filter((_, j) => j !== i)),
    onMove: (step: -1 | 1) => {
      const next = [...goals];
      [next[i], next[i + step]] = [next[i + step], next[i]];
      void apply(next);
    },
    first: i === 0,
    last: i === goals.length - 1,
  });
  const year = asOf !== undefined ? dateOfEpochDay(asOf).getFullYear() : new Date().getFullYear();
  // A new goal starts on incidents, at most: most medborgarlöften promise fewer of something.
  const blank: GoalDefinition = {
    id: 'nytt-mal', promise: '', title: '', owner: 'Gemensam', dataset: 'incidents', filter: {}, measure: 'count', direction: 'at_most',
    target: 1, period: 'year', per_area: null, start: `${year}-01-01`, end: `${year}-12-31`, follow_up: null,
  };
  return (
    <Page title={t('pages.goalsLong')}>
      <p className="lead">{t('goals.intro')}</p>
      <FilterChips />
      {error && <p role="alert" className="error">{t('errors.queryFailed', { message: error })}</p>}
      {/* Even when the goals cannot be read, a new goals file can replace them. */}
      {error && <GoalFileTools evaluations={[]} onImported={() => { setError(null); setVersion((v) => v + 1); }} />}
      {!evaluations && !error && <p role="status" className="engine-status"><span className="spinner" aria-hidden="true" /></p>}
      {evaluations && (
        <>
          {narrowed && <p className="warning" role="note" id="goals-filtered" data-testid="goals-filtered">{t('goals.filtered')}</p>}
          <GoalFileTools evaluations={evaluations} onImported={() => setVersion((v) => v + 1)} feedbackWithheld={narrowed} />
          <p className="hint" data-testid="goals-as-of">
            {t('goals.count', { count: evaluations.length })}
            {asOf !== undefined ? ` · ${t('goals.asOf', { date: formatDate(dateOfEpochDay(asOf)) })}` : ''}
            {/* A brushed period: each goal counts only those of its days (a tester read "Bedömt per 2026-11-15" as the
                whole year's count). */}
            {filters.period ? ` ${t('goals.countedOver', { from: formatDate(dateOfEpochDay(filters.period.from)), to: formatDate(dateOfEpochDay(filters.period.to)) })}` : ''}
          </p>
          {undo && (
            <p role="status" className="banner banner-example" data-testid="goals-undo">
              {t('goals.changed')} <button type="button" className="link-button" onClick={() => void apply(undo, false)}>{t('goals.undo')}</button>
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => setEditing('new')} data-testid="goal-new">{t('goals.newGoal')}</button>
          </div>
          {editing === 'new' && (
            <div className="panel"><GoalForm goal={blank} takenIds={goals.map((g) => g.id)} onSave={(g) => void apply([...goals, g])} onCancel={() => setEditing(null)} /></div>
          )}
          <div className="goal-list" data-testid="goal-list">
            {evaluations.map((e, i) =>
              editing === e.goal.id ? (
                <div key={e.goal.id} className="panel">
                  <GoalForm goal={e.goal} takenIds={goals.filter((g) => g.id !== e.goal.id).map((g) => g.id)}
                    onSave={(g) => void apply(goals.map((x) => (x.id === e.goal.id ? g : x)))} onCancel={() => setEditing(null)} />
                </div>
              ) : (
                <GoalPanel key={e.goal.id} e={e} actions={at(i)} filtered={narrowed} />
              ),
            )}
          </div>
        </>
      )}
    </Page>
  );
}
