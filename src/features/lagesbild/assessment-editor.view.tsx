// The analyst's assessment of the period: written here, saved with the period in the database, with Undo.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../hooks/use-database';
import { useLeaveWarning } from '../../hooks/use-leave-warning';
import { MAX_ASSESSMENT_LENGTH, readAssessment, writeAssessment, type Assessment } from '../../data/assessments';

/**
 * Text typed but not saved, per period key, for as long as the page lives: moving to another period or another page
 * and back brings it back (marked unsaved) instead of dropping it (a tester lost a paragraph that way). A reload or a
 * closed tab asks first (useLeaveWarning); the text is never written anywhere.
 */
const unsavedDrafts = new Map<string, string>();
/** A reload asks while any period holds such a draft, on whichever page (tester: only the shown period's did). */
const askIfDrafts = (event: BeforeUnloadEvent) => {
  if (unsavedDrafts.size === 0) return;
  event.preventDefault();
  event.returnValue = '';
};
function keepDraft(period: string, text: string): void {
  if (unsavedDrafts.size === 0) addEventListener('beforeunload', askIfDrafts);
  unsavedDrafts.set(period, text);
}
function dropDraft(period: string): void {
  unsavedDrafts.delete(period);
  if (unsavedDrafts.size === 0) removeEventListener('beforeunload', askIfDrafts);
}

interface Props {
  periodKey: string;
  /** The saved text, for the printed and exported copies. */
  onSaved: (text: string) => void;
}

export function AssessmentEditor({ periodKey, onSaved }: Props) {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const id = useId();
  const [saved, setSaved] = useState<Assessment | null>(null);
  const [draft, setDraft] = useState('');
  const [before, setBefore] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'error'>('idle');

  useEffect(() => {
    let live = true;
    setSaved(null);
    setBefore(null);
    void readAssessment(database, periodKey).then((a) => {
      if (!live) return;
      setSaved(a);
      setDraft(unsavedDrafts.get(periodKey) ?? a.text);
      onSaved(a.text);
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, periodKey]);

  const save = async (text: string, keepUndo: boolean) => {
    setStatus('saving');
    try {
      const previous = saved?.text ?? '';
      const stored = await writeAssessment(database, periodKey, text);
      await database.persist();
      dropDraft(periodKey);
      setSaved(stored);
      setDraft(stored.text);
      setBefore(keepUndo && previous !== stored.text ? previous : null);
      onSaved(stored.text);
      setStatus('idle');
    } catch {
      setStatus('error');
    }
  };

  const dirty = saved !== null && draft.trim() !== saved.text;
  // Unsaved text is guarded by the drafts' own question (askIfDrafts); this covers a save still running.
  useLeaveWarning(status === 'saving');
  return (
    <div className="lb-editor">
      <label htmlFor={id} className="hint no-print">{t('lagesbild.assessmentHint')}</label>
      <textarea
        id={id}
        value={draft}
        maxLength={MAX_ASSESSMENT_LENGTH}
        disabled={saved === null}
        onChange={(e) => {
          setDraft(e.target.value);
          if (saved !== null && e.target.value.trim() !== saved.text) keepDraft(periodKey, e.target.value);
          else dropDraft(periodKey);
        }}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && dirty) void save(draft, true); }}
        data-testid="assessment"
      />
      {/* Shown only in a PNG of the panel, where an empty box is left out (panel-png.view.tsx): the heading is not bare. */}
      {draft.trim() === '' && <p className="hint lb-editor-empty">{t('lagesbild.noAssessment')}</p>}
      <div className="lb-editor-actions">
        <button type="button" onClick={() => void save(draft, true)} disabled={!dirty || status === 'saving'} data-testid="save-assessment">{t('lagesbild.saveAssessment')}</button>
        {before !== null && <button type="button" className="secondary" onClick={() => void save(before, false)}>{t('lagesbild.undoAssessment')}</button>}
        <span role="status" data-testid="assessment-status">
          {status === 'error' ? t('lagesbild.assessmentFailed') : dirty ? t('lagesbild.unsaved') : saved?.savedAt ? t('lagesbild.savedAt', { time: saved.savedAt }) : ''}
        </span>
      </div>
    </div>
  );
}
