// One goal's panel: its numbers, verdict (symbol + word + colour, never colour alone), the cumulative line, the
// rule, the rows behind the number and the feedback text — plus the editing actions.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { EChart } from '../../components/echart';
import { useDatabase } from '../../hooks/use-database';
import { useFilterPredicates } from '../../hooks/use-filter-predicates';
import { formatCount, formatDecimal } from '../../lib/format';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { formatShownCount } from '../../lib/disclosure/format-count';
import { useLanguage } from '../../lib/i18n/i18n';
import type { GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import { followUpParts } from './follow-up-report';
import { publishGoal } from '../../analysis/goals/publish-goal';
import { goalProblemText } from '../../analysis/goals/goal-problem-text';
import { VerdictBadge } from '../../analysis/goals/verdict-badge.view';
import { cumulativeChartOption, cumulativeSeries, numberLines, ruleKey, windowText } from './goals.model';
import { goalRowsQuery } from '../../analysis/goals/goals.query';

/** Actual so far against the expected pace, with the same numbers as a table. */
function CumulativeChart({ e }: { e: GoalEvaluation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showTable, setShowTable] = useState(false);
  const points = useMemo(() => cumulativeSeries(e), [e]);
  if (points.length === 0) return null;
  const labels = { actual: t('goals.actual'), expected: e.previousDaily ? t('goals.previousFull') : t('goals.expected') };
  return (
    <div className="goal-chart">
      <EChart label={`${e.goal.title}: ${labels.actual} / ${labels.expected}`} height={200} option={cumulativeChartOption(points, labels, language)} testId={`goal-chart-${e.goal.id}`} />
      <button type="button" className="link-button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
        {showTable ? t('overview.hideTable') : t('overview.showTable')}
      </button>
      {showTable && (
        <DataTable
          caption={e.goal.title}
          rows={points}
          rowKey={(p) => String(p.day)}
          columns={[
            { key: 'day', header: t('goals.date'), cell: (p) => p.label },
            { key: 'actual', header: labels.actual, numeric: true, cell: (p) => (p.actual === null ? '–' : formatCount(p.actual, language)) },
            { key: 'expected', header: labels.expected, numeric: true, cell: (p) => formatDecimal(p.expected, 1, language) },
          ]}
        />
      )}
    </div>
  );
}

export interface PanelActions {
  onEdit: () => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onMove: (step: -1 | 1) => void;
  first: boolean;
  last: boolean;
}

function GoalActions({ a, title }: { a: PanelActions; title: string }) {
  const { t } = useTranslation();
  return (
    <div className="goal-actions" role="group" aria-label={title}>
      <button type="button" className="link-button" onClick={a.onEdit}>{t('goals.edit')}</button>
      <button type="button" className="link-button" onClick={a.onDuplicate}>{t('goals.duplicate')}</button>
      <button type="button" className="link-button" onClick={a.onRemove}>{t('goals.remove')}</button>
      <button type="button" className="link-button" disabled={a.first} onClick={() => a.onMove(-1)}>{t('goals.moveUp')}</button>
      <button type="button" className="link-button" disabled={a.last} onClick={() => a.onMove(1)}>{t('goals.moveDown')}</button>
    </div>
  );
}

interface GoalRow { id: string | null; time: string; what: string; area: string | null; place: string | null; detail: string | null }

/** The rows behind the number, fetched when asked for. */
function GoalRows({ e }: { e: GoalEvaluation }) {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const filter = useFilterPredicates();
  const [rows, setRows] = useState<GoalRow[] | null>(null);
  const load = async () => setRows(await database.reader.rows<GoalRow>(goalRowsQuery(e.goal, e.window, e.asOf, filter[e.goal.dataset])));
  return (
    <details onToggle={(ev) => { if ((ev.target as HTMLDetailsElement).open && !rows) void load(); }}>
      <summary>{t('goals.showRows')}</summary>
      {rows && (
        <DataTable
          caption={e.goal.title}
          testId={`goal-rows-${e.goal.id}`}
          rows={rows}
          rowKey={(r) => `${r.id ?? ''}-${r.time}-${r.place ?? ''}`}
          columns={[
            { key: 'time', header: t('goals.date'), cell: (r) => r.time },
            { key: 'what', header: t('goals.what'), cell: (r) => r.what },
            { key: 'area', header: t('goals.area'), cell: (r) => r.area ?? '' },
            { key: 'place', header: t('goals.place'), cell: (r) => r.place ?? '' },
            { key: 'detail', header: e.goal.dataset === 'incidents' ? t('goals.description') : t('goals.owner'), cell: (r) => r.detail ?? '' },
          ]}
        />
      )}
      {rows && rows.length >= 500 && <p className="hint">{t('importer.showingFirst', { count: 500 })}</p>}
    </details>
  );
}

function FollowUp({ e }: { e: GoalEvaluation }) {
  const language = useLanguage();
  const { rule } = useDisclosure();
  const { promise, outcome } = followUpParts(e, language, rule);
  return <p data-testid="follow-up"><span data-not-count="">{promise}</span>{outcome ? ` ${outcome}` : ''}</p>;
}

/** `filtered`: a filter other than the source narrows the counts (goals.view.tsx): no feedback text to citizens then. */
export function GoalPanel({ e, actions, filtered = false }: { e: GoalEvaluation; actions: PanelActions; filtered?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rule: disclosure } = useDisclosure();
  // Everything drawn below comes from the published goal: hidden counts and what would give them away are null.
  const g = publishGoal(e, disclosure);
  const k = disclosure?.k ?? null;
  const rule = ruleKey(e);
  const problem = e.problem;
  return (
    <article className="panel goal-panel" aria-labelledby={`goal-${e.goal.id}`} data-testid={`goal-${e.goal.id}`}>
      <div className="panel-header">
        <h2 id={`goal-${e.goal.id}`}>{e.goal.title}</h2>
        <VerdictBadge verdict={g.verdict} withheld={g.verdictWithheld} k={k} t={t} ended={e.numbers?.ended === true} />
      </div>
      <GoalActions a={actions} title={e.goal.title} />
      {/* The promise's own words ("minst fyra (4) tillfällen"): a target, not a count from the data. */}
      <blockquote data-not-count="">{e.goal.promise}</blockquote>
      <p className="hint">
        {t(`goals.owners.${e.goal.owner}`, { defaultValue: e.goal.owner })}{problem?.key === 'invalid' ? '' : ` · ${t('goals.period')}: ${windowText(e, language)}`}
        {e.goal.follow_up ? ` · ${t('goals.followUp')}: ${e.goal.follow_up}` : ''}
      </p>
      {problem ? (
        <>
          {/* 0 against 0 in the analyst's view: the two counts stand as on any other card (a filter that leaves the
              goal nothing reads "Utfall 0", not only a sentence). */}
          {!disclosure && problem.key === 'nothing-to-decrease' && (
            <dl className="goal-numbers">
              <div><dt>{t('goals.actual')}</dt><dd>{formatCount(0, language)}</dd></div>
              <div><dt>{t('goals.previousFull')}</dt><dd>{formatCount(0, language)}</dd></div>
            </dl>
          )}
          {/* Public view: "neither period has any" would state two counts of 0, each below k — say only that it is withheld. */}
          {/* A brushed period is the reader's own choice, not a fault: a hint, not an alert on every card. */}
          {problem.key === 'period-cut' ? <p className="hint" data-testid="goal-period-cut">{goalProblemText(problem, t, disclosure !== null)}</p> : <p role="alert" className="error">{disclosure && problem.key === 'nothing-to-decrease'
            ? t('disclosure.verdictWithheldHelp', { k })
            : goalProblemText(problem, t, disclosure !== null)}</p>}
        </>
      ) : (
        <>
          <dl className="goal-numbers">
            {numberLines(g, language, disclosure).map((line) => (
              <div key={line.labelKey}><dt>{t(line.labelKey)}</dt><dd data-not-count={line.notCount ? '' : undefined}>{line.value}</dd></div>
            ))}
          </dl>
          {g.verdictWithheld && <p className="hint" data-testid="verdict-withheld">{t('disclosure.verdictWithheldHelp', { k })}</p>}
          {/* The headline counts the first kind's areas (evaluate-goals.ts): said, or "11 av 12" read as the whole promise
              of 6 stadsdelar × 2 and 4 ytterområden × 1 (a tester). */}
          {e.goal.per_area && Object.keys(e.goal.per_area).length > 1 && (
            <p className="hint" data-testid="goal-primary-kind">{t('goals.primaryKind', { kind: Object.keys(e.goal.per_area)[0], others: Object.keys(e.goal.per_area).slice(1).join(', ') })}</p>
          )}
          {g.areas && (
            <DataTable
              caption={e.goal.title}
              rows={g.areas}
              rowKey={(a) => `${a.kind}-${a.area}`}
              columns={[
                { key: 'area', header: t('goals.area'), cell: (a) => a.area },
                { key: 'kind', header: t('goals.kind'), cell: (a) => a.kind },
                { key: 'actual', header: t('goals.actual'), numeric: true, cell: (a) => (typeof a.actual !== 'number' ? formatShownCount(a.actual, disclosure, language) : a.actual === 0 ? `0 (${t('goals.missing')})` : formatCount(a.actual, language)) },
                { key: 'target', header: t('goals.target'), numeric: true, notCount: true, cell: (a) => formatCount(a.target, language) },
                { key: 'verdict', header: t('goals.verdict'), cell: (a) => <VerdictBadge verdict={a.verdict} withheld={a.verdict === null} k={k} t={t} ended={e.numbers?.ended === true} /> },
              ]}
            />
          )}
          {/* Public view: week-by-week steps of a cumulative line would show each week's count, and rows are rows. */}
          {g.detailsShown ? <CumulativeChart e={e} /> : <p className="hint">{t('disclosure.goalDetailsHidden')}</p>}
          <p className="rule">{t(rule.key, { days: rule.days })}</p>
          {g.detailsShown && <GoalRows e={e} />}
          <details>
            <summary>{t('goals.followUpReport')}</summary>
            {/* Under a filter the text would tell citizens the selection's verdict as the promise's (a tester). */}
            {filtered ? <p className="hint" data-testid="follow-up-withheld">{t('goals.followUpFiltered')}</p> : <FollowUp e={e} />}
          </details>
        </>
      )}
    </article>
  );
}
