// "PNG" on a lägesbild panel: the panel as it looks on screen, drawn to an image by html-to-image (loaded on
// demand). Its own buttons are left out of the picture.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl } from '../../lib/excel-csv';

interface Props {
  panel: string;
  fileName: string;
  title: string;
}

export function PanelPng({ panel, fileName, title }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const save = async () => {
    const node = document.querySelector<HTMLElement>(`[data-panel="${panel}"]`);
    if (!node) return;
    setBusy(true);
    setFailed(false);
    try {
      const { toPng } = await import('html-to-image');
      const url = await toPng(node, {
        backgroundColor: '#ffffff',
        pixelRatio: 2,
        filter: (n) => !(n instanceof HTMLElement && n.classList.contains('lb-panel-actions')),
      });
      downloadDataUrl(`${fileName}.png`, url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lb-panel-actions no-print">
      <button type="button" className="link-button" onClick={() => void save()} disabled={busy} aria-label={t('lagesbild.pngOf', { title })} data-testid={`png-${panel}`}>PNG</button>
      {failed && <span role="alert" className="error">{t('lagesbild.pngFailed')}</span>}
    </div>
  );
}
