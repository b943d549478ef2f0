// Points belong to areas, through the real Importera page: a points file with no area column and area
// boundaries (a hole, a MultiPolygon) give per-area counts equal to plain arithmetic on the rectangles, in
// either import order.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addedCard, openBrowser, type Browser } from './support/chromium';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');

const rect = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const inside = (x: number, y: number, [w, s, e, n]: number[]) => x > w && x < e && y > s && y < n;
const areasFile = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { namn: 'Västra', befolkning: 12000 }, geometry: { type: 'Polygon', coordinates: [rect(13.0, 55.59, 13.02, 55.62), rect(13.005, 55.6, 13.01, 55.605)] } },
    { type: 'Feature', properties: { namn: 'Östra', befolkning: 8000 }, geometry: { type: 'MultiPolygon', coordinates: [[rect(13.02, 55.59, 13.04, 55.605)], [rect(13.03, 55.61, 13.04, 55.62)]] } },
  ],
};
// Where each point should land, by comparisons only.
function expectedArea(x: number, y: number): string | null {
  if (inside(x, y, [13.0, 55.59, 13.02, 55.62]) && !inside(x, y, [13.005, 55.6, 13.01, 55.605])) return 'Västra';
  if (inside(x, y, [13.02, 55.59, 13.04, 55.605]) || inside(x, y, [13.03, 55.61, 13.04, 55.62])) return 'Östra';
  return null;
}
const points: { x: number; y: number; day: string }[] = [];
for (let i = 0; i < 40; i++) {
  for (let j = 0; j < 30; j++) {
    points.push({ x: 12.995 + i * 0.00123 + 0.00007, y: 55.585 + j * 0.00131 + 0.00009, day: `2026-06-${String(1 + ((i + j) % 28)).padStart(2, '0')}` });
  }
}
const csv = ['Datum;Brottstyp;Lat;Lon', ...points.map((p) => `${p.day};Stöld;${p.y.toFixed(6)};${p.x.toFixed(6)}`)].join('\n');

describe('points in areas', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser(proxyPort);
  });
  afterAll(async () => browser?.close());

  async function importFile(name: string, mimeType: string, body: string, prepare?: (card: Awaited<ReturnType<typeof addedCard>>) => Promise<void>) {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(body, 'utf8') }));
    await prepare?.(card);
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    return card;
  }

  async function kpiFor(area: string): Promise<number> {
    const { page } = browser;
    await page.goto(`${baseUrl}?omrade=${encodeURIComponent(area)}#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    return Number((await page.getByTestId('kpi-incidents').textContent())!.replace(/[^\d]/g, ''));
  }

  it('points first, then the boundaries: every area counts the points inside it', async () => {
    await importFile('punkter.csv', 'text/csv', csv);
    await importFile('stadsdelar.geojson', 'application/geo+json', JSON.stringify(areasFile), async (card) => {
      // Without a kind the card says what that means; with one, the note goes.
      await card.getByTestId('area-kind-missing').waitFor();
      await card.getByTestId('area-fixed-kind').fill('stadsdel');
      expect(await card.getByTestId('area-kind-missing').count()).toBe(0);
    });
    const counts = { Västra: 0, Östra: 0 };
    for (const p of points) {
      const a = expectedArea(p.x, p.y);
      if (a) counts[a as keyof typeof counts]++;
    }
    expect(counts.Västra).toBeGreaterThan(100);
    expect(counts.Östra).toBeGreaterThan(100);
    expect(await kpiFor('Västra')).toBe(counts.Västra);
    expect(await kpiFor('Östra')).toBe(counts.Östra);
    // A link naming a kind no loaded area has shows 0, and its chip says why; the right kind has no such note.
    const { page } = browser;
    await page.goto(`${baseUrl}?omrade=V%C3%A4stra&omradestyp=l%C3%A4n#/`);
    await page.getByTestId('area-not-loaded').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('area-not-loaded').textContent()).toContain('inget sådant område är inläst');
    await page.goto(`${baseUrl}?omrade=V%C3%A4stra&omradestyp=stadsdel#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    expect(await page.getByTestId('area-not-loaded').count()).toBe(0);
    // A bare name (an old link) that nothing has — no area of any kind, no row's own area — says so too; one that
    // is loaded does not.
    await page.goto(`${baseUrl}?omrade=Norra#/`);
    await page.getByTestId('area-not-loaded').waitFor({ timeout: 30_000 });
    expect(await kpiFor('Västra')).toBe(counts.Västra);
    expect(await page.getByTestId('area-not-loaded').count()).toBe(0);
    // The first import replaced the example, interventions too: Före/efter says what it needs, not three empty selects.
    await page.goto(`${baseUrl}#/trender`);
    await page.getByTestId('before-after-none').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('before-after').locator('select').count()).toBe(0);
    // … and the trend chart offers no "Insatser" series to show.
    await page.getByTestId('chart-trend').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('trend-intervention-type').count()).toBe(0);
  });

  it('a kommun layer beside the stadsdelar counts every point inside it too, on the area filter and the Karta', async () => {
    // Runs after the test above: the points and stadsdelar are loaded. The kommun covers both and more, not all.
    const kommun = [12.99, 55.58, 13.035, 55.63];
    await importFile('kommun.geojson', 'application/geo+json', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { namn: 'Kommunen' }, geometry: { type: 'Polygon', coordinates: [rect(kommun[0], kommun[1], kommun[2], kommun[3])] } },
    ] }), async (card) => {
      await card.getByTestId('area-fixed-kind').fill('kommun');
    });
    const inKommun = points.filter((p) => inside(p.x, p.y, kommun)).length;
    const inVastra = points.filter((p) => expectedArea(p.x, p.y) === 'Västra').length;
    expect(inKommun).toBeGreaterThan(inVastra);
    expect(inKommun).toBeLessThan(points.length);
    expect(await kpiFor('Kommunen')).toBe(inKommun);
    expect(await kpiFor('Västra')).toBe(inVastra);

    const { page } = browser;
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('input[name=map-layer][value=areas]').check();
    const cellOf = async (name: string) => {
      const row = page.getByTestId('area-table').locator('tr', { has: page.getByRole('button', { name, exact: true }) });
      await row.waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
      return Number((await row.locator('td').nth(1).textContent())!.replace(/[^\d]/g, ''));
    };
    // Under the table: the located points in no area of the drawn kind (the first import replaced the example).
    const outsideOf = async (kindName: string) => {
      const line = page.getByTestId('area-outside').filter({ hasText: `typen ${kindName}:` });
      await line.waitFor({ timeout: 60_000 });
      return Number(/: ([\d\s\u00a0]+) händelse/.exec((await line.textContent())!)![1].replace(/[^\d]/g, ''));
    };
    await page.getByTestId('area-kind').selectOption('stadsdel');
    expect(await cellOf('Västra')).toBe(inVastra);
    const inOstra = points.filter((p) => expectedArea(p.x, p.y) === 'Östra').length;
    expect(await outsideOf('stadsdel')).toBe(points.length - inVastra - inOstra);
    await page.getByTestId('area-kind').selectOption('kommun');
    expect(await cellOf('Kommunen')).toBe(inKommun);
    expect(await outsideOf('kommun')).toBe(points.length - inKommun);
    // The table's CSV holds the lines under it as rows: its counts add up to every point (helper-68).
    const wait = page.waitForEvent('download');
    await page.getByTestId('area-table').locator('xpath=ancestor::div[contains(@class,"panel")][1]').getByRole('button', { name: 'Ladda ner CSV' }).click();
    const csv = readFileSync((await (await wait).path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(csv.slice(1).reduce((sum, row) => sum + Number(row[2] || 0), 0)).toBe(points.length);
    expect(csv.at(-1)![0]).toContain('utanför alla områden');
    // The kommun file has no population: per 1 000 inhabitants is off and says why; the stadsdelar have one.
    expect(await page.getByTestId('measure-rate').isDisabled()).toBe(true);
    expect(await page.getByTestId('rate-unavailable').textContent()).toContain('inget område av den här typen har befolkning');
    await page.getByTestId('area-kind').selectOption('stadsdel');
    await page.getByTestId('measure-rate').check();
    expect(await page.getByTestId('rate-unavailable').count()).toBe(0);
    // Västra: its count per 12 000 inhabitants, as the table's rate column writes it (one decimal, sv-SE).
    const rateCell = page.getByTestId('area-table').locator('tr', { has: page.getByRole('button', { name: 'Västra', exact: true }) }).locator('td').nth(3);
    await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 60_000 });
    expect(await rateCell.textContent()).toBe(((inVastra / 12000) * 1000).toFixed(1).replace('.', ','));

    // The kommun read again: a new version of its boundary, named in the summary (a län file without a kind replaced
    // kommuner of the same name with only "ersatte 6 rader" in the history).
    const again = await importFile('kommun.geojson', 'application/geo+json', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { namn: 'Kommunen' }, geometry: { type: 'Polygon', coordinates: [rect(kommun[0], kommun[1], kommun[2], kommun[3])] } },
    ] }), async (card) => {
      await card.getByTestId('area-fixed-kind').fill('kommun');
    });
    expect(await again.getByTestId('replaced-areas').textContent()).toBe('Ersatte 1 område med samma namn och typ (en ny version av gränsen): Kommunen (kommun). Det gamla läggs tillbaka om importen ångras i importhistoriken.');
    expect(await kpiFor('Kommunen')).toBe(inKommun);
  });

  it('a bare name two kinds share counts both, and the chip says so and offers each kind', async () => {
    // Runs after the tests above. A län also named Västra (Stockholm the kommun and the län, in the small). Areas of
    // one kind tile the land — a point gets one area per kind — so the län is its own kind, not a second kommun.
    const lan = [12.99, 55.58, 13.035, 55.63];
    await importFile('vastra-lan.geojson', 'application/geo+json', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { namn: 'Västra' }, geometry: { type: 'Polygon', coordinates: [rect(lan[0], lan[1], lan[2], lan[3])] } },
    ] }), async (card) => {
      await card.getByTestId('area-fixed-kind').fill('län');
    });
    const inLan = points.filter((p) => inside(p.x, p.y, lan)).length;
    const inVastra = points.filter((p) => expectedArea(p.x, p.y) === 'Västra').length;
    expect(inLan).toBeGreaterThan(inVastra);
    // The stadsdel lies inside the län: the bare name counts the län's rows.
    expect(await kpiFor('Västra')).toBe(inLan);
    const { page } = browser;
    const note = page.getByTestId('area-kinds-mixed');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain('räknar alla områden med namnet: län, stadsdel');
    await note.getByRole('button', { name: 'bara stadsdel' }).click();
    await page.getByTestId('filter-chips').getByText('Västra (stadsdel)').waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=kpi-incidents]')?.textContent?.replace(/[^\d]/g, '')) === n
      && document.documentElement.dataset.queries === 'idle', inVastra, { timeout: 60_000 });
    expect(await page.getByTestId('area-kinds-mixed').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('omradestyp')).toBe('stadsdel');
  });
});

