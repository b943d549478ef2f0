// Append without doubles, within a source: what an append rejects as already loaded, what it imports from a second
// source with the same rows, and what it says about those. Against native DuckDB, the import the browser runs.
import proj4 from 'proj4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBytes } from './support/import-fixture';
import { createNodeRunner, createSchemaRunner } from '../../scripts/node-runner';

type Runner = Awaited<ReturnType<typeof createNodeRunner>>;
const SEMICOLON = { delimiter: ';', quote: '"', header: true, skipLines: 0 };
const enc = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const base = { target: 'incidents' as const, decimal: ',' as const, coordinates: null, mode: 'append' as const, replaceExample: false };
const dateAndCategory = { ...base, columns: { date: 'Datum', category: 'Brottstyp' } };
const withId = { ...base, columns: { id: 'Id', date: 'Datum', category: 'Brottstyp' } };

describe('rows already loaded are recognised within their source', () => {
  let runner: Runner;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());
  const rowsOf = async (source: string) => (await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE source = '${source}'`))[0].n;

  it('imports a second source whose rows equal the first one\'s (date and category only), and says so', async () => {
    const rows = ['Datum;Brottstyp', '2026-03-01;Skadegörelse', '2026-03-01;Skadegörelse', '2026-03-02;Klotter', '2026-03-03;Stöld'];
    const first = await importBytes(runner, enc(rows), SEMICOLON, { ...dateAndCategory, source: 'Skolornas rapporter' });
    expect(first.imported).toBe(4);
    expect(first.sameAsOtherSources).toBeUndefined();
    // Another system, four rows, three of them equal to the first source's: all four are this source's reports.
    const second = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01;Skadegörelse', '2026-03-02;Klotter', '2026-03-03;Stöld', '2026-03-04;Stöld']), SEMICOLON, { ...dateAndCategory, source: 'Fastighetsbolaget' });
    expect(second.imported).toBe(4);
    expect(second.rejected).toEqual([]);
    expect(second.sameAsOtherSources).toEqual({ rows: 3, sources: ['Skolornas rapporter'], source: 'Fastighetsbolaget' });
    // Counted as equal rows are counted within a source: three equal rows against the other source's two are two.
    const third = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01;Skadegörelse', '2026-03-01;Skadegörelse', '2026-03-01;Skadegörelse']), SEMICOLON, { ...dateAndCategory, source: 'Trygghetsvärdar' });
    expect(third.sameAsOtherSources).toEqual({ rows: 2, sources: ['Fastighetsbolaget', 'Skolornas rapporter'], source: 'Trygghetsvärdar' });
    expect(await rowsOf('Skolornas rapporter')).toBe(4);
    expect(await rowsOf('Fastighetsbolaget')).toBe(4);
    // The second source's file again: all already loaded, within that source; nothing said about the other one.
    const again = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01;Skadegörelse', '2026-03-02;Klotter', '2026-03-03;Stöld', '2026-03-04;Stöld']), SEMICOLON, { ...dateAndCategory, source: 'Fastighetsbolaget' });
    expect(again.imported).toBe(0);
    expect(again.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'already-loaded'], [3, 'already-loaded'], [4, 'already-loaded'], [5, 'already-loaded']]);
    expect(again.sameAsOtherSources).toBeUndefined();
    expect(await rowsOf('Trygghetsvärdar')).toBe(3);
  });

  it('counts equal rows without an id: the next export\'s extra equal row is a new event, the ones the source has are not', async () => {
    // One theft at 10:00 in the first export; the next export (overlapping) has it and a second equal one, reported later.
    const first = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01 10:00;Stöld', '2026-03-02 11:00;Rån']), SEMICOLON, { ...dateAndCategory, source: 'Kommunen' });
    expect(first.imported).toBe(2);
    const next = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01 10:00;Stöld', '2026-03-01 10:00;Stöld', '2026-03-02 11:00;Rån', '2026-03-05 09:00;Stöld']), SEMICOLON, { ...dateAndCategory, source: 'Kommunen' });
    expect(next.imported).toBe(2);
    // The first of the equal rows (by line) is the one the source has; the row with two equal lines keeps one.
    expect(next.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'already-loaded'], [4, 'already-loaded']]);
    expect(await rowsOf('Kommunen')).toBe(4);
    // That export again: nothing new (the source has the theft twice now).
    const again = await importBytes(runner, enc(['Datum;Brottstyp', '2026-03-01 10:00;Stöld', '2026-03-01 10:00;Stöld', '2026-03-02 11:00;Rån', '2026-03-05 09:00;Stöld']), SEMICOLON, { ...dateAndCategory, source: 'Kommunen' });
    expect(again.imported).toBe(0);
    expect(again.rejected).toHaveLength(4);
    expect(await rowsOf('Kommunen')).toBe(4);
  });

  it('keeps two systems\' equal ids apart (case numbers that both run 1, 2, 3), and names the sources whose rows a file\'s rows equal', async () => {
    await importBytes(runner, enc(['Id;Datum;Brottstyp', '1;2026-01-01;Stöld', '2;2026-01-02;Rån']), SEMICOLON, { ...withId, source: 'Kommun A' });
    await importBytes(runner, enc(['Id;Datum;Brottstyp', '2;2026-02-01;Klotter', '3;2026-02-02;Hot']), SEMICOLON, { ...withId, source: 'Kommun B' });
    const third = await importBytes(runner, enc(['Id;Datum;Brottstyp', '1;2026-03-01;Stöld', '2;2026-03-02;Stöld', '3;2026-03-03;Stöld', '4;2026-03-04;Stöld']), SEMICOLON, { ...withId, source: 'Kommun C' });
    expect(third.imported).toBe(4);
    // Equal ids with other values are no sign of the same rows: nothing said (helper-54: "2 rader är lika" beside rows
    // that shared only their ids, with a remedy that would have dropped them).
    expect(third.sameAsOtherSources).toBeUndefined();
    // Equal values are, whatever the id: counted, with every source that has them.
    const fourth = await importBytes(runner, enc(['Id;Datum;Brottstyp', 'x;2026-01-01;Stöld', 'y;2026-02-01;Klotter', 'z;2026-06-01;Rån']), SEMICOLON, { ...withId, source: 'Kommun D' });
    expect(fourth.sameAsOtherSources).toEqual({ rows: 2, sources: ['Kommun A', 'Kommun B'], source: 'Kommun D' });
    // Within a source an id is still one row.
    const again = await importBytes(runner, enc(['Id;Datum;Brottstyp', '1;2026-05-01;Stöld', '5;2026-05-05;Stöld']), SEMICOLON, { ...withId, source: 'Kommun A' });
    expect(again.imported).toBe(1);
    expect(again.rejected.map((r) => [r.line, r.reason, r.value])).toEqual([[2, 'already-loaded', '1']]);
    // …and a row under a known id with other values (here the date) is kept as stored, and said.
    expect(again.changedUnderSameId).toEqual({ rows: 1, ids: ['1'] });
    const same = await importBytes(runner, enc(['Id;Datum;Brottstyp', '2;2026-01-02;Rån']), SEMICOLON, { ...withId, source: 'Kommun A' });
    expect(same.rejected.map((r) => r.reason)).toEqual(['already-loaded']);
    expect(same.changedUnderSameId).toBeUndefined();
    expect(await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents')).toEqual([{ n: 12 }]);
  });

  it('recognises the same rows under another id mapping only within the source', async () => {
    const bytes = enc(['Id;Datum;Brottstyp', 'A1;2026-03-01;Stöld', 'A2;2026-03-02;Rån']);
    expect((await importBytes(runner, bytes, SEMICOLON, { ...dateAndCategory, source: 'Export' })).imported).toBe(2);
    const other = await importBytes(runner, bytes, SEMICOLON, { ...withId, source: 'Annan källa' });
    expect(other.imported).toBe(2);
    const same = await importBytes(runner, bytes, SEMICOLON, { ...withId, source: 'Export' });
    expect(same.imported).toBe(0);
    expect(same.rejected.map((r) => r.reason)).toEqual(['same-content-loaded', 'same-content-loaded']);
  });

  describe('the same export again with another column mapping (helper-56: 47 + 47 rows, no word)', () => {
    const file = enc([
      'Datum;Brottstyp;Plats;N;E',
      '2026-03-01 10:00;Stöld;Torget;59,33;18,06',
      '2026-03-01 10:00;Stöld;Torget;59,33;18,06',
      '2026-03-01 10:00;Stöld;Skolan;59,34;18,07',
      '2026-03-02 22:15;Rån;;59,35;18,08',
      '2026-03-03 09:00;Klotter;Parken;;',
    ]);
    const wgs = { crs: 'EPSG:4326' as const, order: 'north-east' as const };
    const bare = { ...base, columns: { date: 'Datum', category: 'Brottstyp' }, source: 'Polisen' };
    const placed = { ...base, columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats' }, source: 'Polisen' };
    const positioned = { ...base, coordinates: wgs, columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats', north: 'N', east: 'E' }, source: 'Polisen' };

    // Both directions, fewer fields then more and more then fewer: each later import adds nothing and says which
    // fields were read by one import only. A row equal value for value (its extra field empty) is already loaded.
    const E = 'same-event-loaded';
    const A = 'already-loaded';
    it.each([
      ['Plats mapped the second time', bare, placed, ['place'], [E, E, E, A, E]],
      ['Plats unmapped the second time', placed, bare, ['place'], [E, E, E, A, E]],
      ['positions mapped the second time', placed, positioned, ['position'], [E, E, E, E, A]],
      ['Plats and positions mapped the second time', bare, positioned, ['place', 'position'], [E, E, E, E, E]],
    ] as const)('%s', async (_name, first, second, fields, reasons) => {
      expect((await importBytes(runner, file, SEMICOLON, first)).imported).toBe(5);
      const again = await importBytes(runner, file, SEMICOLON, second);
      expect(again.imported).toBe(0);
      expect(again.rejected.map((r) => [r.line, r.reason])).toEqual(reasons.map((reason, i) => [i + 2, reason]));
      expect(again.sameEventsOtherFields).toEqual({ rows: reasons.filter((r) => r === E).length, fields });
      expect(await rowsOf('Polisen')).toBe(5);
    });

    it('imports the events the source does not have, counting equal events as the value-for-value check does', async () => {
      await importBytes(runner, file, SEMICOLON, bare);
      // The next export with places: the two thefts at the torget (the source has three thefts at 10:00, so all three
      // lines are known), a third theft at 10:00 (the source has three: new), and a new event.
      const next = enc([
        'Datum;Brottstyp;Plats',
        '2026-03-01 10:00;Stöld;Torget', '2026-03-01 10:00;Stöld;Torget', '2026-03-01 10:00;Stöld;Skolan', '2026-03-01 10:00;Stöld;Stationen',
        '2026-03-04 12:00;Stöld;Torget',
      ]);
      const again = await importBytes(runner, next, SEMICOLON, placed);
      expect(again.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'same-event-loaded'], [3, 'same-event-loaded'], [4, 'same-event-loaded']]);
      expect(again.imported).toBe(2);
      expect(again.sameEventsOtherFields).toEqual({ rows: 3, fields: ['place'] });
      expect(await rowsOf('Polisen')).toBe(7);
    });

    it('keeps two events apart when a field both imports read differs, and looks only within the source', async () => {
      await importBytes(runner, file, SEMICOLON, placed);
      // Positions read this time; Plats read both times and differs on one row (a corrected place): that row is new.
      const moved = enc(['Datum;Brottstyp;Plats;N;E', '2026-03-03 09:00;Klotter;Parken;;', '2026-03-02 22:15;Rån;Bron;59,35;18,08']);
      const again = await importBytes(runner, moved, SEMICOLON, positioned);
      expect(again.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'already-loaded']]);
      expect(again.imported).toBe(1);
      expect(again.sameEventsOtherFields).toBeUndefined();
      const other = await importBytes(runner, file, SEMICOLON, { ...bare, source: 'Kommunen' });
      expect(other.imported).toBe(5);
      expect(other.sameEventsOtherFields).toBeUndefined();
    });

    it('recognises interventions by start and type the same way (Ansvarig mapped the second time)', async () => {
      const activities = enc(['Datum;Aktivitet;Ansvarig', '2026-03-01 18:00;Trygghetsvandring;Kommunen', '2026-03-02 20:00;Fältarbete;Polisen']);
      const interventions = { ...base, target: 'interventions' as const, source: 'Kommunen' };
      await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { date: 'Datum', type: 'Aktivitet' } });
      const again = await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { date: 'Datum', type: 'Aktivitet', organisation: 'Ansvarig' } });
      expect(again.imported).toBe(0);
      expect(again.sameEventsOtherFields).toEqual({ rows: 2, fields: ['organisation'] });
    });

    it('recognises the events when an id column is mapped one time and positions the other, either way round (helper-58: 20 + 13)', async () => {
      const withIds = enc([
        'Ärendenr;Datum;Brottstyp;Plats;N;E',
        'K1;2026-03-01 10:00;Stöld;Torget;59,33;18,06', 'K2;2026-03-01 10:00;Stöld;Torget;59,33;18,06', 'K3;2026-03-01 10:00;Stöld;Skolan;59,34;18,07',
        'K4;2026-03-02 22:15;Rån;;59,35;18,08', 'K5;2026-03-03 09:00;Klotter;Parken;;',
      ]);
      const ids = { ...base, columns: { id: 'Ärendenr', date: 'Datum', category: 'Brottstyp', place: 'Plats' }, source: 'Polisen' };
      // No id, positions read; then ids read, positions not.
      expect((await importBytes(runner, withIds, SEMICOLON, positioned)).imported).toBe(5);
      const again = await importBytes(runner, withIds, SEMICOLON, ids);
      expect(again.imported).toBe(0);
      expect(again.sameEventsOtherFields).toEqual({ rows: 4, fields: ['position'] });
      expect(again.rejected.map((r) => r.reason)).toEqual([E, E, E, E, 'same-content-loaded']);
      expect(await rowsOf('Polisen')).toBe(5);
      // The other way round, in a new source: ids read without positions first, then no id with positions.
      await importBytes(runner, withIds, SEMICOLON, { ...ids, source: 'Kommunen' });
      const back = await importBytes(runner, withIds, SEMICOLON, { ...positioned, source: 'Kommunen' });
      expect(back.imported).toBe(0);
      expect(back.sameEventsOtherFields).toEqual({ rows: 4, fields: ['position'] });
      expect(await rowsOf('Kommunen')).toBe(5);
      // Both with ids: the ids decide, as before (rows already loaded by id, their other values said).
      const both = await importBytes(runner, withIds, SEMICOLON, { ...ids, coordinates: wgs, columns: { ...ids.columns, north: 'N', east: 'E' }, source: 'Kommunen' });
      expect(both.imported).toBe(0);
      expect(both.rejected.map((r) => r.reason)).toEqual(Array(5).fill('already-loaded'));
    });

    it('recognises the events when the time column is mapped one time and not the other, and an intervention\'s end (helper-59)', async () => {
      const timed = enc(['Datum;Tid;Brottstyp;Underkategori;Plats', '2026-03-01;10:15;Stöld;Cykel;Torget', '2026-03-02;22:40;Rån;Väska;Parken']);
      const withTime = { ...base, columns: { date: 'Datum', time: 'Tid', category: 'Brottstyp', subcategory: 'Underkategori', place: 'Plats' }, source: 'T' };
      const withoutTime = { ...withTime, columns: { date: 'Datum', category: 'Brottstyp', subcategory: 'Underkategori', place: 'Plats' } };
      await importBytes(runner, timed, SEMICOLON, withTime);
      const again = await importBytes(runner, timed, SEMICOLON, withoutTime);
      expect(again.imported).toBe(0);
      expect(again.sameEventsOtherFields).toEqual({ rows: 2, fields: ['time'] });
      await importBytes(runner, timed, SEMICOLON, { ...withoutTime, source: 'U' });
      const back = await importBytes(runner, timed, SEMICOLON, { ...withTime, source: 'U' });
      expect(back.imported).toBe(0);
      expect(back.sameEventsOtherFields).toEqual({ rows: 2, fields: ['time'] });
      // Another time on the same day, both imports reading times: another event.
      const later = await importBytes(runner, enc(['Datum;Tid;Brottstyp;Underkategori;Plats', '2026-03-01;11:15;Stöld;Cykel;Torget']), SEMICOLON, withTime);
      expect(later.imported).toBe(1);
      // Interventions: start time and end date mapped the second time.
      const activities = enc(['Startdatum;Tid;Slutdatum;Insats;Område', '2026-03-01;18:00;2026-03-01;Trygghetsvandring;Centrum', '2026-03-02;20:00;2026-03-03;Fältarbete;Norr']);
      const interventions = { ...base, target: 'interventions' as const, source: 'I' };
      await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { date: 'Startdatum', type: 'Insats', area: 'Område' } });
      const full = await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { date: 'Startdatum', time: 'Tid', end_date: 'Slutdatum', type: 'Insats', area: 'Område' } });
      expect(full.imported).toBe(0);
      expect(full.sameEventsOtherFields).toEqual({ rows: 2, fields: ['time', 'end_date'] });
    });

    it('says nothing new when both imports read the same fields', async () => {
      await importBytes(runner, file, SEMICOLON, placed);
      const again = await importBytes(runner, file, SEMICOLON, placed);
      expect(again.rejected.map((r) => r.reason)).toEqual(Array(5).fill('already-loaded'));
      expect(again.sameEventsOtherFields).toBeUndefined();
    });
  });

  it('counts equal rows across an id mapping as it counts them within one (helper-59: K1 and K2 both rejected against one stored row)', async () => {
    const noId = enc(['Datum;Brottstyp;Plats', '2026-03-01;Stöld;Centrum', '2026-03-02;Rån;Norr']);
    const withIds = enc(['Ärendenr;Datum;Brottstyp;Plats', 'K1;2026-03-01;Stöld;Centrum', 'K2;2026-03-01;Stöld;Centrum', 'K3;2026-03-02;Rån;Norr']);
    const bare = { ...base, columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats' } };
    const ids = { ...base, columns: { id: 'Ärendenr', date: 'Datum', category: 'Brottstyp', place: 'Plats' } };
    await importBytes(runner, noId, SEMICOLON, { ...bare, source: 'P' });
    const next = await importBytes(runner, withIds, SEMICOLON, { ...ids, source: 'P' });
    expect(next.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'same-content-loaded'], [4, 'same-content-loaded']]);
    expect(next.imported).toBe(1);
    // The other way round: the ids first, then the theft three times without ids (the source has two).
    await importBytes(runner, withIds, SEMICOLON, { ...ids, source: 'Q' });
    const three = await importBytes(runner, enc(['Datum;Brottstyp;Plats', '2026-03-01;Stöld;Centrum', '2026-03-01;Stöld;Centrum', '2026-03-01;Stöld;Centrum']), SEMICOLON, { ...bare, source: 'Q' });
    expect(three.imported).toBe(1);
    expect(three.rejected.map((r) => r.line)).toEqual([2, 3]);
  });

  describe('the same events exported again in another coordinate system (a tester: every row stored twice)', () => {
    // SWEREF 99 TM in whole metres, the police's form; the same points in WGS 84 with six decimals, by proj4 (an
    // independent transformation, not the app's own inverse).
    const SWEREF = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    const points = [[6580822, 674032], [6580822, 674032], [6581500, 675000], [7316000, 923000]] as const;
    const wgs = (n: number, e: number, digits = 6) => proj4(SWEREF, 'EPSG:4326', [e, n]).map((v) => v.toFixed(digits).replace('.', ',')).reverse();
    const rows = ['2026-03-01 10:00;Stöld;Torget', '2026-03-01 10:00;Stöld;Torget', '2026-03-01 11:00;Rån;Parken', '2026-03-02 09:00;Klotter;Skolan'];
    const sweref = enc(['Id;Datum;Brottstyp;Plats;N;E', ...rows.map((r, i) => `K${i + 1};${r};${points[i][0]};${points[i][1]}`)]);
    const degrees = (shift = 0, digits = 6) => enc(['Id;Datum;Brottstyp;Plats;Lat;Lon', ...rows.map((r, i) => `K${i + 1};${r};${wgs(points[i][0] + shift, points[i][1], digits).join(';')}`)]);
    const inMetres = { ...base, coordinates: { crs: 'EPSG:3006' as const, order: 'north-east' as const }, columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats', north: 'N', east: 'E' }, source: 'Polisen' };
    const inDegrees = { ...base, coordinates: { crs: 'EPSG:4326' as const, order: 'north-east' as const }, columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats', north: 'Lat', east: 'Lon' }, source: 'Polisen' };

    it('recognises them within 2 m, counted as equal rows are, and says so', async () => {
      expect((await importBytes(runner, sweref, SEMICOLON, inMetres)).imported).toBe(4);
      const again = await importBytes(runner, degrees(), SEMICOLON, inDegrees);
      expect(again.imported).toBe(0);
      expect(again.rejected.map((r) => [r.line, r.reason, r.column])).toEqual([2, 3, 4, 5].map((line) => [line, 'same-event-nearby', 'Lat / Lon']));
      expect(again.rejected[0].value).toBe(wgs(...points[0]).join(' / '));
      expect(again.sameEventsNearby).toEqual({ rows: 4, metres: 2 });
      expect(again.sameEventsOtherFields).toBeUndefined();
      expect(await rowsOf('Polisen')).toBe(4);
      // A third theft at the spot, in the next export: a new event (the source has two).
      const third = await importBytes(runner, enc(['Datum;Brottstyp;Plats;Lat;Lon', `2026-03-01 10:00;Stöld;Torget;${wgs(...points[0]).join(';')}`, `2026-03-01 10:00;Stöld;Torget;${wgs(...points[0]).join(';')}`, `2026-03-01 10:00;Stöld;Torget;${wgs(...points[0]).join(';')}`]), SEMICOLON, inDegrees);
      expect(third.imported).toBe(1);
      expect(third.rejected.map((r) => r.line)).toEqual([2, 3]);
    });

    it('keeps events 5 m apart as two, and decides rows with ids on both sides by their ids without calling them changed', async () => {
      await importBytes(runner, sweref, SEMICOLON, inMetres);
      const moved = await importBytes(runner, degrees(5), SEMICOLON, inDegrees);
      expect(moved.imported).toBe(4);
      expect(moved.sameEventsNearby).toBeUndefined();
      const withIds = { ...inMetres, columns: { ...inMetres.columns, id: 'Id' }, source: 'Ärenden' };
      await importBytes(runner, sweref, SEMICOLON, withIds);
      // Five decimals (about a metre): the positions differ from the stored ones, by less than 2 m.
      const again = await importBytes(runner, degrees(0, 5), SEMICOLON, { ...inDegrees, columns: { ...inDegrees.columns, id: 'Id' }, source: 'Ärenden' });
      expect(again.rejected.map((r) => r.reason)).toEqual(Array(4).fill('already-loaded'));
      expect(again.changedUnderSameId).toBeUndefined();
      // Moved 5 m under the same id: a changed row, said.
      const shifted = await importBytes(runner, degrees(5), SEMICOLON, { ...inDegrees, columns: { ...inDegrees.columns, id: 'Id' }, source: 'Ärenden' });
      expect(shifted.changedUnderSameId?.rows).toBe(4);
    });
  });

  it('says an intervention\'s end date read the second time, which the rows\' values leave out (helper-60: "already loaded", no word)', async () => {
    const activities = enc(['Startdatum;Slutdatum;Insats;Område', '2026-03-01 18:00;2026-03-01;Trygghetsvandring;Centrum', '2026-03-02 20:00;2026-03-03;Fältarbete;Norr', '2026-03-04 20:00;;Fältarbete;Norr']);
    const interventions = { ...base, target: 'interventions' as const, source: 'I', columns: { date: 'Startdatum', type: 'Insats', area: 'Område' } };
    await importBytes(runner, activities, SEMICOLON, interventions);
    const withEnd = await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { ...interventions.columns, end_date: 'Slutdatum' } });
    expect(withEnd.imported).toBe(0);
    expect(withEnd.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'same-event-loaded'], [3, 'same-event-loaded'], [4, 'already-loaded']]);
    expect(withEnd.sameEventsOtherFields).toEqual({ rows: 2, fields: ['end_date'] });
    // The other way round loses nothing (the stored rows keep their ends): already loaded, nothing to say.
    await importBytes(runner, activities, SEMICOLON, { ...interventions, columns: { ...interventions.columns, end_date: 'Slutdatum' }, source: 'J' });
    const withoutEnd = await importBytes(runner, activities, SEMICOLON, { ...interventions, source: 'J' });
    expect(withoutEnd.rejected.map((r) => r.reason)).toEqual(Array(3).fill('already-loaded'));
    expect(withoutEnd.sameEventsOtherFields).toBeUndefined();
  });

  it('replaces without looking for rows already loaded', async () => {
    const bytes = enc(['Datum;Brottstyp', '2026-03-01;Stöld']);
    await importBytes(runner, bytes, SEMICOLON, { ...dateAndCategory, source: 'A' });
    const replaced = await importBytes(runner, bytes, SEMICOLON, { ...dateAndCategory, mode: 'replace', source: 'A' });
    expect(replaced.imported).toBe(1);
    expect(replaced.sameAsOtherSources).toBeUndefined();
  });
});
