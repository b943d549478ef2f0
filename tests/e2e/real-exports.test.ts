// Issue 15 through the built page: what the import card says before anything is stored, and what the summary
// says after, for files shaped like real Swedish exports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createNodeRunner } from '../../scripts/node-runner';
import { summaryNumbers } from './support/summary';
import { addedCard, openBrowser, parseCount, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const cp1252 = (s: string) => Buffer.from(s, 'latin1');

describe('real exports in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await openBrowser(proxyPort); });
  afterAll(async () => browser?.close());

  const drop = async (name: string, buffer: Buffer) => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    return addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer }));
  };
  const kpi = async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? ''), null, { timeout: 30_000 });
    return parseCount(await page.getByTestId('kpi-incidents').textContent());
  };

  it('reads a police report: title lines skipped, X/Y (SWEREF 99 TM) mapped, Windows-1252 decided past 64 kB, bad years rejected with the range', async () => {
    const rows: string[] = [];
    // Sorted by date, ASCII for well over 64 kB; å/ä/ö only at the end.
    for (let i = 0; i < 1500; i++) rows.push(`H${i};2025-01-${String((i % 28) + 1).padStart(2, '0')};1200;Stold;Centrum;${6580000 + i};674032;Plain ascii text number ${i}`);
    rows.push('H9001;2025-03-05;0730;Stöld;Östermalm;6581000;674100;Cykel på gården');
    rows.push('H9002;0025-03-11;0730;Stöld;Östermalm;6581000;674100;Skrivfel i året');
    rows.push('H9003;2025-03-05;0730;Stöld;Östermalm;5581000;674100;Utanför Sverige');
    const text = ['Anmälda brott, Exempelkommun;;;;;;;', 'Period: 2025-01-01 – 2025-03-31;;;;;;;', ';;;;;;;',
      'Händelsenummer;Händelsedatum;Klockslag;Brottstyp;Område;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM);Beskrivning', ...rows].join('\r\n') + '\r\n';
    expect(cp1252(text).indexOf(0xd6)).toBeGreaterThan(65536); // Ö
    const card = await drop('rapport.csv', cp1252(text));
    expect(await card.locator('select').first().inputValue()).toBe('windows-1252');
    expect(await card.getByTestId('skip-lines').inputValue()).toBe('3');
    await card.getByTestId('skip-note').waitFor();
    expect(await card.getByTestId('import-crs').inputValue()).toBe('EPSG:3006');
    await card.getByTestId('crs-from-header').waitFor();
    expect(await card.getByTestId('no-position').count()).toBe(0);
    expect(await card.getByTestId('years-note').textContent()).toMatch(/1990–20\d\d/);
    // A year field can be emptied and typed again (helper-57: the old year came back, and typing gave "12027"); what
    // is not a whole year is not taken, shown as invalid, and the field returns to the year in force when left.
    const from = card.getByTestId('years-min');
    const to = card.getByTestId('years-max');
    const max = await to.inputValue();
    await from.fill('');
    await from.pressSequentially('1995');
    expect(await from.inputValue()).toBe('1995');
    expect(await card.getByTestId('years-note').textContent()).toContain(`1995–${max}`);
    for (const typed of ['2026.5', '99999', '']) {
      await to.fill(typed);
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect(await card.getByTestId('years-note').textContent()).toContain(`1995–${max}`);
    }
    await from.click();
    expect(await to.inputValue()).toBe(max);
    await from.fill('1990');
    expect(await card.getByTestId('years-note').textContent()).toContain(`1990–${max}`);
    // Skipping one line too few shows the period line as the header, at once; back to three, the real header.
    await card.getByTestId('skip-lines').fill('2');
    await card.locator('.preview-table th', { hasText: 'Kolumn 1' }).waitFor({ state: 'attached' });
    await card.getByTestId('skip-lines').fill('3');
    await card.locator('.preview-table th', { hasText: 'Händelsenummer' }).waitFor({ state: 'attached' });
    await card.getByTestId('import-button').click();
    const summary = summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 60_000 }));
    expect(summary).toEqual({ rows: 1503, imported: 1501, rejected: 2 });
    const rejected = await card.getByTestId('rejected-rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => (c.textContent ?? '').replace(/^[\d\s\u00a0]+$/, (n) => n.replace(/\D/g, '')))));
    expect(rejected[0][0]).toBe('1506');
    expect(rejected[0][1]).toMatch(/^Året ligger utanför 1990–20\d\d/);
    expect(rejected[0].slice(2)).toEqual(['Händelsedatum', '0025-03-11']);
    expect(rejected[1]).toEqual(['1507', 'Koordinaten ligger utanför rutan runt Sverige', 'X-koordinat (SWEREF 99 TM) / Y-koordinat (SWEREF 99 TM)', '5581000 / 674100']);
    expect(await kpi()).toBe(1501);
  });

  it('says before the import that rows without a mapped position will not be on the map, and does not double them under a new id mapping', async () => {
    const text = ['Ärendenr;Datum;Brottstyp;Plats', 'K1;2025-02-01 10:00:00.0000000;Skadegörelse;Skolan', 'K2;2025-02-02T11:00:00.1234567;Klotter;Torget'].join('\n') + '\n';
    let card = await drop('kommun.csv', Buffer.from(text, 'utf8'));
    await card.getByTestId('no-position').filter({ hasText: 'kommer inte att synas på kartan' }).waitFor();
    // First without the id column …
    await card.getByLabel('Id', { exact: true }).selectOption('');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 2, rejected: 0 });
    // … then again with it: the same two rows, not two more.
    card = await drop('kommun.csv', Buffer.from(text, 'utf8'));
    await card.getByLabel('Id', { exact: true }).selectOption('Ärendenr');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 0, rejected: 2 });
    expect(await card.getByTestId('rejected-rows').textContent()).toContain('En rad med samma innehåll finns redan inläst');
    expect(await kpi()).toBe(1503);
  });

  it('keeps a system\'s next export (a new file name) in its source, so overlapping rows are not doubled; another source\'s equal rows are imported and said', async () => {
    const header = 'Datum;Brottstyp;Plats';
    const march = ['2025-03-03;Skadegörelse;Norrskolan', '2025-03-03;Skadegörelse;Norrskolan', '2025-03-10;Klotter;Söderskolan'];
    let card = await drop('skolor-v10.csv', Buffer.from([header, ...march].join('\n') + '\n', 'utf8'));
    await card.getByLabel('Id', { exact: true }).selectOption('');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 3, imported: 3, rejected: 0 });
    const before = await kpi();
    // Two weeks later: the same columns under a new name, overlapping the last export by its three rows, plus one.
    card = await drop('skolor-v12.csv', Buffer.from([header, ...march, '2025-03-17;Skadegörelse;Norrskolan'].join('\n') + '\n', 'utf8'));
    expect(await card.getByTestId('source-name').inputValue()).toBe('skolor-v10.csv');
    await card.getByTestId('source-remembered').waitFor();
    // The field emptied stands for the proposed name, and one click imports (helper-56: the name written back on blur
    // moved the card under the pointer, and the first click was lost).
    await card.getByTestId('source-name').fill('');
    expect(await card.getByTestId('source-status').textContent()).toBe(' Tomt fält: raderna får källan ”skolor-v10.csv”. Befintlig källa: rader som ”skolor-v10.csv” redan har läses inte in igen.');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 4, imported: 1, rejected: 3 });
    expect(await card.getByTestId('import-source').textContent()).toContain('skolor-v10.csv');
    expect(await kpi()).toBe(before + 1);
    // Another system with the same columns and a row equal to one of the schools': imported as its own, and said.
    card = await drop('fastighet.csv', Buffer.from([header, '2025-03-10;Klotter;Söderskolan', '2025-03-24;Klotter;Söderskolan'].join('\n') + '\n', 'utf8'));
    await card.getByTestId('source-name').fill('Fastighetsbolaget');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 2, rejected: 0 });
    expect(await card.getByTestId('same-as-other-sources').textContent()).toBe(
      '1 inläst rad är likadan som en rad som redan finns från källan ”skolor-v10.csv” (samma värden i alla inlästa fält). Rader känns igen inom en källa, så den är inläst som källan ”Fastighetsbolaget”. Är filen en ny export från ”skolor-v10.csv”: ångra importen i importhistoriken och importera den igen med källnamnet ”skolor-v10.csv”.',
    );
    expect(await kpi()).toBe(before + 3);
    // Now two sources have files with these columns: the next one is not guessed — the card asks (helper-54: system
    // A's next export defaulted to system B's name, and a row was rejected against B's).
    card = await drop('skolor-v14.csv', Buffer.from([header, '2025-03-17;Skadegörelse;Norrskolan', '2025-03-31;Klotter;Norrskolan'].join('\n') + '\n', 'utf8'));
    expect(await card.getByTestId('source-name').inputValue()).toBe('skolor-v14.csv');
    expect(await card.getByTestId('source-status').textContent()).toBe(' Ny källa.');
    await card.getByTestId('source-candidates').getByRole('button', { name: 'Använd skolor-v10.csv' }).click();
    expect(await card.getByTestId('source-name').inputValue()).toBe('skolor-v10.csv');
    expect(await card.getByTestId('source-status').textContent()).toContain('Befintlig källa');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 1, rejected: 1 });
    expect(await kpi()).toBe(before + 4);
  });

  it('recognises the same events re-exported in WGS 84 after SWEREF 99 TM (a tester: every row stored twice), and says so', async () => {
    const SWEREF = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    const events = [['2025-04-07 21:10', 'Skadegörelse', 'Torget', 6580822, 674032], ['2025-04-08 02:30', 'Stöld', 'Stationen', 6581433, 675120]] as const;
    const metres = ['Datum;Brottstyp;Plats;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM)', ...events.map(([d, c, p, n, e]) => `${d};${c};${p};${n};${e}`)];
    const degrees = ['Datum;Brottstyp;Plats;Latitud;Longitud', ...events.map(([d, c, p, n, e]) => { const [lon, lat] = proj4(SWEREF, 'EPSG:4326', [e, n]); return `${d};${c};${p};${lat.toFixed(6)};${lon.toFixed(6)}`; })];
    let card = await drop('brott-sweref.csv', Buffer.from(metres.join('\n') + '\n', 'utf8'));
    expect(await card.getByTestId('import-crs').inputValue()).toBe('EPSG:3006');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 2, rejected: 0 });
    const before = await kpi();
    card = await drop('brott-wgs84.csv', Buffer.from(degrees.join('\n') + '\n', 'utf8'));
    expect(await card.getByTestId('import-crs').inputValue()).toBe('EPSG:4326');
    await card.getByTestId('source-name').fill('brott-sweref.csv');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 0, rejected: 2 });
    expect(await card.getByTestId('same-events-nearby').textContent()).toBe(
      '2 rader finns redan i källan, lika dem i allt utom positionerna, som ligger högst 2 m från de inlästa: troligen samma händelser exporterade i ett annat koordinatsystem eller med annan avrundning. De inlästa raderna behölls: ett tillägg ändrar aldrig en rad.',
    );
    expect(await card.getByTestId('rejected-rows').textContent()).toContain('Samma rad finns redan inläst med en position högst 2 m bort');
    expect(await kpi()).toBe(before);
  });

  it('says a column name with a byte the encoding cannot read, and maps the column by its other letters (helper-59: "Omr\ufffdde" unmapped, no word)', async () => {
    // UTF-8 (its rows have å/ä/ö as UTF-8) with one Windows-1252 å in the header.
    const bytes = Buffer.concat([Buffer.from('Datum;Brottstyp;Omr', 'utf8'), Buffer.from([0xe5]), Buffer.from('de\n2025-05-05;Stöld;Gärdet\n2025-05-06;Rån;Östermalm\n', 'utf8')]);
    const card = await drop('omrade.csv', bytes);
    expect(await card.getByTestId('header-unreadable').textContent()).toBe(
      'Kolumnnamnet ”Omr\ufffdde” har tecken som inte kan läsas som UTF-8 (visas som \ufffd); kolumnen kopplas efter de tecken som kan läsas. Är filen i en annan kodning: välj den under Teckenkodning.',
    );
    expect(await card.getByLabel('Område / stadsdel').inputValue()).toBe('Omr\ufffdde');
    // The one stray byte is in the header: no row reads wrong, so no "mixed encodings" beside it (helper-61).
    expect(await card.getByTestId('encoding-mixed').count()).toBe(0);
    await card.getByRole('button', { name: 'Ta bort' }).click();
    // A NUL in a column name is said too (helper-61: mapped as "Da␀tum" without a word).
    const nul = await drop('nul-rubrik.csv', Buffer.concat([Buffer.from('Da'), Buffer.from([0]), Buffer.from('tum;Brottstyp\n2025-05-05;Stöld\n')]));
    expect(await nul.getByTestId('header-nul').textContent()).toBe('Kolumnnamnet ”Da\u2400tum” har en NUL-byte (0x00, visas som ␀) – inget tecken i en textfil, filen är troligen skadad. Kontrollera kopplingen nedan.');
    await nul.getByRole('button', { name: 'Ta bort' }).click();
  });

  it('gives two exports with the same columns dropped together one source, so their overlap is not imported twice', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const header = 'Händelsedatum;Brottskod;Gata';
    const v10 = [header, '2025-05-05;Inbrott;Storgatan 1', '2025-05-06;Stöld;Lillgatan 2'].join('\n') + '\n';
    const v12 = [header, '2025-05-06;Stöld;Lillgatan 2', '2025-05-19;Rån;Torget'].join('\n') + '\n';
    const all = page.getByTestId('import-card');
    const before = await all.count();
    await page.getByTestId('file-input').setInputFiles([{ name: 'gator-v10.csv', mimeType: 'text/csv', buffer: Buffer.from(v10) }, { name: 'gator-v12.csv', mimeType: 'text/csv', buffer: Buffer.from(v12) }]);
    const cards = { nth: (i: number) => all.nth(before + i) };
    await cards.nth(1).getByTestId('source-name').waitFor();
    expect(await cards.nth(1).getByTestId('source-name').inputValue()).toBe('gator-v10.csv');
    await cards.nth(1).getByTestId('source-same-columns').waitFor();
    // Renaming the first renames the one that follows it (helper-55: the batch was split in two sources).
    await cards.nth(0).getByTestId('source-name').fill('Gatuexport');
    expect(await cards.nth(1).getByTestId('source-name').inputValue()).toBe('Gatuexport');
    await cards.nth(0).getByTestId('import-button').click();
    expect(summaryNumbers(await cards.nth(0).getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 2, rejected: 0 });
    await cards.nth(0).getByTestId('import-summary').waitFor();
    // The first's source has rows now: the second says so.
    expect(await cards.nth(1).getByTestId('source-status').textContent()).toContain('Befintlig källa');
    await cards.nth(1).getByTestId('import-button').click();
    expect(summaryNumbers(await cards.nth(1).getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 2, imported: 1, rejected: 1 });
  });

  it('keeps a Parquet series in one source too (the name its last file was imported under)', async () => {
    const { page } = browser;
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-series-'));
    const runner = await createNodeRunner();
    // January, then January–February: the second export overlaps the first by its ids P1–P20.
    for (const [name, last] of [['lagesserie-jan.parquet', 20], ['lagesserie-feb.parquet', 30]] as const) {
      await runner.exec(`COPY (SELECT 'P' || i AS id, DATE '2026-01-01' + i::INTEGER AS datum, 'Stöld' AS kategori FROM range(1, ${last + 1}) t(i)) TO '${join(dir, name)}' (FORMAT parquet)`);
    }
    runner.close();
    await page.goto(`${baseUrl}#/importera`);
    let card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(join(dir, 'lagesserie-jan.parquet')));
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 20, imported: 20, rejected: 0 });
    // (Counted after the first file: alone, this test's first import replaces the example.)
    const before = await kpi();
    await page.goto(`${baseUrl}#/importera`);
    card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(join(dir, 'lagesserie-feb.parquet')));
    expect(await card.getByTestId('source-name').inputValue()).toBe('lagesserie-jan.parquet');
    await card.getByTestId('import-button').click();
    expect(summaryNumbers(await card.getByTestId('import-summary').textContent({ timeout: 30_000 }))).toEqual({ rows: 30, imported: 10, rejected: 20 });
    expect(await kpi()).toBe(before + 10);
  });
});
