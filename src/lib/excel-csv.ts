// CSV that opens correctly in Swedish Excel: UTF-8 with BOM, semicolons, CRLF. A cell starting with = + - @
// (or a tab/CR) would be run as a formula by Excel: such cells get a leading apostrophe, so text stays text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toExcelCsv(header: string[], rows: unknown[][]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

function clickDownload(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Save a data: URL (a chart's PNG) under a file name. */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  clickDownload(dataUrl, fileName);
}
