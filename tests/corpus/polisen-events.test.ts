// The real police public-events dumps dropped through the built app in Chromium: every event accounted for
// (imported + rejected + left out = events), the default choice leaving out the non-incident types, overlapping
// dumps appended without doubling, positions kept at area precision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isNotIncidentType } from '../../src/data/import/police-events';
import { addedCard, openBrowser, parseCount, type Browser } from '../e2e/support/chromium';
import { requireSharedData } from './shared-data';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const dir = join(requireSharedData(), 'polisen-events');
const FILES = ['polisen_events_2024.json', 'polisen_events_2025-01-01_to_2026-08-22.json', 'raw_snapshots/events_20260822T175425Z_1df068a.json'];


describe('police public events in Chromium', () => {
  let browser: Browser;
  const ids = new Set<number>();
  beforeAll(async () => { browser = await openBrowser(proxyPort); });
  afterAll(async () => browser?.close());

  it.each(FILES)('%s: every event imported or reported, none twice', async (name) => {
    const { page } = browser;
    const path = join(dir, name);
    const events = JSON.parse(readFileSync(path, 'utf8')) as { id: number; type: string }[];
    // The default leaves out the summaries, information and updates; of the rest, those already loaded are rejected.
    const kept = events.filter((e) => !isNotIncidentType(e.type));
    const fresh = kept.filter((e) => !ids.has(e.id)).length;
    kept.forEach((e) => ids.add(e.id));
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(path));
    await card.getByText('kommunens eller länets mittpunkt').waitFor();
    await card.getByTestId('import-button').click();
    const text = (await card.getByTestId('import-summary').textContent({ timeout: 90_000 }))!.replace(/[\s\u00a0]/g, '');
    // The rejected here are the events already loaded, and the sentence says so ("(varav n redan inlästa)").
    const already = kept.length - fresh;
    expect(text).toBe(`Raderifilen:${events.length}=importerade${fresh}+avvisade${already}+utelämnade${events.length - kept.length}${already ? `(varav${already}redaninlästa)` : ''}`);
    await page.goto(`${baseUrl}#/installningar`);
    await page.getByTestId('count-incidents').waitFor();
    expect(parseCount(await page.getByTestId('count-incidents').textContent())).toBe(ids.size);
  });

  // From 2026-01-20 the events name only the län: v. 5–6 has no event in a kommun, v. 3–4 about 45 %. The lägesbild's
  // area table then read "Skåne län ▲ +4 300 %", Trender under an area filter "Stockholm ▼ −100 %".
  it('after the imports, the lägesbild and Trender show no change per area across the switch to län, and say why', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?lagesbild=2026-v05-06#/lagesbild`);
    const shift = page.getByTestId('lb-areas-shift');
    await shift.waitFor();
    // Both levels moved 54 points (kommun names 54 % → 0 %, län 46 % → 100 %): the note names one of them with its shares.
    expect(await shift.textContent()).toMatch(/andelen som (bara har ett områdesnamn ur filen: 0\s%\snu, 54\s%|ligger i områden av slaget län: 100\s%\snu, 46\s%) perioden före/);
    const skane = page.getByTestId('lb-areas').locator('tr', { has: page.getByRole('rowheader', { name: 'Skåne län', exact: true }) });
    expect((await skane.locator('td').nth(2).textContent())!.trim()).toBe('–');
    // A period well before the switch keeps its changes and says nothing.
    await page.goto(`${baseUrl}?lagesbild=2025-v45-46#/lagesbild`);
    await page.getByTestId('lb-areas').waitFor();
    expect(await page.getByTestId('lb-areas-shift').count()).toBe(0);
    await page.goto(`${baseUrl}?period=2026-01-26..2026-02-08&omrade=Stockholm#/trender`);
    const figure = page.locator('.key-figure', { has: page.getByTestId('trend-vs-previous') });
    await figure.getByText('olika noga').waitFor();
    expect((await page.getByTestId('trend-vs-previous').textContent())!.trim()).toBe('–');
  });

  // The police renamed "Fylleri/LOB" to "Fylleri" (last old name 2026-02-26, first new one 2026-03-02): v. 9–10 read
  // "Fylleri ökade från 0 till …" beside "Fylleri/LOB minskade … till 0".
  it('names the police’s renamed category in the lägesbild instead of reading it as a change', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?lagesbild=2026-v09-10#/lagesbild`);
    const note = page.getByTestId('lb-categories-boundaries');
    await note.waitFor();
    const text = (await note.textContent())!;
    expect(text).toContain('Fylleri (i datan från 2026-03-02)');
    expect(text).toContain('Fylleri/LOB (i datan till 2026-02-26)');
    const rowOf = (name: string) => page.getByTestId('lb-categories').locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });
    expect((await rowOf('Fylleri').locator('td').nth(2).textContent())!.trim()).toBe('–');
    expect((await rowOf('Fylleri/LOB').locator('td').nth(2).textContent())!.trim()).toBe('–');
    const summary = (await page.getByTestId('lb-summary').textContent())!;
    expect(summary).toMatch(/Fylleri(, | och )[^.]*Fylleri\/LOB[^.]* börjar eller slutar i datan under perioderna/);
    expect(summary).not.toMatch(/Fylleri ökade|Fylleri\/LOB minskade/);
    // Months later the new name runs on its own: its change against the period before stands and the summary is
    // silent; against last year (no "Fylleri" then) it is still not shown.
    await page.goto(`${baseUrl}?lagesbild=2026-v25-26#/lagesbild`);
    await page.getByTestId('lb-categories-boundaries').waitFor();
    expect((await rowOf('Fylleri').locator('td').nth(2).textContent())!.trim()).not.toBe('–');
    expect((await rowOf('Fylleri').locator('td').nth(4).textContent())!.trim()).toBe('–');
    expect(await page.getByTestId('lb-summary').textContent()).not.toContain('börjar eller slutar i datan');
    // Trender under the category filter: no change across the rename, and the figure says why.
    await page.goto(`${baseUrl}?period=2026-02-23..2026-03-08&kategori=Fylleri#/trender`);
    const figure = page.locator('.key-figure', { has: page.getByTestId('trend-vs-previous') });
    await figure.getByText('börjar eller slutar i datan').waitFor();
    expect((await page.getByTestId('trend-vs-previous').textContent())!.trim()).toBe('–');
  });
});
