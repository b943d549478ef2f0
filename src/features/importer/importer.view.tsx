import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { FileTooLargeError, importAreasFile, importCsvFile, importPoliceEventsFile, MAX_CSV_BYTES, MAX_JSON_BYTES, MAX_PARQUET_BYTES, planFile, POLICE_EVENTS_SOURCE, type ImportPhase } from '../../data/import/browser-import';
import { ImportCancelledError, type ReadProgress } from '../../data/import/read-file';
import { defaultPoliceChoice, policeEventCounts } from '../../data/import/police-events';
import { ImportHistory } from './import-history.view';
import { parseFeatureCollection, propertyKeys, suggestAreaMapping } from '../../data/area-features';
import { AreasCard } from './areas-card.view';
import { useDatabase } from '../../hooks/use-database';
import { useLanguage } from '../../lib/i18n/i18n';
import { CsvFileCard } from './csv-file-card.view';
import { EXAMPLE_EXPORTS, fetchExampleExport } from './example-exports';
import { PoliceEventsCard } from './police-events-card.view';
import { fileKind, formatBytes, type ImportEntry } from './import-entry.model';

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
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const databaseRef = useRef(database);
  databaseRef.current = database;

  const update = (key: string, change: (e: ImportEntry) => ImportEntry) => setEntries((list) => list.map((e) => (e.key === key ? change(e) : e)));

  const addFiles = useCallback(async (files: File[]) => {
    for (const file of files) {
      const key = `f${nextKey++}`;
      const kind = fileKind(file.name);
      // Refused before reading: a file the tab could not hold would end in a dead tab, not a message.
      const limit = kind === 'parquet' ? MAX_PARQUET_BYTES : kind === 'json' || kind === 'geojson' ? MAX_JSON_BYTES : null;
      if (limit !== null && file.size > limit) {
        setEntries((list) => [...list, { key, file, status: 'unsupported', kind, tooLarge: limit }]);
        continue;
      }
      if (kind === 'csv') {
        try {
          const { bytes, plan } = await planFile(databaseRef.current, file);
          setEntries((list) => [...list, { key, file, kind: 'csv', status: 'planned', bytes, plan, mode: 'append', source: file.name }]);
        } catch (error) {
          // Whatever fails while reading the start of a file is said on its card, never swallowed.
          setEntries((list) => [...list, { key, file, status: 'unsupported', kind, detail: String((error as Error).message ?? error) }]);
        }
      } else if (kind === 'parquet') {
        try {
          const { planParquetFile } = await import('../../data/import/parquet-file');
          const plan = await planParquetFile(databaseRef.current, file);
          setEntries((list) => [...list, { key, file, kind: 'csv', status: 'planned', bytes: new Uint8Array(), plan, mode: 'append', source: file.name }]);
        } catch (error) {
          setEntries((list) => [...list, { key, file, status: 'unsupported', kind, detail: String((error as Error).message ?? error) }]);
        }
      } else if (kind === 'json' || kind === 'geojson') {
        const text = await file.text();
        const collection = parseFeatureCollection(text);
        if (collection) {
          const { crsAmbiguous, ...mapping } = suggestAreaMapping(collection);
          setEntries((list) => [...list, { key, file, kind: 'areas', status: 'planned', collection, keys: propertyKeys(collection), mapping, crsAmbiguous, mode: 'append', source: file.name }]);
          continue;
        }
        try {
          const counts = policeEventCounts(text);
          setEntries((list) => [...list, { key, file, kind: 'police-events', status: 'planned', events: counts.events, counts, choice: defaultPoliceChoice(counts), mode: 'append', source: POLICE_EVENTS_SOURCE }]);
        } catch (error) {
          setEntries((list) => [...list, { key, file, status: 'unsupported', kind: 'json', detail: (error as Error).message }]);
        }
      } else {
        setEntries((list) => [...list, { key, file, status: 'unsupported', kind }]);
      }
    }
  }, []);

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

  const controllers = useRef(new Map<string, AbortController>());
  const runImport = async (entry: Exclude<ImportEntry, { status: 'unsupported' }>) => {
    const controller = new AbortController();
    controllers.current.set(entry.key, controller);
    update(entry.key, (e) => ({ ...e, status: 'importing', phase: 'reading', progress: undefined, error: undefined }) as ImportEntry);
    const onProgress = (progress: ReadProgress) => update(entry.key, (e) => ({ ...e, progress }) as ImportEntry);
    let outcome: Partial<Exclude<ImportEntry, { status: 'unsupported' }>>;
    // An empty name is never stored: the file's name stands in.
    const source = entry.source.trim() || entry.file.name;
    const onPhase = (phase: ImportPhase) => update(entry.key, (e) => ({ ...e, phase }) as ImportEntry);
    try {
      const result = entry.kind === 'csv' && entry.plan.format === 'parquet'
        ? await (await import('../../data/import/parquet-file')).importParquetFile(databaseRef.current, entry.file, entry.plan, entry.mode, controller.signal, source)
        : entry.kind === 'csv'
        ? await importCsvFile(databaseRef.current, entry.file, entry.plan, entry.mode, onPhase, onProgress, controller.signal, source)
        : entry.kind === 'areas'
          ? await importAreasFile(databaseRef.current, entry.file.name, entry.collection, entry.mapping, entry.mode, source)
          : await importPoliceEventsFile(databaseRef.current, entry.file, entry.mode, onPhase, controller.signal, { source, choice: entry.choice });
      outcome = { status: 'done', result };
    } catch (error) {
      const message = error instanceof FileTooLargeError
        ? t('importer.tooLarge', { size: formatBytes(error.size, language), limit: formatBytes(MAX_CSV_BYTES, language) })
        : error instanceof ImportCancelledError ? t('importer.cancelled')
          : isStorageFull(error) ? t('importer.storageFull') : (error as Error).message;
      outcome = { status: 'failed', error: message };
    } finally {
      controllers.current.delete(entry.key);
    }
    // Whatever happened, every view shows what the database now holds before the summary says "done". If even that
    // fails (the engine gave up after a full disk), the card still ends with what happened; the crash screen follows.
    try {
      replace(await databaseRef.current.refresh());
    } catch (error) {
      if (outcome.status === 'done') outcome = { status: 'failed', error: isStorageFull(error) ? t('importer.storageFull') : (error as Error).message };
    }
    update(entry.key, (e) => ({ ...e, ...outcome }) as ImportEntry);
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
          const message = entry.tooLarge
            ? `${entry.file.name}: ${t('importer.tooLarge', { size: formatBytes(entry.file.size, language), limit: formatBytes(entry.tooLarge, language) })}`
            : entry.kind === 'json'
            ? t('importer.notPoliceEvents', { name: entry.file.name, detail: entry.detail })
            : entry.kind === 'parquet'
              ? t('importer.unreadableParquet', { name: entry.file.name, detail: entry.detail })
              : t('importer.notYet', { name: entry.file.name });
          return <p key={entry.key} role="alert" className="warning panel">{message}</p>;
        }
        const cancel = () => controllers.current.get(entry.key)?.abort();
        const common = {
          replacesExample: database.meta.dataset === 'example',
          onImport: () => void runImport(entry),
          onRemove: () => setEntries((list) => list.filter((e) => e.key !== entry.key)),
        };
        if (entry.kind === 'csv') return <CsvFileCard key={entry.key} entry={entry} onChange={(next) => update(entry.key, () => next)} onCancel={cancel} {...common} />;
        if (entry.kind === 'areas') return <AreasCard key={entry.key} entry={entry} onChange={(next) => update(entry.key, () => next)} {...common} />;
        return <PoliceEventsCard key={entry.key} entry={entry} onChange={(next) => update(entry.key, () => next)} onCancel={cancel} {...common} />;
      })}
      <ImportHistory />
    </Page>
  );
}
