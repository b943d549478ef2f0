// Excel reports put a title, a period line and an empty ";;;;" line above the header. The header is the first
// line about as wide as the data (in non-empty cells) after a preamble of short lines; what is above it is skipped (DuckDB's `skip`, the record scan's `skipLines`). The user can change the number.

import Papa from 'papaparse';

/** Lines to look at: a report's preamble is a few lines, never a page. */
const MAX_PREAMBLE = 20;

/** Offset in `text` after its first `count` physical lines (LF, CR or CRLF). */
export function afterLines(text: string, count: number): number {
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text);
    if (!found) return text.length;
    offset = found.index + found[0].length;
  }
  return offset;
}

/**
 * One physical line's cells, quote-aware (PapaParse, as the preview): a quoted delimiter ("Storgatan 1, Malmö") is
 * part of its cell — split naively, every data line with one was a cell wider than the header and the header was
 * never found. A line PapaParse finds malformed (a quote that ends mid-field: `a,"b,"c`) is split as before, at
 * every delimiter — its cells are anyone's guess, and the corpus's malformed files kept their reading.
 */
const cellsOf = (line: string, delimiter: string, quote: string): string[] => {
  const parsed = Papa.parse<string[]>(line, { delimiter, quoteChar: quote || '\u0000', newline: '\n' });
  return parsed.errors.length > 0 ? line.split(delimiter) : parsed.data[0] ?? [];
};

const nonEmptyCells = (line: string, delimiter: string, quote: string) => cellsOf(line, delimiter, quote).filter((c) => c.replace(/["'\s]/g, '') !== '').length;

/** A cell that reads as data (a number, a date, a time), which a header name never is. */
const dataLike = (cell: string) => /^[\d\s.,:/+\-]+$/.test(cell.replace(/["']/g, '').trim());

/** How many physical lines precede the header row (0 for an ordinary file). */
export function linesBeforeHeader(text: string, delimiter: string, quote = '"'): number {
  const lines = text.slice(0, afterLines(text, 60)).split(/\r\n|\r|\n/);
  const counts = lines.map((l) => nonEmptyCells(l, delimiter, quote));
  // The data's usual width: the most common count among lines with two or more values.
  const frequency = new Map<number, number>();
  for (const c of counts) if (c >= 2) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const width = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  if (width === undefined) return 0;
  // The header: the first line as wide as the data. A title line can hold several values ("Brottsrapport;
  // Exempelkommun;Kvartal 1 2025"), so "wide" is the data's own width, not a share of it (tester).
  const k = counts.findIndex((c) => c >= width);
  if (k <= 0 || k > MAX_PREAMBLE) return 0;
  // A preamble is a title, a period ("Period:;2025-01-01 – 2025-03-31") and empty lines: narrower than the data,
  // with a line of one value or none, or none wider than half the data. Otherwise keep line 1.
  const preamble = counts.slice(0, k);
  if (!preamble.some((c) => c <= 1) && !preamble.every((c) => c <= Math.ceil(width / 2))) return 0;
  // Not a header after all: a quoted field spanning lines (an odd number of quotes above), or a line of data
  // under an empty header (",,").
  const above = lines.slice(0, k).join('\n');
  if (quote && above.split(quote).length % 2 === 0) return 0;
  if (cellsOf(lines[k], delimiter, quote).some((cell) => cell.trim() !== '' && dataLike(cell))) return 0;
  return k;
}
