import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import type { ImportPhase } from '../../data/import/browser-import';
import { FileTooLargeError, MAX_CSV_BYTES, planImport, runImport, sourceName } from '../../data/import/import-plan';
import { headerSignature } from '../../data/import/column-mapping';
import { cardsFollowing, withCardSource } from '../../data/import/source-choice';
import { ImportCancelledError, type ReadProgress } from '../../data/import/read-file';
import { ImportHistory } from './import-history.view';
import { AreasCard } from './areas-card.view';
import { useDatabase } from '../../hooks/use-database';
import { useLanguage } from '../../lib/i18n/i18n';
import { CsvFileCard } from './csv-file-card.view';
import { EXAMPLE_EXPORTS, fetchExampleExport } from './example-exports';
import { PoliceEventsCard } from './police-events-card.view';
import { formatBytes } from '../../lib/format';
import { NothingToImportError } from '../../data/import/import-csv';
import { nothingImportedText } from './nothing-imported';
import { replanned, type ImportEntry } from './import-entry.model';
import { changeImportEntries, currentImportEntries, importControllers, takeDroppedFiles, useImportEntries, useImportPageOpen } from './import-entries.store';

let nextKey = 0;

/** The browser's storage quota ran out while DuckDB wrote its file (OPFS says "No space available"). */
function isStorageFull(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''}`;
  return /QuotaExceeded|No space available|quota/i.test(text);
}

export function ImporterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database, replace } = useDatabase();
  const entries = useImportEntries();
  useImportPageOpen();
  const setEntries = changeImportEntries;
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const databaseRef = useRef(database);
  databaseRef.current = database;

  const update = (key: string, change: (e: ImportEntry) => ImportEntry) => setEntries((list) => list.map((e) => (e.key === key ? change(e) : e)));
  // A table card's change; a new source name is taken by the planned cards that follow it (source-choice.ts).
  const changeTableCard = (entry: ImportEntry & { kind: 'table' }, next: ImportEntry & { kind: 'table' }) => setEntries((list) => {
    const updated = list.map((e) => (e.key === entry.key ? next : e));
    if (next.source === entry.source) return updated;
    const cards = updated.map((e) => ({ fileName: e.file.name, source: e.kind === 'refused' ? '' : e.source, sourceChoice: e.kind === 'refused' ? undefined : e.sourceChoice, planned: e.kind === 'table' && e.status === 'planned' && e.key !== entry.key }));
    const moved = cardsFollowing(cards, entry.file.name, entry.source, next.source);
    return updated.map((e, i) => (moved.has(i) && e.kind === 'table' ? { ...e, source: moved.get(i)!.source, sourceChoice: moved.get(i) } : e));
  });

  const addFiles = useCallback(async (files: File[]) => {
    for (const file of files) {
      const key = `f${nextKey++}`;
      let plan = await planImport(databaseRef.current, file);
      if (plan.kind === 'table' && plan.sourceChoice) {
        const cards = currentImportEntries().flatMap((e) => e.kind === 'table' && e.status !== 'failed' && e.status !== 'cancelled'
          ? [{ signature: headerSignature(e.plan.dialect.columns), source: e.source, fileName: e.file.name }] : []);
        const sourceChoice = withCardSource(plan.sourceChoice, headerSignature(plan.plan.dialect.columns), cards);
        plan = { ...plan, source: sourceChoice.source, sourceChoice };
      }
      const planned = plan;
      setEntries((list) => [...list, planned.kind === 'refused' ? { ...planned, key, status: 'unsupported' } : { ...planned, key, status: 'planned' }]);
    }
  }, []);

  // Files dropped on another page (the app brought the analyst here with them).
  useEffect(() => {
    const dropped = takeDroppedFiles();
    if (dropped.length) void addFiles(dropped);
  }, [addFiles]);

  // Drop anywhere on the page while it is open.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void addFiles([...e.dataTransfer.files]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles]);

  // A replace with no valid row: in the user's language, with how many rows failed for which reason and the
  // first few rows themselves, so the file can be fixed (tester: an English sentence and no reasons).
  const nothingImported = (error: NothingToImportError): string => nothingImportedText(error, t, language);

  const startImport = async (entry: Exclude<ImportEntry, { status: 'unsupported' }>) => {
    // One at a time (the button says so): two imports share the staging tables, and both failed.
    if (currentImportEntries().some((e) => e.status === 'importing')) return;
    const controller = new AbortController();
    importControllers.set(entry.key, controller);
    update(entry.key, (e) => ({ ...e, status: 'importing', phase: 'reading', progress: undefined, error: undefined, startedAt: Date.now(), cancelling: false }) as ImportEntry);
    const run = await runImport(databaseRef.current, entry, {
      onPhase: (phase: ImportPhase) => update(entry.key, (e) => ({ ...e, phase }) as ImportEntry),
      onProgress: (progress: ReadProgress) => update(entry.key, (e) => ({ ...e, progress }) as ImportEntry),
      signal: controller.signal,
    });
    importControllers.delete(entry.key);
    // Every view shows what the database now holds before the card says "done" (runImport refreshed it). If even
    // that failed (the engine gave up after a full disk), the card still ends with what happened; the crash screen follows.
    if (run.database) replace(run.database);
    const error = run.error;
    const outcome = error === undefined
      ? { status: 'done' as const, result: run.result, cancelTooLate: controller.signal.aborted }
      : error instanceof ImportCancelledError ? { status: 'cancelled' as const }
      : {
          status: 'failed' as const,
          error: error instanceof FileTooLargeError
            ? t('importer.tooLarge', { size: formatBytes(error.size, language), limit: formatBytes(MAX_CSV_BYTES, language) })
            : error instanceof NothingToImportError ? nothingImported(error)
                : isStorageFull(error) ? t('importer.storageFull') : (error as Error).message,
        };
    update(entry.key, (e) => ({ ...e, ...outcome }) as ImportEntry);
    // The source has rows now: the other cards say so ("Befintlig källa", not a stale "Ny källa").
    if (outcome.status === 'done' && run.result?.imported) {
      const source = sourceName(entry);
      setEntries((list) => list.map((e) => (e.kind !== 'refused' && e.status === 'planned' && !(e.storedSources ?? []).includes(source) ? { ...e, storedSources: [...(e.storedSources ?? []), source] } as ImportEntry : e)));
    }
  };

  return (
    <Page title={t('pages.import')}>
      <p className="lead">{t('importer.intro')}</p>
      <div className={`drop-zone${dragging ? ' dragging' : ''}`} data-testid="drop-zone">
        <p>{t('importer.dropHere')}</p>
        <input ref={input} type="file" multiple accept=".csv,.tsv,.txt,.tab,.parquet,.json,.geojson,text/csv" hidden
          data-testid="file-input" onChange={(e) => { void addFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <button type="button" className="primary" onClick={() => input.current?.click()}>{t('importer.choose')}</button>
      </div>
      <div className="example-files">
        <span className="hint">{t('importer.tryExamples')}:</span>
        {EXAMPLE_EXPORTS.map((x) => (
          <button key={x.url} type="button" className="link-button" onClick={async () => addFiles([await fetchExampleExport(x.url, x.name)])}>{t(x.labelKey)}</button>
        ))}
      </div>
      {entries.map((entry) => {
        if (entry.status === 'unsupported') {
          const message = entry.reason === 'too-large'
            ? `${entry.file.name}: ${t('importer.tooLarge', { size: formatBytes(entry.file.size, language), limit: formatBytes(entry.limit ?? 0, language) })}`
            : entry.reason === 'not-police-events'
            ? t('importer.notPoliceEvents', { name: entry.file.name, detail: t(`importer.policeReason_${(entry.detail ?? 'invalid-json').replace(/-/g, '_')}`) })
            : entry.reason === 'not-geojson'
            ? t('importer.notGeojson', { name: entry.file.name, detail: t(`importer.geojsonReason_${(entry.detail ?? 'invalid-json').replace(/-/g, '_')}`) })
            : entry.reason === 'unreadable-parquet'
              ? t('importer.unreadableParquet', { name: entry.file.name, detail: entry.detail })
              : entry.reason === 'goals-file'
                ? t('importer.goalsFile', { name: entry.file.name })
                : entry.reason === 'unreadable'
                  ? t('importer.unreadable', { name: entry.file.name, detail: entry.detail })
                  : t('importer.notYet', { name: entry.file.name });
          return <p key={entry.key} role="alert" className="warning panel">{message}</p>;
        }
        const cancel = () => {
          importControllers.get(entry.key)?.abort();
          update(entry.key, (e) => ({ ...e, cancelling: true }) as ImportEntry);
        };
        const common = {
          replacesExample: database.meta.dataset === 'example',
          onImport: () => void startImport(entry),
          onRemove: () => setEntries((list) => list.filter((e) => e.key !== entry.key)),
        };
        // A change the user makes on a card after a failed or cancelled import plans it again (replanned).
        if (entry.kind === 'table') return <CsvFileCard key={entry.key} entry={entry} onChange={(next) => changeTableCard(entry, replanned(next))} onCancel={cancel} {...common} />;
        if (entry.kind === 'areas') return <AreasCard key={entry.key} entry={entry} onChange={(next) => update(entry.key, () => replanned(next))} {...common} />;
        return <PoliceEventsCard key={entry.key} entry={entry} onChange={(next) => update(entry.key, () => replanned(next))} onCancel={cancel} {...common} />;
      })}
      <ImportHistory />
    </Page>
  );
}
