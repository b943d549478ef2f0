// The import history (issue 15 item 11) and police event choices (item 10): every import is listed with its
// accounting, undo removes exactly that import's rows, and rows in the file = imported + rejected + left out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areaRowsFromGeoJson, type FeatureCollection } from '../../src/data/area-features';
import { listImports, listSources, undoImport, undoState } from '../../src/data/import-history';
import { CREATE_TABLES } from '../../src/data/schema.query';
import { importAreas } from '../../src/data/import/import-areas';
import { importCsv } from '../../src/data/import/import-csv';
import { choiceCounts, defaultPoliceChoice, isNotIncidentType, leftOutBy, orderedByChoice, policeEventCounts, policeEventsImport, type PoliceEventChoice } from '../../src/data/import/police-events';
import { fillDerivedColumns } from '../../src/data/derived-columns';
import { importBytes } from './support/import-fixture';
import { createNodeRunner, createSchemaRunner } from '../../scripts/node-runner';

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
    // Beside each choice, what ticking it in or out adds or leaves out under the rest of the choice (helper-62: a
    // place's whole count stood beside it, though some of its events were of types already left out). Counted here
    // from the events themselves; the items keep the file's order.
    for (const c of [choice, { ...choice, excludedLocations: ['Lund'] }, { excludedTypes: [], excludedLocations: ['Malmö', 'Skåne län'] }]) {
      const shown = choiceCounts(counts, counts.pairs, c);
      expect(shown.locations.map((l) => l.name)).toEqual(counts.locations.map((l) => l.name));
      expect(shown.types.map((l) => l.name)).toEqual(counts.types.map((l) => l.name));
      for (const l of shown.locations) expect(l.count).toBe(EVENTS.filter((e) => e.location?.name === l.name && !c.excludedTypes.includes(e.type)).length);
      for (const t of shown.types) expect(t.count).toBe(EVENTS.filter((e) => e.type === t.name && !c.excludedLocations.includes(e.location?.name ?? '')).length);
    }
    expect(choiceCounts(counts, counts.pairs, choice).locations.reduce((s, l) => s + l.count, 0)).toBe(counts.events - 3);
  });

  it('counts the events dated more than 30 days before their publication (an update of an old event), and only those', () => {
    expect(policeEventCounts(JSON.stringify(EVENTS)).datedLongBefore).toBe(0);
    const event = (name: string, datetime: string) => ({ id: name, datetime, name, summary: 'Uppdatering', type: 'Anträffad död', location: { name: 'Karlstad', gps: '59.4,13.5' } });
    const counts = policeEventCounts(JSON.stringify([
      event('18 september 12.27, Anträffad död, Karlstad', '2025-08-26 12:51:59 +02:00'), // 2024-09-18: 342 days before (the real archive's one)
      event('27 juli 10.00, Anträffad död, Karlstad', '2025-08-26 12:51:59 +02:00'), // 30 days: not yet
      event('26 juli 10.00, Anträffad död, Karlstad', '2025-08-26 12:51:59 +02:00'), // 31 days
      event('31 december 23.50, Brand, Karlstad', '2026-01-01 00:10:00 +01:00'), // the day before, across the new year
    ]));
    expect(counts.datedLongBefore).toBe(2);
  });

  it('lists types and places most first by the counts shown beside them as the card opens (helper-64, helper-66: it looked unsorted)', () => {
    const event = (id: number, type: string, place: string) => ({ id, datetime: '2025-06-01 08:00:00 +02:00', name: `01 juni 07.10, ${type}, ${place}`, summary: '', type, location: { name: place, gps: '57.7,11.9' } });
    const events = [event(1, 'Sammanfattning natt', 'Västra Götalands län'), event(2, 'Sammanfattning natt', 'Västra Götalands län'), event(3, 'Stöld', 'Västra Götalands län'),
      event(4, 'Stöld', 'Skåne län'), event(5, 'Rån', 'Skåne län')];
    const counts = policeEventCounts(JSON.stringify(events));
    expect(counts.locations.map((l) => l.name)).toEqual(['Västra Götalands län', 'Skåne län']); // the whole file: 3 and 2
    const choice = defaultPoliceChoice(counts);
    const ordered = orderedByChoice(counts, counts.pairs, choice);
    const shown = choiceCounts(ordered, ordered.pairs, choice);
    expect(shown.locations).toEqual([{ name: 'Skåne län', count: 2 }, { name: 'Västra Götalands län', count: 1 }]);
    expect(shown.types.map((t) => `${t.name} ${t.count}`)).toEqual(['Sammanfattning natt 2', 'Stöld 2', 'Rån 1']); // a tie by name
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
    // Of the third's rejected rows, one was already loaded (no fault in the file; the history says so).
    expect(history.map((h) => [h.source, h.rows_in, h.imported, h.rejected, h.already_loaded, h.left_out, h.stored])).toEqual([
      ['Kommunens rapporter', 2, 1, 1, 1, 0, 1],
      ['Polisens händelser', 7, 4, 3, 0, 0, 4],
      ['Kommunens rapporter', 3, 2, 1, 0, 0, 2],
    ]);
    for (const [h, result] of [[history[0], third], [history[1], second], [history[2], first]] as const) {
      expect(h.already_loaded).toBe(result.rejected.filter((r) => r.reason === 'already-loaded' || r.reason === 'same-content-loaded').length);
    }
    for (const h of history) expect(h.imported + h.rejected + h.left_out).toBe(h.rows_in);
    expect(JSON.parse(history[2].mapping ?? 'null')).toBeNull(); // importBytes passes no mapping: stored as NULL
    expect(await listSources(runner)).toEqual([
      { source: 'Kommunens rapporter', incidents: 3, interventions: 0 },
      { source: 'Polisens händelser', incidents: 4, interventions: 0 },
    ]);

    const before = await runner.rows<{ id: string }>(`SELECT * FROM incidents WHERE import_id <> ? ORDER BY id`, [second.importId!]);
    const removed = await undoImport({ runner }, second.importId!, new Date(2026, 10, 30, 14, 5));
    expect(removed).toEqual({ removed: 4, restored: 0 });
    expect(await runner.rows<{ id: string }>(`SELECT * FROM incidents ORDER BY id`)).toEqual(before);
    // The undone import stays in the history, marked with when it was undone, and can't be undone twice.
    const afterUndo = await listImports(runner);
    expect(afterUndo.map((h) => [h.id, h.undone_at, h.stored])).toEqual([[third.importId, null, 1], [second.importId, '2026-11-30 14:05', 0], [first.importId, null, 2]]);
    expect(afterUndo[1]).toMatchObject({ rows_in: 7, imported: 4, rejected: 3 });
    await expect(undoImport({ runner }, second.importId!)).rejects.toMatchObject({ reason: 'already-undone' });
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

  it('undo puts back what a replace removed, exactly, and only while no later import of that table stands in the way', async () => {
    const all = () => runner.rows(`SELECT * EXCLUDE (import_id) FROM incidents ORDER BY id`);
    const first = await importBytes(runner, csv(['a1;2025-03-01;Stöld;Norr;59,3;18,0', 'a2;2025-03-02;Rån;;59,31;18,01']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Kommunen' });
    await fillDerivedColumns(runner);
    const asFirstLeftIt = await runner.rows(`SELECT * FROM incidents ORDER BY id`);
    const replace = await importBytes(runner, csv(['r1;2025-05-01;Brand;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export', mode: 'replace' });
    expect(await runner.rows(`SELECT id FROM incidents`)).toEqual([{ id: 'r1' }]);
    expect((await listImports(runner))[0]).toMatchObject({ id: replace.importId, mode: 'replace', replaced: 2, stored: 1, blocked: false });
    // A later import into the same table: putting a1, a2 back now would not give the data as it was.
    const later = await importBytes(runner, csv(['c1;2025-06-01;Stöld;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export' });
    expect((await listImports(runner)).find((h) => h.id === replace.importId)).toMatchObject({ blocked: true });
    const blockedState = await all();
    await expect(undoImport({ runner }, replace.importId!)).rejects.toMatchObject({ reason: 'later-import' });
    expect(await all()).toEqual(blockedState);
    expect((await listImports(runner)).find((h) => h.id === replace.importId)).toMatchObject({ undone_at: null });
    // An import into another table does not stand in the way; the later one, once undone, no longer does.
    await importAreas(runner, areaRowsFromGeoJson({ type: 'FeatureCollection', features: [] }, 'x.geojson', { name: 'namn', kind: null, fixedKind: 'stadsdel', population: null } as never), 0, 'append', false, { fileName: 'x.geojson' });
    expect(await undoImport({ runner }, later.importId!)).toEqual({ removed: 1, restored: 0 });
    expect(await undoImport({ runner }, replace.importId!)).toEqual({ removed: 1, restored: 2 });
    // Exactly the rows the replace removed, every column as it was (derived columns and the first import's id too).
    expect(await runner.rows(`SELECT * FROM incidents ORDER BY id`)).toEqual(asFirstLeftIt);
    expect((await listImports(runner)).map((h) => [h.id, h.replaced, h.stored, h.undone_at !== null])).toEqual([
      [(await listImports(runner))[0].id, 0, 0, false], [later.importId, 0, 0, true], [replace.importId, 0, 0, true], [first.importId, 0, 2, false],
    ]);
    // Undoing the first import now removes the restored rows: nothing is left behind in the kept rows either.
    await undoImport({ runner }, first.importId!);
    expect(await counts()).toEqual(['areas:0', 'incidents:0', 'interventions:0']);
    expect(await runner.rows(`SELECT count(*)::INTEGER AS n FROM replaced_incidents`)).toEqual([{ n: 0 }]);
  });

  // A tester: a first import that replaced the example showed "Ångra" beside "Kvar nu 0" while another row with 0
  // said "Inget att ångra".
  it('offers no undo where it would change nothing, whatever the import\'s mode', async () => {
    const first = await importBytes(runner, csv(['a1;2025-03-01;Stöld;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'A', replaceExample: true });
    const again = await importBytes(runner, csv(['a1;2025-03-01;Stöld;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'A' });
    expect(again.imported).toBe(0);
    const state = async (id: string | undefined) => undoState((await listImports(runner)).find((h) => h.id === id)!);
    expect(await state(first.importId)).toBe('undo');
    expect(await state(again.importId)).toBe('nothing');
    // A later replace takes the first import's row away: nothing of it stored, and the example it replaced was not kept.
    const replace = await importBytes(runner, csv(['r1;2025-05-01;Brand;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'R', mode: 'replace' });
    expect(await state(first.importId)).toBe('nothingReplaced');
    expect(await state(replace.importId)).toBe('undo');
    await undoImport({ runner }, replace.importId!);
    expect(await state(replace.importId)).toBe('undone');
    expect(await state(first.importId)).toBe('undo');
    expect(undoState({ stored: 0, replaced: 2, undone_at: null, blocked: true, mode: 'replace' })).toBe('blocked');
  });

  // helper-54: undoing the first export removed rows the next one had skipped as already loaded; the confirmation said
  // nothing of it.
  it('tells, per import, how many rows later imports of its source skipped as already loaded, and in which files', async () => {
    const v10 = await importBytes(runner, csv(['a1;2025-03-01;Stöld;;;', 'a2;2025-03-02;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'K', history: { fileName: 'v10.csv', mapping: '' } });
    await importBytes(runner, csv(['a2;2025-03-02;Rån;;;', 'a3;2025-03-03;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'K', history: { fileName: 'v12.csv', mapping: '' } });
    await importBytes(runner, csv(['a1;2025-03-01;Stöld;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Annan', history: { fileName: 'annan.csv', mapping: '' } });
    const row = async (id: string | undefined) => (await listImports(runner)).find((h) => h.id === id)!;
    expect(await row(v10.importId)).toMatchObject({ later_already_loaded: 1, later_files: ['v12.csv'] });
    const latest = (await listImports(runner))[0];
    expect(latest).toMatchObject({ later_already_loaded: 0, later_files: null });
  });

  // A tester appended the same 1M rows as Parquet after a CSV replace: 0 imported, every row already loaded — and the
  // replace could no longer be undone ("Ångra först de senare importerna …" beside "Inget att ångra").
  it('a later append that stored no row does not stand in the way of undoing a replace; one that stored rows does', async () => {
    await importBytes(runner, csv(['a1;2025-03-01;Stöld;Norr;59,3;18,0']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Kommunen' });
    const replace = await importBytes(runner, csv(['r1;2025-05-01;Brand;;;', 'r2;2025-05-02;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export', mode: 'replace' });
    const nothing = await importBytes(runner, csv(['r1;2025-05-01;Brand;;;', 'r2;2025-05-02;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export' });
    expect(nothing.imported).toBe(0);
    expect((await listImports(runner)).find((h) => h.id === replace.importId)).toMatchObject({ blocked: false });
    expect(await undoImport({ runner }, replace.importId!)).toEqual({ removed: 2, restored: 1 });
    expect(await runner.rows(`SELECT id FROM incidents ORDER BY id`)).toEqual([{ id: 'a1' }]);
    // The same with a later append that stored a row: blocked, as before.
    const again = await importBytes(runner, csv(['s1;2025-06-01;Brand;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export', mode: 'replace' });
    await importBytes(runner, csv(['s2;2025-06-02;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'Ny export' });
    expect((await listImports(runner)).find((h) => h.id === again.importId)).toMatchObject({ blocked: true });
    await expect(undoImport({ runner }, again.importId!)).rejects.toMatchObject({ reason: 'later-import' });
  });

  it('an import replaced by a later replace is undone there too, so undoing the replace does not bring it back', async () => {
    const a = await importBytes(runner, csv(['a1;2025-03-01;Stöld;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'A' });
    const b = await importBytes(runner, csv(['b1;2025-03-02;Rån;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'B' });
    const r = await importBytes(runner, csv(['r1;2025-04-01;Brand;;;']), SEMICOLON, { ...base, columns: COLUMNS, source: 'R', mode: 'replace' });
    // b (appended before the replace, replaced nothing itself) can be undone at any time: also from the kept rows.
    expect(await undoImport({ runner }, b.importId!)).toEqual({ removed: 0, restored: 0 });
    expect(await undoImport({ runner }, r.importId!)).toEqual({ removed: 1, restored: 1 });
    expect(await runner.rows(`SELECT id, source, import_id FROM incidents`)).toEqual([{ id: 'a1', source: 'A', import_id: a.importId }]);
  });

  it('undo of an area append puts back the boundary it replaced (same name and kind), and a replace of the areas', async () => {
    const square = (name: string, x: number): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { namn: name }, geometry: { type: 'Polygon', coordinates: [[[x, 59.2], [x + 0.2, 59.2], [x + 0.2, 59.4], [x, 59.4], [x, 59.2]]] } }],
    });
    const mapping = { name: 'namn', kind: null, fixedKind: 'stadsdel', population: null } as never;
    const areas = () => runner.rows(`SELECT name, kind, min_lon, source, import_id FROM areas ORDER BY name, min_lon`);
    await importAreas(runner, areaRowsFromGeoJson(square('Centrum', 17.9, ), 'v1.geojson', mapping), 1, 'append', false, { fileName: 'v1.geojson', source: 'v1' });
    await importAreas(runner, areaRowsFromGeoJson(square('Norr', 17.0), 'n.geojson', mapping), 1, 'append', false, { fileName: 'n.geojson', source: 'n' });
    const original = await areas();
    const v2 = await importAreas(runner, areaRowsFromGeoJson(square('Centrum', 18.5), 'v2.geojson', mapping), 1, 'append', false, { fileName: 'v2.geojson', source: 'v2' });
    expect((await areas()).map((a) => [a.name, a.min_lon])).toEqual([['Centrum', 18.5], ['Norr', 17.0]]);
    expect((await listImports(runner))[0]).toMatchObject({ id: v2.importId, replaced: 1 });
    expect(await undoImport({ runner }, v2.importId!)).toEqual({ removed: 1, restored: 1 });
    expect(await areas()).toEqual(original);
    const all = await importAreas(runner, areaRowsFromGeoJson(square('Söder', 16.0), 's.geojson', mapping), 1, 'replace', false, { fileName: 's.geojson', source: 's' });
    expect((await areas()).map((a) => a.name)).toEqual(['Söder']);
    expect(await undoImport({ runner }, all.importId!)).toEqual({ removed: 1, restored: 2 });
    expect(await areas()).toEqual(original);
  });

  it('undo of a replace of interventions puts back their outcome columns too', async () => {
    const log = (rows: string[]) => new TextEncoder().encode(['Id;Datum;Aktivitet;Beslag;Timmar', ...rows].join('\n') + '\n');
    const request = (mode: 'append' | 'replace', outcomes: { column: string; name: string }[]) => ({
      ...base, target: 'interventions' as const, coordinates: null, mode, source: 'Kommunen', columns: { id: 'Id', date: 'Datum', type: 'Aktivitet', outcomes },
    });
    const rows = () => runner.rows(`SELECT * FROM interventions ORDER BY id`);
    await importBytes(runner, log(['i1;2025-03-01;Patrull;2;', 'i2;2025-03-02;Patrull;5;']), SEMICOLON, request('append', [{ column: 'Beslag', name: 'beslag' }]));
    const before = await rows();
    const replace = await importBytes(runner, log(['i3;2025-04-01;Möte;;3']), SEMICOLON, request('replace', [{ column: 'Timmar', name: 'timmar' }]));
    expect(await undoImport({ runner }, replace.importId!)).toEqual({ removed: 1, restored: 2 });
    expect(await rows()).toEqual(before.map((r) => ({ ...r, timmar: null })));
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
        INSERT INTO areas VALUES ('A', 'stadsdel', NULL, '{}', 0, 0, 1, 1, 'a.geojson');
        CREATE TABLE imports (id VARCHAR PRIMARY KEY, file_name VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL, source VARCHAR NOT NULL, target VARCHAR NOT NULL,
          mode VARCHAR NOT NULL, rows_in INTEGER NOT NULL, imported INTEGER NOT NULL, rejected INTEGER NOT NULL, left_out INTEGER NOT NULL, mapping VARCHAR);
        INSERT INTO imports VALUES ('i1', 'f.csv', TIMESTAMP '2025-01-02 10:00', 'f.csv', 'incidents', 'append', 2, 0, 2, 0, NULL);`);
      await old.exec(CREATE_TABLES);
      expect(await old.rows(`SELECT id, source, import_id FROM incidents`)).toEqual([{ id: 'x', source: 'gammal.csv', import_id: null }]);
      expect(await old.rows(`SELECT name, import_id FROM areas`)).toEqual([{ name: 'A', import_id: null }]);
      // An import listed before the history kept its already-loaded rows: not known (null), not 0.
      expect((await listImports(old)).map((h) => [h.id, h.rejected, h.already_loaded, h.undone_at])).toEqual([['i1', 2, null, null]]);
      await old.exec(`DELETE FROM imports`);
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

describe('the history’s mapping lines', () => {
  it('label the stored settings as the import form does, never with internal keys', async () => {
    const { mappingLines } = await import('../../src/features/importer/import-history-lines');
    const { default: i18next } = await import('i18next');
    const { sv } = await import('../../src/lib/i18n/sv');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n) as (key: string, o?: Record<string, unknown>) => string;
    const csv = mappingLines(JSON.stringify({ encoding: 'utf-8', delimiter: ';', header: true, target: 'incidents', mapping: { date: 'Datum', category: 'Brottstyp', north: 'N' }, decimal: ',', coordinates: { crs: 'EPSG:3006', order: 'ne' } }), t);
    const areas = mappingLines(JSON.stringify({ nameKey: 'kommunnamn', kindKey: null, populationKey: null, fixedKind: 'kommun', crs: 'EPSG:4326' }), t);
    for (const line of [...csv, ...areas]) expect(line).not.toMatch(/\bdate\b|\bnorth\b|nameKey|fixedKind|populationKey|\bcrs\b|encoding|target/);
    expect(csv.join(' ')).toContain('Datum (och ev. tid) ← Datum, Kategori / brottstyp ← Brottstyp, N / X / latitud ← N');
    // Named as on the form, not by the stored codes (utf-8, EPSG:3006).
    expect(csv.join(' ')).toContain('Teckenkodning: UTF-8, Avgränsare: ; (semikolon), första raden är rubriker, Decimaltecken: Komma (1,5), Koordinatsystem: SWEREF 99 TM');
    // Every reading choice the form offers is in the line: the quote and the lines skipped above the header too.
    const { rememberable, planCsv } = await import('../../src/data/import/csv-plan');
    const report = new TextEncoder().encode("Rapport 2026\nPeriod: januari\n\nDatum;Brottstyp\n2026-01-01;'Stöld; grov'\n");
    const plan = planCsv(report, { quote: "'", skipLines: 3 });
    expect(plan.dialect.skipLines).toBe(3);
    const line = mappingLines(JSON.stringify(rememberable(plan)), t).join(' ');
    expect(line).toContain("Citattecken: ' (apostrof)");
    expect(line).toContain('3 rader överhoppade före rubrikerna');
    expect(mappingLines(JSON.stringify({ ...rememberable(plan), header: false, skipLines: 1 }), t).join(' ')).toMatch(/ingen rubrikrad, 1 rad överhoppad före rubrikerna/);
    expect(areas.join(' ')).toBe('Namn ← kommunnamn, Typ av område: kommun, Koordinatsystem: WGS 84 (lat/long)');
    const zone = mappingLines(JSON.stringify({ encoding: 'windows-1252', delimiter: '\t', coordinates: { crs: 'EPSG:3009' } }), t);
    expect(zone.join(' ')).toBe('Teckenkodning: Windows-1252 (Excel, äldre), Avgränsare: tabb, Koordinatsystem: SWEREF 99 15 00 (EPSG:3009)');
  });
});
