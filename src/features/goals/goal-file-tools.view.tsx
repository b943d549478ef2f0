// Goals in and out as files: Excel CSV and JSON export, the feedback text, and import with its problems listed.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../hooks/use-database';
import { downloadText } from '../../lib/excel-csv';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { useLanguage } from '../../lib/i18n/i18n';
import type { GoalEvaluation } from '../../analysis/goals/evaluate-goals';
import { followUpText } from './follow-up-report';
import { GOAL_LIMITS, goalsToCsv, goalsToJson, parseGoalsFile, type GoalFileProblem } from '../../analysis/goals/goal-file';
import { saveGoals } from '../../data/goals-table';

/** `feedbackWithheld`: a filter narrows the goals' counts, so the feedback to citizens is not offered (goals.view.tsx). */
export function GoalFileTools({ evaluations, onImported, feedbackWithheld = false }: { evaluations: GoalEvaluation[]; onImported: () => void; feedbackWithheld?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The download is published like the screen: public view hides the same counts and verdicts here.
  const { rule } = useDisclosure();
  const { database, replace } = useDatabase();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<GoalFileProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const goals = evaluations.map((e) => e.goal);
  const importFile = async (file: File) => {
    setMessage(null);
    // Refused before it is read: a goals file is a few kilobytes.
    const parsed = file.size > GOAL_LIMITS.fileBytes
      ? { goals: [], problems: [{ line: 1, field: file.name, message: 'too-large', allowed: String(GOAL_LIMITS.fileBytes) } satisfies GoalFileProblem] }
      : parseGoalsFile(await file.text());
    setProblems(parsed.problems);
    if (parsed.problems.length || parsed.goals.length === 0) return;
    await saveGoals(database, parsed.goals);
    replace(await database.refresh());
    setMessage(t('goals.imported', { count: parsed.goals.length }));
    onImported();
  };
  return (
    <div className="goal-tools">
      <div className="actions">
        <button type="button" onClick={() => downloadText('medborgarloften.csv', goalsToCsv(goals))}>{t('goals.exportCsv')}</button>
        <button type="button" onClick={() => downloadText('medborgarloften.json', goalsToJson(goals), 'application/json')}>{t('goals.exportJson')}</button>
        <button type="button" disabled={feedbackWithheld} aria-describedby={feedbackWithheld ? 'goals-filtered' : undefined} data-testid="goals-feedback-download" onClick={() => downloadText('aterkoppling.txt', evaluations.map((e) => `${e.goal.title}\r\n${followUpText(e, language, rule)}`).join('\r\n\r\n') + '\r\n', 'text/plain;charset=utf-8')}>{t('goals.downloadReport')}</button>
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
