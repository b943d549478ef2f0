// Finds counts below k on the page as a reader would see them: a number cell or key figure that is only a
// count, "Namn: 3" in a list, "(3)" or "3 händelser" in running text. Elements marked data-not-count (ranks,
// targets, population, cell sizes) are skipped. Charts are canvases: their numbers come from the same published
// series as the tables beside them, which are checked here.
import type { Page } from 'playwright-core';

export async function smallCountsOnPage(page: Page, k: number): Promise<string[]> {
  return page.evaluate((k) => {
    const found: string[] = [];
    const clean = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '');
    const small = (digits: string) => Number(digits) < k;
    const skip = (el: Element) => el.closest('[data-not-count]') !== null || el.closest('[aria-hidden=true]') !== null;
    for (const el of document.querySelectorAll('td.numeric, .key-figure-value, .lb-figure-value, .goal-numbers dd')) {
      if (skip(el)) continue;
      const text = clean(el.textContent ?? '');
      if (/^\d+$/.test(text) && small(text)) found.push(`cell "${el.textContent}" in ${el.closest('table,[data-testid],section')?.getAttribute('data-testid') ?? el.tagName}`);
    }
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    const patterns = [
      /:\s*(\d+)\s*$/, // "Stöld: 3"
      /\((\d+)\)/g, // "Hamnen (3)"
      /(?:^|\s)(\d+)\s+(?:händelser|händelse|insatser|insats|incidents?|interventions?)\b/g, // "3 händelser"
    ];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent) || parent.closest('script,style')) continue;
      const text = node.textContent ?? '';
      for (const pattern of patterns) {
        for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))) {
          if (small(m[1])) found.push(`text "${text.trim().slice(0, 80)}"`);
        }
      }
    }
    return found;
  }, k);
}

/** Every count cell of an Excel CSV (semicolons) in the named columns: a number ≥ k, or "<k". */
export function smallCountsInCsv(csv: string, columns: string[], k: number): string[] {
  const [header, ...rows] = csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((l) => l.split(';'));
  const indices = columns.map((c) => header.indexOf(c));
  if (indices.some((i) => i < 0)) throw new Error(`CSV lacks a column of ${columns.join(', ')}: ${header.join(';')}`);
  const found: string[] = [];
  for (const row of rows) {
    for (const i of indices) {
      const v = row[i];
      if (v === undefined || v === '' || v === `<${k}`) continue;
      if (/^\d+$/.test(v) && Number(v) < k) found.push(`${row[0]};${row[1]}: ${header[i]} = ${v}`);
    }
  }
  return found;
}
