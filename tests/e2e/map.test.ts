// The map page in Chromium (WebGL in software): it renders the example offline, every layer can be chosen,
// and choosing a hot spot or an area filters the other views to the numbers the raw data gives.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForNumber as waitForSelector, type Browser } from './support/chromium';
import { expectedCounts } from './support/expected';
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

  it('choosing a hot spot filters the other views to that cell, and the link reproduces it', async () => {
    const { page } = browser;
    await page.getByTestId('select-cell').first().click();
    await page.locator('.chip[data-filter=cell]').waitFor();
    const [size, ix, iy] = new URL(page.url()).searchParams.get('ruta')!.split(':').map(Number);
    const inCell = expected.incidentsInCell(size, ix, iy);
    expect(inCell).toBeGreaterThan(0);
    await waitForNumber('details-total', inCell);

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

  it('made no request to any other host', async () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    const refused = (await readRefused(proxyPort)).filter((r) => !isBrowserHousekeeping(r.target));
    expect(refused).toEqual([]);
  });
});
