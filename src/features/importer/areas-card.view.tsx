import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_CRS, type CrsCode } from '../../lib/parsing/coordinates';
import { formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { ImportCardHeader, ImportModeChoice, SourceNameField, ImportRun, type ImportCardProps } from './import-card-parts.view';
import type { ImportEntry } from './import-entry.model';

type AreasEntry = Extract<ImportEntry, { kind: 'areas' }>;

/** Area boundaries: which property is the name, the kind and the population, and the coordinate system. */
/** Areas import in one quick transaction: no Cancel. */
export function AreasCard({ entry, replacesExample, onChange, onImport, onRemove }: ImportCardProps<AreasEntry>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { mapping } = entry;
  const locked = entry.status === 'importing' || entry.status === 'done';
  const set = (change: Partial<AreasEntry['mapping']>) => onChange({ ...entry, mapping: { ...mapping, ...change } });
  const keySelect = (label: string, value: string | null, onSelect: (v: string | null) => void, testId?: string) => (
    <label>{label}
      <select value={value ?? ''} onChange={(e) => onSelect(e.target.value || null)} data-testid={testId}>
        <option value="">{t('importer.notMapped')}</option>
        {entry.keys.map((k) => <option key={k} value={k}>{k}</option>)}
      </select>
    </label>
  );
  const blocked = !mapping.nameKey || entry.crsAmbiguous;
  return (
    <section className="panel import-card" aria-labelledby={`${id}-title`} data-testid="import-card">
      <ImportCardHeader id={id} entry={entry} onRemove={onRemove} />
      <SourceNameField entry={entry} onSource={(source) => onChange({ ...entry, source })} />
      <p>{t('importer.areas', { count: entry.collection.features.length, formatted: formatCount(entry.collection.features.length, language) })}</p>
      <fieldset disabled={locked} className="import-settings">
        <legend>{t('importer.mapping')}</legend>
        {keySelect(t('importer.areaName'), mapping.nameKey, (v) => set({ nameKey: v }), 'area-name-key')}
        {keySelect(t('importer.areaKind'), mapping.kindKey, (v) => set({ kindKey: v }))}
        {!mapping.kindKey && (
          <label>{t('importer.areaKindFixed')}
            <input type="text" value={mapping.fixedKind ?? ''} placeholder={t('importer.areaKindHint')} onChange={(e) => set({ fixedKind: e.target.value || null })} data-testid="area-fixed-kind" />
          </label>
        )}
        {keySelect(t('importer.areaPopulation'), mapping.populationKey, (v) => set({ populationKey: v }))}
        <label>{t('importer.coordinates')}
          <select value={entry.crsAmbiguous ? '' : mapping.crs} onChange={(e) => onChange({ ...entry, crsAmbiguous: false, mapping: { ...mapping, crs: e.target.value as CrsCode } })}>
            {entry.crsAmbiguous && <option value="">{t('importer.chooseSystem')}</option>}
            {SUPPORTED_CRS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      </fieldset>
      {entry.crsAmbiguous && <p role="alert" className="warning">{t('importer.ambiguous')}</p>}
      {!mapping.nameKey && <p className="warning">{t('importer.missingRequired', { fields: t('importer.areaName') })}</p>}
      {!mapping.kindKey && !mapping.fixedKind && <p className="hint" role="note" data-testid="area-kind-missing">{t('importer.areaKindMissing')}</p>}
      <ImportModeChoice id={id} entry={entry} replacesExample={replacesExample} onMode={(mode) => onChange({ ...entry, mode })}
        labels={{ append: t('importer.areaAppend'), replace: t('importer.areaReplace') }} />
      <ImportRun entry={entry} blocked={blocked} onImport={onImport} unit="record" />
    </section>
  );
}
