// A real GeoParquet file (USGS earthquakes) through the page: read via parquet-wasm, epoch-millisecond times,
// worldwide coordinates — every row imported or rejected with a reason, or the whole file refused with one.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addedCard, openBrowser, type Browser } from '../e2e/support/chromium';
import { requireSharedData } from './shared-data';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const dir = join(requireSharedData(), 'parquet', 'usgs-earthquakes');

describe('GeoParquet in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await openBrowser(proxyPort); });
  afterAll(async () => browser?.close());

  it.each(['data.parquet', 'earthquakes.parquet'])('%s: previewed, mapped, and accounted for', async (name) => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(join(dir, name)));
    const mappingSelects = card.locator('.mapping-table select');
    // Date and category are not recognisable by name here: the analyst maps them.
    await mappingSelects.nth(1).selectOption('eventTime');
    await mappingSelects.nth(3).selectOption('eventType');
    await mappingSelects.nth(5).selectOption('latitude');
    await mappingSelects.nth(6).selectOption('longitude');
    const crs = card.getByTestId('import-crs');
    if ((await crs.inputValue()) === '') await crs.selectOption('EPSG:4326');
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').or(card.getByRole('alert')).first().waitFor({ timeout: 90_000 });
    const text = (await card.textContent()) ?? '';
    if (await card.getByTestId('import-summary').count()) {
      const m = text.replace(/[\s\u00a0]/g, '').match(/(\d+)=importerade(\d+)\+avvisade(\d+)/)!;
      expect(Number(m[2]) + Number(m[3])).toBe(Number(m[1]));
      expect(Number(m[1])).toBeGreaterThan(2000);
    } else {
      // Every earthquake is outside Sweden: nothing to import, and the data already loaded is kept — said in
      // Swedish, with each row's reason.
      expect(text).toContain('kunde importeras, så inget ersattes');
      expect(text).toMatch(/Rad \d+: /);
    }
  });
});
