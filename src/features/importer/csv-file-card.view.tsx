import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanonicalField } from '../../data/import/column-mapping';
import { DELIMITERS, QUOTES, fieldsOf, planTable, replan, setMapping, completePlan, PREVIEW_ROWS, type TablePlan } from '../../data/import/csv-plan';
import { REQUIRED_FOR } from '../../data/import/column-mapping';
import { SUPPORTED_CRS, type CrsCode, type PairOrder } from '../../lib/parsing/coordinates';
import type { TextEncodingName } from '../../lib/parsing/text-encoding';
import { maskPersonalNumbers, type PersonalDataAction } from '../../lib/parsing/personal-identity';
import { ImportCardHeader, ImportModeChoice, SourceNameField, ImportRun, type ImportCardProps } from './import-card-parts.view';
import { blockers, type ImportEntry } from './import-entry.model';
import { WholeNumberField } from '../../components/whole-number-field';
import { ENCODING_CODES, crsLabel, delimiterLabel, encodingLabel, quoteLabel } from './import-labels';
import { UNREADABLE } from '../../data/import/column-mapping';
import { NUL_SYMBOL } from '../../lib/parsing/utf8-check';

type CsvEntry = Extract<ImportEntry, { kind: 'table' }>;


export function CsvFileCard({ entry, replacesExample, onChange, onImport, onRemove, onCancel }: ImportCardProps<CsvEntry>) {
  const { t } = useTranslation();
  const id = useId();
  const { plan } = entry;
  const locked = entry.status === 'importing' || entry.status === 'done';
  const damagedHeaders = plan.format === 'csv' ? plan.dialect.columns.filter((c) => c.includes(UNREADABLE)) : [];
  // A NUL in a column name is shown as U+2400 (csv-plan.ts uniqueNames): said as the damage it is (helper-61: silent).
  const nulHeaders = plan.format === 'csv' ? plan.dialect.columns.filter((c) => c.includes(NUL_SYMBOL)) : [];
  const setPlan = (next: TablePlan) => onChange({ ...entry, plan: next });
  const blocked = blockers(plan);
  const columnIndex = (c: string | undefined) => (c ? plan.dialect.columns.indexOf(c) : -1);
  // Personnummer are shown masked in the columns the import masks (a screen shared in a meeting; helper-58 saw them
  // in the samples and the preview after the import had masked them).
  const masked = new Set(plan.personalData.filter((p) => p.found > 0 && (plan.personalChoices[p.column] ?? 'mask') !== 'keep').map((p) => p.column));
  const shown = (column: string, value: string | undefined) => (masked.has(column) ? maskPersonalNumbers(value ?? '') : value ?? '');
  const samples = (c: string | undefined) => {
    const i = columnIndex(c);
    return i < 0 || !c ? '' : plan.previewRows.slice(0, 3).map((r) => shown(c, r[i])).join(' · ');
  };
  const required = new Set(REQUIRED_FOR[plan.target]);

  return (
    <section className="panel import-card" aria-labelledby={`${id}-title`} data-testid="import-card">
      <ImportCardHeader id={id} entry={entry} onRemove={onRemove} />
      <SourceNameField entry={entry} onSource={(source) => onChange({ ...entry, source })} />
      {plan.looksBinary && <p role="alert" className="error">{t('importer.binary')}</p>}
      {plan.remembered && !plan.looksBinary && <p className="hint">{t('importer.remembered')}</p>}
      {plan.leftUnmapped && !plan.looksBinary && Object.entries(plan.leftUnmapped).some(([field]) => !plan.mapping[field as CanonicalField]) && (
        <p className="hint" data-testid="left-unmapped">
          {t('importer.leftUnmapped', { fields: Object.entries(plan.leftUnmapped).map(([field, column]) => `${t(`importer.fields.${field}`)} ← ${column}`).join(', ') })}{' '}
          <button type="button" className="link-button" disabled={locked}
            onClick={() => setPlan(Object.entries(plan.leftUnmapped!).reduce((p, [field, column]) => setMapping(p, field as CanonicalField, column), plan))}>
            {t('importer.mapLeftUnmapped')}
          </button>
        </p>
      )}
      {plan.misread && (
        // Every row of a misread file imports without a fault, so the card says it before the import, with the word.
        <p className="warning" data-testid="encoding-misread">
          {t('importer.encodingMisread', { chosen: encodingLabel(plan.encoding, t), read: plan.misread.read, detected: plan.misread.detected, detectedName: encodingLabel(plan.misread.detectedEncoding, t) })}{' '}
          <button type="button" className="link-button" disabled={locked} onClick={() => setPlan(replan(entry.bytes, plan, { encoding: plan.misread!.detectedEncoding }))}>
            {t('importer.encodingUse', { name: encodingLabel(plan.misread.detectedEncoding, t) })}
          </button>
        </p>
      )}

      {plan.mixedEncoding && !plan.looksBinary && <p className="warning" data-testid="encoding-mixed">{t('importer.encodingMixed')}</p>}
      {damagedHeaders.length > 0 && !plan.looksBinary && (
        // A column name with a character the encoding could not read ("Omr\ufffdde"): said, since a remembered mapping or a
        // later export names the column differently; the mapping below shows where it went (matched letter for letter).
        <p className="warning" data-testid="header-unreadable">
          {t('importer.headerUnreadable', { count: damagedHeaders.length, names: damagedHeaders.map((h) => `”${h}”`).join(', '), encoding: encodingLabel(plan.encoding, t) })}
        </p>
      )}
      {nulHeaders.length > 0 && !plan.looksBinary && (
        <p className="warning" data-testid="header-nul">{t('importer.headerNul', { count: nulHeaders.length, names: nulHeaders.map((h) => `”${h}”`).join(', ') })}</p>
      )}
      <fieldset disabled={locked} className="import-settings">
        <legend>{t('importer.settings')}</legend>
        {plan.format === 'csv' && <>
        <label>{t('importer.encoding')}
          <select value={plan.encoding} onChange={(e) => setPlan(replan(entry.bytes, plan, { encoding: e.target.value as TextEncodingName }))}>
            {ENCODING_CODES.map((code) => <option key={code} value={code}>{encodingLabel(code, t)}</option>)}
          </select>
        </label>
        <label>{t('importer.delimiter')}
          <select value={plan.dialect.delimiter} onChange={(e) => setPlan(replan(entry.bytes, plan, { delimiter: e.target.value }))}>
            {DELIMITERS.map((d) => <option key={d} value={d}>{delimiterLabel(d, t)}</option>)}
          </select>
        </label>
        <label>{t('importer.quote')}
          <select value={plan.dialect.quote} onChange={(e) => setPlan(replan(entry.bytes, plan, { quote: e.target.value }))}>
            {QUOTES.map((q) => <option key={q} value={q}>{quoteLabel(q, t)}</option>)}
          </select>
        </label>
        <label className="checkbox"><input type="checkbox" checked={plan.dialect.header} onChange={(e) => setPlan(replan(entry.bytes, plan, { header: e.target.checked }))} />{t('importer.header')}</label>
        <label>{t('importer.skipLines')}
          <WholeNumberField className="year-input" min={0} max={1000} value={plan.dialect.skipLines} data-testid="skip-lines"
            onCommit={(skipLines) => setPlan(replan(entry.bytes, plan, { skipLines }))} />
        </label>
        </>}
        <label>{t('importer.target')}
          <select value={plan.target} onChange={(e) => setPlan(plan.format === 'csv' ? replan(entry.bytes, plan, { target: e.target.value as TablePlan['target'] }) : planTable(plan.dialect.columns, plan.previewRows, e.target.value as TablePlan['target']))} data-testid="import-target">
            <option value="incidents">{t('importer.targetIncidents')}</option>
            <option value="interventions">{t('importer.targetInterventions')}</option>
          </select>
        </label>
        <label>{t('importer.decimal')}
          <select value={plan.decimal} onChange={(e) => setPlan(completePlan(plan, { decimal: e.target.value as TablePlan['decimal'] }))}>
            <option value=",">{t('importer.decimalComma')}</option>
            <option value=".">{t('importer.decimalPoint')}</option>
          </select>
        </label>
        <label>{t('importer.yearsFrom')}
          <WholeNumberField className="year-input" value={plan.years.min} min={1000} max={9999} data-testid="years-min"
            onCommit={(min) => setPlan({ ...plan, years: { ...plan.years, min } })} />
        </label>
        <label>{t('importer.yearsTo')}
          <WholeNumberField className="year-input" value={plan.years.max} min={1000} max={9999} data-testid="years-max"
            onCommit={(max) => setPlan({ ...plan, years: { ...plan.years, max } })} />
        </label>
        {plan.coordinates && (
          <>
            <label>{t('importer.coordinates')}
              <select
                value={plan.coordinates.ambiguous ? '' : plan.coordinates.crs}
                onChange={(e) => setPlan({ ...plan, coordinates: { ...plan.coordinates!, crs: e.target.value as CrsCode, ambiguous: false, named: false } })}
                data-testid="import-crs"
              >
                {plan.coordinates.ambiguous && <option value="">{t('importer.chooseSystem')}</option>}
                {SUPPORTED_CRS.map((c) => <option key={c} value={c}>{crsLabel(c)}</option>)}
              </select>
            </label>
            <label>{t('importer.coordinateOrder')}
              <select value={plan.coordinates.order} onChange={(e) => setPlan({ ...plan, coordinates: { ...plan.coordinates!, order: e.target.value as PairOrder } })}>
                <option value="north-east">{t('importer.orderNorthEast')}</option>
                <option value="east-north">{t('importer.orderEastNorth')}</option>
              </select>
            </label>
          </>
        )}
      </fieldset>
      {/* A file that is not text gets only the error and the settings (an encoding chosen may still read it): the
          hints about positions, years and columns beside it contradicted it (helper-56). */}
      {!plan.looksBinary && <>
        {plan.format === 'csv' && plan.firstRowIsData && <p className="hint" data-testid="first-row-data">{t('importer.firstRowIsData')}</p>}
        {plan.format === 'csv' && plan.dialect.skipLines > 0 && !blocked?.empty && <p className="hint" data-testid="skip-note">{t('importer.skipNote', { count: plan.dialect.skipLines, header: plan.dialect.skipLines + 1 })}</p>}
        {plan.format === 'csv' && <p className="hint">{t('importer.numberNote')}</p>}
        {blocked?.yearsReversed
          ? <p role="alert" className="warning" data-testid="years-reversed">{t('importer.yearsReversed', { min: plan.years.min, max: plan.years.max })}</p>
          : <p className="hint" data-testid="years-note">{t('importer.yearsNote', { min: plan.years.min, max: plan.years.max })}</p>}
        {blocked?.needsCrs && (
          <p role="alert" className="warning" data-testid="crs-question">
            {plan.coordinates?.noValues
              ? t(plan.rowsAllRead ? 'importer.noCoordinateValuesWhole' : 'importer.noCoordinateValues', { count: plan.previewRows.length + (plan.laterRows?.length ?? 0), north: plan.mapping.north, east: plan.mapping.east })
              : plan.coordinates?.unreadable
                ? t('importer.unreadableCoordinates', { north: plan.mapping.north, east: plan.mapping.east, mark: t(plan.decimal === ',' ? 'importer.decimalComma' : 'importer.decimalPoint') })
                : t(plan.coordinates?.fitsNone ? 'importer.fitsNoSystem' : 'importer.ambiguous')}
          </p>
        )}
        {plan.coordinates?.named && !plan.coordinates.valuesFit && <p className="hint" data-testid="crs-from-header">{t('importer.crsFromHeader')}</p>}
        {plan.coordinates?.valuesFit && (
          <p role="alert" className="warning" data-testid="crs-values-fit">
            {t(plan.coordinates.named ? 'importer.valuesFitOtherHeader' : 'importer.valuesFitOther', { chosen: crsLabel(plan.coordinates.crs), fits: crsLabel(plan.coordinates.valuesFit.crs) })}{' '}
            <button type="button" className="link-button" disabled={locked}
              onClick={() => setPlan({ ...plan, coordinates: { ...plan.coordinates!.valuesFit!, ambiguous: false, named: false } })}>
              {t('importer.useSystem', { name: crsLabel(plan.coordinates.valuesFit.crs) })}
            </button>
          </p>
        )}
        {!(plan.mapping.north && plan.mapping.east) && plan.previewRows.length > 0 && (
          <p role="status" className="warning" data-testid="no-position">{t(plan.target === 'incidents' ? 'importer.noPositionIncidents' : 'importer.noPositionInterventions')}</p>
        )}

        {plan.personalData.length > 0 && (
          <fieldset disabled={locked} className="personal-data" data-testid="personal-data">
            <legend>{t('importer.personalFound')}</legend>
            {plan.personalData.map(({ column, found, lookalike }) => {
              const stored = Object.values(plan.mapping).includes(column);
              // Only lookalikes (failing the check digit): kept unless chosen — an id column of 10-digit numbers masked
              // whole would lose its ids (personal-data-scan.ts).
              const byDefault = found > 0 ? 'mask' : 'keep';
              return (
                <label key={column}>
                  {found > 0 ? t('importer.personalColumn', { column, count: found }) : ''}
                  {lookalike > 0 ? `${found > 0 ? ' · ' : ''}${t('importer.personalLookalikeColumn', { column, count: lookalike })}` : ''}
                  {' '}{!stored && <span className="hint">{t('importer.personalNotStored')}</span>}
                  {stored && (
                    <select value={plan.personalChoices[column] ?? byDefault} onChange={(e) => setPlan({ ...plan, personalChoices: { ...plan.personalChoices, [column]: e.target.value as PersonalDataAction } })}>
                      {(['mask', 'drop', 'keep'] as const).map((a) => <option key={a} value={a}>{t(`importer.personalAction_${a}`)}</option>)}
                    </select>
                  )}
                </label>
              );
            })}
          </fieldset>
        )}

        <fieldset disabled={locked}>
          <legend>{t('importer.mapping')}</legend>
          <table className="data-table mapping-table">
            <thead><tr><th scope="col">{t('importer.field')}</th><th scope="col">{t('importer.column')}</th><th scope="col">{t('importer.samples')}</th></tr></thead>
            <tbody>
              {fieldsOf(plan).map((field: CanonicalField) => (
                <tr key={field}>
                  <th scope="row"><label htmlFor={`${id}-${field}`}>{t(`importer.fields.${field}`)}</label>{required.has(field) && <span className="required"> ({t('importer.required')})</span>}</th>
                  <td>
                    <select id={`${id}-${field}`} value={plan.mapping[field] ?? ''} onChange={(e) => setPlan(setMapping(plan, field, e.target.value || undefined))}>
                      <option value="">{t('importer.notMapped')}</option>
                      {plan.dialect.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                    </select>
                  </td>
                  <td className="samples">{samples(plan.mapping[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.outcomes.length > 0 && <p className="hint">{t('importer.outcomes', { names: plan.outcomes.map((o) => o.name).join(', ') })}</p>}
        </fieldset>

        <details>
          <summary>{t('importer.preview', { count: Math.min(PREVIEW_ROWS, plan.previewRows.length) })}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('importer.preview', { count: plan.previewRows.length })}>
            <table className="data-table preview-table">
              <thead><tr>{plan.dialect.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
              <tbody>{plan.previewRows.map((r, i) => <tr key={i}>{plan.dialect.columns.map((c, j) => <td key={c}>{shown(c, r[j])}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </details>
      </>}

      <ImportModeChoice id={id} entry={entry} replacesExample={replacesExample} onMode={(mode) => onChange({ ...entry, mode })} />
      <ImportRun entry={entry} blocked={Boolean(blocked)} onImport={onImport} onCancel={onCancel}>
        {blocked?.empty && !plan.looksBinary && (
          <p role="alert" className="warning" data-testid="empty-file">
            {blocked.empty === 'no-columns' && plan.format === 'csv' && plan.dialect.skipLines > 0
              ? t('importer.skippedAll', { count: plan.dialect.skipLines })
              : t(blocked.empty === 'no-columns' ? 'importer.emptyFile' : 'importer.headerOnly')}
          </p>
        )}
        {blocked && blocked.missing.length > 0 && !plan.looksBinary && <p role="alert" className="warning">{t('importer.missingRequired', { fields: blocked.missing.map((f) => t(`importer.fields.${f}`)).join(', ') })}</p>}
      </ImportRun>
    </section>
  );
}
