// Shared filters restored from a link give the same numbers as SQL, for every combination of period, category,
// area, map cell and map extent: Översikt's incident count and Karta's located count, each page opened after the
// link's filters are in place (its views connect anew). A view that draws one of the filters itself once got no filter at all
// on its first query when that filter was the last one set (Mosaic's "active clause" skip).
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/chromium';
import { expectedCounts, type ExpectedFilter } from './support/expected';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

describe('filters from a link', () => {
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

  const [e, n] = proj4('WGS84', SWEREF99TM, [16.810202, 59.959452]); // Resecentrum, a busy place in the example
  const values: Required<ExpectedFilter> = {
    period: ['2025-12-29', '2026-06-21'],
    category: 'Misshandel',
    area: 'Centrum',
    cell: { size: 250, ix: Math.floor(e / 250), iy: Math.floor(n / 250) },
    extent: { west: 16.8, south: 59.955, east: 16.83, north: 59.975 },
  };
  const param = {
    period: (v: typeof values.period) => ['period', `${v[0]}..${v[1]}`],
    category: (v: string) => ['kategori', v],
    area: (v: string) => ['omrade', v],
    cell: (v: typeof values.cell) => ['ruta', `${v.size}:${v.ix}:${v.iy}`],
    extent: (v: typeof values.extent) => ['utsnitt', [v.west, v.south, v.east, v.north].map((x) => x.toFixed(5)).join(',')],
  } as const;
  const names = Object.keys(values) as (keyof ExpectedFilter)[];

  /** Waits until the element shows `value`; on a timeout returns what it shows instead. */
  async function shows(selector: string, value: number): Promise<number> {
    const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    try {
      await browser.page.waitForFunction(
        ([sel, v]) => Number((document.querySelector(sel)?.textContent ?? '').replace(/[^\d]/g, '')) === v && document.documentElement.dataset.queries === 'idle',
        [selector, value] as const, { timeout: 20_000 },
      );
      return value;
    } catch {
      return digits(await browser.page.locator(selector).textContent());
    }
  }

  const combinations = Array.from({ length: (1 << names.length) - 1 }, (_, i) => names.filter((_, bit) => (i + 1) & (1 << bit)));
  const searchOf = (chosen: readonly (keyof ExpectedFilter)[]) =>
    new URLSearchParams(chosen.map((k) => (param[k] as (v: unknown) => string[])(values[k]) as [string, string]));

  it('says on the chip when a link’s category is in no incident (the views show 0 because of the link)', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?kategori=st%C3%B6ld#/`);
    await page.getByTestId('category-not-found').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('category-not-found').textContent()).toContain('ingen händelse har den kategorin');
    await page.goto(`${baseUrl}?kategori=St%C3%B6ld#/`);
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    expect(await page.locator('.chip[data-filter=category]').count()).toBe(1);
    expect(await page.getByTestId('category-not-found').count()).toBe(0);
  });

  it('says on the chip when a link’s source is in no loaded row', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?kalla=Ok%C3%A4nd%20k%C3%A4lla#/`);
    await page.getByTestId('source-not-found').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('source-not-found').textContent()).toContain('ingen inläst rad har den källan');
    expect(await page.locator('.chip[data-filter=source] .chip-label').textContent()).toBe('Okänd källa');
    // Mål under that link judges no goal ("Efter" on 0 for that reason alone, and the feedback text with it).
    await page.goto(`${baseUrl}?kalla=Ok%C3%A4nd%20k%C3%A4lla#/mal`);
    await page.getByTestId('goals-as-of').waitFor({ timeout: 60_000 });
    const main = page.locator('main');
    await page.waitForFunction(() => (document.querySelector('main')?.textContent ?? '').includes('så målet bedöms inte här'), null, { timeout: 60_000 });
    expect(await main.getByText('Ingen inläst rad har källan ”Okänd källa” som filtret anger, så målet bedöms inte här.', { exact: false }).count()).toBe(7);
    expect(await main.getByText('Efter', { exact: true }).count()).toBe(0);
  });

  it('a fresh load of the link from the bug report: period + category on Översikt', async () => {
    const chosen = ['period', 'category'] as const;
    const rows = expected.incidentsMatching({ period: values.period, category: values.category });
    await browser.page.goto(`${baseUrl}?${searchOf(chosen)}#/`);
    expect(await shows('[data-testid=kpi-incidents]', rows.length)).toBe(rows.length);
  });

  // The link is followed in the open app (popstate, as Back/Forward do), then each page is opened anew, so its
  // views make their first query under the restored filters — the step that went wrong.
  it.each(combinations.map((c) => [c.join(' + '), c] as const))('%s: Översikt (and Karta) show SQL’s count', async (_label, chosen) => {
    const { page } = browser;
    const rows = expected.incidentsMatching(Object.fromEntries(chosen.map((k) => [k, values[k]])));
    await page.evaluate((search) => {
      history.replaceState(history.state, '', `?${search}${location.hash}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, searchOf(chosen).toString());
    await page.getByRole('link', { name: 'Översikt' }).click();
    expect(await shows('[data-testid=kpi-incidents]', rows.length), 'Översikt').toBe(rows.length);
    // Karta (slow to settle in software WebGL) for each filter alone and all five together.
    if (chosen.length === 1 || chosen.length === names.length) {
      await page.getByRole('link', { name: 'Karta' }).click();
      const located = rows.filter((r) => r.precision === 'point').length;
      expect(await shows('[data-testid=located-count]', located), 'Karta').toBe(located);
      await page.getByRole('link', { name: 'Trender' }).click();
    } else {
      await page.getByRole('link', { name: 'Trender' }).click();
    }
    expect(errors).toEqual([]);
  });
});
