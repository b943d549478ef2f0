import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATED_LONG_BEFORE_DAYS, choiceCounts, leftOutBy, type NameCount, type PoliceEventChoice } from '../../data/import/police-events';
import { formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { ImportCardHeader, ImportModeChoice, ImportRun, SourceNameField, type ImportCardProps } from './import-card-parts.view';
import type { ImportEntry } from './import-entry.model';

type PoliceEntry = Extract<ImportEntry, { kind: 'police-events' }>;

/** A list of names to keep (checked) or leave out, with counts, a search box and all/none for what is shown. */
function KeepList({ legend, hint, items, excluded, onExcluded, disabled, testId, searchable }: {
  legend: string;
  hint?: string;
  items: NameCount[];
  excluded: string[];
  onExcluded: (names: string[]) => void;
  disabled: boolean;
  testId: string;
  searchable: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  const out = new Set(excluded);
  const q = query.trim().toLocaleLowerCase('sv');
  const shown = q ? items.filter((i) => i.name.toLocaleLowerCase('sv').includes(q)) : items;
  const setShown = (keep: boolean) => {
    const names = new Set(shown.map((i) => i.name));
    onExcluded(keep ? excluded.filter((n) => !names.has(n)) : [...new Set([...excluded, ...names])]);
  };
  return (
    <fieldset disabled={disabled} className="keep-list" data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <div className="actions">
        {searchable && (
          <label>{t('importer.searchList')}{' '}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
        )}
        <button type="button" onClick={() => setShown(true)}>{q ? t('importer.keepShown') : t('importer.keepAll')}</button>
        <button type="button" onClick={() => setShown(false)}>{q ? t('importer.leaveOutShown') : t('importer.leaveOutAll')}</button>
      </div>
      <ul className="plain keep-items">
        {shown.map((i) => (
          <li key={i.name}>
            <label className="checkbox">
              <input type="checkbox" checked={!out.has(i.name)} data-name={i.name}
                onChange={(e) => onExcluded(e.target.checked ? excluded.filter((n) => n !== i.name) : [...excluded, i.name])} />
              {i.name || t('importer.noName')} <span className="hint">({formatCount(i.count, language)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * Police public events need no mapping: the card says what they are good for, and what not, and lets the user
 * leave out event types that are not incidents and the kommuner/län they do not work with, with counts.
 */
export function PoliceEventsCard({ entry, replacesExample, onChange, onImport, onRemove, onCancel }: ImportCardProps<PoliceEntry>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const setChoice = (choice: PoliceEventChoice) => onChange({ ...entry, choice });
  const left = useMemo(() => leftOutBy(entry.counts.pairs, entry.choice), [entry.counts, entry.choice]);
  const shown = useMemo(() => choiceCounts(entry.counts, entry.counts.pairs, entry.choice), [entry.counts, entry.choice]);
  const leftOut = left.type + left.location;
  const locked = entry.status === 'importing' || entry.status === 'done';
  const f = (n: number) => formatCount(n, language);
  return (
    <section className="panel import-card" aria-labelledby={`${id}-title`} data-testid="import-card">
      <ImportCardHeader id={id} entry={entry} onRemove={onRemove} />
      <SourceNameField entry={entry} onSource={(source) => onChange({ ...entry, source })} />
      <p>{t('importer.policeEvents', { formatted: formatCount(entry.counts.events, language) })}</p>
      <p className="warning">{t('importer.policeEventsNote')}</p>
      {entry.counts.datedLongBefore > 0 && <p className="hint" data-testid="police-dated-long-before">{t('importer.policeDatedLongBefore', { count: entry.counts.datedLongBefore, formatted: formatCount(entry.counts.datedLongBefore, language), days: DATED_LONG_BEFORE_DAYS })}</p>}
      {entry.status !== 'done' && (
        <details className="police-choice" open>
          <summary>{t('importer.policeChoice')}</summary>
          <KeepList legend={t('importer.policeTypes')} hint={t('importer.policeTypesHint')} items={shown.types} excluded={entry.choice.excludedTypes}
            onExcluded={(excludedTypes) => setChoice({ ...entry.choice, excludedTypes })} disabled={locked} testId="police-types" searchable />
          <KeepList legend={t('importer.policePlaces')} hint={t('importer.policePlacesHint')} items={shown.locations} excluded={entry.choice.excludedLocations}
            onExcluded={(excludedLocations) => setChoice({ ...entry.choice, excludedLocations })} disabled={locked} testId="police-places" searchable />
        </details>
      )}
      <p role="status" data-testid="police-kept">
        {t('importer.policeKept', { kept: f(entry.counts.events - leftOut), events: f(entry.counts.events), leftOut: f(leftOut), types: f(left.type), places: f(left.location) })}
      </p>
      <ImportModeChoice id={id} entry={entry} replacesExample={replacesExample} onMode={(mode) => onChange({ ...entry, mode })} />
      <ImportRun entry={entry} blocked={leftOut === entry.counts.events} onImport={onImport} onCancel={onCancel} unit="record" />
    </section>
  );
}
