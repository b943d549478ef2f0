// Editing one goal in the app. The fields hold the goals file's text and its validation (goal-file.ts), so a goal
// made here and a goal typed in Excel are held to the same rules; the filter and the measure are picked from the
// data (goal-pickers.view.tsx) rather than typed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalDefinition } from '../../data/tables';
import { GOAL_FIELDS, filterText, perAreaText, validateGoal, type GoalFileProblem } from '../../analysis/goals/goal-file';
import { FilterPicker, MeasurePicker } from './goal-pickers.view';

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
        const problemText = problem && (
          <span id={`${inputId}-problem`} className="error" role="alert">
            {t(`goals.fileMessage_${problem.message}`, { allowed: problem.allowed })}
          </span>
        );
        // The filter and the measure are picked from the data (goal-pickers.view.tsx); they write the file's text.
        if (field === 'filter' || field === 'measure') {
          const Picker = field === 'filter' ? FilterPicker : MeasurePicker;
          return (
            <fieldset key={field} className="goal-field" aria-describedby={problem ? `${inputId}-problem` : undefined}>
              <legend>{t(`goals.picker.legend_${field}`)}</legend>
              <Picker dataset={draft.dataset} value={draft[field]} invalid={Boolean(problem)} onChange={(text) => setDraft((d) => ({ ...d, [field]: text }))} />
              <span className="hint">{t('goals.picker.asText')} <code data-testid={`goal-${field}-text`}>{draft[field] || '–'}</code></span>
              {problemText}
            </fieldset>
          );
        }
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
            {/* Increase/decrease beat the previous period: a number here would not be used (goal-file.ts says so on save). */}
            {field === 'target' && !problem && (draft.direction === 'increase' || draft.direction === 'decrease') && <span className="hint" data-testid="goal-target-comparative">{t('goals.targetComparative')}</span>}
            {problemText}
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
