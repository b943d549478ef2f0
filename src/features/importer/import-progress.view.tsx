import { useEffect, useRef, useState } from 'react';
import { useFocusWhenLost } from '../../hooks/use-focus-when-lost';
import { useTranslation } from 'react-i18next';
import type { ImportPhase } from '../../data/import/browser-import';
import { IMPORT_STEPS } from '../../data/import/import-csv';
import type { ReadProgress } from '../../data/import/read-file';
import { formatBytes, formatCount } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';

/** The steps a table import shows, in order: reading the file (counting a converted file's records is part of it), the database's steps, saving. */
const SHOWN_STEPS: readonly ImportPhase[] = ['reading', ...IMPORT_STEPS, 'saving'];

/**
 * Where an import is: "Step k of n" with the step's name and the time so far; while the file is read, a bar of bytes
 * (MB read of MB, rows, rows per second) — Parquet: the row groups' compressed bytes and rows — and between the database's
 * steps a bar of steps done. Cancel, which says it is waiting for the step under way to end (`cancelling`).
 */
export function ImportProgress({ phase = 'reading', progress, startedAt, cancelling, stepped = true, onCancel }: {
  phase?: ImportPhase; progress?: ReadProgress; startedAt?: number; cancelling?: boolean;
  /** False for imports that don't go through the steps (area boundaries): the phase's name only. */
  stepped?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useSecondTick(startedAt !== undefined);
  const reading = phase === 'reading' && progress;
  // Rows per second, not MB/s: a Parquet file's bytes are compressed (~17 B a row against a CSV's ~150), so its MB/s
  // read as alarmingly slow beside a CSV's (a tester's words) while its rows came at the same pace.
  const rate = progress && progress.elapsedMs > 0 ? progress.records / (progress.elapsedMs / 1000) : 0;
  const index = Math.max(0, SHOWN_STEPS.indexOf(phase === 'scanning' ? 'reading' : phase));
  const seconds = startedAt !== undefined ? Math.max(0, Math.floor((now - startedAt) / 1000)) : null;
  // Importera's button is gone once the import starts: focus goes to Cancel, not to <body>.
  const cancelButton = useRef<HTMLButtonElement>(null);
  useFocusWhenLost(cancelButton);
  // Only the step is a live region: with the whole block in it, the seconds and bytes were read out every second.
  return (
    <div className="import-progress" data-testid="import-progress">
      <p className="engine-status">
        <span className="spinner" aria-hidden="true" />
        <span data-testid="import-step" role="status">{stepped && `${t('importer.step', { n: index + 1, total: SHOWN_STEPS.length })}: `}{t(`importer.phase_${phase}`)}</span>
        {seconds !== null && <span className="hint"> · {t('importer.elapsed', { seconds: formatCount(seconds, language) })}</span>}
      </p>
      {reading ? (
        <>
          <progress max={progress.totalBytes || 1} value={progress.bytesRead} aria-label={t('importer.phase_reading')} />
          <p className="hint">
            {t('importer.progress', {
              read: formatBytes(progress.bytesRead, language), total: formatBytes(progress.totalBytes, language),
              rows: formatCount(progress.records, language), rate: formatCount(Math.round(rate), language),
            })}
          </p>
        </>
      ) : stepped && (
        <progress max={SHOWN_STEPS.length} value={index} aria-label={t('importer.step', { n: index + 1, total: SHOWN_STEPS.length })} />
      )}
      {onCancel && (
        <button type="button" ref={cancelButton} onClick={onCancel} disabled={cancelling} data-testid="import-cancel">
          {cancelling ? t('importer.cancelling') : t('importer.cancel')}
        </button>
      )}
    </div>
  );
}

/** The current time, renewed every second while `active` (the elapsed time of a running import). */
function useSecondTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
