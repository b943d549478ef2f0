import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/i18n';
import { formatCount } from '../../lib/format';
import { formatBytes, type ImportEntry } from './import-entry.model';
import { ImportProgress } from './import-progress.view';
import { ImportSummary } from './import-summary.view';

type PoliceEntry = Extract<ImportEntry, { kind: 'police-events' }>;

/** Police public events need no mapping: the card says what they are good for, and what not. */
export function PoliceEventsCard({ entry, replacesExample, onChange, onImport, onRemove, onCancel }: {
  entry: PoliceEntry;
  replacesExample: boolean;
  onChange: (entry: PoliceEntry) => void;
  onImport: () => void;
  onRemove: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const locked = entry.status === 'importing' || entry.status === 'done';
  return (
    <section className="panel import-card" aria-labelledby={`${id}-title`} data-testid="import-card">
      <div className="panel-header">
        <h2 id={`${id}-title`}>{entry.file.name} <span className="hint">({formatBytes(entry.file.size, language)})</span></h2>
        {entry.status !== 'importing' && <button type="button" className="link-button" onClick={onRemove}>{t('importer.remove')}</button>}
      </div>
      <p>{t('importer.policeEvents', { count: formatCount(entry.events, language) as unknown as number })}</p>
      <p className="warning">{t('importer.policeEventsNote')}</p>
      {entry.status !== 'done' && (
        <fieldset disabled={locked} className="import-mode">
          <legend>{t('importer.mode')}</legend>
          {replacesExample ? (
            <p className="hint">{t('importer.replacesExample')}</p>
          ) : (
            (['append', 'replace'] as const).map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name={`${id}-mode`} checked={entry.mode === m} onChange={() => onChange({ ...entry, mode: m })} />{t(`importer.${m}`)}
              </label>
            ))
          )}
        </fieldset>
      )}
      {(entry.status === 'planned' || entry.status === 'failed') && (
        <div className="actions"><button type="button" className="primary" onClick={onImport} data-testid="import-button">{t('importer.import')}</button></div>
      )}
      {entry.status === 'importing' && <ImportProgress phase={entry.phase} progress={entry.progress} onCancel={onCancel} />}
      {entry.status === 'failed' && <div role="alert" className="error"><p>{t('importer.failed')}</p><pre>{entry.error}</pre></div>}
      {entry.status === 'done' && entry.result && (
        <ImportSummary result={{ ...entry.result, rejected: entry.result.rejected.map((r) => ({ ...r, line: r.line - 1 })) }} fileName={entry.file.name} unit="record" />
      )}
    </section>
  );
}
