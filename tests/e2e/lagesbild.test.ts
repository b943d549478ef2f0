// Lägesbild in Chromium: the example's latest complete period and its numbers against SQL over the raw files,
// stepping between periods, the assessment saved with its period across a reload, the exports (CSV, one
// self-contained HTML file with aggregates only, PNG of a panel) and the printed A4 landscape PDF.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, parseCount, reloadDialogType, setPublicView, type Browser } from './support/chromium';
import { expectedCounts } from './support/expected';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

describe('Lägesbild in Chromium', () => {
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

  const openLagesbild = async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lb-summary').waitFor({ timeout: 60_000 });
  };

  it('opens on the latest complete two-week period with the numbers SQL gives', async () => {
    await openLagesbild();
    const { page } = browser;
    expect(await page.getByTestId('lb-period').textContent()).toBe('v. 45–46 2026');
    const total = await expected.incidentsBetween('2026-11-02', '2026-11-15');
    expect(parseCount(await page.getByTestId('lb-total').textContent())).toBe(total);
    expect(parseCount(await page.getByTestId('lb-interventions-total').textContent())).toBe(await expected.interventionsBetween('2026-11-02', '2026-11-15'));
    // Every category row of the table, against SQL.
    const rows = await page.getByTestId('lb-categories').locator('tbody tr').all();
    for (const row of rows.slice(0, -1)) {
      const name = (await row.locator('th').textContent())!;
      expect(parseCount(await row.locator('td').first().textContent()), name).toBe(await expected.incidentsBetween('2026-11-02', '2026-11-15', name));
    }
    const summary = (await page.getByTestId('lb-summary').textContent())!;
    expect(summary).toContain(`Under v. 45–46 2026 registrerades ${total.toLocaleString('sv-SE')} händelser`);
    const previous = await expected.incidentsBetween('2026-10-19', '2026-11-01');
    expect(summary.replace(/\u00a0/g, ' ')).toContain(`(v. 43–44 2026: ${previous.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')})`);
    // The newest period is the latest: there is nothing after it to step to.
    expect(await page.getByTestId('period-forward').isDisabled()).toBe(true);
    expect(await page.getByTestId('lb-map').count()).toBe(1);
    expect(await page.getByTestId('lb-goals').locator('tbody tr').count()).toBe(7);
    // The example's Bergsjö overlaps the stadsdelar at its edge: the area table (one area per incident) says that
    // the area filter can count more there (a tester compared 38 here with 39 under the filter).
    expect(await page.getByTestId('lb-areas-note').textContent()).toContain('Område-filtret');
  });

  it('steps back a period, and the address bar keeps it', async () => {
    const { page } = browser;
    await page.getByTestId('period-back').click();
    await page.getByTestId('lb-period').filter({ hasText: 'v. 43–44 2026' }).waitFor();
    await page.waitForFunction(
      (n) => Number((document.querySelector('[data-testid=lb-total]')?.textContent ?? '').replace(/\D/g, '')) === n,
      await expected.incidentsBetween('2026-10-19', '2026-11-01'),
      { timeout: 20_000 },
    );
    expect(page.url()).toContain('lagesbild=2026-v43-44');
    await page.reload();
    await page.getByTestId('lb-period').filter({ hasText: 'v. 43–44 2026' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Senaste hela perioden' }).click();
    await page.getByTestId('lb-period').filter({ hasText: 'v. 45–46 2026' }).waitFor();
  });

  it('saves the analyst’s assessment with the period, as text, across a reload; Undo restores', async () => {
    const { page } = browser;
    const text = 'Oron kring <b>Hamnen</b> består. =HYPERLINK("x")';
    await page.getByTestId('assessment').fill(text);
    await page.getByTestId('save-assessment').click();
    await page.getByTestId('assessment-status').filter({ hasText: /^Sparad \d/ }).waitFor();
    await page.reload();
    await page.getByTestId('lb-summary').waitFor({ timeout: 60_000 });
    await page.waitForFunction((t) => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === t, text, { timeout: 20_000 });
    expect(await page.locator('main b').count()).toBe(0);
    // Another period has its own (empty) assessment.
    await page.getByTestId('period-back').click();
    await page.getByTestId('lb-period').filter({ hasText: 'v. 43–44 2026' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === '', null, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Senaste hela perioden' }).click();
    await page.waitForFunction((t) => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === t, text, { timeout: 20_000 });
    await page.getByTestId('assessment').fill('Ändrad');
    await page.getByTestId('save-assessment').click();
    await page.getByRole('button', { name: 'Ångra' }).click();
    await page.waitForFunction((t) => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === t, text, { timeout: 20_000 });
  });

  it('asks before a reload would lose an assessment that is typed but not saved', async () => {
    const { page } = browser;
    const saved = await page.getByTestId('assessment').inputValue();
    await page.getByTestId('assessment').fill('Inte sparad ännu');
    expect(await reloadDialogType(page)).toBe('beforeunload');
    expect(await page.getByTestId('assessment').inputValue()).toBe('Inte sparad ännu');
    await page.getByTestId('assessment-status').filter({ hasText: 'Ändringar inte sparade' }).waitFor();
    // Tester: another period, or another page, and back lost the typed text without a word. Now it is kept, unsaved.
    await page.getByTestId('period-back').click();
    await page.getByTestId('lb-period').filter({ hasText: 'v. 43–44 2026' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === '', null, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Senaste hela perioden' }).click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === 'Inte sparad ännu', null, { timeout: 20_000 });
    await page.getByRole('link', { name: 'Översikt' }).first().click();
    await page.getByTestId('kpi-incidents').waitFor();
    await page.goBack();
    await page.waitForFunction(() => (document.querySelector('[data-testid=assessment]') as HTMLTextAreaElement | null)?.value === 'Inte sparad ännu', null, { timeout: 20_000 });
    await page.getByTestId('assessment-status').filter({ hasText: 'Ändringar inte sparade' }).waitFor();
    // Back to the saved text: nothing unsaved, so leaving asks nothing (the next tests navigate away).
    await page.getByTestId('assessment').fill(saved);
    await page.getByTestId('assessment-status').filter({ hasText: /^Sparad \d/ }).waitFor();
  });

  it('exports all figures as Excel CSV with the same numbers', async () => {
    const { page } = browser;
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lagesbild-2026-v45-46.csv');
    const lines = readFileSync((await file.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0].split(';').slice(2, 5)).toEqual(['v. 45–46 2026', 'v. 43–44 2026', 'v. 45–46 2025']);
    const [section, name, current, previous, lastYear] = lines[1].split(';');
    expect([section, name]).toEqual(['Alla händelser', 'Totalt']);
    expect(Number(current)).toBe(await expected.incidentsBetween('2026-11-02', '2026-11-15'));
    expect(Number(previous)).toBe(await expected.incidentsBetween('2026-10-19', '2026-11-01'));
    expect(Number(lastYear)).toBe(await expected.incidentsBetween('2025-11-03', '2025-11-16'));
  });

  it('saves one self-contained HTML file with aggregates only, which opens offline', async () => {
    const { page, context } = browser;
    const download = page.waitForEvent('download');
    await page.getByTestId('export-html').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lagesbild-2026-v45-46.html');
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/i);
    expect(html).toContain('v. 45–46 2026');
    // No rows: no incident id or free-text description from the data is in the file.
    const incidents = readFileSync(new URL('../../data/exempelkommun/incidents.csv', import.meta.url), 'utf8').split('\n').slice(1, 400);
    for (const line of incidents) {
      const id = line.split(',')[0];
      if (id) expect(html.includes(id), id).toBe(false);
    }
    // The assessment is in it, escaped.
    expect(html).toContain('&lt;b&gt;Hamnen&lt;/b&gt;');
    // Opened in a tab with no server behind it, it shows the same total.
    const offline = await context.newPage();
    await offline.setContent(html);
    expect(parseCount(await offline.getByTestId('lb-total').textContent())).toBe(await expected.incidentsBetween('2026-11-02', '2026-11-15'));
    expect(await offline.locator('svg[data-testid=lb-map] rect').count()).toBeGreaterThan(5);
    await offline.close();
  });

  it('saves a panel as PNG', async () => {
    const { page } = browser;
    const download = page.waitForEvent('download');
    await page.getByTestId('png-figures').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lagesbild-2026-v45-46-figures.png');
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('saves a panel whose table scrolls as PNG whole: every row and the full width, not the scroll box’s visible part', async () => {
    const { page } = browser;
    // At 1400 px no table is cut at its panel's foot: a lägesbild's tables show every row (a tester read a row behind
    // the footnote and one cut in half).
    await page.setViewportSize({ width: 1400, height: 900 });
    const cut = await page.locator('.lb-panel .table-scroll').evaluateAll((els) => els.filter((b) => b.scrollHeight > b.clientHeight + 1).length);
    expect(cut).toBe(0);
    // Narrow enough that a table is wider than its panel and scrolls sideways (a tester's PNG read "6" for 62).
    await page.setViewportSize({ width: 400, height: 900 });
    const whole = await page.locator('.lb-panel').evaluateAll((els) => els.map((el) => {
      const boxes = [...el.querySelectorAll<HTMLElement>('.table-scroll')];
      return {
        id: el.getAttribute('data-panel')!,
        hidden: boxes.reduce((s, b) => s + Math.max(0, b.scrollHeight - b.clientHeight), 0),
        width: Math.max(el.clientWidth, ...boxes.map((b) => b.scrollWidth + (b.getBoundingClientRect().left - el.getBoundingClientRect().left))),
        // Drawn whole the panel is as wide as its widest table, so its text wraps less: its tables' own heights (laid
        // out at their full width already) are what the picture must at least hold.
        height: boxes.reduce((s, b) => s + (b.firstElementChild?.getBoundingClientRect().height ?? 0), 0),
        wider: boxes.some((b) => b.scrollWidth > b.clientWidth + 1),
      };
    }));
    const scrolled = whole.filter((p) => p.hidden > 0 || p.wider);
    expect(scrolled.length, 'some panel scrolls at 400 px').toBeGreaterThan(0);
    for (const panel of scrolled.slice(0, 2)) {
      const download = page.waitForEvent('download');
      await page.getByTestId(`png-${panel.id}`).click();
      const bytes = readFileSync((await (await download).path())!);
      // IHDR: width and height, big-endian, at bytes 16 and 20; drawn at pixel ratio 2.
      const [width, height] = [bytes.readUInt32BE(16) / 2, bytes.readUInt32BE(20) / 2];
      expect(height, `${panel.id} height`).toBeGreaterThanOrEqual(panel.height - 2);
      expect(width, `${panel.id} width`).toBeGreaterThanOrEqual(panel.width - 2);
    }
    // The page is put back as it was.
    expect(await page.locator('.png-capture').count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('says who reported: each source’s reports in the period (incidents + interventions), its usual level and last day', async () => {
    const { page } = browser;
    const table = page.getByTestId('lb-sources');
    await table.waitFor({ timeout: 60_000 });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ status: (tr as HTMLElement).dataset.status, cells: [...tr.children].map((c) => c.textContent ?? '') })));
    // The example has one source: everything in the period is its report, as usual.
    expect(rows).toHaveLength(1);
    const total = parseCount(await page.getByTestId('lb-total').textContent()) + parseCount(await page.getByTestId('lb-interventions-total').textContent());
    expect(parseCount(rows[0].cells[1])).toBe(total);
    expect(rows[0].status).toBe('ok');
    expect(rows[0].cells[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says so when a link’s period lies outside the data (its zeros are no data)', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?lagesbild=2026-v53#/lagesbild`);
    await page.getByTestId('lb-outside-data').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-outside-data').textContent()).toMatch(/utanför datan \(från \d{4}-\d{2}-\d{2} till 2026-11-15\)/);
    // No report of zeros with medborgarlöften judged on days without data ("3 i fas och 4 efter", a tester), before
    // the data as after it; nothing to print or export.
    for (const outside of ['2023-12', '2026-v47-48']) {
      await page.goto(`${baseUrl}?lagesbild=${outside}#/lagesbild`);
      await page.getByTestId('lb-outside-data').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('lb-outside-data').textContent(), outside).toContain('ingen bedömning av medborgarlöftena');
      expect(await page.getByTestId('lagesbild-document').count(), outside).toBe(0);
      expect(await page.getByTestId('lb-brief').count(), outside).toBe(0);
      expect(await page.getByTestId('export-csv').isDisabled(), outside).toBe(true);
    }
    // The presentation says it once: no pager through slides that each repeat it (a tester paged through seven).
    await page.goto(`${baseUrl}?lagesbild=2023-12#/presentation`);
    await page.getByTestId('presentation-outside-data').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('slide-counter').textContent()).toBe('–');
    expect(await page.getByTestId('slide-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('presentation').textContent()).not.toContain('Medborgarlöften');
    await page.goto(`${baseUrl}?lagesbild=2026-v45-46#/lagesbild`);
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-outside-data').count()).toBe(0);
    expect(await page.getByTestId('lb-coverage').count()).toBe(0);
    // A month the data ends in the middle of (a tester: "509 händelser" for November with no word of 15 days).
    await page.goto(`${baseUrl}?lagesbild=2026-11#/lagesbild`);
    const coverage = page.locator('[data-testid=lagesbild-document] [data-testid=lb-coverage]');
    await coverage.waitFor({ timeout: 60_000 });
    expect(await coverage.textContent()).toContain('bara 15 av periodens 30 dagar (2026-11-01 – 2026-11-15)');
    // …in the brief too (printed, and the presentation's first slide), and the bar of the month is marked as a part
    // (509 beside last year's whole November read as a halving), and the goals are judged as of the data's last day.
    expect(await page.locator('[data-testid=lb-brief] [data-testid=lb-coverage]').count()).toBe(1);
    expect(await page.getByTestId('lb-development-partial').textContent()).toContain('november 2026: datan täcker bara 15 av periodens 30 dagar');
    expect(await page.getByTestId('lb-goals').locator('caption').textContent()).toContain('2026-11-15');
    // No row of 0 and 0 in a table without last year's columns ("Uppföljning brottsutsatt plats 0 0 –", a tester).
    const zeroRows = await page.locator('[data-testid=lb-interventions] tbody tr, [data-testid=lb-areas] tbody tr').evaluateAll((trs) => trs.filter((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
      return cells[0] === '0' && cells[1] === '0';
    }).length);
    expect(zeroRows).toBe(0);
    // A name that is no period (tester: "2026-T9" showed v. 45–46 without a word and stayed in the link).
    await page.goto(`${baseUrl}?lagesbild=2026-T9#/lagesbild`);
    await page.getByTestId('lb-bad-link').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-bad-link').textContent()).toContain('"2026-T9", som inte är en period');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lagesbild') === '2026-v45-46');
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    // A source no loaded row has (a tester: a report of zeros with no word of why); the example's own has no note.
    await page.goto(`${baseUrl}?kalla=Ok%C3%A4nd#/lagesbild`);
    await page.getByTestId('lb-source-not-found').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-source-not-found').textContent()).toContain('Ingen inläst rad har källan ”Okänd”');
    // …and no report of zeros and "efter" verdicts beside it, nor in what is printed or exported (no warning goes with those).
    expect(await page.getByTestId('lagesbild-document').count()).toBe(0);
    expect(await page.getByTestId('export-csv').isDisabled()).toBe(true);
    await page.goto(`${baseUrl}?kalla=Ok%C3%A4nd#/presentation`);
    await page.getByTestId('presentation-source-not-found').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('presentation').textContent()).not.toContain('Medborgarlöften');
    expect(await page.getByTestId('slide-next').isDisabled()).toBe(true);
    // The presenter window says why too, instead of "Laddar …" for ever (a tester).
    const popup = page.context().waitForEvent('page');
    await page.getByTestId('presenter-open').click();
    const presenter = await popup;
    await presenter.getByTestId('presenter-no-report').waitFor({ timeout: 20_000 });
    expect(await presenter.getByTestId('presenter-no-report').textContent()).toContain('Ingen inläst rad har källan ”Okänd”');
    await presenter.close();
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lb-source-not-found').count()).toBe(0);
  });

  it('names no hot spot the numbers do not support, in either view; the map draws the cells left out apart', async () => {
    const { page } = browser;
    // v. 7–8 2026: a significant hot spot with no incident of its own in those weeks, touching no other hot spot
    // (v. 33–34's such cell at Hamnstaden touches Hamnen and is now that persistent hot spot's edge: tests/unit).
    await page.goto(`${baseUrl}?lagesbild=2026-v7-8#/lagesbild`);
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    const unlistedCells = (testId: string) => page.getByTestId(testId).locator('rect[data-unlisted]').count();
    expect(await page.getByTestId('lb-summary').textContent()).not.toContain('Hamnstaden');
    const analystLeftOut = await unlistedCells('lb-map');
    expect(analystLeftOut).toBeGreaterThan(0);
    expect(await page.getByTestId('lb-map-unlisted-legend').first().textContent()).toContain('utan egna händelser');
    // The brief's map has the cells its note counts (a tester read the note beside a map without them).
    expect(await unlistedCells('lb-brief-map')).toBe(analystLeftOut);
    // The note is under the table, not inside its scroll box (a tester missed it there).
    const note = page.locator('[data-panel=hot-spots] [data-testid=lb-hot-spots-surroundings-only]');
    expect(await note.evaluate((el) => el.closest('.table-scroll') === null)).toBe(true);
    await setPublicView(page, true);
    await page.getByTestId('lb-public-note').waitFor({ timeout: 60_000 });
    const publicText = (await page.getByTestId('lb-summary').textContent())!;
    // Public view named it "en ny hot spot (Hamnstaden)" where the analyst's text said none (a tester).
    expect(publicText).not.toContain('Hamnstaden');
    expect(publicText).toContain('bland hot spots med minst 5 egna händelser');
    expect(await page.getByTestId('lb-hot-spots-hidden').first().textContent()).toMatch(/färre än 5 egna händelser/);
    expect(await unlistedCells('lb-map')).toBeGreaterThanOrEqual(analystLeftOut);
    expect(await page.locator('[data-panel=hot-spots]').textContent()).not.toContain('Hamnstaden');
    await setPublicView(page, false);
  });

  it('prints to A4 landscape with the app around it hidden and no panel cut off', async () => {
    const { page } = browser;
    // A4 landscape less 12 mm margins, in CSS pixels (96 per inch): 273 × 186 mm.
    const pageWidth = Math.floor((273 / 25.4) * 96);
    const pageHeight = Math.floor((186 / 25.4) * 96);
    await page.setViewportSize({ width: pageWidth, height: pageHeight });
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.app-nav', '.app-header', '.lb-toolbar', '.lb-panel-actions']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    const panels = await page.locator('.lb-panel').evaluateAll((els) => els.map((el) => ({
      id: el.getAttribute('data-panel'),
      height: el.getBoundingClientRect().height,
      overflow: el.scrollWidth - el.clientWidth,
      right: el.getBoundingClientRect().right,
    })));
    expect(panels.length).toBeGreaterThanOrEqual(8);
    for (const p of panels) {
      expect(p.height, `${p.id} fits on one page`).toBeLessThanOrEqual(pageHeight);
      expect(p.overflow, `${p.id} has no horizontal overflow`).toBeLessThanOrEqual(1);
      expect(p.right, `${p.id} inside the page`).toBeLessThanOrEqual(pageWidth + 1);
    }
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });

  it('prints "I korthet" alone on exactly one A4 page, with every element, and in public view no count below 5', async () => {
    const { page } = browser;
    const pdfOf = async () => {
      // The print dialogue itself is the browser's; the test prints the page as the dialogue would.
      await page.evaluate(() => { window.print = () => {}; });
      await page.getByTestId('print-brief').click();
      await page.emulateMedia({ media: 'print' });
      const text = await page.getByTestId('lb-brief').innerText();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => document.body.classList.remove('print-brief'));
      return { text, pages: (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length };
    };
    await page.goto(`${baseUrl}#/lagesbild`);
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    const open = await pdfOf();
    expect(open.pages).toBe(1);
    for (const part of ['I korthet', 'v. 45–46 2026', 'Alla händelser', 'Sammanfattning', 'Hot spots', 'Medborgarlöften', 'Analytikerns bedömning']) {
      expect(open.text, part).toContain(part);
    }
    await setPublicView(page, true);
    await page.getByTestId('lb-public-note').waitFor({ timeout: 60_000 });
    const shown = await pdfOf();
    expect(shown.pages).toBe(1);
    // No number from 0 to 4 standing alone as a count (dates, weeks and percentages excluded).
    const small = shown.text.replace(/\d{4}-\d{2}-\d{2}/g, '').replace(/v\. \d+–\d+ \d{4}/g, '').match(/(?<![\d,.−+–])\b[0-4]\b(?![\d,.%])\s+(händelser|insatser)/g);
    expect(small).toBeNull();
    await setPublicView(page, false);
    // A long assessment (tester: three sentences made two pages): still one page, shrunk to fit; past the brief's
    // length it is cut at a word and says where the rest is.
    const sentence = 'Ökningen av stölder vid Resecentrum hänger ihop med de nya kvällsavgångarna, och bevakningen flyttas dit under vecka 47. ';
    for (const repeats of [4, 9, 30]) {
      await page.getByTestId('assessment').fill(sentence.repeat(repeats).trim());
      await page.getByTestId('save-assessment').click();
      await page.waitForFunction(() => /^Sparad \d/.test(document.querySelector('[data-testid=assessment-status]')?.textContent ?? ''));
      const long = await pdfOf();
      expect(long.pages, `${repeats} sentences`).toBe(1);
      expect(long.text.includes('hela bedömningen finns i lägesbilden'), `${repeats} sentences`).toBe(sentence.length * repeats > 1_200);
    }
    // The same long assessment on the presentation's first slide: on the screen, no scrolling.
    await page.goto(`${baseUrl}#/presentation`);
    await page.getByTestId('slide-brief').locator('h1').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => {
      const slide = document.querySelector('[data-testid=slide-brief]') as HTMLElement | null;
      return !!slide && slide.textContent!.includes('hela bedömningen') && slide.scrollHeight <= slide.clientHeight + 1;
    }, null, { timeout: 10_000 });
    await page.getByTestId('presentation').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('lagesbild-document').waitFor({ timeout: 60_000 });
    await page.getByTestId('assessment').fill('');
    await page.getByTestId('save-assessment').click();
  });
});
