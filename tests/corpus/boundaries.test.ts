// The real kommun and län boundaries through the page: every feature imported, named by its property, its kind suggested.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addedCard, openBrowser, parseCount, type Browser } from '../e2e/support/chromium';
import { requireSharedData } from './shared-data';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const dir = join(requireSharedData(), 'boundaries', 'sweden-kommuner-lan');

describe('Swedish kommun and län boundaries in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await openBrowser(proxyPort); });
  afterAll(async () => browser?.close());

  it.each([['swedish_municipalities.geojson', 'kom_namn', 'kommun', 290], ['swedish_regions.geojson', 'name', 'län', 21]] as const)(
    '%s: all features imported as areas', async (file, nameKey, kind, features) => {
      const { page } = browser;
      await page.goto(`${baseUrl}#/importera`);
      const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(join(dir, file)));
      expect(await card.getByTestId('area-name-key').inputValue()).toBe(nameKey);
      // The kind is suggested from the name property (kom_namn) or the names (21 län): helper-64 and helper-65 typed it.
      expect(await card.getByTestId('area-fixed-kind').inputValue()).toBe(kind);
      await card.getByTestId('import-button').click();
      const text = (await card.getByTestId('import-summary').textContent({ timeout: 60_000 }))!.replace(/[\s\u00a0]/g, '');
      expect(text).toContain(`${features}=importerade${features}+avvisade0`);
    },
  );

  it('holds both sets afterwards', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByTestId('count-areas').waitFor();
    expect(parseCount(await page.getByTestId('count-areas').textContent())).toBe(290 + 21);
  });
});
