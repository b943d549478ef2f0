// Presentation mode in Chromium: driven by the keyboard (arrows, space, Page Up/Down, Home/End, Esc), public view
// on from the start, the same numbers as the lägesbild.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SLIDES } from '../../src/features/lagesbild/slides';
import { openBrowser, parseCount, type Browser } from './support/chromium';
import { expectedCounts } from './support/expected';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

describe('Presentation in Chromium', () => {
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

  const slide = () => browser.page.getByTestId('presentation').getAttribute('data-slide');
  const expectSlide = async (name: string) => {
    await browser.page.waitForFunction((n) => document.querySelector('[data-testid=presentation]')?.getAttribute('data-slide') === n, name, { timeout: 10_000 });
    expect(await slide()).toBe(name);
  };

  it('opens on the title slide with public view on', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/presentation`);
    await page.getByTestId('slide-title').locator('h2').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('slide-title').locator('h2').textContent()).toBe('Lägesbild v. 45–46 2026');
    expect(await page.getByTestId('presentation-public').isChecked()).toBe(true);
    expect(await page.getByTestId('slide-public-note').textContent()).toContain('<5');
    expect(await page.getByTestId('slide-counter').textContent()).toBe(`Bild 1 av ${SLIDES.length}`);
  });

  it('moves with arrows, space, Page Up/Down, Home and End', async () => {
    const { page } = browser;
    await page.keyboard.press('ArrowRight');
    await expectSlide('summary');
    await page.keyboard.press(' ');
    await expectSlide('figures');
    // Public view is on in the presentation: the shown total carries its noise (at most ±2, lib/disclosure/cell-key.ts).
    const exact = await expected.incidentsBetween('2026-11-02', '2026-11-15');
    expect(Math.abs(parseCount(await page.getByTestId('slide-total').textContent()) - exact)).toBeLessThanOrEqual(2);
    await page.keyboard.press('PageDown');
    await expectSlide('development');
    await page.keyboard.press('ArrowLeft');
    await expectSlide('figures');
    await page.keyboard.press('PageUp');
    await expectSlide('summary');
    await page.keyboard.press('End');
    await expectSlide('goals');
    await page.keyboard.press('ArrowRight');
    await expectSlide('goals');
    await page.keyboard.press('Home');
    await expectSlide('title');
    // Focus follows the slide: its heading is focused, so a screen reader reads it.
    await page.keyboard.press('ArrowDown');
    await expectSlide('summary');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  });

  it('hides small counts on the slides; the presenter can switch public view off', async () => {
    const { page } = browser;
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expectSlide('categories');
    const interventions = page.getByTestId('slide-interventions-table');
    // The example's period has interventions of types done once or twice: shown as "<5".
    expect(await interventions.textContent()).toContain('<5');
    const cells = await interventions.locator('td.numeric').allTextContents();
    for (const c of cells) if (/^\d+$/.test(c.replace(/\s/g, ''))) expect(Number(c.replace(/\s/g, ''))).toBeGreaterThanOrEqual(5);
    await page.getByTestId('presentation-public').uncheck();
    await page.waitForFunction(() => !document.querySelector('[data-testid=slide-interventions-table]')?.textContent?.includes('<5'));
    await page.getByTestId('presentation-public').check();
  });

  it('leaves with Esc for the lägesbild', async () => {
    const { page } = browser;
    await page.locator('body').focus();
    await page.getByTestId('presentation').focus();
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/lagesbild$/);
    await page.getByTestId('lb-summary').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  });
});
