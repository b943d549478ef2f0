// Faults in Chromium: the page reloaded in the middle of a large import leaves the stored data as it was
// (the import is one transaction in DuckDB's file in the browser's storage), and the app starts normally.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addedCard, openBrowser, parseCount, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

describe('Faults in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser(proxyPort);
  });
  afterAll(async () => browser?.close());

  const kpi = async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    return parseCount(await page.getByTestId('kpi-incidents').textContent());
  };

  it('a reload in the middle of an import leaves the stored data as it was', async () => {
    const { page } = browser;
    const before = await kpi();
    // ~120 MB: the import is still running when the page goes.
    const row = '2026-06-01 10:00;Stöld;' + 'x'.repeat(100) + '\n';
    const big = join(mkdtempSync(join(tmpdir(), 'lagesbild-reload-')), 'stor.csv');
    writeFileSync(big, 'Datum;Brottstyp;Beskrivning\n' + row.repeat(1_000_000));
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(big));
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-progress').waitFor();
    // Wait until DuckDB is at work on the rows (past reading the file), then reload.
    await page.waitForFunction(() => /kontrollerar rader|Sparar|Checking|Saving/i.test(document.querySelector('[data-testid=import-progress]')?.textContent ?? ''), null, { timeout: 120_000 });
    await page.reload();
    expect(await kpi()).toBe(before);
    // The stored database is whole: a second reload finds the same, and a page that queries every table works.
    await page.reload();
    expect(await kpi()).toBe(before);
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lb-summary').waitFor({ timeout: 60_000 });
  }, 300_000);
});
