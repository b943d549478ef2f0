// Exempelkommun: deterministic, realistic in the ways the product's views rely on, and loadable by the
// app's own loader into the canonical tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-example.mjs';
import type { SqlRunner } from '../../src/data/sql-runner';
import { createExampleDatabase } from './support/example-database';

const SWEREF99TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

describe('the example generator', () => {
  it('is deterministic', () => {
    const a = generate();
    const b = generate();
    expect(a.incidents.length).toBe(b.incidents.length);
    expect(JSON.stringify(a.incidents.slice(0, 200))).toBe(JSON.stringify(b.incidents.slice(0, 200)));
    expect(JSON.stringify(a.interventions)).toBe(JSON.stringify(b.interventions));
    expect(generate(7).incidents.length).not.toBe(a.incidents.length);
  });

  it('has the size the product is designed around', () => {
    const { incidents, interventions, areas, goals } = generate();
    expect(incidents.length).toBeGreaterThan(30_000);
    expect(incidents.length).toBeLessThan(60_000);
    expect(interventions.length).toBeGreaterThan(1_000);
    expect(interventions.length).toBeLessThan(2_000);
    expect(areas.features.map((f) => f.properties.kind).sort()).toEqual([...Array(6).fill('stadsdel'), ...Array(4).fill('ytterområde')]);
    expect(goals).toHaveLength(7);
  });

  it('has nothing after its last day', () => {
    const { incidents, interventions } = generate();
    expect(incidents.filter((r) => r.occurred_at > '2026-11-15 23:59:59')).toEqual([]);
    expect(interventions.filter((r) => r.started_at > '2026-11-15 23:59:59')).toEqual([]);
  });

  it('never writes a local time that does not exist (spring DST switch)', () => {
    const { incidents } = generate();
    for (const day of ['2024-03-31', '2025-03-30', '2026-03-29']) {
      expect(incidents.filter((r) => r.occurred_at.startsWith(`${day} 02:`))).toEqual([]);
    }
  });
});

describe('the example in DuckDB', () => {
  let runner: SqlRunner & { close(): void };
  let root: string;
  beforeAll(async () => {
    ({ runner, root } = await createExampleDatabase());
  });
  afterAll(() => runner.close());

  const one = async (sql: string, params: (string | number)[] = []) => Object.values((await runner.rows(sql, params))[0])[0] as number;

  it('loads every generated row into the canonical tables', async () => {
    const { incidents, interventions } = generate();
    expect(await one('SELECT count(*) FROM incidents')).toBe(incidents.length);
    expect(await one('SELECT count(*) FROM interventions')).toBe(interventions.length);
    expect(await one('SELECT count(*) FROM areas')).toBe(10);
    expect(await one('SELECT count(*) FROM goals')).toBe(7);
    expect(await one("SELECT value FROM app_meta WHERE key = 'dataset'")).toBe('example');
  });

  it('fills epoch_day from the local date', async () => {
    expect(await one(`SELECT count(*) FROM incidents WHERE epoch_day <> date_diff('day', DATE '1970-01-01', occurred_at::DATE)`)).toBe(0);
    expect(await one(`SELECT count(*) FROM interventions WHERE epoch_day <> date_diff('day', DATE '1970-01-01', started_at::DATE)`)).toBe(0);
  });

  it('keeps positions honest: in Sweden when present, counted as none when absent', async () => {
    expect(await one(`SELECT count(*) FROM incidents WHERE location_precision = 'point' AND NOT (lat BETWEEN 55 AND 69.1 AND lon BETWEEN 10 AND 24.2)`)).toBe(0);
    expect(await one(`SELECT count(*) FROM incidents WHERE location_precision = 'none' AND (lat IS NOT NULL OR lon IS NOT NULL)`)).toBe(0);
    const none = await one(`SELECT count(*) FROM incidents WHERE location_precision = 'none'`);
    expect(none).toBeGreaterThan(500);
  });

  it('has a weekly rhythm: nightlife peaks on Friday and Saturday nights', async () => {
    const rows = await runner.rows<{ dow: number; n: number }>(`SELECT isodow(occurred_at) AS dow, count(*) AS n FROM incidents WHERE place = 'Krogstråket' GROUP BY 1 ORDER BY 1`);
    const n = Object.fromEntries(rows.map((r) => [r.dow, r.n]));
    expect(n[5]).toBeGreaterThan(2 * n[2]);
    expect(n[6]).toBeGreaterThan(2 * n[2]);
    const night = await one(`SELECT count(*) FILTER (WHERE hour(occurred_at) >= 21 OR hour(occurred_at) < 4) / count(*) FROM incidents WHERE place = 'Krogstråket'`);
    expect(night).toBeGreaterThan(0.5);
  });

  it('spikes on Valborg and has a summer season', async () => {
    for (const year of [2024, 2025, 2026]) {
      const valborg = await one(`SELECT count(*) FROM incidents WHERE occurred_at::DATE = ?::DATE`, [`${year}-04-30`]);
      const april = await one(`SELECT count(*) / 30.0 FROM incidents WHERE year(occurred_at) = ? AND month(occurred_at) = 4`, [year]);
      expect(valborg).toBeGreaterThan(1.5 * april);
    }
    const july = await one(`SELECT count(*) FROM incidents WHERE year(occurred_at) = 2025 AND month(occurred_at) = 7`);
    const february = await one(`SELECT count(*) FROM incidents WHERE year(occurred_at) = 2025 AND month(occurred_at) = 2`);
    expect(july / 31).toBeGreaterThan(1.2 * (february / 28));
  });

  it('has persistent, emerging and fading hot spots', async () => {
    const perYear = async (place: string, year: number) => one(`SELECT count(*) FROM incidents WHERE place = ? AND year(occurred_at) = ? AND month(occurred_at) <= 10`, [place, year]);
    expect(await perYear('Hamnen', 2026)).toBeGreaterThan(4 * (await perYear('Hamnen', 2024)));
    expect(await perYear('Skolparken', 2025)).toBeLessThan(0.5 * (await perYear('Skolparken', 2024)));
    const torget = [await perYear('Stora torget', 2024), await perYear('Stora torget', 2026)];
    expect(torget[1] / torget[0]).toBeGreaterThan(0.8);
    expect(torget[1] / torget[0]).toBeLessThan(1.3);
  });

  it('lets the Resecentrum operation change what happens there', async () => {
    const disorder = async (from: string, to: string) =>
      one(`SELECT count(*) FROM incidents WHERE place = 'Resecentrum' AND category IN ('Ordningsstörning', 'Misshandel') AND occurred_at >= ?::TIMESTAMP AND occurred_at < ?::TIMESTAMP`, [from, to]);
    const before = await disorder('2024-09-01', '2025-09-01');
    const after = await disorder('2025-11-15', '2026-11-15');
    expect(after).toBeLessThan(0.8 * before);
    expect(await one(`SELECT count(*) FROM interventions WHERE type = 'Riktad narkotikainsats' AND place = 'Resecentrum' AND started_at >= '2025-09-01'`)).toBeGreaterThan(80);
  });

  it('leaves the 2026 dialogue goals visibly incomplete (Kvarnby has none yet)', async () => {
    const rows = await runner.rows<{ area: string; n: number }>(`SELECT a.name AS area, count(i.id) AS n FROM areas a LEFT JOIN interventions i ON i.area = a.name AND i.type = 'Medborgardialog' AND year(i.started_at) = 2026 GROUP BY 1`);
    const n = Object.fromEntries(rows.map((r) => [r.area, r.n]));
    expect(n['Kvarnby']).toBe(0);
    expect(n['Västerby']).toBe(1);
    expect(n['Centrum']).toBe(2);
  });

  it('writes the same data as a police Excel export: cp1252, semicolons, SWEREF 99 TM with N first', () => {
    const bytes = readFileSync(join(root, 'exports', 'polisen-anmalda-brott.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('windows-1252').decode(bytes);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Diarienummer;Händelsedatum;Klockslag;Brottstyp;Underkategori;Plats;Område;N;E;Beskrivning');
    const { incidents } = generate();
    expect(lines.length - 1).toBe(incidents.length);
    const withPoint = incidents.findIndex((r) => r.lat !== null);
    const cells = lines[withPoint + 1].split(';');
    expect(cells[2]).toMatch(/^\d{2}\.\d{2}$/);
    const [lon, lat] = proj4(SWEREF99TM, 'WGS84', [Number(cells[8]), Number(cells[7])]);
    expect(lat).toBeCloseTo(incidents[withPoint].lat!, 5);
    expect(lon).toBeCloseTo(incidents[withPoint].lon!, 5);
  });
});
