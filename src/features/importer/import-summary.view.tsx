import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusWhenLost } from '../../hooks/use-focus-when-lost';
import { DataTable } from '../../components/data-table';
import { ALREADY_LOADED_REASONS, type ImportResult, type RejectedRow } from '../../data/import/import-csv';
import { toExcelCsv, downloadText } from '../../lib/excel-csv';
import { formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { rejectedFaultsFirst } from './import-summary.model';

const SHOWN = 200;
const NAMED = 12;

/** Up to NAMED names, then "…" (the count is in the sentence). */
function listNames(names: string[]): string {
  return names.slice(0, NAMED).join(', ') + (names.length > NAMED ? ' …' : '');
}

/** Rows in the file = imported + rejected, and every rejected row with its line and reason. */
export function ImportSummary({ result, fileName, unit = 'line' }: { result: ImportResult; fileName: string; unit?: 'line' | 'record' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const where = unit === 'line' ? t('importer.line') : t('importer.record');
  // The range a year was checked against goes into that reason's text.
  const reason = (r: RejectedRow) => t(`importer.reasons.${r.reason}`, result.years ?? {});
  const listed = useMemo(() => rejectedFaultsFirst(result.rejected), [result.rejected]);
  const download = () =>
    downloadText(
      fileName.replace(/\.[^.]+$/, '') + '-avvisade.csv',
      toExcelCsv(
        [where, t('importer.reason'), t('importer.rejectColumn'), t('importer.rejectValue'), t('importer.rejectText')],
        listed.map((r) => [r.line, reason(r), r.column ?? '', r.value ?? '', r.text ?? '']),
      ),
    );
  const alreadyLoaded = result.rejected.filter((r) => ALREADY_LOADED_REASONS.has(r.reason)).length;
  const duplicateIds = result.rejected.filter((r) => r.reason === 'duplicate-id-in-file').length;
  // The progress (and its Cancel) is gone when the import ends: focus goes to the summary line, which is read out.
  const summaryLine = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(summaryLine);
  // Only the sentence is a live region, not the rejected rows' table below it.
  return (
    <div className="import-summary">
      <p className="summary-line" data-testid="import-summary" role="status" tabIndex={-1} ref={summaryLine}>
        {t(result.leftOut ? 'importer.summaryLeftOut' : 'importer.summary', { rows: formatCount(result.rowsInFile, language), imported: formatCount(result.imported, language), rejected: formatCount(result.rejected.length, language), leftOut: formatCount(result.leftOut ?? 0, language) })}
        {/* In the sentence itself, as in the history: "avvisade 1 000 000" alone read as a million faults (a tester). */}
        {alreadyLoaded > 0 && ` (${t('importer.historyAlreadyLoaded', { count: alreadyLoaded, formatted: formatCount(alreadyLoaded, language) })})`}
      </p>
      {alreadyLoaded > 0 && (
        // Counted among the rejected (rows in the file = imported + rejected), but not faults: said so, or a file read
        // again read like 300 000 errors (a tester).
        <p className="hint" data-testid="already-loaded">
          {t('importer.alreadyLoadedSummary', { count: alreadyLoaded, formatted: formatCount(alreadyLoaded, language) })}
          {result.alreadyLoadedTextsOmitted !== undefined && ` ${t('importer.alreadyLoadedTextsOmitted', { limit: formatCount(result.alreadyLoadedTextsOmitted, language) })}`}
        </p>
      )}
      {result.midnightDates ? (
        <p className="hint" data-testid="midnight-dates">{t('importer.midnightDates', { count: result.midnightDates, formatted: formatCount(result.midnightDates, language) })}</p>
      ) : null}
      {result.changedUnderSameId && (
        <p className="warning" data-testid="changed-under-same-id">
          {t('importer.changedUnderSameId', {
            count: result.changedUnderSameId.rows,
            formatted: formatCount(result.changedUnderSameId.rows, language),
            ids: result.changedUnderSameId.ids.join(', ') + (result.changedUnderSameId.rows > result.changedUnderSameId.ids.length ? ' …' : ''),
          })}
        </p>
      )}
      {result.sameEventsOtherFields && (
        <p className="warning" data-testid="same-events-other-fields">
          {t('importer.sameEventsOtherFields', {
            count: result.sameEventsOtherFields.rows,
            formatted: formatCount(result.sameEventsOtherFields.rows, language),
            fields: result.sameEventsOtherFields.fields.map((f) => t(`importer.fields.${f}`)).join(', '),
          })}
        </p>
      )}
      {result.sameEventsNearby && (
        <p className="warning" data-testid="same-events-nearby">
          {t('importer.sameEventsNearby', {
            count: result.sameEventsNearby.rows,
            formatted: formatCount(result.sameEventsNearby.rows, language),
            metres: formatCount(result.sameEventsNearby.metres, language),
          })}
        </p>
      )}
      {result.sameAsOtherSources && (
        // Imported (rows are recognised within a source), but a renamed export of a loaded source would now count
        // twice: said, with the remedy.
        <p className="warning" data-testid="same-as-other-sources">
          {t(result.sameAsOtherSources.sources.length > 1 ? 'importer.sameAsOtherSources' : 'importer.sameAsOtherSource', {
            count: result.sameAsOtherSources.rows,
            formatted: formatCount(result.sameAsOtherSources.rows, language),
            sources: result.sameAsOtherSources.sources.map((value) => t('importer.quoted', { value })).join(', '),
            first: result.sameAsOtherSources.sources[0],
            source: result.sameAsOtherSources.source,
          })}
        </p>
      )}
      {duplicateIds > 0 && (
        // Rejected rightly when the export repeats a row; not when a case carries several offences, one row each (a
        // tester's register export lost 5 assaults this way): the remedy is the user's, and it is said here.
        <p className="hint" data-testid="duplicate-ids">{t('importer.duplicateIdsHint', { count: duplicateIds, formatted: formatCount(duplicateIds, language), none: t('importer.notMapped') })}</p>
      )}
      {result.replacedAreas && (
        // A new version of a boundary, or — without a kind — another area of the same name (a län over a kommun):
        // which, by name, and how to take it back.
        <p className="warning" data-testid="replaced-areas">
          {t(result.replacedAreas.some((a) => a.kind === null) ? 'importer.replacedAreasNoKind' : 'importer.replacedAreas', {
            count: result.replacedAreas.length,
            formatted: formatCount(result.replacedAreas.length, language),
            names: listNames(result.replacedAreas.map((a) => a.kind ? `${a.name} (${a.kind})` : a.name)),
          })}
        </p>
      )}
      {result.sameNameOtherKind && (
        <p className="warning" data-testid="same-name-other-kind">
          {t('importer.sameNameOtherKind', {
            count: result.sameNameOtherKind.length,
            formatted: formatCount(result.sameNameOtherKind.length, language),
            names: listNames(result.sameNameOtherKind.map((a) => `${a.name} (${a.kind})`)),
          })}
        </p>
      )}
      {result.valueVariants?.spellings.map((spellings) => (
        <p key={spellings.join('\u001f')} className="hint" data-testid="value-variants">
          {t(`importer.valueVariants_${result.valueVariants!.field}`, { spellings: spellings.map((value) => t('importer.quoted', { value })).join(', '), replace: t('importer.replace') })}
        </p>
      ))}
      {result.personalData.map((f) => (
        <p key={f.column} className="warning" data-testid="personal-summary">
          {f.found > 0 && t('importer.personalSummary', { column: f.column, formatted: formatCount(f.found, language), action: t(`importer.personalDone_${f.action}`) })}
          {f.found > 0 && f.lookalike ? ' ' : ''}
          {f.lookalike ? t(`importer.personalLookalike_${f.action}`, { column: f.column, count: f.lookalike, formatted: formatCount(f.lookalike, language) }) : ''}
        </p>
      ))}
      {result.notes && result.notes.length > 0 && (
        <div className="warning" data-testid="import-notes">
          <p>{t('importer.notesHeading', { count: result.notes.length })}</p>
          <ul>{result.notes.slice(0, SHOWN).map((n) => <li key={n.line}>{t(`importer.note_${n.problem}`, { line: formatCount(n.line, language), column: n.column, value: n.value, where })}</li>)}</ul>
        </div>
      )}
      {result.rejected.length > 0 && (
        <>
          <DataTable
            // The order said: faults in the file first, then the rows already loaded, each by line (a tester read
            // lines 4, 6, 2, 5 as unsorted).
            caption={alreadyLoaded > 0 && alreadyLoaded < result.rejected.length ? t('importer.rejectedHeadingFaultsFirst') : t('importer.rejectedHeading')}
            testId="rejected-rows"
            rows={listed.slice(0, SHOWN)}
            rowKey={(r) => `${r.line}-${r.reason}`}
            columns={[
              { key: 'line', header: where, numeric: true, cell: (r) => formatCount(r.line, language) },
              { key: 'reason', header: t('importer.reason'), cell: reason },
              { key: 'column', header: t('importer.rejectColumn'), cell: (r) => r.column ?? '' },
              { key: 'value', header: t('importer.rejectValue'), cell: (r) => r.value ?? '' },
              { key: 'text', header: t('importer.rejectText'), cell: (r) => <code className="reject-text">{r.text ?? ''}</code> },
            ]}
          />
          {result.rejected.length > SHOWN && <p className="hint">{t('importer.showingFirst', { count: SHOWN })}</p>}
          <div className="actions"><button type="button" onClick={download}>{t('importer.downloadRejected')}</button></div>
        </>
      )}
    </div>
  );
}
