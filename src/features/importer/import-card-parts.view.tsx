// The parts every import card shares: its heading, the append/replace choice, and the run → result block.
import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/i18n';
import { formatBytes } from '../../lib/format';
import type { ImportEntry } from './import-entry.model';
import { ImportProgress } from './import-progress.view';
import { ImportSummary } from './import-summary.view';
import { useRunningImports } from './import-entries.store';
import { useFocusWhenLost } from '../../hooks/use-focus-when-lost';
import { nearSourceNames } from '../../data/import/source-choice';
import { sourceName } from '../../data/import/import-plan';

type Runnable = Exclude<ImportEntry, { status: 'unsupported' }>;

/** What the import page hands every card. */
export interface ImportCardProps<E extends Runnable> {
  entry: E;
  replacesExample: boolean;
  onChange: (entry: E) => void;
  onImport: () => void;
  onRemove: () => void;
  onCancel?: () => void;
}

export function ImportCardHeader({ id, entry, onRemove }: { id: string; entry: Runnable; onRemove: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="panel-header">
      <h2 id={`${id}-title`}>{entry.file.name} <span className="hint">({formatBytes(entry.file.size, language)})</span></h2>
      {entry.status !== 'importing' && <button type="button" className="link-button" onClick={onRemove}>{t('importer.remove')}</button>}
    </div>
  );
}

/**
 * The source name the imported rows carry: what the source filter and the import history show, and the scope in which
 * rows already loaded are recognised. Says why the default is what it is, whether the typed name is a source with
 * rows stored or a new one, and when it differs from a stored one only in case or spaces.
 */
export function SourceNameField({ entry, onSource }: { entry: Runnable; onSource: (source: string) => void }) {
  const { t } = useTranslation();
  if (entry.status === 'done') return <p className="hint" data-testid="import-source">{t('importer.sourceDone', { source: sourceName(entry) })}</p>;
  const choice = entry.sourceChoice;
  // Left empty, the field stands for the proposed name (sourceName): said beside it, and not written back on blur —
  // that changed the card's layout under the pointer and the click on Importera that blurred it was lost (helper-56).
  const typed = sourceName(entry);
  const empty = !entry.source.trim();
  const stored = entry.storedSources ?? [];
  const near = nearSourceNames(typed, stored);
  const quoted = (value: string) => t('importer.quoted', { value });
  return (
    <div className="source-name">
      <label>
        {t('importer.sourceName')}{' '}
        <input type="text" value={entry.source} disabled={entry.status === 'importing'} maxLength={120} data-testid="source-name"
          placeholder={typed} onChange={(e) => onSource(e.target.value)} />
      </label>
      <span className="hint"> {t('importer.sourceNameHint')}</span>
      <span className="hint" data-testid="source-status">
        {empty && <> {t('importer.sourceEmpty', { source: quoted(typed) })}</>}
        {' '}{stored.includes(typed) ? t('importer.sourceExisting', { source: quoted(typed) }) : t('importer.sourceNew')}
      </span>
      {choice?.remembered && typed === choice.remembered && <span className="hint" data-testid="source-remembered"> {t('importer.sourceRemembered')}</span>}
      {choice?.sameColumnsAs && typed === choice.source && <span className="hint" data-testid="source-same-columns"> {t('importer.sourceSameColumns', { file: quoted(choice.sameColumnsAs) })}</span>}
      {choice?.candidates && !choice.candidates.includes(typed) && entry.status !== 'importing' && (
        // Two systems' files with the same columns: which one this is, only the analyst knows.
        <p className="warning" data-testid="source-candidates">
          {t('importer.sourceCandidates', { sources: choice.candidates.map(quoted).join(', ') })}{' '}
          {choice.candidates.map((c) => <button key={c} type="button" className="link-button" onClick={() => onSource(c)}>{t('importer.useSource', { source: c })}</button>)}
        </p>
      )}
      {near.length > 0 && (
        <p className="warning" data-testid="source-near">
          {t('importer.sourceNear', { sources: near.map(quoted).join(', ') })}{' '}
          {entry.status !== 'importing' && near.map((c) => <button key={c} type="button" className="link-button" onClick={() => onSource(c)}>{t('importer.useSource', { source: c })}</button>)}
        </p>
      )}
    </div>
  );
}

export function ImportModeChoice({ id, entry, replacesExample, onMode, labels }: {
  id: string;
  entry: Runnable;
  replacesExample: boolean;
  onMode: (mode: 'append' | 'replace') => void;
  labels?: { append: string; replace: string };
}) {
  const { t } = useTranslation();
  if (entry.status === 'done') return null;
  return (
    <fieldset disabled={entry.status === 'importing'} className="import-mode">
      <legend>{t('importer.mode')}</legend>
      {replacesExample ? (
        <p className="hint">{t('importer.replacesExample')}</p>
      ) : (
        (['append', 'replace'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name={`${id}-mode`} checked={entry.mode === m} onChange={() => onMode(m)} />{labels?.[m] ?? t(`importer.${m}`)}
          </label>
        ))
      )}
    </fieldset>
  );
}

/** The Import button, then progress (with Cancel when given), then the error or the summary. */
export function ImportRun({ entry, blocked = false, onImport, onCancel, unit = 'line', children }: {
  entry: Runnable;
  blocked?: boolean;
  onImport: () => void;
  onCancel?: () => void;
  unit?: 'line' | 'record';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  // One import at a time: they share the database's staging tables, and two at once both failed.
  const othersRunning = useRunningImports() > 0 && entry.status !== 'importing';
  const waitsId = useId();
  // A failed or cancelled import replaced the progress (and its Cancel, which had focus): focus goes to what happened.
  const outcome = useRef<HTMLElement>(null);
  useFocusWhenLost(outcome, entry.status);
  return (
    <>
      {children}
      {(entry.status === 'planned' || entry.status === 'failed' || entry.status === 'cancelled') && (
        <div className="actions">
          <button type="button" className="primary" disabled={blocked || othersRunning} onClick={onImport} data-testid="import-button"
            aria-describedby={othersRunning ? waitsId : undefined}>{t('importer.import')}</button>
          {othersRunning && <span id={waitsId} className="hint" role="status" data-testid="import-waits">{t('importer.oneAtATime')}</span>}
        </div>
      )}
      {entry.status === 'importing' && (
        <ImportProgress phase={entry.phase} progress={entry.progress} startedAt={entry.startedAt} cancelling={entry.cancelling} stepped={entry.kind !== 'areas'} onCancel={onCancel} />
      )}
      {entry.status === 'failed' && <div role="alert" className="error" tabIndex={-1} ref={outcome as RefObject<HTMLDivElement>}><p>{t('importer.failed')}</p><pre>{entry.error}</pre></div>}
      {entry.status === 'cancelled' && <p role="status" data-testid="import-cancelled" tabIndex={-1} ref={outcome as RefObject<HTMLParagraphElement>}>{t('importer.cancelled')}</p>}
      {/* Said first, where the Cancel button was: "Avbryter …" followed by a summary of rows imported read as a cancel that worked. */}
      {entry.status === 'done' && entry.cancelTooLate && <p role="alert" className="warning" data-testid="import-cancel-too-late">{t('importer.cancelTooLate')}</p>}
      {entry.status === 'done' && entry.result && <ImportSummary result={entry.result} fileName={entry.file.name} unit={unit} />}
    </>
  );
}
