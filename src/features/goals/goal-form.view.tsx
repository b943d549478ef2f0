// Editing one goal in the app. The fields use the goals file's syntax and its validation (goal-file.ts), so a
// goal typed here and a goal typed in Excel are held to the same rules.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalDefinition } from '../../data/tables';
import { GOAL_FIELDS, filterText, perAreaText, validateGoal, type GoalFileProblem } from '../../analysis/goals/goal-file';

type Draft = Record<(typeof GOAL_FIELDS)[number], string>;

export function draftOf(g: GoalDefinition): Draft {
  return {
    id: g.id, promise: g.promise, title: g.title, owner: g.owner, dataset: g.dataset, filter: filterText(g.filter), measure: g.measure,
    direction: g.direction, target: g.target === null ? '' : String(g.target).replace('.', ','), period: g.period, per_area: perAreaText(g.per_area),
    start: g.start, end: g.end, follow_up: g.follow_up ?? '',
  };
}

const CHOICES: Partial<Record<keyof Draft, string[]>> = {
  owner: ['Polis', 'Kommun', 'Gemensam'],
  dataset: ['incidents', 'interventions'],
  direction: ['at_least', 'at_most', 'increase', 'decrease'],
  period: ['year', 'half', 'quarter', 'month', '2weeks', 'custom'],
};
const DATES = new Set(['start', 'end', 'follow_up']);

export function GoalForm({ goal, takenIds, onSave, onCancel }: {
  goal: GoalDefinition;
  takenIds: string[];
  onSave: (goal: GoalDefinition) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(goal));
  const [problems, setProblems] = useState<GoalFileProblem[]>([]);
  const save = () => {
    const result = validateGoal(draft, 1);
    const clash = takenIds.includes(draft.id) ? [{ line: 1, field: 'id', message: 'duplicate-id' as const }] : [];
    setProblems([...result.problems, ...clash]);
    if (result.goal && clash.length === 0) onSave(result.goal);
  };
  const problemFor = (field: string) => problems.find((p) => p.field === field);
  return (
    <form className="goal-form" onSubmit={(e) => { e.preventDefault(); save(); }} data-testid="goal-form">
      {GOAL_FIELDS.map((field) => {
        const problem = problemFor(field);
        const inputId = `${id}-${field}`;
        const common = {
          id: inputId, value: draft[field], 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? `${inputId}-problem` : undefined,
          onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value })),
        };
        return (
          <div key={field} className="goal-field">
            <label htmlFor={inputId}>{t(`goals.field_${field}`)}</label>
            {CHOICES[field] ? (
              <select {...common}>{CHOICES[field]!.map((c) => <option key={c} value={c}>{t(`goals.choice_${c}`, { defaultValue: c })}</option>)}</select>
            ) : field === 'promise' ? (
              <textarea rows={2} {...common} />
            ) : (
              <input type={DATES.has(field) ? 'date' : 'text'} {...common} />
            )}
            {problem && (
              <span id={`${inputId}-problem`} className="error" role="alert">
                {t(`goals.fileMessage_${problem.message}`, { allowed: problem.allowed })}
              </span>
            )}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="primary">{t('goals.save')}</button>
        <button type="button" onClick={onCancel}>{t('goals.cancelEdit')}</button>
      </div>
    </form>
  );
}
