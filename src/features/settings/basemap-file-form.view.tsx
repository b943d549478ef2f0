// Inställningar → Gatukarta: a PMTiles file the user adds (an OpenStreetMap extract of the kommun, say), stored in
// this browser and drawn under the Karta's data. Checked before it is stored; removing it brings back the packaged map.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BasemapFileError, removeBasemapFile, storeBasemapFile } from '../../data/basemap-file';
import { useStoredBasemap } from '../../hooks/use-stored-basemap';
import { formatBytes } from '../../lib/format';
import { fetchExampleBasemap } from './example-basemap';
import { useLanguage } from '../../lib/i18n/i18n';

export function BasemapFileForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { basemap, problem } = useStoredBasemap();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const add = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const stored = await storeBasemapFile(file);
      setMessage({ text: t('settings.basemapFile.added', { name: stored.name, kind: t(`settings.basemapFile.kind_${stored.kind}`) }), error: false });
    } catch (error) {
      const reason = error instanceof BasemapFileError ? error.reason : null;
      setMessage({ text: reason ? t(`settings.basemapFile.problem_${reason.replace('-', '_')}`) : t('settings.basemapFile.failed', { message: (error as Error).message }), error: true });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const addExample = async () => {
    setBusy(true);
    let file: File;
    try {
      file = await fetchExampleBasemap();
    } catch (error) {
      setMessage({ text: t('settings.basemapFile.failed', { message: (error as Error).message }), error: true });
      setBusy(false);
      return;
    }
    await add(file);
  };
  const remove = async () => {
    setBusy(true);
    try {
      await removeBasemapFile();
      setMessage({ text: t('settings.basemapFile.removed'), error: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="basemap-file">
      <h2>{t('settings.basemapFile.heading')}</h2>
      <p className="hint">{t('settings.basemapFile.intro')}</p>
      {basemap ? (
        <p data-testid="basemap-file-status">
          {t('settings.basemapFile.current', {
            name: basemap.name, size: formatBytes(basemap.bytes, language), kind: t(`settings.basemapFile.kind_${basemap.kind}`),
            zooms: `${basemap.minZoom}–${basemap.maxZoom}`,
          })}
        </p>
      ) : (
        <p data-testid="basemap-file-status">{problem ? t('settings.basemapFile.failed', { message: problem }) : t('settings.basemapFile.none')}</p>
      )}
      <div className="actions">
        <input ref={input} type="file" accept=".pmtiles" hidden data-testid="basemap-file-input" onChange={(e) => void add(e.target.files?.[0])} />
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>{t('settings.basemapFile.choose')}</button>
        <button type="button" onClick={() => void addExample()} disabled={busy} data-testid="basemap-example">{t('settings.basemapFile.example')}</button>
        {basemap && <button type="button" onClick={() => void remove()} disabled={busy}>{t('settings.basemapFile.remove')}</button>}
      </div>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>{message.text}</p>}
    </section>
  );
}
