// The map page in Chromium (WebGL in software): it renders the example offline, every layer can be chosen,
// and choosing a hot spot or an area filters the other views to the numbers the raw data gives.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForNumber as waitForSelector, type Browser } from './support/chromium';
import { expectedCounts } from './support/expected';
import { buildPmtiles } from './support/pmtiles-file';
import { isBrowserHousekeeping, readRefused } from './support/refusing-proxy';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

describe('Karta in Chromium', () => {
  let browser: Browser;
  let expected: Awaited<ReturnType<typeof expectedCounts>>;
  const errors: string[] = [];

  beforeAll(async () => {
    expected = await expectedCounts();
    browser = await openBrowser(proxyPort);
    browser.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    expected?.close();
  });

  const waitForNumber = (testId: string, value: number) => waitForSelector(browser.page, `[data-testid=${testId}]`, value);

  it('draws the example with its basemap, areas and significant hot spots, and counts what has no position', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 });
    await waitForNumber('located-count', expected.located);
    await waitForNumber('unlocated-count', expected.withoutPosition);
    await page.getByTestId('hot-spot-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('stat-rule').textContent()).toMatch(/Gi\* per ruta om \d+ m, avståndsband \d+ m/);
    // The example's planted places come out on top.
    const top = await page.getByTestId('hot-spot-table').locator('tbody tr').first().locator('td').nth(1).textContent();
    expect(['Resecentrum', 'Krogstråket', 'Stora torget']).toContain(top);
    // At 1400 × 900 (a laptop) the map and its legend are in view without scrolling.
    await page.setViewportSize({ width: 1400, height: 900 });
    const box = (await page.getByTestId('map').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.width).toBeGreaterThan(700);
    // Each ranked hot spot names its cell and can be shown on the map: the map zooms in to it.
    const firstRow = page.getByTestId('hot-spot-table').locator('tbody tr').first();
    expect(await firstRow.textContent()).toMatch(/E \d[\d\s\u00a0]* · N \d/);
    expect(await page.getByTestId('hot-spot-table').locator('thead').textContent()).toContain('Antal (alla veckor)');
    // FDR-corrected by default (as ArcGIS's Optimized Hot Spot Analysis), and the rule line says so.
    expect(await page.getByTestId('stat-rule').textContent()).toContain('Med FDR-korrigering');
    // Every listed hot spot has incidents of its own; beside it, the neighbourhood's count that Gi* tested.
    const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    for (const row of (await page.getByTestId('hot-spot-table').locator('tbody tr').all()).slice(0, 8)) {
      const own = numberIn(await row.locator('td').nth(3).textContent());
      expect(own).toBeGreaterThan(0);
      expect(numberIn(await row.locator('td').nth(4).textContent())).toBeGreaterThanOrEqual(own);
    }
    expect(await page.getByTestId('hot-spot-table').locator('thead th').nth(4).textContent()).toMatch(/^I grannskapet \(inom [\d\s\u00a0]+ m\)$/);
    // The CSV says its period and FDR in its header and name, and gives p with significant digits (four decimals
    // made the strong hot spots' p read 0).
    const downloaded = page.waitForEvent('download');
    await page.locator('.panel', { has: page.getByTestId('hot-spot-table') }).getByRole('button', { name: 'Ladda ner CSV' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe('hot-spots-alla-veckor.csv');
    const csvLines = readFileSync((await file.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(csvLines[0].slice(4, 9)).toEqual(['Antal (alla veckor)', csvLines[0][5], 'z', 'p', 'Konfidens (med FDR-korrigering)']);
    const ps = csvLines.slice(1).map((l) => l[7]);
    expect(ps.filter((p) => p !== '<1e-16' && !(Number(p.replace(',', '.')) > 0 && Number(p.replace(',', '.')) < 0.1))).toEqual([]);
    expect(ps.some((p) => p !== '<1e-16')).toBe(true);
    const zoomBefore = Number(await page.getByTestId('map').getAttribute('data-zoom'));
    await firstRow.getByTestId('locate-cell').click();
    await page.waitForFunction((z) => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-zoom')) > z + 0.5, zoomBefore);
    // Labels never overlap: every pair of visible labels has disjoint boxes.
    const overlaps = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.map-label')].filter((e) => (e as HTMLElement).style.visibility !== 'hidden').map((e) => e.getBoundingClientRect());
      let n = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) n++;
      }
      return n;
    });
    expect(overlaps).toBe(0);
    await page.setViewportSize({ width: 1400, height: 1000 });
    // Area and place labels are drawn as text.
    expect(await page.locator('.map-label-area', { hasText: 'Centrum' }).count()).toBe(1);
    expect(await page.locator('.map-label-place', { hasText: 'Resecentrum' }).count()).toBe(1);
  });

  it('switches between every layer without an error', async () => {
    const { page } = browser;
    for (const label of ['Nya och bestående hot spots', 'Rutor (antal)', 'Punkter', 'Täthet', 'Områden', 'Hot spots (Gi*)']) {
      await page.getByLabel(label, { exact: true }).check();
      expect(await page.getByTestId('map').getAttribute('aria-label')).toContain(label);
    }
    await page.getByLabel('Områden', { exact: true }).check();
    await page.getByTestId('area-table').waitFor();
    await page.getByLabel('Hot spots (Gi*)', { exact: true }).check();
    await page.getByTestId('hot-spot-table').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });

  it('keeps the layer, cell size and shape chosen when the user goes to another page and back, and starts afresh on a reload', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?v=remember#/karta`);
    await page.getByTestId('hot-spot-table').waitFor({ timeout: 60_000 });
    const defaultSize = await page.getByTestId('cell-size').inputValue();
    const other = defaultSize === '500' ? '250' : '500';
    await page.getByTestId('cell-size').selectOption(other);
    await page.getByTestId('cell-shape').selectOption('hex');
    await page.getByLabel('Nya och bestående hot spots', { exact: true }).check();
    // Away through the app's own navigation (the same visit), then back.
    await page.getByRole('link', { name: 'Översikt' }).first().click();
    await page.getByTestId('kpi-incidents').waitFor();
    await page.getByRole('link', { name: 'Karta' }).first().click();
    await page.getByTestId('cell-size').waitFor();
    expect(await page.getByTestId('cell-size').inputValue()).toBe(other);
    expect(await page.getByTestId('cell-shape').inputValue()).toBe('hex');
    expect(await page.getByLabel('Nya och bestående hot spots', { exact: true }).isChecked()).toBe(true);
    // A reload is a new visit: the defaults again.
    await page.reload();
    await page.getByTestId('cell-size').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('cell-size').inputValue()).toBe(defaultSize);
    expect(await page.getByTestId('cell-shape').inputValue()).toBe('square');
    expect(await page.getByLabel('Hot spots (Gi*)', { exact: true }).isChecked()).toBe(true);
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
  });

  it('the week slider has a position of its own for "Alla veckor", one past the last week', async () => {
    const { page } = browser;
    const slider = page.getByRole('group', { name: 'Vecka' });
    const range = slider.getByRole('slider');
    const max = Number(await range.getAttribute('max'));
    // Tester: "Alla veckor" and the last week stood at the same place, and ▶ on the last week did nothing.
    expect(await range.inputValue()).toBe(String(max));
    expect(await page.getByTestId('slider-week').textContent()).toBe('Alla veckor');
    expect(await slider.getByRole('button', { name: 'Nästa vecka' }).isDisabled()).toBe(true);
    await slider.getByRole('button', { name: 'Föregående vecka' }).click();
    await page.waitForFunction(() => /^v\. \d+/.test(document.querySelector('[data-testid=slider-week]')?.textContent ?? ''));
    expect(await range.inputValue()).toBe(String(max - 1));
    await slider.getByRole('button', { name: 'Nästa vecka' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=slider-week]')?.textContent === 'Alla veckor');
    expect(await range.inputValue()).toBe(String(max));
    expect(errors).toEqual([]);
  });

  it('choosing a hot spot filters the other views to that cell, and the link reproduces it', async () => {
    const { page } = browser;
    await page.getByTestId('select-cell').first().click();
    await page.locator('.chip[data-filter=cell]').waitFor();
    const [size, ix, iy] = new URL(page.url()).searchParams.get('ruta')!.split(':').map(Number);
    const inCell = expected.incidentsInCell(size, ix, iy);
    expect(inCell).toBeGreaterThan(0);
    await waitForNumber('details-total', inCell);
    // The caption's counts are the chosen cell's, and it says so (the map still shows the cells around it).
    await waitForNumber('located-count', inCell);
    expect(await page.getByTestId('counts-in-cell').textContent()).toContain('den valda rutan');

    await page.getByRole('link', { name: 'Översikt' }).click();
    await waitForNumber('kpi-incidents', inCell);

    // The same link in a fresh load gives the same view.
    await page.reload();
    await waitForNumber('kpi-incidents', inCell);
    expect(await page.locator('.chip[data-filter=cell]').count()).toBe(1);
    await page.getByRole('button', { name: 'Återställ alla' }).click();
    await waitForNumber('kpi-incidents', expected.incidents);
    expect(new URL(page.url()).searchParams.get('ruta')).toBeNull();
  });

  it('hexagons: Gi* on hexagons of the same area, and a chosen hexagon filters the other views to exactly its incidents', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Karta' }).click();
    await page.getByLabel('Hot spots (Gi*)', { exact: true }).check();
    await page.getByTestId('cell-shape').selectOption('hex');
    await page.getByTestId('stat-rule').filter({ hasText: 'hexagon' }).waitFor({ timeout: 60_000 });
    // The rule says what is tested in the cell's own word (it said "En ruta" of hexagons).
    expect(await page.getByTestId('stat-rule').textContent()).toContain('En hexagon räknas som hot eller kall punkt');
    const firstRow = page.getByTestId('hot-spot-table').locator('tbody tr').first();
    const tableCount = Number((await firstRow.locator('td').nth(3).textContent())!.replace(/[^\d]/g, ''));
    expect(await firstRow.locator('td').nth(2).textContent()).toMatch(/^mitt E [\d\s\u00a0]+ · N [\d\s\u00a0]+$/);
    await page.getByTestId('select-cell').first().click();
    await page.locator('.chip[data-filter=cell]').waitFor();
    const ruta = new URL(page.url()).searchParams.get('ruta')!;
    expect(ruta).toMatch(/^hex:\d+:\d+:\d+$/);
    const [size, ix, iy] = ruta.slice(4).split(':').map(Number);
    const inHexagon = expected.incidentsInHexagon(size, ix, iy);
    expect(inHexagon).toBeGreaterThan(0);
    // The ranked table's count (all weeks) is the hexagon's count, not a coordinate or another cell's.
    expect(tableCount).toBe(inHexagon);
    await waitForNumber('details-total', inHexagon);
    await page.getByRole('link', { name: 'Översikt' }).click();
    await waitForNumber('kpi-incidents', inHexagon);
    await page.getByRole('button', { name: 'Återställ alla' }).click();
    await waitForNumber('kpi-incidents', expected.incidents);
    expect(errors).toEqual([]);
  });

  it('choosing an area filters the other views to that area', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Karta' }).click();
    await page.getByLabel('Områden', { exact: true }).check();
    await page.getByTestId('area-table').getByRole('button', { name: 'Hamnstaden' }).click();
    await page.locator('.chip[data-filter=area]').waitFor();
    const inArea = await expected.incidentsInArea('Hamnstaden');
    await waitForNumber('details-total', inArea);
    await page.getByRole('link', { name: 'Översikt' }).click();
    await waitForNumber('kpi-incidents', inArea);
    await page.getByRole('button', { name: 'Återställ alla' }).click();
  });

  it('keeps Gi* on every cell when an area is chosen: the area filter does not make its cells hot spots', async () => {
    const { page } = browser;
    // A tester: with the counts filtered to Söderäng and the study area every cell, all of Söderäng was 99 % hot.
    const tableRows = async () => {
      await page.getByTestId('hot-spot-table').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].some((tr) => tr.textContent?.includes('…')));
      return page.getByTestId('hot-spot-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 6).map((c) => c.textContent).join('|')));
    };
    await page.goto(`${baseUrl}?period=2026-11-02..2026-11-15#/karta`);
    const without = await tableRows();
    await page.goto(`${baseUrl}?period=2026-11-02..2026-11-15&omrade=S%C3%B6der%C3%A4ng#/karta`);
    await page.getByTestId('counts-in-area').waitFor({ timeout: 60_000 });
    const withArea = await tableRows();
    expect(without.length).toBeGreaterThan(3);
    expect(withArea).toEqual(without);
    await page.getByRole('button', { name: 'Återställ alla' }).click();
  });

  it('shows the old cell size whole until the new size is counted: no empty map, no mixed sizes in between', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/karta`);
    await page.getByTestId('hot-spot-table').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    const from = Number(await page.getByTestId('cell-size').inputValue());
    const to = from === 500 ? 250 : 500;
    // Every state the page commits while the size changes: the rule line's cell size and the table's cell references.
    await page.evaluate(() => {
      const w = window as unknown as { __states: { rule: string; counting: string; refs: string[]; names: string[]; table: boolean; tooFew: boolean }[]; __observer?: MutationObserver };
      w.__states = [];
      const record = () => w.__states.push({
        rule: document.querySelector('[data-testid=stat-rule]')?.textContent ?? '',
        counting: document.querySelector('[data-testid=counting-grid]')?.textContent ?? '',
        table: document.querySelector('[data-testid=hot-spot-table]') !== null,
        tooFew: document.querySelector('[data-testid=too-few]') !== null,
        refs: [...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''),
        names: [...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''),
      });
      w.__observer = new MutationObserver(record);
      w.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      record();
    });
    await page.getByTestId('cell-size').selectOption(String(to));
    await page.waitForFunction((size) => new RegExp(`ruta om ${size} m`).test(document.querySelector('[data-testid=stat-rule]')?.textContent ?? ''), to, { timeout: 60_000 });
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    const states = await page.evaluate(() => {
      const w = window as unknown as { __states: { rule: string; counting: string; refs: string[]; names: string[]; table: boolean; tooFew: boolean }[]; __observer?: MutationObserver };
      w.__observer?.disconnect();
      return w.__states;
    });
    const metres = (ref: string) => (ref.match(/[EN] ([\d\s\u00a0]+)/g) ?? []).map((m) => Number(m.slice(2).replace(/[^\d]/g, '')));
    const [e0, n0] = metres(states[0].refs[0]);
    expect(states.some((s) => s.rule.includes(`ruta om ${from} m`))).toBe(true);
    expect(states.some((s) => s.rule.includes(`ruta om ${to} m`))).toBe(true);
    // Not for a moment "too few incidents" or no table: the old size's counts read as the new size's cells matched
    // none of them (the map emptied, the warning flashed, the table went and came back).
    expect(states.filter((s) => s.tooFew || !s.table || !s.rule)).toEqual([]);
    // While the old size is drawn for the new one, a line says so; not before the change, and not once it is drawn.
    expect(states[0].counting).toBe('');
    expect(states.some((s) => s.counting === `Räknar om per ruta om ${to} m … Kartan och tabellen visar ruta om ${from} m tills dess.`)).toBe(true);
    expect(states.filter((s) => s.counting !== '' && !s.rule.includes(`ruta om ${from} m`))).toEqual([]);
    expect(await page.getByTestId('counting-grid').count()).toBe(0);
    // The old size, while it stays, keeps its names (they are of the same filter): no row turns to "…" before the
    // new size is drawn.
    expect(states.filter((s) => s.rule.includes(`ruta om ${from} m`) && s.names.some((n) => n === '…'))).toEqual([]);
    for (const state of states) {
      const size = Number(state.rule.match(/ruta om (\d+) m/)?.[1]);
      if (!size) continue;
      for (const ref of state.refs) {
        const [e, n] = metres(ref);
        // A square's south-west corner at the size the rule line says, in the example's town (not 1 000 km away:
        // 250 m cell numbers read as 500 m cells).
        expect(e % size, `${ref} at ${size} m`).toBe(0);
        expect(n % size, `${ref} at ${size} m`).toBe(0);
        expect(Math.abs(e - e0), `${ref} at ${size} m`).toBeLessThan(20_000);
        expect(Math.abs(n - n0), `${ref} at ${size} m`).toBeLessThan(20_000);
      }
    }
    await page.getByTestId('cell-size').selectOption(String(from));
    await page.waitForFunction((size) => new RegExp(`ruta om ${size} m`).test(document.querySelector('[data-testid=stat-rule]')?.textContent ?? ''), from, { timeout: 60_000 });
    expect(errors).toEqual([]);
  });

  it('marks the hot-spot table as the previous filter\'s while a cleared filter is counted again', async () => {
    const { page } = browser;
    // A tester read a Rån-only count beside a chip row saying "no filter" for 0.2–0.5 s after clearing the category.
    await page.goto(`${baseUrl}?kategori=St%C3%B6ld#/karta`);
    await page.getByTestId('hot-spot-table').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle' && ![...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].some((tr) => tr.textContent?.includes('…')), null, { timeout: 60_000 });
    type State = { busy: boolean; rows: string[] };
    await page.evaluate(() => {
      const w = window as unknown as { __states: State[]; __observer?: MutationObserver };
      w.__states = [];
      const record = () => w.__states.push({
        busy: document.querySelector('.hot-spot-panel')?.getAttribute('aria-busy') === 'true',
        // Each row's cell and count (the place may be '…' while its name is asked).
        rows: [...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].map((tr) => [2, 3].map((i) => tr.querySelectorAll('td')[i]?.textContent).join('|')),
      });
      w.__observer = new MutationObserver(record);
      w.__observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
      record();
    });
    await page.locator('.chip[data-filter=category] button').click();
    await page.waitForFunction(() => document.querySelector('.chip[data-filter=category]') === null);
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle' && document.querySelector('.hot-spot-panel')?.getAttribute('aria-busy') !== 'true' && ![...document.querySelectorAll('[data-testid=hot-spot-table] tbody tr')].some((tr) => tr.textContent?.includes('…')), null, { timeout: 60_000 });
    const states = await page.evaluate(() => {
      const w = window as unknown as { __states: State[]; __observer?: MutationObserver };
      w.__observer?.disconnect();
      return w.__states;
    });
    const before = states[0].rows.join('\n');
    const after = states[states.length - 1].rows.join('\n');
    expect(states[states.length - 1].rows.length).toBeGreaterThan(3);
    expect(after).not.toBe(before);
    // Every state between shows either the new filter's rows or says it is the previous one's (dimmed, with a note).
    expect(states.slice(1).filter((st) => !st.busy && st.rows.length > 0 && st.rows.join('\n') !== after)).toEqual([]);
    expect(await page.getByTestId('hot-spots-updating').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('draws a street map added as a PMTiles file, from the stored file only, and falls back when it is removed', async () => {
    const { page } = browser;
    // A small Protomaps-shaped file around the example (land, a lake, a road), built here from GeoJSON.
    const box = (w: number, s: number, e: number, n: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } });
    const bounds: [number, number, number, number] = [16.5, 59.8, 17.1, 60.1];
    const road = { type: 'Feature' as const, properties: { kind: 'major_road' }, geometry: { type: 'LineString' as const, coordinates: [[16.6, 59.95], [17.0, 59.97]] } };
    const bytes = buildPmtiles({
      earth: { type: 'FeatureCollection', features: [box(...bounds)] },
      water: { type: 'FeatureCollection', features: [box(16.80, 59.94, 16.84, 59.96)] },
      roads: { type: 'FeatureCollection', features: [road] },
    }, bounds, 0, 13);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-pmtiles-')), 'exempelkommun.pmtiles');
    writeFileSync(file, bytes);
    // Not a PMTiles file: refused with the reason, nothing stored.
    const wrong = join(mkdtempSync(join(tmpdir(), 'lagesbild-pmtiles-')), 'fel.pmtiles');
    writeFileSync(wrong, 'Datum;Brottstyp\n2026-01-01;Stöld\n');
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByTestId('basemap-file-input').setInputFiles(wrong);
    await page.getByTestId('basemap-file').getByRole('alert').waitFor();
    expect(await page.getByTestId('basemap-file').getByRole('alert').textContent()).toContain('ingen PMTiles-fil');
    expect(await page.getByTestId('basemap-file-status').textContent()).toContain('Ingen gatukarta');
    await page.getByTestId('basemap-file-input').setInputFiles(file);
    await page.waitForFunction(() => /exempelkommun\.pmtiles/.test(document.querySelector('[data-testid=basemap-file-status]')?.textContent ?? ''));
    expect(await page.getByTestId('basemap-file-status').textContent()).toContain('vektor, zoomnivå 0–13');
    // Karta draws it: MapLibre decoded the file's features (land, lake, road) through the pmtiles protocol.
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('[data-testid=map][data-basemap=pmtiles]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-basemap-features') ?? 0) >= 3, null, { timeout: 60_000 });
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© OpenStreetMap (testdata)');
    // Changing the data layer or the cell size keeps the street map (they once removed it with the land).
    await page.getByLabel('Rutor (antal)').check();
    await page.getByTestId('cell-size').selectOption('500');
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    // Then a zoom, so the map draws again after the change, and look once it is idle.
    const before = Number(await page.getByTestId('map').getAttribute('data-basemap-idle'));
    await page.getByRole('button', { name: /Zoom in|Zooma in/ }).click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-basemap-idle')) > n, before, { timeout: 60_000 });
    expect(Number(await page.getByTestId('map').getAttribute('data-basemap-features'))).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© OpenStreetMap (testdata)');
    // Stored: still there after a reload.
    await page.reload();
    await page.locator('[data-testid=map][data-basemap=pmtiles]').waitFor({ timeout: 60_000 });
    // The lägesbild's printed map (SVG) draws the same file's lake and road under its cells, with the attribution,
    // and so does its HTML file.
    await page.goto(`${baseUrl}#/lagesbild`);
    const streets = page.getByTestId('lb-map').locator('[data-testid=lb-map-streets] path');
    await streets.first().waitFor({ state: 'attached', timeout: 60_000 });
    expect(await streets.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.lb-map-attribution').first().textContent()).toBe('Bakgrund: © OpenStreetMap (testdata)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('data-testid="lb-map-streets"');
    expect(html).toContain('© OpenStreetMap (testdata)');
    // Removed: the packaged basemap again.
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByRole('button', { name: 'Ta bort gatukartan' }).click();
    await page.waitForFunction(() => /Ingen gatukarta/.test(document.querySelector('[data-testid=basemap-file-status]')?.textContent ?? ''));
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('[data-testid=map][data-basemap=packaged]').waitFor({ timeout: 60_000 });
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lb-map').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=lb-map-streets]').count()).toBe(0);
  });

  it('offers Exempelkommun’s invented street map from Inställningar, from the app’s own origin', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByTestId('basemap-example').click();
    await page.waitForFunction(() => /exempelkommun-gator\.pmtiles/.test(document.querySelector('[data-testid=basemap-file-status]')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await page.getByTestId('basemap-file-status').textContent()).toContain('vektor');
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.locator('[data-testid=lb-map] [data-testid=lb-map-streets] path').first().waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('.lb-map-attribution').first().textContent()).toBe('Bakgrund: Påhittad gatukarta för Exempelkommun');
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByRole('button', { name: 'Ta bort gatukartan' }).click();
    await page.waitForFunction(() => /Ingen gatukarta/.test(document.querySelector('[data-testid=basemap-file-status]')?.textContent ?? ''));
  });

  it('made no request to any other host', async () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    const refused = (await readRefused(proxyPort)).filter((r) => !isBrowserHousekeeping(r.target));
    expect(refused).toEqual([]);
  });
});
