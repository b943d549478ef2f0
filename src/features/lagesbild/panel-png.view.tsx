// "PNG" on a lägesbild panel: the whole panel drawn to an image by html-to-image (loaded on demand). Its own
// buttons are left out of the picture. On screen a table sits in a scroll box (.table-scroll); drawn as it looked,
// the picture held only the box's visible part — "62" read "6" at the right edge, rows and the note below them
// were missing (a tester). While it is drawn the panel is laid out whole (.png-capture in lagesbild.css).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl } from '../../lib/excel-csv';

interface Props {
  panel: string;
  fileName: string;
  title: string;
}

/**
 * What the picture leaves out, as print does: the panel's own buttons, the assessment's Save and status, what is
 * marked no-print, and an empty assessment box (a tester's summary PNG held an empty text box and "Spara bedömning").
 */
function leftOut(n: Node): boolean {
  if (n instanceof HTMLTextAreaElement) return n.value.trim() === '';
  return n instanceof HTMLElement && (n.classList.contains('lb-panel-actions') || n.classList.contains('lb-editor-actions') || n.classList.contains('no-print'));
}

/** Computed heights the picture leaves to its own layout (see `includeStyleProperties` below). */
const HEIGHTS = new Set(['height', 'block-size']);

/**
 * Runs `draw` while `panel` is laid out whole: its scroll boxes open to their full content and the panel at least as
 * wide as its widest table. `draw` gets the panel's full size in CSS pixels ({ width, height }); the panel is put
 * back as it was afterwards, also when drawing fails.
 */
async function drawnWhole<T>(panel: HTMLElement, draw: (size: { width: number; height: number }) => Promise<T>): Promise<T> {
  const width = panel.getBoundingClientRect().width;
  panel.style.minWidth = `${width}px`;
  panel.classList.add('png-capture');
  // What the picture leaves out is left out of the layout it is measured in too (else its room stayed, blank).
  const hidden = [...panel.querySelectorAll<HTMLElement>('*')].filter((n) => leftOut(n)).map((n) => ({ n, display: n.style.display }));
  for (const { n } of hidden) n.style.display = 'none';
  try {
    // Measured as laid out whole, by the box and by its content, whichever is larger and rounded up: scrollWidth is
    // whole pixels (447 for a box 449.06 wide), and a picture a pixel narrower wraps a cell's text onto one more line.
    const box = panel.getBoundingClientRect();
    return await draw({ width: Math.ceil(Math.max(box.width, panel.scrollWidth)), height: Math.ceil(Math.max(box.height, panel.scrollHeight)) });
  } finally {
    for (const { n, display } of hidden) n.style.display = display;
    panel.classList.remove('png-capture');
    panel.style.minWidth = '';
  }
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
      const url = await drawnWhole(node, (size) => toPng(node, {
        backgroundColor: '#ffffff',
        pixelRatio: 2,
        ...size,
        // Every computed style but the heights: html-to-image fixes each element's height as measured on the page,
        // and the picture's text (drawn through an SVG foreignObject) runs a little taller, so a table outgrew its
        // box and the footnote was drawn over its last row. Without them the picture's boxes grow with their text.
        includeStyleProperties: [...getComputedStyle(document.documentElement)].filter((name) => !HEIGHTS.has(name)),
        filter: (n) => !leftOut(n),
      }));
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
