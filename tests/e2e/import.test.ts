// Importing through the real page in Chromium: what the summary says must be what the tables hold.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { summaryNumbers } from './support/summary';
import { createNodeRunner } from '../../scripts/node-runner';
import { addedCard, openBrowser, parseCount, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const POLICE_FILE = join(import.meta.dirname, '..', '..', 'data', 'exports', 'polisen-anmalda-brott.csv');


describe('importing in Chromium', () => {
  let browser: Browser;
  const policeRows = readFileSync(POLICE_FILE, 'latin1').split('\r\n').filter(Boolean).length - 1;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser(proxyPort);
    browser.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  });
  afterAll(async () => browser?.close());

  const kpi = async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? ''), null, { timeout: 30_000 });
    return parseCount(await page.getByTestId('kpi-incidents').textContent());
  };

  it('imports the police example export, detected without help, and replaces the example', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByRole('button', { name: /Polisens export/ }).click());
    await card.waitFor();
    expect(await card.locator('select').first().inputValue()).toBe('windows-1252');
    expect(await card.getByTestId('import-crs').inputValue()).toBe('EPSG:3006');
    expect(await card.getByTestId('import-target').inputValue()).toBe('incidents');
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 60_000 }));
    expect(summary).toEqual({ rows: policeRows, imported: policeRows, rejected: 0 });
    expect(await kpi()).toBe(policeRows);
    expect(await page.getByTestId('example-banner').count()).toBe(0);
  });

  it('accounts for every row of a broken file and keeps what was loaded', async () => {
    const { page } = browser;
    const broken = [
      'Diarienummer;Datum;Tid;Brottstyp;N;E',
      'B1;2026-03-01;7.05;Stöld;6580822;674032',
      'B2;2026-03-02;22.15;"Rån', 'med kniv";6580822;674032',
      'B3;2026-03-03;10:00;Rån;1;2;3',
      'B4;2026-02-30;10:00;Hot;;',
      'B5;2026-03-04;10:00;;;',
      'B6;2026-03-05;;Hot;;',
      'B9;2026-03-06;11:00;Hot;5800000;674032',
      'B1;2026-03-06;11:30;Hot;;',
      'B7;"2026-03-06;12:00;Hot;;',
      'B8;2026-03-07;12:00;Hot;;',
    ].join('\n');
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') }));
    // Too few sound coordinates in the preview to fit a system: the page says so, asks, and waits for the answer.
    await card.getByRole('alert').filter({ hasText: 'Koordinaterna passar inget system inom Sverige' }).waitFor();
    expect(await card.getByTestId('import-button').isDisabled()).toBe(true);
    await card.getByTestId('import-crs').selectOption('EPSG:3006');
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }));
    // Focus follows the import (button → Cancel → summary line) instead of falling to <body>.
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'import-summary');
    expect(summary).toEqual({ rows: 9, imported: 3, rejected: 6 });
    const rows = card.getByTestId('rejected-rows').locator('tbody tr');
    const rejected = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    // Line, reason, column, value, the row as read.
    expect(rejected).toEqual([
      ['5', 'För många kolumner', '', '', 'B3;2026-03-03;10:00;Rån;1;2;3'],
      ['6', 'Dagen finns inte i kalendern (som 30 februari eller månad 13)', 'Datum', '2026-02-30', 'B4;2026-02-30;10:00;Hot;;'],
      ['7', 'Kategori saknas', 'Brottstyp', '', 'B5;2026-03-04;10:00;;;'],
      // Rejected after the coordinates: the original line all the same.
      ['9', 'Koordinaten ligger utanför rutan runt Sverige', 'N / E', '5800000 / 674032', 'B9;2026-03-06;11:00;Hot;5800000;674032'],
      ['10', 'Samma id finns tidigare i filen', 'Diarienummer', 'B1', 'B1;2026-03-06;11:30;Hot;;'],
      ['11', 'Kunde inte läsas (ett citattecken stängs aldrig – resten av filen blir ett enda fält)', '', '', 'B7;"2026-03-06;12:00;Hot;;'],
    ]);
    // The repeated id is rejected, and the summary says what to do if the rows are several offences of one case.
    expect(await card.getByTestId('duplicate-ids').textContent()).toBe('1 rad avvisades för att dess id redan finns tidigare i filen. Om ett ärende kan ha flera brott, en rad per brott, är id-kolumnen inte radens id: välj Id = (ingen) (eller en kolumn som skiljer raderna åt) och importera igen, så läses varje rad in.');
    expect(await card.getByTestId('value-variants').count()).toBe(0);
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Ladda ner avvisade rader (CSV)' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\ufeffRad;Orsak;Kolumn;Värde;Raden som den lästes\r\n5;För många kolumner;;;"B3;2026-03-03;10:00;Rån;1;2;3"\r\n6;Dagen finns inte i kalendern (som 30 februari eller månad 13);Datum;2026-02-30;')).toBe(true);
    expect(csv).toContain('\r\n9;Koordinaten ligger utanför rutan runt Sverige;N / E;5800000 / 674032;"B9;2026-03-06;11:00;Hot;5800000;674032"\r\n10;Samma id finns tidigare i filen;Diarienummer;B1;"B1;2026-03-06;11:30;Hot;;"\r\n');
    expect(await kpi()).toBe(policeRows + 3);
  });

  it('appends the same export again without doubling a row, remembering its mapping', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByRole('button', { name: /Polisens export/ }).click());
    await card.getByText('Inställningar och mappning från förra importen').waitFor();
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 60_000 }));
    expect(summary).toEqual({ rows: policeRows, imported: 0, rejected: policeRows });
    // The sentence itself says they were already loaded, as the history does.
    expect((await card.getByTestId('import-summary').textContent())?.replace(/[\s\u00a0]/g, '')).toContain(`(varav${policeRows}redaninlästa)`);
    const first = await card.getByTestId('rejected-rows').locator('tbody tr').first().evaluate((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
    // Rejected after the coordinates, with the export's own line (Windows-1252, read as text).
    expect(first.slice(0, 2)).toEqual(['2', 'Raden finns redan inläst']);
    expect(first[4]).toBe(new TextDecoder('windows-1252').decode(readFileSync(POLICE_FILE)).split('\r\n')[1]);
    // Counted as rejected (rows = imported + rejected) but said not to be faults in the file.
    expect(await card.getByTestId('already-loaded').textContent()).toMatch(/^Av de avvisade fanns [\d\s\u00a0]+ rader redan inlästa från en tidigare import – det är inga fel i filen\.$/);
    expect(parseCount(/fanns ([\d\s\u00a0]+) rader/.exec((await card.getByTestId('already-loaded').textContent()) ?? '')?.[1] ?? null)).toBe(policeRows);
    // Nothing was added, so the history offers nothing to undo for it.
    await page.getByTestId('history-nothing-to-undo').first().waitFor();
    // The history says the same of its rejected rows (it listed them as plain "Avvisade").
    const latest = page.getByTestId('import-history-table').locator('tbody tr').first();
    expect((await latest.getByTestId('history-rejected').textContent())?.replace(/[\s\u00a0]/g, '')).toBe(`${policeRows}(varav${policeRows}redaninlästa)`);
    expect(await kpi()).toBe(policeRows + 3);
  });

  it('says before the import when the chosen encoding misreads the file, with a word, and offers the right one', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const file = 'Datum;Brottstyp;Plats\n2026-04-01;Stöld;Gågatan\n';
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'utf8.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') }));
    expect(await card.getByTestId('encoding-misread').count()).toBe(0);
    await card.getByLabel('Teckenkodning').selectOption('windows-1252');
    const warning = card.getByTestId('encoding-misread');
    expect(await warning.textContent()).toContain('”StÃ¶ld” i filen blir ”Stöld” med UTF-8');
    await warning.getByRole('button', { name: /^Använd UTF-8/ }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await card.getByLabel('Teckenkodning').inputValue()).toBe('utf-8');
    await card.getByRole('button', { name: 'Ta bort' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('shows hostile headers and values as text, never running them', async () => {
    const { page } = browser;
    const hostile = [
      'Datum;<img src=x onerror=alert(1)>;Brottstyp',
      '2026-04-01;<script>alert(2)</script>;=cmd|\' /C calc\'!A0',
      `2026-04-02;"x'); DROP TABLE incidents; --";@SUM(1+1)`,
    ].join('\n');
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'fientlig.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile, 'utf8') }));
    await card.locator('option', { hasText: '<img src=x onerror=alert(1)>' }).first().waitFor({ state: 'attached' });
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 2, rejected: 0 });
    expect(await kpi()).toBe(policeRows + 5);
    await page.getByRole('button', { name: 'Visa tabell' }).nth(1).click();
    await page.getByTestId('table-categories').getByRole('button', { name: "=cmd|' /C calc'!A0" }).waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    // Those two rows gave only a date: Trender's weekday × hour puts them in "Utan klockslag", not at midnight.
    await page.goto(`${baseUrl}?kategori=${encodeURIComponent("=cmd|' /C calc'!A0")}#/trender`);
    await page.getByTestId('week-hour-untimed').waitFor({ timeout: 60_000 });
    const panel = page.getByTestId('panel-week-hour');
    await panel.getByRole('button', { name: 'Visa tabell' }).click();
    const headers = await panel.locator('thead th').allTextContents();
    expect(headers.at(-1)).toBe('Utan klockslag');
    const wednesday = await panel.locator('tbody tr').nth(2).locator('td, th').allTextContents();
    expect([wednesday[1], wednesday.at(-1)]).toEqual(['0', '1']); // 2026-04-01 was a Wednesday: none at 00, one without a time
  });

  it('shows progress on a large file and can cancel it, leaving the data untouched', async () => {
    const { page } = browser;
    const before = await kpi();
    // ~120 MB, so reading takes long enough to press Cancel.
    const row = '2026-06-01;Stöld;' + 'x'.repeat(100) + '\n';
    const big = join(mkdtempSync(join(tmpdir(), 'lagesbild-big-')), 'stor.csv');
    writeFileSync(big, 'Datum;Brottstyp;Beskrivning\n' + row.repeat(1_000_000));
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(big));
    // By keyboard: the button gives way to the progress, and focus goes to Cancel, not to <body>.
    await card.getByTestId('import-button').focus();
    await page.keyboard.press('Enter');
    await card.getByTestId('import-progress').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'import-cancel');
    // The step under way, of all the import's steps (reading the file is the first); only it is a live region.
    expect(await card.getByTestId('import-step').textContent()).toMatch(/^Steg [1-8] av 8: \S/);
    expect(await card.getByTestId('import-progress').getByRole('status').count()).toBe(1);
    await page.keyboard.press('Enter');
    await card.getByTestId('import-cancelled').filter({ hasText: 'Importen avbröts' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'import-cancelled');
    // A cancel is the user's choice, not a failure (tester: it read "Importen misslyckades" in red).
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await card.getByText('Importen misslyckades').count()).toBe(0);
    expect(await kpi()).toBe(before);
  });

  it('keeps an import running while another page is open, says so in the menu, and shows its report on return', async () => {
    const { page } = browser;
    const before = await kpi();
    // Run alone, the tab still holds the example, which an import replaces; after the tests above, it appends.
    const replacesExample = (await page.getByTestId('example-banner').count()) > 0;
    // 300 000 rows (a few seconds to import), two of them with an impossible date.
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i === 1000 ? '2026-02-30' : i === 250_000 ? '2026-13-01' : '2026-05-0' + ((i % 9) + 1)};Stöld`);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-away-')), 'medan-borta.csv');
    writeFileSync(file, 'Datum;Brottstyp\n' + rows.join('\n') + '\n');
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(file));
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-progress').waitFor();
    // One import at a time (two at once shared the staging tables and both failed): a second file waits, and says so.
    const second = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'andra.csv', mimeType: 'text/csv', buffer: Buffer.from('Datum;Brottstyp\n2026-05-01;Rån\n', 'utf8') }), 120_000);
    await second.getByTestId('import-waits').waitFor();
    expect(await second.getByTestId('import-button').isDisabled()).toBe(true);
    expect(await second.getByTestId('import-waits').textContent()).toBe('En import i taget: den här kan startas när importen som pågår är klar.');
    // Said to a screen reader with the button, not only beside it.
    expect(await second.getByTestId('import-button').getAttribute('aria-describedby')).toBe(await second.getByTestId('import-waits').getAttribute('id'));
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).click();
    // Elsewhere, the menu says an import is running — until it has ended.
    const running = page.getByTestId('nav-import-running');
    await running.waitFor();
    expect(await running.getAttribute('title')).toBe('en import pågår');
    // A reload would end the import and roll it back: the browser asks first (this file's dialog handler dismisses
    // it, so the page stays).
    const asked = page.waitForEvent('dialog');
    void page.reload({ timeout: 5_000 }).catch(() => undefined);
    expect((await asked).type()).toBe('beforeunload');
    await running.waitFor({ state: 'detached', timeout: 120_000 });
    // Back on Importera: the report of the import that ended meanwhile, rejected rows and all.
    await page.getByRole('navigation').getByRole('link', { name: /^Importera/ }).click();
    const back = page.getByTestId('import-card').filter({ has: page.locator('h2', { hasText: 'medan-borta.csv' }) });
    expect(summaryNumbers(await back.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 300_000, imported: 299_998, rejected: 2 });
    const rejected = await back.getByTestId('rejected-rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.querySelector('th, td')?.textContent ?? '').replace(/\s/g, '')));
    expect(rejected).toEqual(['1002', '250002']); // lines: the header is line 1
    expect(await kpi()).toBe((replacesExample ? 0 : before) + 299_998);
    // Seen once, the card goes when the page is left, as any finished card does.
    await page.goto(`${baseUrl}#/importera`);
    await page.getByTestId('drop-zone').waitFor();
    expect(await page.getByTestId('import-card').filter({ has: page.locator('h2', { hasText: 'medan-borta.csv' }) }).count()).toBe(0);
    // The file that waited for it is still there, planned — through two other pages — and can be imported now (a
    // tester lost a waiting file by looking at another page).
    // (By its title: the waiting card names the other in its source hint — same columns, same source.)
    const waited = page.getByTestId('import-card').filter({ has: page.locator('h2', { hasText: 'andra.csv' }) });
    await waited.getByTestId('import-button').waitFor();
    expect(await waited.getByTestId('import-button').isDisabled()).toBe(false);
    expect(await waited.getByTestId('import-waits').count()).toBe(0);
    await waited.getByRole('button', { name: 'Ta bort' }).click();
  });

  it('takes a file dropped on another page to Importera, instead of letting the browser open it in place of the app', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/karta`);
    await page.getByTestId('map').waitFor();
    const handled = await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Datum;Brottstyp\n2026-05-02;Rån\n'], 'slappt-pa-kartan.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      // false: the app called preventDefault, so the browser does not open the file itself.
      return document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    expect(handled).toBe(false);
    await page.getByTestId('import-card').filter({ hasText: 'slappt-pa-kartan.csv' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/importera');
  });

  it('finds personnummer before anything is stored and masks them unless told otherwise', async () => {
    const { page } = browser;
    const csv = ['Datum;Brottstyp;Beskrivning', '2026-05-01;Hot;Anmälare 19900101-0017 hotad', '2026-05-02;Hot;Inget'].join('\n');
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'pnr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }));
    const warning = card.getByTestId('personal-data');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Beskrivning: 1 st');
    expect(await warning.locator('select').inputValue()).toBe('mask');
    // Shown masked in the preview and the samples while the column is masked; as written when kept (helper-58).
    const preview = card.locator('.preview-table tbody');
    expect(await preview.textContent()).not.toContain('19900101-0017');
    expect(await card.locator('.mapping-table').textContent()).not.toContain('19900101-0017');
    await warning.locator('select').selectOption('keep');
    expect(await preview.textContent()).toContain('19900101-0017');
    await warning.locator('select').selectOption('mask');
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('personal-summary').textContent()).toBe('Personnummer i Beskrivning: 1 hittade – maskerade.');
  });

  it('lists values that only look like personnummer (wrong check digit), keeps them by default and masks them when chosen', async () => {
    const { page } = browser;
    const csv = ['Datum;Brottstyp;Beskrivning', '2026-05-01;Hot;Anmälare 850412-1234 hotad', '2026-05-02;Hot;Anmälare 850412 – 1234'].join('\n');
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'nastan-pnr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }));
    const warning = card.getByTestId('personal-data');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Beskrivning: 2 värden som liknar personnummer men inte klarar kontrollsiffran');
    expect(await warning.locator('select').inputValue()).toBe('keep');
    await warning.locator('select').selectOption('mask');
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('personal-summary').textContent()).toBe('I Beskrivning ser 2 värden ut som personnummer men klarar inte kontrollsiffran (felskrivna, eller andra nummer) – maskerade med kolumnen.');
  });

  it('imports area boundaries, each feature imported or rejected with a reason', async () => {
    const { page } = browser;
    const square = [[[18.05, 59.31], [18.09, 59.31], [18.09, 59.35], [18.05, 59.35], [18.05, 59.31]]];
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { namn: 'Norrmalm', befolkning: 71000 }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { namn: 'Punkt' }, geometry: { type: 'Point', coordinates: [18.06, 59.33] } },
      ],
    };
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'stadsdelar.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) }));
    expect(await card.getByTestId('area-name-key').inputValue()).toBe('namn');
    await card.getByTestId('area-fixed-kind').fill('stadsdel');
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }));
    // Focus follows the import (button → Cancel → summary line) instead of falling to <body>.
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'import-summary');
    expect(summary).toEqual({ rows: 2, imported: 1, rejected: 1 });
    // The feature as read: its properties and geometry type (it had no text at all).
    expect(await card.getByTestId('rejected-rows').locator('tbody tr td').allTextContents()).toEqual(['2', 'Inte en yta (polygon)', 'geometry', 'Point', '{"namn":"Punkt"} · Point']);
    await page.goto(`${baseUrl}#/`);
    // Områden: the one boundary, plus the names the rows give of no loaded area (said in the note beside the figure).
    const figure = page.locator('.key-figure').filter({ has: page.getByTestId('kpi-areas') });
    await page.getByTestId('kpi-areas').filter({ hasText: /^\d+$/ }).waitFor();
    const value = Number(await page.getByTestId('kpi-areas').textContent());
    const note = (await figure.locator('.key-figure-note').allTextContents()).join(' ');
    const namesOnly = Number(/varav (\d+) bara som namn/.exec(note)?.[1] ?? 0);
    expect(value - namesOnly).toBe(1);
  });

  it('imports Parquet through Arrow: decimals, timestamps with a zone, every row accounted for', async () => {
    const { page } = browser;
    const before = await kpi();
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pq-')), 'handelser.parquet');
    const runner = await createNodeRunner();
    // 300 000 rows in row groups of 10 000: the app decodes them in more than one chunk (parquet-file.ts), and the
    // rejected rows' numbers and texts show the chunks arrived in file order.
    await runner.exec(`COPY (SELECT 'Q' || i AS id, TIMESTAMPTZ '2026-07-01 10:00:00+00' + to_minutes((i % 1000)::INTEGER) AS tidpunkt,
      CASE WHEN i % 1000 <> 0 THEN 'Stöld' END AS kategori, 59.33 + (i % 1000) / 10000.0 AS lat, 18.06 AS lon,
      -- A NUL byte in a text value (a damaged export), in the first and in the second decoded chunk.
      CASE WHEN i IN (500, 250001) THEN 'Tor' || chr(0) || 'get' ELSE 'Torget' END AS plats FROM range(1, 300001) t(i))
      TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    runner.close();
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(file));
    await card.locator('details summary').click();
    // 10:01 UTC in July is 12:01 in Sweden; the decimal coordinate keeps its point.
    expect(await card.locator('.preview-table tbody tr').first().innerText()).toBe('Q1\t2026-07-01 10:01:00+00\tStöld\t59.3301\t18.06\tTorget');
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 120_000 }));
    expect(summary).toEqual({ rows: 300_000, imported: 299_698, rejected: 302 });
    const cells = (n: number) => card.getByTestId('rejected-rows').locator('tbody tr').nth(n).evaluate((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')));
    // Record 1000, the reason, the column at fault, no value, and the row as read (fields joined by ";").
    expect(await cells(0)).toEqual(['500', 'Raden innehåller en NUL-byte (0x00, visas som ␀) – inget tecken i en textfil, oftast en skadad export', '', '', `Q500;2026-07-01 18:20:00+00;Stöld;${59.33 + 500 / 10000};18.06;Tor␀get`]);
    expect(await cells(1)).toEqual(['1 000', 'Kategori saknas', 'kategori', '', 'Q1000;2026-07-01 10:00:00+00;;59.33;18.06;Torget']);
    expect(await cells(2)).toEqual(['2 000', 'Kategori saknas', 'kategori', '', 'Q2000;2026-07-01 10:00:00+00;;59.33;18.06;Torget']);
    // The second chunk's NUL row has its own record number (beyond the rows listed on the page: read from the download).
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Ladda ner avvisade rader (CSV)' }).click();
    const rejects = readFileSync(await (await download).path(), 'utf8').split('\r\n').filter((line) => line.includes('NUL'));
    expect(rejects.map((line) => line.split(';')[0])).toEqual(['500', '250001']);
    expect(await kpi()).toBe(before + 299_698);
  });

  it('words a small file\'s card for what it holds: one row, no rows left after skipping, a refused replace, a file that is not text', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const one = 'Datum;Brottstyp\n2026-13-45;Stöld\n';
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'en-rad.csv', mimeType: 'text/csv', buffer: Buffer.from(one, 'utf8') }));
    expect(await card.locator('details summary').textContent()).toBe('Förhandsvisning (första raden)');
    // More lines skipped than the file has: said as that, not as an empty file.
    await card.getByTestId('skip-lines').fill('5');
    expect(await card.getByTestId('empty-file').textContent()).toBe('Ingenting finns kvar av filen när de 5 första raderna hoppas över: minska antalet rader att hoppa över.');
    expect(await card.locator('details summary').textContent()).toBe('Förhandsvisning (inga rader)');
    await card.getByTestId('skip-lines').fill('0');
    // A replace of everything (or of the example, when it is still loaded) by the one bad row: refused, in the singular …
    const replace = card.getByLabel('Ersätt allt i tabellen');
    if (await replace.count()) await replace.check();
    await card.getByTestId('import-button').click();
    const failure = card.getByRole('alert').filter({ hasText: 'Importen misslyckades' });
    expect(await failure.locator('pre').textContent({ timeout: 30_000 })).toMatch(/^Filens enda rad kunde inte importeras, så inget ersattes\. Skälet:/);
    // … and the failure goes when anything on the card changes (a setting, the source, the mode): it was about the card before.
    for (const change of [() => card.getByTestId('years-max').fill('2030'), () => card.getByTestId('source-name').fill('Annan källa')]) {
      await card.getByTestId('import-button').click();
      await failure.waitFor({ timeout: 30_000 });
      await change();
      await failure.waitFor({ state: 'detached' });
    }
    expect(await card.getByTestId('import-button').isEnabled()).toBe(true);
    // A file that is not text: that alone, not hints about its positions and years beside it.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('Datum;Brottstyp\n2026-03-01;Stöld\n')]);
    const binary = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name: 'packad.csv', mimeType: 'text/csv', buffer: zip }));
    await binary.getByRole('alert').first().waitFor();
    for (const hint of ['years-note', 'no-position', 'empty-file']) expect(await binary.getByTestId(hint).count(), hint).toBe(0);
    expect(await binary.getByTestId('import-button').isDisabled()).toBe(true);
  });

  it('says plainly which files it cannot import, and why', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    await page.getByTestId('file-input').setInputFiles([
      { name: 'data.parquet', mimeType: 'application/octet-stream', buffer: Buffer.from('PAR1 not really') },
      { name: 'annat.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection"}') },
      { name: 'trasig.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[') },
      { name: 'punkter.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('[1, 2]') },
      { name: 'handelser.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { Brottstyp: 'Stöld' }, geometry: { type: 'Point', coordinates: [18.06, 59.33] } }] })) },
    ]);
    // A .geojson file's fault is said as an area file's, not as "not the police's event format" (helper-58).
    await page.getByRole('alert').filter({ hasText: 'trasig.geojson: GeoJSON-filen kunde inte läsas som områden (filen är inte giltig JSON – den kan vara avbruten).' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'punkter.geojson: GeoJSON-filen kunde inte läsas som områden (den är inte en FeatureCollection med ytor).' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'handelser.geojson: GeoJSON-filen kunde inte läsas som områden (den har inga ytor (polygoner), bara punkter eller linjer' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'data.parquet: Parquet-filen kunde inte läsas' }).waitFor();
    // Said in Swedish, the reason too (it once came through in the library's English).
    await page.getByRole('alert').filter({ hasText: 'annat.json: JSON-filen är inte polisens händelseformat (den är inte en lista med händelser).' }).waitFor();
  });
});
