import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanRecords } from '../../src/data/import/csv-records';
import { importCsv } from '../../src/data/import/import-csv';
import { NotPoliceEventsError, policeEventsImport, policeEventsPlan, policeEventsToCsv } from '../../src/data/import/police-events';
import { createSchemaRunner } from '../../scripts/node-runner';
import { incidentsByCategoryQuery } from '../../src/features/overview/overview.query';
import { precisionCountsQuery } from '../../src/features/map/map.query';
import { loadReport } from '../../src/features/lagesbild/load-report';
import { buildReport, placementShiftText } from '../../src/features/lagesbild/lagesbild.model';
import i18next from 'i18next';
import { sv } from '../../src/lib/i18n/sv';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** `perDay` events a day from `from` for `days` days, their places taken in turn from `places` (police-events format). */
function eventsOver(from: string, days: number, places: { name: string; gps: string }[], perDay: number, firstId: number) {
  const out: unknown[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(`${from}T12:00:00Z`) + d * 86_400_000);
    for (let k = 0; k < perDay; k++) {
      const place = places[(d * perDay + k) % places.length]!;
      const iso = day.toISOString().slice(0, 10);
      out.push({ id: firstId + out.length, datetime: `${iso} 12:30:00 +01:00`, name: `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} 10.${String(k).padStart(2, '0')}, Stöld, ${place.name}`, summary: '', url: '/x', type: 'Stöld', location: place });
    }
  }
  return out;
}
const MALMO = { name: 'Malmö', gps: '55.604981,13.003822' };
const LUND = { name: 'Lund', gps: '55.704657,13.191007' };
const SKANE = { name: 'Skåne län', gps: '55.990257,13.595769' };

const EVENTS = [
  { id: 564008, datetime: '2025-01-01 00:12:19 +01:00', name: '31 december 22.44, Mord/dråp, Malmö', summary: 'Två personer, "skjutna"; Rosengård', url: '/x', type: 'Mord/dråp', location: { name: 'Malmö', gps: '55.604981,13.003822' } },
  { id: 564009, datetime: '2025-06-06 19:02:11 +02:00', name: '06 juni 18.50, Trafikbrott, Kungsör', summary: 'Rattfylleri', url: '/y', type: 'Trafikbrott', location: { name: 'Kungsör', gps: '59.422383,16.096537' } },
  { id: 564010, datetime: '2025-06-07 08:00:00 +02:00', name: 'Sammanfattning natt, Stockholm', summary: '', url: '/z', type: 'Sammanfattning natt', location: { name: 'Stockholms län', gps: '59.329324,18.068581' } },
];

describe('police public events', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());

  async function importEvents(events: unknown[]) {
    const { csv } = policeEventsToCsv(JSON.stringify(events));
    const utf8 = new TextEncoder().encode(csv);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-police-')), 'events.csv');
    writeFileSync(file, utf8);
    const plan = policeEventsPlan(utf8);
    return importCsv(runner, {
      fileName: file, scan: scanRecords(utf8, { delimiter: ',', quote: '"', header: true }), dialect: plan.dialect, target: 'incidents',
      columns: plan.mapping, decimal: plan.decimal, coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false,
      source: 'events.json', locationPrecision: 'area',
    });
  }

  it('takes the event time from the name, the year from publication, and marks positions as area centres', async () => {
    const result = await importEvents(EVENTS);
    // The third event's name has no time: rejected with its number (line 4 of the converted file = event 3).
    expect(result).toMatchObject({ rowsInFile: 3, imported: 2, rejected: [{ line: 4, reason: 'bad-date' }], personalData: [] });
    const rows = await runner.rows<{ id: string; t: string; category: string; area: string; precision: string; lat: number; description: string }>(
      `SELECT id, strftime(occurred_at, '%Y-%m-%d %H:%M') AS t, category, area, location_precision AS precision, lat, description FROM incidents ORDER BY id`,
    );
    expect(rows.map((r) => [r.id, r.t, r.category, r.area, r.precision])).toEqual([
      ['564008', '2024-12-31 22:44', 'Mord/dråp', 'Malmö', 'area'],
      ['564009', '2025-06-06 18:50', 'Trafikbrott', 'Kungsör', 'area'],
    ]);
    expect(rows[0].lat).toBeCloseTo(55.604981, 6);
    expect(rows[0].description).toBe('Två personer, "skjutna"; Rosengård');
  });

  it('reports a rejected event by its post, the JSON’s own field and the post itself (tester: "occurred_at")', async () => {
    const text = JSON.stringify(EVENTS);
    const result = await importEvents(EVENTS);
    const { renumber } = policeEventsImport(text);
    const [reject] = renumber(result).rejected;
    expect(reject).toMatchObject({ line: 3, reason: 'bad-date', column: 'name / datetime' });
    expect(JSON.parse(reject.text!)).toEqual(EVENTS[2]);
  });

  it('rejects an event holding a NUL character ("\\u0000" in the JSON) as nul-byte, by its post, wherever the NUL is', async () => {
    // Posts 2 and 4 hold a NUL (in the summary, and in the place after a summary that spans lines in the CSV); the
    // sammanfattning (post 5) is left out by the default choice, so post numbers and CSV lines differ.
    const events = [
      EVENTS[0],
      { ...EVENTS[1], id: 1, summary: 'Ratt\u0000fylleri' },
      { ...EVENTS[1], id: 2, summary: 'Två rader\nhär' },
      { ...EVENTS[1], id: 3, location: { name: 'Kungsör\u0000', gps: '59.422383,16.096537' } },
      EVENTS[2],
      { ...EVENTS[1], id: 4 },
    ];
    const text = JSON.stringify(events);
    const converted = policeEventsImport(text, { excludedTypes: ['Sammanfattning natt'], excludedLocations: [] });
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-police-')), 'events.csv');
    writeFileSync(file, converted.utf8);
    const result = converted.renumber(await importCsv(runner, {
      fileName: file, scan: converted.scan, dialect: converted.plan.dialect, target: 'incidents', columns: converted.plan.mapping,
      decimal: '.', coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source: 'events.json',
      locationPrecision: 'area', nulRecords: converted.nulRecords,
    }));
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'nul-byte'], [4, 'nul-byte']]);
    expect(result.imported).toBe(3);
    const [{ n }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE contains(coalesce(description, '') || coalesce(area, ''), chr(0))`);
    expect(n).toBe(0);
  });

  it('Översikt and Karta agree on what is not on the map: area-only events are not on it', async () => {
    await importEvents(EVENTS);
    const perCategory = await runner.rows<{ without_position: number; area_only: number; incidents: number }>(String(incidentsByCategoryQuery([])));
    const precision = await runner.rows<{ precision: string; n: number }>(String(precisionCountsQuery([])));
    const notPoint = precision.filter((r) => r.precision !== 'point').reduce((s, r) => s + Number(r.n), 0);
    // Översikt's "not on the map" is area-only + no position, the same rows Karta does not draw.
    expect(perCategory.reduce((s, r) => s + Number(r.without_position) + Number(r.area_only), 0)).toBe(notPoint);
    expect(notPoint).toBe(2);
    expect(perCategory.reduce((s, r) => s + Number(r.area_only), 0)).toBe(Number(precision.find((r) => r.precision === 'area')?.n));
  });

  it('adds only new events when a later dump overlaps an earlier one', async () => {
    await importEvents(EVENTS.slice(0, 2));
    const more = [...EVENTS.slice(1, 2), { ...EVENTS[1], id: 564011, name: '07 juni 01.15, Brand, Kungsör' }];
    const result = await importEvents(more);
    expect(result.imported).toBe(1);
    expect(result.rejected).toMatchObject([{ line: 2, reason: 'already-loaded' }]);
  });

  it('the lägesbild shows no change per area when the police switch from kommun to län (mid-January 2026), and says why', async () => {
    // ISO weeks 1–2 of 2026 (2025-12-29 – 2026-01-11): two of three events in a kommun; weeks 3–4: only the län.
    // And v. 3–4 of 2025 (2025-01-13 – 01-26), last year's window: the same mix as v. 1–2 2026.
    await importEvents([...eventsOver('2025-01-13', 14, [MALMO, LUND, SKANE], 6, 600_000), ...eventsOver('2025-12-29', 14, [MALMO, LUND, SKANE], 6, 700_000), ...eventsOver('2026-01-12', 14, [SKANE], 6, 800_000)]);
    const report = buildReport(await loadReport(runner, { year: 2026, firstWeek: 3, lastWeek: 4 }), null);
    expect(report.areaPlacementShift).toEqual({ level: 'län', current: 1, compared: 28 / 84 });
    const skane = report.areas.find((a) => a.name === 'Skåne län')!;
    expect([skane.current, skane.previous, skane.vsPrevious]).toEqual([84, 28, null]);
    expect(report.areas.every((a) => a.vsPrevious === null)).toBe(true);
    // The CSV's last-year columns too (a tester found "Stockholms län … 9 700 %, p 1,6e-28" there), each with its note.
    expect(report.areaPlacementShiftLastYear).toEqual({ level: 'län', current: 1, compared: 28 / 84 });
    expect(report.areas.every((a) => a.vsLastYear === null)).toBe(true);
    const { lagesbildCsvRows } = await import('../../src/features/lagesbild/lagesbild-export');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
    const t = i18n.t;
    expect(placementShiftText(report, t, 'sv')!.replace(/\u00a0/g, ' ')).toContain('ligger i områden av slaget län: 100 % nu, 33 % perioden före');
    const notes = lagesbildCsvRows(report, t, 'sv').rows.filter((r) => r[2] === null && String(r[1]).startsWith('Händelserna är inte placerade'));
    expect(notes.map((r) => String(r[1]).replace(/\u00a0/g, ' '))).toEqual([expect.stringContaining('perioden före'), expect.stringContaining('33 % förra året')]);
    // Public view gives no shares (with the counts beside them they could be worked back).
    const published = buildReport(await loadReport(runner, { year: 2026, firstWeek: 3, lastWeek: 4 }), { k: 5, noise: 0 } as never);
    expect(published.areaPlacementShift).toEqual({ level: 'län' });
    expect(placementShiftText(published, t, 'sv')).not.toMatch(/\d/);
  });

  it('the lägesbild keeps its changes per area when the mix of kommun and län stays', async () => {
    await importEvents([...eventsOver('2025-12-29', 14, [MALMO, LUND, SKANE], 6, 700_000), ...eventsOver('2026-01-12', 14, [LUND, SKANE, MALMO, MALMO], 6, 800_000)]);
    const report = buildReport(await loadReport(runner, { year: 2026, firstWeek: 3, lastWeek: 4 }), null);
    expect(report.areaPlacementShift).toBeNull();
    expect(report.areas.find((a) => a.name === 'Malmö')!.vsPrevious).not.toBeNull();
  });

  it('refuses JSON that is not police events, with a reason', () => {
    expect(() => policeEventsToCsv('{"type":"FeatureCollection"}')).toThrow(NotPoliceEventsError);
    expect(() => policeEventsToCsv('[{"a":1}]')).toThrow(/missing-fields/);
    expect(() => policeEventsToCsv('[{"id":1,')).toThrow(/invalid-json/);
    expect(() => policeEventsToCsv('[]')).toThrow(/empty/);
  });
});
