// Sources and the import history through the built app (issue 15 items 10–11): police events with non-incident
// types and a län left out, the municipality's own file with its own source name, each source alone from a link
// (`?kalla=`), the history across a reload, and undoing one import — every count checked against the same files
// imported by the same code into native DuckDB.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importCsv } from '../../src/data/import/import-csv';
import { policeEventsImport } from '../../src/data/import/police-events';
import { createSchemaRunner } from '../../scripts/node-runner';
import { addedCard, incidentKpi, openBrowser, parseCount, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

const place = { Malmö: '55.604981,13.003822', Lund: '55.704660,13.191007', 'Stockholms län': '59.329324,18.068581' } as const;
const event = (id: number, day: number, type: string, where: keyof typeof place, timed = true) => ({
  id, datetime: `2026-03-${String(day).padStart(2, '0')} 12:00:00 +01:00`,
  name: timed ? `${String(day).padStart(2, '0')} mars 10.15, ${type}, ${where}` : `${type}, ${where}`,
  summary: `Händelse ${id}`, url: `/h/${id}`, type, location: { name: where, gps: place[where] },
});
const EVENTS = [
  ...Array.from({ length: 12 }, (_, i) => event(100 + i, 1 + (i % 20), 'Stöld', 'Malmö')),
  ...Array.from({ length: 7 }, (_, i) => event(200 + i, 2 + i, 'Brand', 'Lund')),
  ...Array.from({ length: 5 }, (_, i) => event(300 + i, 3 + i, 'Sammanfattning natt', 'Malmö', false)),
  event(400, 4, 'Information', 'Lund', false),
  event(401, 5, 'Uppdatering', 'Lund'),
  ...Array.from({ length: 6 }, (_, i) => event(500 + i, 6 + i, 'Misshandel', 'Stockholms län')),
  event(600, 9, 'Rån', 'Malmö', false), // a real incident with no time in its name: rejected, not left out
];
const CHOICE = { excludedTypes: ['Information', 'Sammanfattning natt', 'Uppdatering'], excludedLocations: ['Stockholms län'] };
const MUNICIPAL = ['Id;Datum;Tid;Händelsetyp;Plats', 'K1;2026-03-02;08:00;Klotter;Torget', 'K2;2026-03-03;21:30;Skadegörelse;Parken', 'K3;2026-03-04;22:00;Klotter;Torget', 'K4;2026-03-05;23:00;Stöld;Skolan', 'K5;2026-03-40;10:00;Klotter;Torget'].join('\r\n') + '\r\n';
const MUNICIPAL_SOURCE = 'Kommunens trygghetsrapporter';

describe('sources and the import history in Chromium', () => {
  let browser: Browser;
  const expected = { police: 0, policeRejected: 0, policeLeftOut: 0, municipal: 0 };

  beforeAll(async () => {
    // The same police file and choice through the same code into native DuckDB: what the page must show.
    const runner = await createSchemaRunner();
    const prepared = policeEventsImport(JSON.stringify(EVENTS), CHOICE);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-sources-')), 'events.csv');
    writeFileSync(file, prepared.utf8);
    const result = await importCsv(runner, {
      fileName: file, scan: prepared.scan, dialect: prepared.plan.dialect, target: 'incidents', columns: prepared.plan.mapping, decimal: '.',
      coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'Polisens händelser', locationPrecision: 'area', leftOut: prepared.leftOut,
    });
    const [{ n }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE source = 'Polisens händelser'`);
    runner.close();
    Object.assign(expected, { police: n, policeRejected: result.rejected.length, policeLeftOut: result.leftOut, municipal: 4 });
    expect(result.imported).toBe(n);
    browser = await openBrowser(proxyPort);
  });
  afterAll(async () => browser?.close());

  it('police events: the non-incident types are unchecked, a län can be left out, and the accounting says so', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'handelser.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(EVENTS)) }));
    expect(await card.getByTestId('source-name').inputValue()).toBe('Polisens händelser');
    const types = card.getByTestId('police-types');
    for (const name of CHOICE.excludedTypes) expect(await types.locator(`input[data-name="${name}"]`).isChecked()).toBe(false);
    expect(await types.locator('input[data-name="Stöld"]').isChecked()).toBe(true);
    expect(await types.getByText(/Stöld/).textContent()).toContain('(12)');
    await card.getByTestId('police-places').locator('input[data-name="Stockholms län"]').uncheck();
    expect(await card.getByTestId('police-kept').textContent()).toMatch(/Tas med: 20 av 33 händelser\. Utelämnas: 13 \(7 på händelsetyp, 6 på kommun\/län\)/);
    // The count beside the place is what unticking it left out (its events of the types kept), not its whole count.
    expect(await card.getByTestId('police-places').getByText(/Stockholms län/).textContent()).toContain('(6)');
    await card.getByTestId('import-button').click();
    const text = (await card.getByTestId('import-summary').textContent({ timeout: 60_000 }))!.replace(/[\s\u00a0]/g, '');
    expect(text).toContain(`33=importerade${expected.police}+avvisade${expected.policeRejected}+utelämnade${expected.policeLeftOut}`);
    expect(expected.police + expected.policeRejected + expected.policeLeftOut).toBe(33);
  });

  it('the municipality’s file carries the source name typed in the preview', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'rapporter.csv', mimeType: 'text/csv', buffer: Buffer.from(MUNICIPAL, 'utf8') }));
    expect(await card.getByTestId('source-name').inputValue()).toBe('rapporter.csv');
    await card.getByTestId('source-name').fill(MUNICIPAL_SOURCE);
    await card.getByTestId('import-button').click();
    const text = (await card.getByTestId('import-summary').textContent({ timeout: 60_000 }))!.replace(/[\s\u00a0]/g, '');
    expect(text).toContain('5=importerade4+avvisade1');
    expect(await incidentKpi(page, baseUrl)).toBe(expected.police + expected.municipal);
  });

  it('a link with ?kalla= shows one source in every view, with its chip', async () => {
    const { page } = browser;
    for (const [source, count] of [['Polisens händelser', expected.police], [MUNICIPAL_SOURCE, expected.municipal]] as const) {
      await page.goto(`${baseUrl}?kalla=${encodeURIComponent(source)}#/`);
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
      expect(parseCount(await page.getByTestId('kpi-incidents').textContent())).toBe(count);
      expect(await page.locator('[data-filter=source] .chip-label').textContent()).toBe(source);
      expect(await page.getByTestId('source-filter').inputValue()).toBe(source);
      // Trender (a page of its own, loaded on demand) shows the same filter.
      await page.goto(`${baseUrl}?kalla=${encodeURIComponent(source)}#/trender`);
      await page.locator('[data-filter=source] .chip-label').filter({ hasText: source }).waitFor({ timeout: 60_000 });
      // The lägesbild counts that source only, and says so on the page (and in print).
      await page.goto(`${baseUrl}?kalla=${encodeURIComponent(source)}#/lagesbild`);
      await page.getByTestId('lb-source-line').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('lb-source-line').textContent()).toContain(source);
      expect(await page.getByTestId('lb-source').inputValue()).toBe(source);
      expect(await page.getByTestId('lb-sources-mixed').count()).toBe(0);
    }
    // Without a source, the lägesbild names the sources it counts together.
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lb-sources-mixed').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-sources-mixed').textContent()).toContain('Polisens händelser');
    // Choosing in the picker writes the link.
    await page.goto(`${baseUrl}#/`);
    await page.getByTestId('source-filter').selectOption(MUNICIPAL_SOURCE);
    await page.waitForFunction((s) => new URL(location.href).searchParams.get('kalla') === s, MUNICIPAL_SOURCE, { timeout: 10_000 });
    await page.goto(`${baseUrl}#/`);
  });

  it('lists every import across a reload, and undoing one removes exactly its rows', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    await page.reload();
    const rows = page.getByTestId('import-history-table').locator('tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim())));
    expect(cells.map((c) => [c[0], c[2].replace(' Visa bara den här källan', ''), c[4], c[5], c[6], c[7], c[8]])).toEqual([
      ['rapporter.csv', MUNICIPAL_SOURCE, '5', '4', '1', '0', '4'],
      ['handelser.json', 'Polisens händelser', '33', String(expected.police), String(expected.policeRejected), String(expected.policeLeftOut), String(expected.police)],
    ]);
    const police = rows.filter({ hasText: 'handelser.json' });
    await police.getByTestId('undo-import').click();
    await police.getByTestId('undo-confirm').click();
    await page.getByTestId('undo-message').filter({ hasText: `${expected.police} rader togs bort` }).waitFor({ timeout: 30_000 });
    // The undone import stays listed, marked with when it was undone, with nothing left stored and no undo button.
    await police.getByTestId('history-undone').waitFor({ timeout: 30_000 });
    expect(await police.getByTestId('history-undone').textContent()).toMatch(/^Ångrad \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await police.getByTestId('undo-import').count()).toBe(0);
    expect(await police.getByTestId('history-stored').textContent()).toBe('0');
    expect(await rows.count()).toBe(2);
    expect(await incidentKpi(page, baseUrl)).toBe(expected.municipal);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    expect(await incidentKpi(page, baseUrl)).toBe(expected.municipal);
    await page.goto(`${baseUrl}#/importera`);
    await rows.filter({ hasText: 'handelser.json' }).getByTestId('history-undone').waitFor({ timeout: 30_000 });
    // In English too.
    await page.getByRole('button', { name: 'English' }).first().click();
    expect(await rows.filter({ hasText: 'handelser.json' }).getByTestId('history-undone').textContent()).toMatch(/^Undone \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Svenska' }).first().click();
  });

  it('undoing a replace puts back exactly what it replaced', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'ny.csv', mimeType: 'text/csv', buffer: Buffer.from(MUNICIPAL.split('\r\n').slice(0, 2).join('\r\n') + '\r\n', 'utf8') }));
    await card.getByLabel('Ersätt allt i tabellen').check();
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect(await incidentKpi(page, baseUrl)).toBe(1);
    await page.goto(`${baseUrl}#/importera`);
    const replace = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: 'ny.csv' });
    expect(await replace.textContent()).toContain(`ersatte ${expected.municipal} rader`);
    await replace.getByTestId('undo-import').click();
    expect(await replace.textContent()).toContain(`De ${expected.municipal} rader den ersatte läggs tillbaka.`);
    await replace.getByTestId('undo-confirm').click();
    await page.getByTestId('undo-message').filter({ hasText: `1 rad togs bort och ${expected.municipal} lades tillbaka` }).waitFor({ timeout: 30_000 });
    expect(await incidentKpi(page, baseUrl)).toBe(expected.municipal);
  });
});
