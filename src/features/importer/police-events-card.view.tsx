import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { ImportCardHeader, ImportModeChoice, ImportRun, type ImportCardProps } from './import-card-parts.view';
import type { ImportEntry } from './import-entry.model';

type PoliceEntry = Extract<ImportEntry, { kind: 'police-events' }>;

/** Police public events need no mapping: the card says what they are good for, and what not. */
export function PoliceEventsCard({ entry, replacesExample, onChange, onImport, onRemove, onCancel }: ImportCardProps<PoliceEntry>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  // Rejected events are numbered by their position in the file: line 2 of the converted CSV is event 1.
  const shown = entry.result ? { ...entry, result: { ...entry.result, rejected: entry.result.rejected.map((r) => ({ ...r, line: r.line - 1 })) } } : entry;
  return (
    <section className="panel import-card" aria-labelledby={`${id}-title`} data-testid="import-card">
      <ImportCardHeader id={id} entry={entry} onRemove={onRemove} />
      <p>{t('importer.policeEvents', { count: formatCount(entry.events, language) as unknown as number })}</p>
      <p className="warning">{t('importer.policeEventsNote')}</p>
      <ImportModeChoice id={id} entry={entry} replacesExample={replacesExample} onMode={(mode) => onChange({ ...entry, mode })} />
      <ImportRun entry={shown} onImport={onImport} onCancel={onCancel} unit="record" />
    </section>
  );
}
