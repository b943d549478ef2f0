// SWEREF 99 positions (TM and the twelve local zones) are converted to WGS 84 in SQL at import (projected-coords.query.ts,
// Lantmäteriet's inverse series): checked here against proj4 — which the importer used before and still uses for RT 90 —
// across Sweden, through the import itself, with the outside-Sweden decisions and odd values proj4's path made.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/data/import/import-csv';
import { scanRecords } from '../../src/data/import/csv-records';
import { fromTmGrid, SWEREF99TM_ZONE } from '../../src/lib/geo/sweref99tm';
import { fromWgs84, insideSweden, SUPPORTED_CRS, swerefZone, toWgs84, type CrsCode } from '../../src/lib/parsing/coordinates';
import { createSchemaRunner } from '../../scripts/node-runner';

/** Points over Sweden's extent (and a little beyond), as latitude and longitude. */
function overSweden(step = 0.5): [number, number][] {
  const points: [number, number][] = [];
  for (let lat = 54.8; lat <= 69.4; lat += step) for (let lon = 10.3; lon <= 24.5; lon += step) points.push([lat, lon]);
  return points;
}

const LOCAL_ZONES = SUPPORTED_CRS.filter((c) => c !== 'EPSG:3006' && swerefZone(c) !== null);

describe('SWEREF 99 grid → WGS 84 (inverse Gauss–Krüger)', () => {
  it('knows the zones: TM and twelve local ones; none for WGS 84 and RT 90', () => {
    expect(swerefZone('EPSG:3006')).toEqual(SWEREF99TM_ZONE);
    expect(LOCAL_ZONES).toHaveLength(12);
    expect(swerefZone('EPSG:3011')).toEqual({ centralMeridian: 18, scale: 1, falseEasting: 150000 });
    expect(swerefZone('EPSG:4326')).toBeNull();
    expect(swerefZone('EPSG:3021')).toBeNull();
  });

  it('the JS series agrees with proj4 to 0.1 mm over Sweden in TM, and within each local zone’s band', () => {
    let worst = 0;
    for (const [lat, lon] of overSweden(0.25)) {
      const { north, east } = fromWgs84('EPSG:3006', lat, lon);
      const p = fromTmGrid(north, east, SWEREF99TM_ZONE);
      const q = toWgs84('EPSG:3006', north, east);
      worst = Math.max(worst, Math.abs(p.lat - q.lat), Math.abs(p.lon - q.lon) * Math.cos((lat * Math.PI) / 180));
    }
    // 1e-9 degrees is ~0.1 mm on the ground.
    expect(worst).toBeLessThan(1e-9);
    for (const crs of LOCAL_ZONES) {
      const zone = swerefZone(crs)!;
      let worstLocal = 0;
      for (const [lat, lon] of overSweden(0.25).filter(([, lon]) => Math.abs(lon - zone.centralMeridian) < 1.5)) {
        const { north, east } = fromWgs84(crs, lat, lon);
        const p = fromTmGrid(north, east, zone);
        const q = toWgs84(crs, north, east);
        worstLocal = Math.max(worstLocal, Math.abs(p.lat - q.lat), Math.abs(p.lon - q.lon));
      }
      expect(worstLocal, crs).toBeLessThan(1e-9);
    }
  });

  async function importPoints(crs: CrsCode, rows: [string, string][]) {
    const runner = await createSchemaRunner();
    const text = ['Id;Datum;Brottstyp;N;E', ...rows.map(([n, e], i) => `p${i};2026-03-02;Stöld;${n};${e}`)].join('\n') + '\n';
    const bytes = new TextEncoder().encode(text);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-sweref-')), 'points.csv');
    writeFileSync(file, bytes);
    const dialect = { delimiter: ';', quote: '"', header: true, skipLines: 0 };
    const result = await importCsv(runner, {
      fileName: file, scan: scanRecords(bytes, dialect), dialect: { ...dialect, columns: ['Id', 'Datum', 'Brottstyp', 'N', 'E'] }, target: 'incidents',
      columns: { id: 'Id', date: 'Datum', category: 'Brottstyp', north: 'N', east: 'E' }, decimal: '.',
      coordinates: { crs, order: 'north-east' }, mode: 'append', replaceExample: false, source: 'test',
    });
    const stored = await runner.rows<{ id: string; lat: number; lon: number; grid_e: number | null; grid_n: number | null }>('SELECT id, lat, lon, grid_e, grid_n FROM incidents ORDER BY id');
    runner.close();
    return { result, stored: new Map(stored.map((r) => [r.id, r])) };
  }

  it('through the import: each position where proj4 puts it, the same rows outside Sweden, odd values rejected not failed', async () => {
    for (const crs of ['EPSG:3006', 'EPSG:3011', 'EPSG:3007'] as CrsCode[]) {
      const rows: [string, string][] = overSweden(0.7).map(([lat, lon]) => {
        const { north, east } = fromWgs84(crs, lat, lon);
        return [north.toFixed(3), east.toFixed(3)];
      });
      // Exports round to whole metres; values no grid has; a point at the origin; Sweden's box edge, nearly.
      rows.push(['6580050', '674000'], ['1e12', '5e11'], ['-6580000', '674000'], ['0', '0'], ['6580000', '-1e9']);
      const { result, stored } = await importPoints(crs, rows);
      let outside = 0;
      rows.forEach(([n, e], i) => {
        const expected = toWgs84(crs, Number(n), Number(e));
        const inside = Number.isFinite(expected.lat) && Number.isFinite(expected.lon) && insideSweden(expected.lat, expected.lon);
        const row = stored.get(`p${i}`);
        if (!inside) {
          outside++;
          expect(row, `${crs} ${n} ${e}`).toBeUndefined();
          return;
        }
        expect(row, `${crs} ${n} ${e}`).toBeDefined();
        expect(Math.abs(row!.lat - expected.lat)).toBeLessThan(1e-9);
        expect(Math.abs(row!.lon - expected.lon)).toBeLessThan(2e-9);
      });
      expect(result.rejected.filter((r) => r.reason === 'outside-sweden')).toHaveLength(outside);
      expect(result.imported + outside).toBe(rows.length);
      expect(outside).toBeGreaterThan(5);
    }
  });

  it('a SWEREF 99 TM position on a grid line keeps its metres in grid_e/grid_n (its cell is the one its metres name)', async () => {
    const rows: [string, string][] = [];
    for (let n = 6_140_000; n <= 7_660_000; n += 77_700) for (let e = 270_000; e <= 920_000; e += 65_500) rows.push([String(n), String(e)]);
    rows.push(['6580050', '674000'], ['6580000', '674000']);
    const { stored } = await importPoints('EPSG:3006', rows);
    rows.forEach(([n, e], i) => {
      const row = stored.get(`p${i}`);
      if (row) expect([row.grid_n, row.grid_e]).toEqual([Number(n), Number(e)]);
    });
    expect(stored.size).toBeGreaterThan(rows.length / 2);
  });
});
