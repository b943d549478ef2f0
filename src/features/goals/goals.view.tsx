// Mål: every medborgarlöfte judged against the data — numbers, verdict in words and symbol (never colour
// alone), the rule behind it, and per-area goals with every area listed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { evaluateGoals, type GoalEvaluation } from './evaluate-goals';
import type { Verdict } from './goal-verdict';
import { numberLines, ruleKey, VERDICT_SYMBOL, windowText } from './goals.model';

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict-${verdict}`} data-testid="verdict">
      <span aria-hidden="true">{VERDICT_SYMBOL[verdict]}</span> {t(`goals.verdict_${verdict}`)}
    </span>
  );
}

function GoalPanel({ e }: { e: GoalEvaluation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rule = ruleKey(e);
  const problem = e.problem;
  return (
    <article className="panel goal-panel" aria-labelledby={`goal-${e.goal.id}`} data-testid={`goal-${e.goal.id}`}>
      <div className="panel-header">
        <h2 id={`goal-${e.goal.id}`}>{e.goal.title}</h2>
        {e.verdict && <VerdictBadge verdict={e.verdict} />}
      </div>
      <blockquote>{e.goal.promise}</blockquote>
      <p className="hint">
        {t(`goals.owners.${e.goal.owner}`, { defaultValue: e.goal.owner })} · {t('goals.period')}: {windowText(e, language)}
        {e.goal.follow_up ? ` · ${t('goals.followUp')}: ${e.goal.follow_up}` : ''}
      </p>
      {problem ? (
        <p role="alert" className="error">{t(`goals.problem_${problem.key.replace(/-/g, '_')}`, problem as unknown as Record<string, string>)}</p>
      ) : (
        <>
          <dl className="goal-numbers">
            {numberLines(e, language).map((line) => (
              <div key={line.labelKey}><dt>{t(line.labelKey)}</dt><dd>{line.value}</dd></div>
            ))}
          </dl>
          {e.areas && (
            <DataTable
              caption={e.goal.title}
              rows={e.areas}
              rowKey={(a) => `${a.kind}-${a.area}`}
              columns={[
                { key: 'area', header: t('goals.area'), cell: (a) => a.area },
                { key: 'kind', header: t('goals.kind'), cell: (a) => a.kind },
                { key: 'actual', header: t('goals.actual'), numeric: true, cell: (a) => (a.actual === 0 ? `0 (${t('goals.missing')})` : formatCount(a.actual, language)) },
                { key: 'target', header: t('goals.target'), numeric: true, cell: (a) => formatCount(a.target, language) },
                { key: 'verdict', header: t('goals.verdict'), cell: (a) => <VerdictBadge verdict={a.verdict} /> },
              ]}
            />
          )}
          <p className="rule">{t(rule.key, { days: rule.days })}</p>
        </>
      )}
    </article>
  );
}

export function GoalsPage() {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const [evaluations, setEvaluations] = useState<GoalEvaluation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    evaluateGoals(database.runner).then((r) => live && setEvaluations(r), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [database]);
  const asOf = evaluations?.find((e) => !e.problem)?.asOf;
  return (
    <Page title={t('pages.goalsLong')}>
      <p className="lead">{t('placeholder.goals')}</p>
      {error && <p role="alert" className="error">{t('errors.queryFailed', { message: error })}</p>}
      {!evaluations && !error && <p role="status" className="engine-status"><span className="spinner" aria-hidden="true" /></p>}
      {evaluations && (
        <>
          <p className="hint" data-testid="goals-as-of">
            {t('goals.count', { count: evaluations.length })}
            {asOf !== undefined ? ` · ${t('goals.asOf', { date: formatDate(dateOfEpochDay(asOf)) })}` : ''}
          </p>
          <div className="goal-list" data-testid="goal-list">
            {evaluations.map((e) => <GoalPanel key={e.goal.id} e={e} />)}
          </div>
        </>
      )}
    </Page>
  );
}
