// Every import, newest first, with its accounting and the mapping it used, and "Ångra den här importen": the
// rows that import added are deleted and the rows it replaced put back in one transaction (nothing else), then
// every view is refreshed. An undone import stays listed, marked "Ångrad <time>", without the button.
import { useEffect, useState } from 'react';
import { useDisclosure } from '../../lib/disclosure/disclosure-store';
import { useTranslation } from 'react-i18next';
import { listImports, undoImport, undoState, UndoBlockedError, type ImportHistoryRow } from '../../data/import-history';
import { setFilter } from '../../data/selections';
import { useDatabase } from '../../hooks/use-database';
import { formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { mappingLines } from './import-history-lines';
import { sourceLabel } from '../../lib/source-label';

export function ImportHistory() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { database, replace } = useDatabase();
  const { rule } = useDisclosure();
  const [rows, setRows] = useState<ImportHistoryRow[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // Re-read whenever the database changes (an import, an undo, a reload of the example).
  useEffect(() => {
    let live = true;
    listImports(database.reader).then((r) => { if (live) setRows(r); }, () => { if (live) setRows([]); });
    return () => { live = false; };
  }, [database]);

  const undo = async (row: ImportHistoryRow) => {
    setBusy(true);
    let text: string;
    try {
      const { removed, restored } = await undoImport(database, row.id);
      // `count` (a number) picks the plural form, `formatted` is what is shown.
      const count = { count: removed, formatted: formatCount(removed, language) };
      text = restored > 0
        ? t('importer.undoneRestored', { file: row.file_name, ...count, restored: formatCount(restored, language) })
        : t('importer.undone', { file: row.file_name, ...count });
    } catch (error) {
      text = t('importer.undoFailed', { detail: error instanceof UndoBlockedError && error.reason === 'later-import' ? t('importer.undoBlocked') : (error as Error).message });
    }
    try {
      // Derived columns (area assignment, record keys) are made again and every view re-queried — before the
      // message says it is done, so nobody reads a view that still counts the undone rows.
      replace(await database.refresh());
    } finally {
      setConfirming(null);
      setBusy(false);
      setMessage(text);
    }
  };

  const f = (n: number) => formatCount(n, language);
  return (
    <section className="panel import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">{t('importer.history')}</h2>
      {message && <p role="status" data-testid="undo-message">{message}</p>}
      {rows && rows.length === 0 && <p className="hint">{t('importer.historyEmpty')}</p>}
      {/* Rows per file are counts (a file of 3 reports is 3 events): not in public view, like every other count. */}
      {rule && rows && rows.length > 0 && <p className="hint" data-testid="import-history-public">{t('importer.historyPublic')}</p>}
      {!rule && rows && rows.length > 0 && (
        // Eleven columns: wider than the panel on a laptop, so the region scrolls, by keyboard too.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('importer.history')}>
          <table className="data-table" data-testid="import-history-table">
            <caption className="visually-hidden">{t('importer.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importer.historyFile')}</th>
                <th scope="col">{t('importer.historyTime')}</th>
                <th scope="col">{t('importer.historySource')}</th>
                <th scope="col">{t('importer.historyTarget')}</th>
                <th scope="col" className="numeric">{t('importer.historyRowsIn')}</th>
                <th scope="col" className="numeric">{t('importer.historyImported')}</th>
                <th scope="col" className="numeric">{t('importer.historyRejected')}</th>
                <th scope="col" className="numeric">{t('importer.historyLeftOut')}</th>
                <th scope="col" className="numeric">{t('importer.historyStored')}</th>
                <th scope="col">{t('importer.historyMapping')}</th>
                <th scope="col"><span className="visually-hidden">{t('importer.historyActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const lines = mappingLines(r.mapping, t);
                const state = undoState(r);
                return (
                  <tr key={r.id} data-import-id={r.id} className={r.undone_at ? 'undone' : undefined}>
                    <th scope="row">{r.file_name}</th>
                    <td>{r.imported_at}</td>
                    <td>
                      {sourceLabel(r.source, t)}{' '}
                      {r.target !== 'areas' && <button type="button" className="link-button" onClick={() => setFilter('source', r.source)}>{t('importer.showSource')}</button>}
                    </td>
                    <td>{t(`importer.historyTargets.${r.target}`)}{r.replaced > 0
                      ? <span className="hint"> ({t('importer.historyReplacedRows', { count: r.replaced, formatted: f(r.replaced) })})</span>
                      : r.mode === 'replace' && <span className="hint"> ({t('importer.historyReplaced')})</span>}</td>
                    <td className="numeric">{f(r.rows_in)}</td>
                    <td className="numeric">{f(r.imported)}</td>
                    <td className="numeric" data-testid="history-rejected">{f(r.rejected)}{Number(r.already_loaded) > 0 && (
                      // Counted among the rejected (rows in = imported + rejected + left out), but no fault: said so,
                      // as the import's summary does (a file read again was "300 000 rejected").
                      <span className="hint" data-testid="history-already-loaded"> ({t('importer.historyAlreadyLoaded', { count: Number(r.already_loaded), formatted: f(Number(r.already_loaded)) })})</span>
                    )}</td>
                    <td className="numeric">{f(r.left_out)}</td>
                    <td className="numeric" data-testid="history-stored">{f(r.stored)}</td>
                    <td>{lines.length ? <details><summary>{t('importer.historyShowMapping')}</summary>{lines.map((l, i) => <p key={i} className="mapping-line">{l}</p>)}</details> : '–'}</td>
                    <td>
                      {state === 'undone' ? (
                        <span data-testid="history-undone">{t('importer.undoneAt', { time: r.undone_at })}</span>
                      ) : state === 'nothing' || state === 'nothingReplaced' ? (
                        // No row of it is stored and nothing it replaced was kept: "Ångra" would undo nothing.
                        <span className="hint" data-testid="history-nothing-to-undo">{t(state === 'nothing' ? 'importer.undoNothing' : 'importer.undoNothingReplaced')}</span>
                      ) : state === 'blocked' ? (
                        <span className="hint" data-testid="history-undo-blocked">{t('importer.undoBlocked')}</span>
                      ) : confirming === r.id ? (
                        <span role="group" aria-label={t('importer.undo')}>
                          <span>{t('importer.undoConfirm', { count: r.stored, formatted: f(r.stored), file: r.file_name })}</span>{' '}
                          {Number(r.later_already_loaded) > 0 && (
                            <span className="warning" data-testid="undo-later-skipped">{t('importer.undoLaterSkipped', {
                              count: Number(r.later_already_loaded), formatted: f(Number(r.later_already_loaded)), files: [...(r.later_files ?? [])].join(', '),
                            })} </span>
                          )}
                          {r.replaced > 0
                            ? <span className="hint">{t('importer.undoRestoreNote', { count: r.replaced, formatted: f(r.replaced) })} </span>
                            : r.mode === 'replace' && <span className="hint">{t('importer.undoReplaceNote')} </span>}
                          <button type="button" className="primary" disabled={busy} onClick={() => void undo(r)} data-testid="undo-confirm">{t('importer.undoYes')}</button>{' '}
                          <button type="button" disabled={busy} onClick={() => setConfirming(null)}>{t('importer.undoNo')}</button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirming(r.id)} data-testid="undo-import">{t('importer.undo')}</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t('importer.historyNote')}</p>
    </section>
  );
}
