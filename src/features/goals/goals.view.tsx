// Mål: every medborgarlöfte judged against the data — numbers, verdict in words and symbol (never colour
// alone), the rule behind it, and per-area goals with every area listed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { FilterChips } from '../../components/filter-chips';
import { useFilterSql } from '../../hooks/use-filter-sql';
import { EChart } from '../../components/echart';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { dateOfEpochDay } from '../../lib/epoch-day';
import { formatCount, formatDate, formatDecimal } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { downloadText } from '../../lib/excel-csv';
import { evaluateGoals, type GoalEvaluation } from './evaluate-goals';
import { followUpText } from './follow-up-report';
import { goalsToCsv, goalsToJson, parseGoalsFile, type GoalFileProblem } from './goal-file';
import { replaceGoals } from './goals-store';
import { GoalForm } from './goal-form.view';
import type { GoalDefinition } from '../../data/tables';
import type { Verdict } from './goal-verdict';
import { goalRowsQuery } from './goals.query';
import { cumulativeChartOption, cumulativeSeries, numberLines, ruleKey, VERDICT_SYMBOL, windowText } from './goals.model';

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict-${verdict}`} data-testid="verdict">
      <span aria-hidden="true">{VERDICT_SYMBOL[verdict]}</span> {t(`goals.verdict_${verdict}`)}
    </span>
  );
}

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

interface PanelActions {
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
  const filter = useFilterSql();
  const [rows, setRows] = useState<GoalRow[] | null>(null);
  const load = async () => setRows(await database.runner.rows<GoalRow>(goalRowsQuery(e.goal, e.window, e.asOf, filter[e.goal.dataset])));
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

function GoalPanel({ e, actions }: { e: GoalEvaluation; actions: PanelActions }) {
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
      <GoalActions a={actions} title={e.goal.title} />
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
          <CumulativeChart e={e} />
          <p className="rule">{t(rule.key, { days: rule.days })}</p>
          <GoalRows e={e} />
          <details>
            <summary>{t('goals.followUpReport')}</summary>
            <p data-testid="follow-up">{followUpText(e, language)}</p>
          </details>
        </>
      )}
    </article>
  );
}

function GoalFileTools({ evaluations, onImported }: { evaluations: GoalEvaluation[]; onImported: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database, replace } = useDatabase();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<GoalFileProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const goals = evaluations.map((e) => e.goal);
  const importFile = async (file: File) => {
    setMessage(null);
    const parsed = parseGoalsFile(await file.text());
    setProblems(parsed.problems);
    if (parsed.problems.length || parsed.goals.length === 0) return;
    await replaceGoals(database.runner, parsed.goals);
    replace(await database.refresh());
    setMessage(t('goals.imported', { count: parsed.goals.length }));
    onImported();
  };
  return (
    <div className="goal-tools">
      <div className="actions">
        <button type="button" onClick={() => downloadText('medborgarloften.csv', goalsToCsv(goals))}>{t('goals.exportCsv')}</button>
        <button type="button" onClick={() => downloadText('medborgarloften.json', goalsToJson(goals), 'application/json')}>{t('goals.exportJson')}</button>
        <button type="button" onClick={() => downloadText('aterkoppling.txt', evaluations.map((e) => `${e.goal.title}\r\n${followUpText(e, language)}`).join('\r\n\r\n') + '\r\n', 'text/plain;charset=utf-8')}>{t('goals.downloadReport')}</button>
        <input ref={input} type="file" accept=".csv,.json,text/csv,application/json" hidden data-testid="goals-file-input"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
        <button type="button" onClick={() => input.current?.click()}>{t('goals.importFile')}</button>
      </div>
      {message && <p role="status" className="hint" data-testid="goals-imported">{message}</p>}
      {problems.length > 0 && (
        <div role="alert" className="error" data-testid="goals-file-problems">
          <p>{t('goals.fileProblems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{t('goals.fileProblem', { line: p.line, field: p.field, message: t(`goals.fileMessage_${p.message}`, { allowed: p.allowed }) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function GoalsPage() {
  const { t } = useTranslation();
  const { database, replace } = useDatabase();
  const [evaluations, setEvaluations] = useState<GoalEvaluation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const filter = useFilterSql();
  useEffect(() => {
    let live = true;
    evaluateGoals(database.runner, filter).then((r) => live && setEvaluations(r), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [database, version, filter]);
  const asOf = evaluations?.find((e) => !e.problem)?.asOf;
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<GoalDefinition[] | null>(null);
  const goals = evaluations?.map((e) => e.goal) ?? [];

  /** Every change rewrites the ordered list in one transaction; the list before it is kept for Undo. */
  const apply = async (next: GoalDefinition[], keepUndo = true) => {
    const before = goals;
    await replaceGoals(database.runner, next);
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
  const blank: GoalDefinition = {
    id: 'nytt-mal', promise: '', title: '', owner: 'Gemensam', dataset: 'interventions', filter: {}, measure: 'count', direction: 'at_least',
    target: 1, period: 'year', per_area: null, start: `${year}-01-01`, end: `${year}-12-31`, follow_up: null,
  };
  return (
    <Page title={t('pages.goalsLong')}>
      <p className="lead">{t('placeholder.goals')}</p>
      <FilterChips />
      {error && <p role="alert" className="error">{t('errors.queryFailed', { message: error })}</p>}
      {!evaluations && !error && <p role="status" className="engine-status"><span className="spinner" aria-hidden="true" /></p>}
      {evaluations && (
        <>
          <GoalFileTools evaluations={evaluations} onImported={() => setVersion((v) => v + 1)} />
          <p className="hint" data-testid="goals-as-of">
            {t('goals.count', { count: evaluations.length })}
            {asOf !== undefined ? ` · ${t('goals.asOf', { date: formatDate(dateOfEpochDay(asOf)) })}` : ''}
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
                <GoalPanel key={e.goal.id} e={e} actions={at(i)} />
              ),
            )}
          </div>
        </>
      )}
    </Page>
  );
}
