// The import history (issue 15 item 11) and police event choices (item 10): every import is listed with its
// accounting, undo removes exactly that import's rows, and rows in the file = imported + rejected + left out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areaRowsFromGeoJson, type FeatureCollection } from '../../src/data/area-features';
import { listImports, listSources, undoImport } from '../../src/data/import-history';
import { CREATE_TABLES } from '../../src/data/schema.query';
import { importAreas } from '../../src/data/import/import-areas';
import { importCsv } from '../../src/data/import/import-csv';
import { defaultPoliceChoice, isNotIncidentType, leftOutBy, policeEventCounts, policeEventsImport, type PoliceEventChoice } from '../../src/data/import/police-events';
import { fillDerivedColumns } from '../../src/data/derived-columns';
import { importBytes } from './support/import-fixture';
import { createNodeRunner, createSchemaRunner } from './support/node-runner';

const SEMICOLON = { delimiter: ';', quote: '"', header: true, skipLines: 0 };
const COLUMNS = { id: 'Id', date: 'Datum', category: 'Brottstyp', area: 'Område', north: 'N', east: 'E' };
const base = { target: 'incidents' as const, decimal: ',' as const, coordinates: { crs: 'EPSG:4326' as const, order: 'north-east' as const }, mode: 'append' as const, replaceExample: false };
const csv = (rows: string[]) => new TextEncoder().encode(['Id;Datum;Brottstyp;Område;N;E', ...rows].join('\n') + '\n');

const EVENTS = [
  { id: 1, datetime: '2025-06-01 08:00:00 +02:00', name: '01 juni 07.10, Stöld, Malmö', summary: 'a', type: 'Stöld', location: { name: 'Malmö', gps: '55.60,13.00' } },
  { id: 2, datetime: '2025-06-01 08:00:00 +02:00', name: 'Sammanfattning natt, Skåne', summary: 'b', type: 'Sammanfattning natt', location: { name: 'Skåne län', gps: '55.99,13.59' } },
  { id: 3, datetime: '2025-06-01 09:00:00 +02:00', name: '01 juni 08.10, Brand, Lund', summary: 'c', type: 'Brand', location: { name: 'Lund', gps: '55.70,13.19' } },
  { id: 4, datetime: '2025-06-02 09:00:00 +02:00', name: 'Information, Malmö', summary: 'd', type: 'Information', location: { name: 'Malmö', gps: '55.60,13.00' } },
  { id: 5, datetime: '2025-06-02 09:00:00 +02:00', name: 'utan tid, Stöld, Malmö', summary: 'e', type: 'Stöld', location: { name: 'Malmö', gps: '55.60,13.00' } },
  { id: 6, datetime: '2025-06-02 10:00:00 +02:00', name: '02 juni 09.40, Uppdatering, Lund', summary: 'f', type: 'Uppdatering', location: { name: 'Lund', gps: '55.70,13.19' } },
  { id: 7, datetime: '2025-06-02 11:00:00 +02:00', name: '02 juni 10.40, Misshandel, Lund', summary: 'g', type: 'Misshandel', location: { name: 'Lund', gps: '55.70,13.19' } },
];

async function importPolice(runner: Awaited<ReturnType<typeof createSchemaRunner>>, events: unknown[], choice?: PoliceEventChoice, source = 'Polisens händelser') {
  const prepared = policeEventsImport(JSON.stringify(events), choice);
  const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-police-')), 'events.csv');
  writeFileSync(file, prepared.utf8);
  const result = await importCsv(runner, {
    fileName: file, scan: prepared.scan, dialect: prepared.plan.dialect, target: 'incidents', columns: prepared.plan.mapping, decimal: '.',
    coordinates: { crs: 'EPSG:4326', order: 'north-east' }, mode: 'append', replaceExample: false, source, locationPrecision: 'area',
    leftOut: prepared.leftOut, history: { fileName: 'events.json', mapping: JSON.stringify(choice ?? null) },
  });
  return { ...prepared.renumber(result), leftOutBy: prepared.leftOutBy };
}

describe('police events: what to keep', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => { runner = await createSchemaRunner(); });
  afterEach(() => runner.close());

  it('knows which types are not incidents', () => {
    expect(['Sammanfattning natt', 'Sammanfattning kväll och natt', 'Sammanfattning helg', 'Information', 'Uppdatering'].every(isNotIncidentType)).toBe(true);
    expect(['Stöld', 'Övrigt', 'Brand', 'Trafikkontroll', 'Information om brott'].some(isNotIncidentType)).toBe(false);
  });

  it('counts per type and place, and the default leaves out summaries, information and updates', () => {
    const counts = policeEventCounts(JSON.stringify(EVENTS));
    expect(counts.events).toBe(7);
    expect(counts.types).toContainEqual({ name: 'Stöld', count: 2 });
    expect(counts.locations).toEqual([{ name: 'Lund', count: 3 }, { name: 'Malmö', count: 3 }, { name: 'Skåne län', count: 1 }]);
    const choice = defaultPoliceChoice(counts);
    expect(choice.excludedTypes.sort()).toEqual(['Information', 'Sammanfattning natt', 'Uppdatering']);
    expect(leftOutBy(counts.pairs, choice)).toEqual({ type: 3, location: 0 });
    expect(leftOutBy(counts.pairs, { ...choice, excludedLocations: ['Lund'] })).toEqual({ type: 3, location: 2 });
  });

  it('imported + rejected + left out = events in the file; rejects keep their number in the file', async () => {
    const counts = policeEventCounts(JSON.stringify(EVENTS));
    const choice = { ...defaultPoliceChoice(counts), excludedLocations: ['Lund'] };
    const result = await importPolice(runner, EVENTS, choice);
    // Kept: 1 (Stöld Malmö) and 5 (no time → rejected); left out: 2, 4, 6 by type, 3, 7 by place.
    expect(result).toMatchObject({ rowsInFile: 7, imported: 1, leftOut: 5, leftOutBy: { type: 3, location: 2 }, rejected: [{ line: 5, reason: 'bad-date' }] });
    expect(result.imported + result.rejected.length + result.leftOut!).toBe(result.rowsInFile);
    const [history] = await listImports(runner);
    expect(history).toMatchObject({ file_name: 'events.json', source: 'Polisens händelser', target: 'incidents', rows_in: 7, imported: 1, rejected: 1, left_out: 5, stored: 1 });
    expect(await runner.rows('SELECT id, category, area, source FROM incidents')).toEqual([{ id: '1', category: 'Stöld', area: 'Malmö', source: 'Polisens händelser' }]);
  });
});

describe('the import history and undo', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => { runner = await createSchemaRunner(); });
  afterEach(() => runner.close());

  const counts = async () => (await runner.rows<{ t: string; n: number }>(`
    SELECT 'incidents' AS t, count(*)::INTEGER AS n FROM incidents UNION ALL SELECT 'interventions', count(*)::INTEGER FROM interventions
    UNION ALL SELECT 'areas', count(*)::INTEGER FROM areas ORDER BY t`)).map((r) => `${r.t}:${r.n}`);

  it('undo removes exactly one import’s rows, in every table, and nothing else', async () => {
    const first = await importBytes(runner, csv(['a1;2025-03-01;Stöld;Norr;59,3;18,0', 'a2;2025-03-02;Rån;;59,31;18,01', 'a3;2025-99-01;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Kommunens rapporter' });
    const second = await importPolice(runner, EVENTS);
    const third = await importBytes(runner, csv(['b1;2025-04-01;Stöld;;59,32;18,02', 'a1;2025-03-01;Stöld;Norr;59,3;18,0']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Kommunens rapporter' });
    expect(first).toMatchObject({ rowsInFile: 3, imported: 2 });
    // No choice: nothing left out; the summary, the information and the event without a time are rejected.
    expect(second).toMatchObject({ rowsInFile: 7, imported: 4 });
    expect(second.leftOut ?? 0).toBe(0);
    expect(second.rejected.map((r) => r.line)).toEqual([2, 4, 5]);
    // a1 is already loaded: the third import added only b1.
    expect(third).toMatchObject({ rowsInFile: 2, imported: 1, rejected: [{ reason: 'already-loaded' }] });
    const history = await listImports(runner);
    expect(history.map((h) => [h.source, h.rows_in, h.imported, h.rejected, h.left_out, h.stored])).toEqual([
      ['Kommunens rapporter', 2, 1, 1, 0, 1],
      ['Polisens händelser', 7, 4, 3, 0, 4],
      ['Kommunens rapporter', 3, 2, 1, 0, 2],
    ]);
    for (const h of history) expect(h.imported + h.rejected + h.left_out).toBe(h.rows_in);
    expect(JSON.parse(history[2].mapping ?? 'null')).toBeNull(); // importBytes passes no mapping: stored as NULL
    expect(await listSources(runner)).toEqual([
      { source: 'Kommunens rapporter', incidents: 3, interventions: 0 },
      { source: 'Polisens händelser', incidents: 4, interventions: 0 },
    ]);

    const before = await runner.rows<{ id: string }>(`SELECT id FROM incidents WHERE import_id <> ? ORDER BY id`, [second.importId!]);
    const removed = await undoImport({ runner }, second.importId!);
    expect(removed).toEqual({ removed: 4 });
    expect(await runner.rows<{ id: string }>(`SELECT id FROM incidents ORDER BY id`)).toEqual(before);
    expect((await listImports(runner)).map((h) => h.id)).toEqual([third.importId, first.importId]);
    expect(await counts()).toEqual(['areas:0', 'incidents:3', 'interventions:0']);
    // Undoing the first import leaves the third's row b1 (its a1 was refused as already loaded, so it is gone).
    await undoImport({ runner }, first.importId!);
    expect(await runner.rows(`SELECT id, source FROM incidents`)).toEqual([{ id: 'b1', source: 'Kommunens rapporter' }]);
  });

  it('undo of an area import removes its areas, and the area assignment is made again', async () => {
    await importBytes(runner, csv(['a1;2025-03-01;Stöld;;59,30;18,00', 'a2;2025-03-02;Rån;;59,50;18,50']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Kommunens rapporter' });
    const square: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { namn: 'Centrum' }, geometry: { type: 'Polygon', coordinates: [[[17.9, 59.2], [18.1, 59.2], [18.1, 59.4], [17.9, 59.4], [17.9, 59.2]]] } }],
    };
    const areas = await importAreas(runner, areaRowsFromGeoJson(square, 'omraden.geojson', { name: 'namn', kind: null, fixedKind: 'stadsdel', population: null } as never), 1, 'append', false, { fileName: 'omraden.geojson', source: 'Stadsdelar' });
    await fillDerivedColumns(runner);
    expect(await runner.rows(`SELECT id, area FROM incidents ORDER BY id`)).toEqual([{ id: 'a1', area: 'Centrum' }, { id: 'a2', area: null }]);
    expect((await listImports(runner))[0]).toMatchObject({ source: 'Stadsdelar', target: 'areas', rows_in: 1, imported: 1, stored: 1 });
    await undoImport({ runner }, areas.importId!);
    await fillDerivedColumns(runner);
    expect(await runner.rows(`SELECT id, area FROM incidents ORDER BY id`)).toEqual([{ id: 'a1', area: null }, { id: 'a2', area: null }]);
    expect(await counts()).toEqual(['areas:0', 'incidents:2', 'interventions:0']);
  });

  it('a stored database from before the history gets its columns and keeps its rows', async () => {
    const old = await createNodeRunner();
    try {
      await old.exec(`CREATE TABLE app_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE TABLE incidents (id VARCHAR, occurred_at TIMESTAMP NOT NULL, category VARCHAR NOT NULL, subcategory VARCHAR, lat DOUBLE, lon DOUBLE,
          location_precision VARCHAR NOT NULL, area VARCHAR, place VARCHAR, description VARCHAR, source VARCHAR NOT NULL, epoch_day INTEGER NOT NULL, row_key VARCHAR);
        CREATE TABLE interventions (id VARCHAR, started_at TIMESTAMP NOT NULL, ended_at TIMESTAMP, type VARCHAR NOT NULL, organisation VARCHAR, area VARCHAR,
          place VARCHAR, lat DOUBLE, lon DOUBLE, source VARCHAR NOT NULL, epoch_day INTEGER NOT NULL, row_key VARCHAR);
        CREATE TABLE areas (name VARCHAR NOT NULL, kind VARCHAR, population INTEGER, geometry VARCHAR NOT NULL, min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE, source VARCHAR NOT NULL);
        INSERT INTO incidents VALUES ('x', TIMESTAMP '2025-01-01 10:00', 'Stöld', NULL, NULL, NULL, 'none', NULL, NULL, NULL, 'gammal.csv', 20089, 'x');
        INSERT INTO areas VALUES ('A', 'stadsdel', NULL, '{}', 0, 0, 1, 1, 'a.geojson');`);
      await old.exec(CREATE_TABLES);
      expect(await old.rows(`SELECT id, source, import_id FROM incidents`)).toEqual([{ id: 'x', source: 'gammal.csv', import_id: null }]);
      expect(await old.rows(`SELECT name, import_id FROM areas`)).toEqual([{ name: 'A', import_id: null }]);
      expect(await listImports(old)).toEqual([]);
      expect(await listSources(old)).toEqual([{ source: 'gammal.csv', incidents: 1, interventions: 0 }]);
      // Running the schema again (every start) changes nothing.
      await old.exec(CREATE_TABLES);
      expect(await old.rows(`SELECT count(*)::INTEGER AS n FROM incidents`)).toEqual([{ n: 1 }]);
    } finally {
      old.close();
    }
  });
});
