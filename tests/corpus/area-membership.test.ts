// Points belong to areas of every kind, on the real kommun and län boundaries: a grid of points over south-west
// Skåne (Malmö, Lund, Burlöv, Vellinge… and the sea) is imported with no area column; Malmö the kommun, Lund,
// and Skåne the län each count exactly the points an independent point-in-polygon test (winding number, holes and
// MultiPolygons honoured — not the app's crossing test) puts in them, through the area filter and on the Karta
// with its area kind chosen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addedCard, openBrowser, parseCount, type Browser } from '../e2e/support/chromium';
import { requireSharedData } from './shared-data';

const baseUrl = inject('baseUrl');
const proxyPort = inject('proxyPort');
const dir = join(requireSharedData(), 'boundaries', 'sweden-kommuner-lan');

type Ring = number[][];
// Dan Sunday's winding number: non-zero inside. A different rule from the app's even-odd crossing count.
function winding([x, y]: number[], ring: Ring): number {
  let wn = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y) { if (y2 > y && side > 0) wn++; } else if (y2 <= y && side < 0) wn--;
  }
  return wn;
}
function insideGeometry(p: number[], geometry: { type: string; coordinates: unknown }): boolean {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  return polygons.some((rings) => winding(p, rings[0]) !== 0 && !rings.slice(1).some((hole) => winding(p, hole) !== 0));
}

interface Feature { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }
const kommuner = (JSON.parse(readFileSync(join(dir, 'swedish_municipalities.geojson'), 'utf8')) as { features: Feature[] }).features;
const lan = (JSON.parse(readFileSync(join(dir, 'swedish_regions.geojson'), 'utf8')) as { features: Feature[] }).features;

const points: number[][] = [];
for (let i = 0; i < 36; i++) for (let j = 0; j < 24; j++) points.push([12.85 + i * 0.0221 + 0.00013, 55.45 + j * 0.0143 + 0.00017]);
const csv = ['Datum;Brottstyp;Lat;Lon', ...points.map(([x, y], k) => `2026-03-${String(1 + (k % 28)).padStart(2, '0')};Skadegörelse;${y.toFixed(6)};${x.toFixed(6)}`)].join('\n');
const countIn = (features: Feature[], nameKey: string, name: string) => {
  const f = features.find((x) => x.properties[nameKey] === name)!;
  return points.filter((p) => insideGeometry(p, f.geometry)).length;
};

describe('points in the real kommun and län boundaries, every kind at once', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await openBrowser(proxyPort); });
  afterAll(async () => browser?.close());

  async function importFile(path: string | { name: string; mimeType: string; buffer: Buffer }, kind?: string) {
    const { page } = browser;
    await page.goto(`${baseUrl}#/importera`);
    const card = await addedCard(page, () => page.getByTestId('file-input').setInputFiles(path as never));
    if (kind) await card.getByTestId('area-fixed-kind').fill(kind);
    await card.getByTestId('import-button').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 120_000 });
  }
  async function kpiFor(area: string): Promise<number> {
    const { page } = browser;
    await page.goto(`${baseUrl}?omrade=${encodeURIComponent(area)}#/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=kpi-incidents]')?.textContent ?? '') && document.documentElement.dataset.queries === 'idle', null, { timeout: 120_000 });
    return parseCount(await page.getByTestId('kpi-incidents').textContent());
  }

  it('counts each point in its kommun and its län, as the winding-number test does', async () => {
    await importFile(join(dir, 'swedish_municipalities.geojson'), 'kommun');
    await importFile(join(dir, 'swedish_regions.geojson'), 'län');
    await importFile({ name: 'skane-punkter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const expected = { Malmö: countIn(kommuner, 'kom_namn', 'Malmö'), Lund: countIn(kommuner, 'kom_namn', 'Lund'), Skåne: countIn(lan, 'name', 'Skåne') };
    expect(expected.Malmö).toBeGreaterThan(50);
    expect(expected.Lund).toBeGreaterThan(50);
    expect(expected.Skåne).toBeGreaterThan(expected.Malmö + expected.Lund);
    expect(expected.Skåne).toBeLessThan(points.length); // some points are in the sea
    for (const [name, n] of Object.entries(expected)) expect(await kpiFor(name), name).toBe(n);

    // The Karta's area layer, kind by kind: the same counts in the table behind the map.
    const { page } = browser;
    await page.goto(`${baseUrl}#/karta`);
    await page.locator('input[name=map-layer][value=areas]').check();
    const cellOf = async (name: string) => {
      const row = page.getByTestId('area-table').locator('tr', { has: page.getByRole('button', { name, exact: true }) });
      await row.waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => document.documentElement.dataset.queries === 'idle', null, { timeout: 120_000 });
      return parseCount(await row.locator('td').nth(1).textContent());
    };
    await page.getByTestId('area-kind').selectOption('kommun');
    expect(await cellOf('Malmö')).toBe(expected.Malmö);
    expect(await cellOf('Lund')).toBe(expected.Lund);
    await page.getByTestId('area-kind').selectOption('län');
    expect(await cellOf('Skåne')).toBe(expected.Skåne);
  });
});
