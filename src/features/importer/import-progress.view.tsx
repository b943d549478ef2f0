import { useTranslation } from 'react-i18next';
import type { ImportPhase } from '../../data/import/browser-import';
import type { ReadProgress } from '../../data/import/read-file';
import { formatCount, formatDecimal } from '../../lib/format';
import { useLanguage } from '../../lib/i18n/i18n';
import { formatBytes } from '../../lib/format';

/** Where an import is: a bar while the file is read (bytes, rows, MB/s), then the database's phases; and Cancel. */
export function ImportProgress({ phase, progress, onCancel }: { phase?: ImportPhase; progress?: ReadProgress; onCancel?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reading = phase === 'reading' && progress;
  const rate = progress && progress.elapsedMs > 0 ? progress.bytesRead / 1e6 / (progress.elapsedMs / 1000) : 0;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <p className="engine-status"><span className="spinner" aria-hidden="true" />{t(`importer.phase_${phase ?? 'reading'}`)}</p>
      {reading && (
        <>
          <progress max={progress.totalBytes || 1} value={progress.bytesRead} aria-label={t('importer.phase_reading')} />
          <p className="hint">
            {t('importer.progress', {
              read: formatBytes(progress.bytesRead, language), total: formatBytes(progress.totalBytes, language),
              rows: formatCount(progress.records, language), rate: formatDecimal(rate, 1, language),
            })}
          </p>
        </>
      )}
      {onCancel && <button type="button" onClick={onCancel} data-testid="import-cancel">{t('importer.cancel')}</button>}
    </div>
  );
}
