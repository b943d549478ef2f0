// Trender in Chromium: brushing a period on the trend chart filters the map and the goal panels to the
// numbers a direct SQL query over the raw files gives; reset restores them; the URL carries the state.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, waitForNumber as waitForSelector, type Browser } from './support/chromium';
import { expectedCounts } from './support/expected';
import { compareCounts } from '../../src/lib/statistics/count-change';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

describe('Trender in Chromium', () => {
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

  const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
  const waitForNumber = (selector: string, value: number) => waitForSelector(browser.page, selector, value);

  it('shows the trend, the comparison with its test, weekday × hour and a before/after estimate', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/trender`);
    await page.getByTestId('chart-trend').waitFor({ timeout: 60_000 });
    await page.getByTestId('trend-current').waitFor();
    expect(await page.getByTestId('comparison-period').textContent()).toContain('v. 46 2026');
    expect(number(await page.getByTestId('trend-current').textContent())).toBe(await expected.incidentsBetween('2026-11-09', '2026-11-15'));
    expect(await page.getByTestId('trend-vs-previous').locator('..').textContent()).toMatch(/z = -?\d/);
    await page.getByTestId('before-after-estimate').waitFor({ timeout: 30_000 });
    // Every unit and split can be chosen.
    for (const unit of ['Dag', 'Två veckor', 'Månad', 'Kvartal', 'Vecka']) await page.getByLabel(unit, { exact: true }).check();
    // The month the example ends inside is marked, with its days with data counted from the raw file.
    const days = expected.incidentsMatching({}).map((r) => r.day).sort();
    const lastDay = days[days.length - 1];
    const [y, m, dd] = lastDay.split('-').map(Number);
    const monthDays = new Date(Date.UTC(y, m, 0)).getUTCDate();
    await page.getByLabel('Månad', { exact: true }).check();
    expect(dd).toBeLessThan(monthDays); // the example ends mid-month (15 November)
    await page.getByTestId('trend-partial').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('trend-partial').textContent()).toContain(`(data för ${dd} av ${monthDays} dagar)`);
    expect(await page.getByTestId('trend-partial-row').count()).toBe(0); // the table is not open yet
    await page.getByLabel('Vecka', { exact: true }).check();
    // The table behind the chart, through a change of split: every state the page commits is the old split's table
    // or the new one's, whole (the old rows, without a category, were once read as split by category).
    await page.getByTestId('trend-panel').getByRole('button', { name: 'Visa tabell' }).click();
    await page.getByTestId('trend-table').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __headers: string[][]; __observer?: MutationObserver };
      const record = () => w.__headers.push([...document.querySelectorAll('[data-testid=trend-table] thead th')].map((th) => th.textContent ?? ''));
      w.__headers = [];
      w.__observer = new MutationObserver(record);
      w.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      record();
    });
    await page.getByTestId('trend-split').selectOption('category');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=trend-table] thead th').length > 6, null, { timeout: 20_000 });
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 20_000 });
    const headers = await page.evaluate(() => {
      const w = window as unknown as { __headers: string[][]; __observer?: MutationObserver };
      w.__observer?.disconnect();
      return w.__headers;
    });
    const [first, last] = [headers[0], headers[headers.length - 1]];
    expect(last.length).toBeGreaterThan(first.length);
    expect(headers.filter((h) => h.join('|') !== first.join('|') && h.join('|') !== last.join('|'))).toEqual([]);
    // Interventions of one type on the timeline: the table's last column sums to that type's count.
    await page.getByTestId('trend-intervention-type').selectOption('Trygghetsvandring');
    const expectedWalks = await expected.interventionsOfTypeBetween('Trygghetsvandring', '2000-01-01', '2100-01-01');
    await page.waitForFunction((n) => {
      const cells = [...document.querySelectorAll('[data-testid=trend-table] tbody tr td:last-child')];
      return cells.reduce((s, c) => s + Number((c.textContent ?? '').replace(/[^\d]/g, '') || 0), 0) === n;
    }, expectedWalks, { timeout: 20_000 });
    await page.getByTestId('trend-intervention-type').selectOption('');
    expect(errors).toEqual([]);
  });

  it('a brushed period filters the map and the goals to what SQL gives, in the URL too; reset restores', async () => {
    const { page } = browser;
    const chart = page.getByTestId('chart-trend');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const y = box.y + box.height * 0.6;
    await page.mouse.move(box.x + box.width * 0.86, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, y, { steps: 8 });
    await page.mouse.up();
    const chip = page.locator('.chip[data-filter=period] .chip-label');
    await chip.waitFor({ timeout: 10_000 });
    const [, from, to] = (await chip.textContent())!.match(/(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/)!;
    expect(new URL(page.url()).searchParams.get('period')).toBe(`${from}..${to}`);
    expect(from >= '2026-01-01').toBe(true);

    // The comparison now describes the brushed period.
    await waitForNumber('[data-testid=trend-current]', await expected.incidentsBetween(from, to));

    await page.getByRole('link', { name: 'Karta' }).click();
    await waitForNumber('[data-testid=located-count]', await expected.locatedBetween(from, to));

    await page.getByRole('link', { name: 'Mål' }).click();
    const panel = page.getByTestId('goal-uppfoljning-brottsutsatta-platser');
    await panel.waitFor({ timeout: 30_000 });
    // A goal over 2026 is not judged on part of its days: 221 in ten weeks read "I fas" against 641 expected over
    // eleven months (a tester). The card names both spans and shows no numbers.
    const cut = panel.getByTestId('goal-period-cut');
    await cut.waitFor({ timeout: 30_000 });
    expect(await cut.textContent()).toContain(`Periodfiltret (${from} – ${to}) tar bara en del av de dagar målet läser (2026-01-01 – `);
    expect(await panel.locator('.goal-numbers').count()).toBe(0);
    expect(await panel.getByTestId('verdict').count()).toBe(0);
    // The page says the verdicts are the selection's, and offers no feedback to citizens from it (a tester downloaded
    // "Arbetet ligger efter" for every goal after a brush).
    expect(await page.getByTestId('goals-filtered').textContent()).toContain('Utfallen och bedömningarna gäller det urvalet');
    expect(await page.getByTestId('goals-as-of').textContent()).toContain(`Periodfiltret gäller (${from} – ${to})`);
    expect(await page.getByTestId('goals-feedback-download').isDisabled()).toBe(true);
    expect(await panel.getByTestId('follow-up').count()).toBe(0);

    await page.getByRole('button', { name: 'Återställ alla' }).click();
    await waitForNumber('[data-testid=goal-uppfoljning-brottsutsatta-platser] .goal-numbers dd', await expected.interventionsOfTypeBetween('Uppföljning brottsutsatt plats', '2026-01-01', '2026-12-31'));
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    expect(await page.getByTestId('goals-filtered').count()).toBe(0);
    expect(await page.getByTestId('goals-feedback-download').isDisabled()).toBe(false);
    expect(await panel.getByTestId('follow-up-withheld').count()).toBe(0);
  });
  it('compares March with February per day, with the exact test computed from SQL counts', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?period=2026-03-01..2026-03-31#/trender`);
    await page.getByLabel('Månad', { exact: true }).check();
    const march = await expected.incidentsBetween('2026-03-01', '2026-03-31');
    const february = await expected.incidentsBetween('2026-02-01', '2026-02-28');
    await waitForNumber('[data-testid=trend-current]', march);
    await page.waitForFunction(() => (document.querySelector('[data-testid=trend-vs-previous]')?.parentElement?.textContent ?? '').includes('omräknat'), null, { timeout: 20_000 });
    const change = compareCounts(march, february, 31 / 28);
    const value = (await page.getByTestId('trend-vs-previous').textContent())!;
    const note = (await page.getByTestId('trend-vs-previous').locator('..').textContent())!;
    // The percentage is the change per day, not of the raw counts.
    const percent = Math.round(change.change! * 100);
    expect(value.replace(/\u2212/g, '-').replace(/\s/g, '')).toContain(`${percent > 0 ? '+' : ''}${percent}%`);
    expect(value.includes('▲') || value.includes('▼')).toBe(change.significant);
    expect(note).toContain(change.significant ? 'signifikant' : 'inte signifikant');
    const shownP = Number(note.match(/p = ([\d,]+)/)![1].replace(',', '.'));
    expect(Math.abs(shownP - change.p)).toBeLessThan(0.001);
    expect(errors).toEqual([]);
  });
});
