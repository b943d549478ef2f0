// Points belong to areas: the point-in-polygon lookup on shapes whose answer is plain arithmetic (rectangles,
// a hole, a MultiPolygon), and the assignment in native DuckDB: the file's own area wins, points in no area
// are 'outside', the finest area kind is used, and a change to the areas makes the assignments again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AreaCombinations, assignAreas, placeInAreas } from '../../src/data/area-assignment';
import { areaRowsFromGeoJson } from '../../src/data/area-features';
import { undoImport } from '../../src/data/import-history';
import { importAreas } from '../../src/data/import/import-areas';
import { areaNamesAtInsertSql, ownOnlyAreaNamesSql } from '../../src/data/area-assignment.query';
import { areaTokenSql, encodeAreaNamesSql, inAreasSql, rowsPerAreaSql } from '../../src/data/area-membership.query';
import { goalPerAreaQuery, goalRowsQuery } from '../../src/analysis/goals/goals.query';
import type { GoalDefinition } from '../../src/data/tables';
import { areaCountsSql, areasAlsoElsewhereSql } from '../../src/features/lagesbild/lagesbild.query';
import { areaPrioritySql } from '../../src/features/map/area-priority.query';
import { areaCountsQuery, outsideKindCountQuery } from '../../src/features/map/map.query';
import { AREA_COUNTS } from '../../src/features/overview/overview.query';
import { areaLookup, type AreaShape } from '../../src/lib/geo/area-lookup';
import { createSchemaRunner } from '../../scripts/node-runner';

const rect = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
// Centrum: 16.80–16.82 × 59.95–59.97 with a hole 16.805–16.81 × 59.955–59.96 (a park, say).
const centrum: AreaShape = { type: 'Polygon', coordinates: [rect(16.8, 59.95, 16.82, 59.97), rect(16.805, 59.955, 16.81, 59.96)] };
// Öar: two islands.
const islands: AreaShape = { type: 'MultiPolygon', coordinates: [[rect(16.9, 59.9, 16.91, 59.91)], [rect(16.95, 59.95, 16.96, 59.96)]] };
// The whole kommun, containing both.
const kommun: AreaShape = { type: 'Polygon', coordinates: [rect(16.5, 59.5, 17.5, 60.5)] };

describe('areaLookup', () => {
  const lookup = areaLookup([centrum, islands]);
  it('finds the area by arithmetic on rectangles, honouring holes and every part of a MultiPolygon', () => {
    const inside = (x: number, y: number, [w, s, e, n]: number[]) => x >= w && x <= e && y >= s && y <= n;
    // A grid of points over the whole scene, each judged by plain comparisons.
    for (let x = 16.79; x <= 16.97; x += 0.0013) {
      for (let y = 59.89; y <= 59.98; y += 0.0011) {
        const inCentrum = inside(x, y, [16.8, 59.95, 16.82, 59.97]) && !(x > 16.805 && x < 16.81 && y > 59.955 && y < 59.96);
        const onIsland = inside(x, y, [16.9, 59.9, 16.91, 59.91]) || inside(x, y, [16.95, 59.95, 16.96, 59.96]);
        expect(lookup.find(x, y), `${x},${y}`).toBe(inCentrum ? 0 : onIsland ? 1 : -1);
      }
    }
  });
  it('prefers the smaller of two overlapping areas, whatever their order', () => {
    expect(areaLookup([kommun, centrum]).find(16.815, 59.965)).toBe(1);
    expect(areaLookup([centrum, kommun]).find(16.815, 59.965)).toBe(0);
    expect(areaLookup([]).find(16.815, 59.965)).toBe(-1);
  });
  it('finds the nearest area within a distance (km, geodesic), the containing one first', () => {
    const l = areaLookup([kommun, centrum]);
    // 1° of longitude at 59.96° N is 111,2 × cos(59.96°) ≈ 55,6 km: 0,054° east of the kommun's edge is ~3,0 km.
    expect(l.nearest(17.5 + 0.054, 60, 5)).toBe(0);
    expect(l.nearest(17.5 + 0.054, 60, 2.9)).toBe(-1);
    expect(l.nearest(17.5 + 0.144, 60, 5)).toBe(-1); // ~8 km
    expect(l.nearest(16.815, 59.965, 5)).toBe(1); // inside Centrum (inside the kommun too: the smaller wins)
    // Between two areas: the nearer edge. West of the kommun by ~1 km, east of a square farther west by ~2 km.
    const west: AreaShape = { type: 'Polygon', coordinates: [rect(16.3, 59.9, 16.5 - 0.054, 60.1)] };
    expect(areaLookup([west, kommun]).nearest(16.5 - 0.018, 60, 5)).toBe(1);
    expect(areaLookup([]).nearest(16.5, 60, 5)).toBe(-1);
  });
});

describe('AreaCombinations', () => {
  it('numbers each combination of areas once and lists its members by area_index number', () => {
    // Kinds of 3, 2 and 4 areas, starting at area_index 0, 3 and 5.
    const combos = new AreaCombinations([3, 2, 4]);
    const seen = [[0, 1, 3], [2, -1, 0], [0, 1, 3], [-1, -1, -1], [2, 1, 0], [2, -1, 0]].map((f) => combos.idOf(Int32Array.from(f)));
    expect(seen).toEqual([0, 1, 0, 2, 3, 1]);
    const { combo, idx } = combos.members([0, 3, 5]);
    const byCombo = new Map<number, number[]>();
    combo.forEach((c, i) => byCombo.set(c, [...(byCombo.get(c) ?? []), idx[i]]));
    expect(Object.fromEntries(byCombo)).toEqual({ 0: [0, 4, 8], 1: [2, 5], 3: [2, 4, 5] });
  });
  it('refuses kinds whose combinations cannot be numbered exactly', () => {
    expect(() => new AreaCombinations([1e6, 1e6, 1e6])).toThrow();
  });
});

describe('assignAreas in DuckDB', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());

  const addArea = (name: string, kind: string, shape: AreaShape) => {
    const ring = (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates).flat(2) as unknown as number[][];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    return runner.rows('INSERT INTO areas (name, kind, population, geometry, min_lon, min_lat, max_lon, max_lat, source) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)', [name, kind, JSON.stringify(shape), Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), 'test']);
  };
  const addIncident = (id: string, lon: number | null, lat: number | null, area: string | null, precision = 'point') =>
    runner.rows(`INSERT INTO incidents (id, occurred_at, category, lat, lon, location_precision, area, source, epoch_day) VALUES (?, TIMESTAMP '2026-01-01', 'Stöld', ?, ?, ?, ?, 't', 0)`, [id, lat, lon, precision, area]);
  const areas = async () => Object.fromEntries((await runner.rows<{ id: string; area: string | null; how: string | null }>('SELECT id, area, area_assignment AS how FROM incidents ORDER BY id')).map((r) => [r.id, `${r.area ?? '–'}/${r.how ?? 'file'}`]));

  it('gives points the finest kind’s area that contains them; the file’s own area wins; the rest are outside', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Öarna', 'stadsdel', islands);
    await addArea('Exempelkommun', 'kommun', kommun);
    await addIncident('a', 16.815, 59.965, null); // in Centrum
    await addIncident('b', 16.807, 59.957, null); // in Centrum's hole: in no stadsdel
    await addIncident('c', 16.955, 59.955, null); // on the second island
    await addIncident('d', 16.815, 59.965, 'Hamnen'); // the file says Hamnen: kept
    await addIncident('e', null, null, null, 'none'); // no position: untouched
    await addIncident('f', 16.815, 59.965, null, 'area'); // a kommun centre (police events): not a point
    const result = await assignAreas(runner);
    // Every point is tested, d too (its own area names no stadsdel, so Centrum counts it as well: see below).
    expect(result).toEqual({ kind: 'stadsdel', assigned: 3, outside: 1, placed: 6 });
    expect(await areas()).toEqual({ a: 'Centrum/geometry', b: '–/outside', c: 'Öarna/geometry', d: 'Hamnen/file', e: '–/file', f: '–/file' });
    // Nothing left to do: a second run tests no point again.
    expect(await assignAreas(runner)).toEqual({ assigned: 0, outside: 0, placed: 0 });
  });

  it('makes the assignments again when the areas change, and uses the kommun when it is the only kind', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addIncident('a', 16.815, 59.965, null);
    await addIncident('b', 16.7, 59.7, null);
    await assignAreas(runner);
    expect(await areas()).toEqual({ a: 'Centrum/geometry', b: '–/outside' });
    await runner.exec(`DELETE FROM areas`);
    await addArea('Exempelkommun', 'kommun', kommun);
    expect(await assignAreas(runner)).toEqual({ kind: 'kommun', assigned: 2, outside: 0, placed: 2 });
    expect(await areas()).toEqual({ a: 'Exempelkommun/geometry', b: 'Exempelkommun/geometry' });
  });

  it('takes the areas away again when every area is removed: each row keeps only the file’s own area', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Exempelkommun', 'kommun', kommun);
    await addIncident('a', 16.815, 59.965, null); // placed by geometry
    await addIncident('d', 16.815, 59.965, 'Hamnen'); // the file's own area
    await addIncident('e', null, null, 'Centrum', 'none'); // own area that is a loaded stadsdel
    await assignAreas(runner);
    const names = async () => Object.fromEntries((await runner.rows<{ id: string; names: string }>('SELECT id, area_names AS names FROM incidents ORDER BY id')).map((r) => [r.id, r.names]));
    expect(await names()).toEqual({ a: '\u001fkommun\u001eExempelkommun\u001fstadsdel\u001eCentrum\u001f', d: '\u001f\u001eHamnen\u001fkommun\u001eExempelkommun\u001fstadsdel\u001eCentrum\u001f', e: '\u001fstadsdel\u001eCentrum\u001f' });
    await runner.exec('DELETE FROM areas');
    expect(await assignAreas(runner)).toEqual({ assigned: 0, outside: 0, placed: 0 });
    expect(await areas()).toEqual({ a: '–/file', d: 'Hamnen/file', e: 'Centrum/file' });
    expect(await names()).toEqual({ a: '', d: '\u001f\u001eHamnen\u001f', e: '\u001f\u001eCentrum\u001f' });
    // The same as a row inserted while no areas are loaded gets (areaNamesAtInsertSql).
    const [{ atInsert }] = await runner.rows<{ atInsert: string }>(`SELECT ${areaNamesAtInsertSql("'Hamnen'")} AS "atInsert"`);
    expect(atInsert).toBe('\u001f\u001eHamnen\u001f');
  });

  it('writes a row’s own area as its only one exactly as the list of its one token encodes it', async () => {
    // ownOnlyAreaNamesSql builds the text without a list (faster at insert); the list form is the definition.
    const values = ["NULL", "''", "'Hamnen'", "'Gamla stan'", "'Söder' || chr(31) || 'x'", "chr(30) || 'Norr'", "'Österäng'"];
    for (const v of values) {
      const listForm = encodeAreaNamesSql(`CASE WHEN (${v}) IS NULL THEN []::VARCHAR[] ELSE [${areaTokenSql("''", `(${v})`)}] END`);
      const [{ flat, list }] = await runner.rows<{ flat: string; list: string }>(`SELECT ${ownOnlyAreaNamesSql(`(${v})`)} AS flat, ${listForm} AS list`);
      expect(flat, v).toBe(list);
    }
  });

  it('the Översikt’s Områden counts boundaries and the names the rows give of no loaded area (it said 0 beside a Karta listing them)', async () => {
    const counts = async () => (await runner.rows<{ boundaries: number; names_only: number }>(AREA_COUNTS))[0];
    // Only the file's own column: three names (Hamnen twice, one of them on an intervention only), no boundary.
    await addIncident('a', 16.815, 59.965, 'Hamnen');
    await addIncident('b', null, null, 'Söder', 'none');
    await addIncident('c', 16.7, 59.7, null);
    await runner.exec(`INSERT INTO interventions (id, started_at, type, area, source, epoch_day) VALUES ('i', TIMESTAMP '2026-01-01', 'Trygghetsvandring', 'Norr', 't', 0), ('j', TIMESTAMP '2026-01-01', 'Trygghetsvandring', 'Hamnen', 't', 0)`);
    await assignAreas(runner);
    // By hand: the distinct own names of rows with no boundary loaded.
    expect(await counts()).toEqual({ boundaries: 0, names_only: new Set(['Hamnen', 'Söder', 'Norr', 'Hamnen']).size });
    // With boundaries: Centrum and the kommun count as boundaries; Söder, Norr and Hamnen are still names only.
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Exempelkommun', 'kommun', kommun);
    await assignAreas(runner);
    expect(await counts()).toEqual({ boundaries: 2, names_only: 3 });
    // A row naming a loaded area is that area, not a name of its own.
    await addIncident('d', null, null, 'Centrum', 'none');
    await assignAreas(runner);
    expect(await counts()).toEqual({ boundaries: 2, names_only: 3 });
    // Boundaries loaded without a kind have kind '' in `area_names` too: a row placed in one, by its position or by
    // its own name ("hamnen" is the boundary Hamnen), is that boundary, not a name (a tester: 302 against the Karta's 300).
    await runner.exec('DELETE FROM areas');
    await addArea('Centrum', null as unknown as string, centrum);
    await addArea('Hamnen', null as unknown as string, kommun);
    await addIncident('e', null, null, 'hamnen', 'none');
    await assignAreas(runner);
    expect(await counts()).toEqual({ boundaries: 2, names_only: new Set(['Söder', 'Norr']).size });
  });

  it('matches the police’s "Skåne län" and "Stockholms län" to län boundaries named "Skåne" and "Stockholm", never to the kommun (Halland showed 307 of 1 097)', async () => {
    await addArea('Stockholm', 'kommun', { type: 'Polygon', coordinates: [rect(16.7, 59.8, 17.0, 60.1)] });
    await addArea('Stockholm', 'län', kommun);
    await addArea('Skåne', 'län', centrum);
    await addIncident('a', 16.815, 59.965, 'Stockholms län', 'area');
    await addIncident('b', 16.815, 59.965, 'skåne län', 'area');
    await addIncident('c', 16.815, 59.965, 'Stockholm', 'area'); // the police's kommun: the kommun and its län
    await addIncident('d', 16.815, 59.965, 'Stockholms kommun', 'area'); // not a län's name: its own
    await assignAreas(runner);
    const names = Object.fromEntries((await runner.rows<{ id: string; names: string }>('SELECT id, area_names AS names FROM incidents ORDER BY id')).map((r) => [r.id, r.names.split('\u001f').filter(Boolean).map((t) => t.replace('\u001e', ':'))]));
    expect(names).toEqual({ a: ['län:Stockholm'], b: ['län:Skåne'], c: ['kommun:Stockholm', 'län:Stockholm'], d: [':Stockholms kommun'] });
  });

  it('places an area centre (a police event’s kommun) in the coarser kinds only: its län, not the stadsdel it happens to lie in', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Exempelkommun', 'kommun', { type: 'Polygon', coordinates: [rect(16.7, 59.8, 17.0, 60.1)] });
    await addArea('Länet', 'län', kommun);
    // The kommun's centre happens to lie in Centrum.
    await addIncident('k', 16.815, 59.965, 'Exempelkommun', 'area');
    await addIncident('l', 16.815, 59.965, 'Länet', 'area'); // a län-level event: nothing coarser
    await addIncident('u', 16.815, 59.965, 'Okänd kommun', 'area'); // its area is not loaded: its extent is unknown
    await addIncident('p', 16.815, 59.965, null); // a point at the same place: every kind
    await assignAreas(runner);
    const names = Object.fromEntries((await runner.rows<{ id: string; names: string }>('SELECT id, area_names AS names FROM incidents ORDER BY id')).map((r) => [r.id, r.names.split('\u001f').filter(Boolean).map((t) => t.replace('\u001e', ':'))]));
    expect(names).toEqual({
      k: ['kommun:Exempelkommun', 'län:Länet'],
      l: ['län:Länet'],
      p: ['kommun:Exempelkommun', 'stadsdel:Centrum', 'län:Länet'].sort(),
      u: [':Okänd kommun'],
    });
    // Their own area stays theirs; the lägesbild's one-name column is untouched.
    expect(await areas()).toEqual({ k: 'Exempelkommun/file', l: 'Länet/file', p: 'Centrum/geometry', u: 'Okänd kommun/file' });
    // The area filter and the per-kind counts read it: the län holds all four located rows but the unknown one.
    const perArea = await runner.rows<{ kind: string; name: string; n: number }>(`SELECT member_kind AS kind, member_area AS name, count(*)::INTEGER AS n FROM ${rowsPerAreaSql('incidents', 'TRUE')} GROUP BY ALL ORDER BY ALL`);
    expect(perArea).toEqual([
      { kind: '', name: 'Okänd kommun', n: 1 }, { kind: 'kommun', name: 'Exempelkommun', n: 2 }, { kind: 'län', name: 'Länet', n: 3 }, { kind: 'stadsdel', name: 'Centrum', n: 1 },
    ]);
  });

  it('places an area centre just outside a coarser area’s simplified coast in the nearest within 5 km; a point stays outside', async () => {
    // The police's Karlskrona point lies 4 km off a 21-län file's Blekinge (699 of 39 897 events in no län).
    await addArea('Kustkommun', 'kommun', { type: 'Polygon', coordinates: [rect(17.0, 59.8, 17.6, 60.2)] });
    await addArea('Länet', 'län', kommun); // ends at 17.5: the kommun reaches past its simplified coast
    await addArea('Grannlänet', 'län', { type: 'Polygon', coordinates: [rect(17.7, 59.5, 18.5, 60.5)] });
    await addIncident('nära', 17.5 + 0.054, 60, 'Kustkommun', 'area'); // ~3 km outside Länet, ~8 km from Grannlänet
    await addIncident('långt', 17.5 + 0.108, 60, 'Kustkommun', 'area'); // ~6 km outside Länet: a wrong position, more likely
    await addIncident('punkt', 17.5 + 0.054, 60, null); // a real point there: in no län
    await assignAreas(runner);
    const names = Object.fromEntries((await runner.rows<{ id: string; names: string }>('SELECT id, area_names AS names FROM incidents ORDER BY id')).map((r) => [r.id, r.names.split('\u001f').filter(Boolean).map((t) => t.replace('\u001e', ':'))]));
    expect(names).toEqual({
      nära: ['kommun:Kustkommun', 'län:Länet'],
      långt: ['kommun:Kustkommun'],
      punkt: ['kommun:Kustkommun'],
    });
  });

  // The police write "Upplands väsby", "Dals-ed"; the kommun boundaries "Upplands Väsby", "Dals-Ed". Matched exactly,
  // those kommuner showed 0 on the map beside 76 and 9 events (a tester with the real police archive).
  it('matches a row’s own area to a loaded area whatever its case and spaces, and counts it under the boundary’s name', async () => {
    await addArea('Upplands Väsby', 'kommun', { type: 'Polygon', coordinates: [rect(16.7, 59.8, 17.0, 60.1)] });
    await addArea('Länet', 'län', kommun);
    await addIncident('a', 16.815, 59.965, 'Upplands väsby', 'area'); // a police event at the kommun's centre
    await addIncident('b', null, null, 'UPPLANDS  VÄSBY', 'none'); // no position, its own area only
    await addIncident('c', 16.815, 59.965, 'upplands väsby'); // a point with its own area
    await assignAreas(runner);
    const perArea = await runner.rows<{ kind: string; name: string; n: number }>(`SELECT member_kind AS kind, member_area AS name, count(*)::INTEGER AS n FROM ${rowsPerAreaSql('incidents', 'TRUE')} GROUP BY ALL ORDER BY ALL`);
    expect(perArea).toEqual([{ kind: 'kommun', name: 'Upplands Väsby', n: 3 }, { kind: 'län', name: 'Länet', n: 2 }]);
    // The row's own text is kept as written (the lägesbild's one-name column).
    expect(await areas()).toEqual({ a: 'Upplands väsby/file', b: 'UPPLANDS  VÄSBY/file', c: 'upplands väsby/file' });
    // The lägesbild's area table counts them as one area, named as the boundary is (it listed three rows, each named as
    // the file wrote it; helper-63 saw "Upplands väsby" there and "Upplands Väsby" on the Karta), and says no incident
    // also lies in another area for a difference of case alone.
    const day = { from: 0, to: 0 };
    const windows = { current: day, previous: { from: -1, to: -1 }, lastYear: { from: -365, to: -365 } };
    const table = await runner.rows<{ name: string | null; current: number }>(areaCountsSql(windows));
    expect(table.map((r) => [r.name, Number(r.current)])).toEqual([['Upplands Väsby', 3]]);
    const [elsewhere] = await runner.rows<{ also_elsewhere: boolean }>(areasAlsoElsewhereSql(windows, `area_names NOT LIKE '%län%'`));
    expect(elsewhere.also_elsewhere).toBe(false);
    // A name no boundary has is named by its most common spelling.
    await addIncident('d', null, null, 'Kista', 'none');
    await addIncident('e', null, null, 'kista', 'none');
    await addIncident('f', null, null, 'kista', 'none');
    expect((await runner.rows<{ name: string | null; current: number }>(areaCountsSql(windows))).map((r) => [r.name, Number(r.current)])).toEqual([['Upplands Väsby', 3], ['kista', 3]]);
  });

  it('assigns interventions too', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await runner.exec(`INSERT INTO interventions (id, started_at, type, lat, lon, source, epoch_day) VALUES ('i1', TIMESTAMP '2026-01-01', 'Trygghetsvandring', 59.965, 16.815, 't', 0)`);
    await assignAreas(runner);
    expect(await runner.rows('SELECT area, area_assignment AS how FROM interventions')).toEqual([{ area: 'Centrum', how: 'geometry' }]);
  });

  it('keeps the lägesbild’s rows without an area apart: outside the areas, no position, no areas to place in', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addIncident('a', 16.815, 59.965, null); // in Centrum
    await addIncident('b', 16.807, 59.957, null); // in the hole: outside
    await addIncident('c', 16.7, 59.7, null); // outside
    await addIncident('e', null, null, null, 'none'); // no position
    await addIncident('f', 16.815, 59.965, null, 'area'); // a kommun centre only: no position of its own
    await assignAreas(runner);
    const day = { from: 0, to: 0 };
    const rows = await runner.rows<{ name: string | null; without: string | null; current: number }>(areaCountsSql({ current: day, previous: { from: -1, to: -1 }, lastYear: { from: -365, to: -365 } }));
    const counted = Object.fromEntries(rows.map((r) => [r.name ?? `(${r.without})`, Number(r.current)]));
    expect(counted).toEqual({ Centrum: 1, '(outside)': 2, '(unlocated)': 2 });
    // Without any areas loaded, a point is simply without an area ('none'), not "outside".
    await runner.exec('DELETE FROM areas');
    await assignAreas(runner);
    const again = await runner.rows<{ name: string | null; without: string | null; current: number }>(areaCountsSql({ current: day, previous: { from: -1, to: -1 }, lastYear: { from: -365, to: -365 } }));
    expect(Object.fromEntries(again.map((r) => [r.name ?? `(${r.without})`, Number(r.current)]))).toEqual({ '(none)': 3, '(unlocated)': 2 });
  });

  const memberships = async () => Object.fromEntries((await runner.rows<{ id: string; names: string }>(
    `SELECT id, coalesce(area_names, 'NULL') AS names FROM incidents ORDER BY id`)).map((r) => [r.id, r.names.split('\u001f').filter(Boolean).map((t) => t.split('\u001e')[1]).sort().join(',')]));

  it('counts a point in its area of every kind; the file’s own area wins in its own kind only', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Öarna', 'stadsdel', islands);
    await addArea('Exempelkommun', 'kommun', kommun);
    await addIncident('a', 16.815, 59.965, null); // in Centrum and the kommun
    await addIncident('b', 16.807, 59.957, null); // in Centrum's hole: in the kommun only
    await addIncident('d', 16.815, 59.965, 'Hamnen'); // own area that names no loaded area: the geometry still places it
    await addIncident('g', 16.815, 59.965, 'Öarna'); // the file says Öarna (a stadsdel): not also Centrum
    await addIncident('h', null, null, 'Exempelkommun', 'area'); // a police event with only its kommun
    await addIncident('e', null, null, null, 'none');
    await addIncident('z', 18.0, 59.3, null); // outside everything
    await assignAreas(runner);
    expect(await memberships()).toEqual({
      a: 'Centrum,Exempelkommun', b: 'Exempelkommun', d: 'Centrum,Exempelkommun,Hamnen', g: 'Exempelkommun,Öarna',
      h: 'Exempelkommun', e: '', z: '',
    });
    // The single `area` column is unchanged: the finest kind, or the file's own.
    expect(await areas()).toEqual({ a: 'Centrum/geometry', b: '–/outside', d: 'Hamnen/file', e: '–/file', g: 'Öarna/file', h: 'Exempelkommun/file', z: '–/outside' });
    const count = async (names: string[]) => (await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE ${inAreasSql(names.map((name) => ({ name })))}`))[0].n;
    expect(await count(['Exempelkommun'])).toBe(5);
    expect(await count(['Centrum'])).toBe(2);
    expect(await count(['Öarna', 'Hamnen'])).toBe(2);
    expect(await count(["O'Brien"])).toBe(0);
  });

  it('per-area counts of every kind agree with rectangle arithmetic on 400 random points (map, goals, priority)', async () => {
    // Four stadsdelar in a 2 × 2 grid inside kommun A; kommun B beside it, with no stadsdelar.
    const [w, s, mid, e, n] = [16.0, 59.0, 16.1, 16.2, 59.1];
    const stadsdelar = { NV: rect(w, (s + n) / 2, mid, n), NO: rect(mid, (s + n) / 2, e, n), SV: rect(w, s, mid, (s + n) / 2), SO: rect(mid, s, e, (s + n) / 2) };
    for (const [name, ring] of Object.entries(stadsdelar)) await addArea(name, 'stadsdel', { type: 'Polygon', coordinates: [ring] });
    await addArea('A', 'kommun', { type: 'Polygon', coordinates: [rect(w, s, e, n)] });
    await addArea('B', 'kommun', { type: 'Polygon', coordinates: [rect(e, s, 16.4, n)] });
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const expected = new Map<string, number>();
    const bump = (k: string) => expected.set(k, (expected.get(k) ?? 0) + 1);
    for (let i = 0; i < 400; i++) {
      // Never on an edge: the crossing rule's tie-break is not what this test is about.
      const x = 15.95 + Math.round(random() * 500) * 0.001 + 0.0005;
      const y = 58.95 + Math.round(random() * 200) * 0.001 + 0.0005;
      await addIncident(`p${i}`, x, y, null);
      for (const [name, ring] of Object.entries(stadsdelar)) if (x > ring[0][0] && x < ring[1][0] && y > ring[0][1] && y < ring[2][1]) bump(name);
      if (y > s && y < n && x > w && x < e) bump('A');
      if (y > s && y < n && x > e && x < 16.4) bump('B');
    }
    await assignAreas(runner);
    const perArea = Object.fromEntries((await runner.rows<{ name: string; n: number }>(
      `SELECT member_area AS name, count(*)::INTEGER AS n FROM ${rowsPerAreaSql('incidents', 'TRUE')} GROUP BY member_area`)).map((r) => [r.name, r.n]));
    expect(perArea).toEqual(Object.fromEntries(expected));
    // The Karta's choropleth query (Mosaic) over the same rows.
    const map = Object.fromEntries((await runner.rows<{ area: string; n: number }>(areaCountsQuery([]).toString())).map((r) => [r.area, Number(r.n)]));
    expect(map).toEqual(Object.fromEntries(expected));
    // A goal per kommun counts the points the stadsdelar hold too (before: 0 for A and B).
    const goal = { id: 'g', dataset: 'incidents', filter: {}, measure: 'count', per_area: { kommun: 1 } } as unknown as GoalDefinition;
    const goalRows = await runner.rows<{ area: string; actual: number }>(goalPerAreaQuery(goal, { kind: 'count' }, { from: 0, to: 0 }, 0, ['kommun']));
    expect(Object.fromEntries(goalRows.map((r) => [r.area, r.actual]))).toEqual({ A: expected.get('A'), B: expected.get('B') });
    // The rows behind that goal's number are exactly the kommuner's (not the points outside both).
    const behind = await runner.rows(goalRowsQuery(goal, { from: 0, to: 0 }, 0, [], 5000));
    expect(behind).toHaveLength(expected.get('A')! + expected.get('B')!);
    expect((await runner.rows(goalRowsQuery({ ...goal, per_area: null }, { from: 0, to: 0 }, 0, [], 5000))).length).toBeGreaterThan(behind.length);
    // The tertial ranking per kommun, the same.
    const priority = await runner.rows<{ name: string; current: number }>(areaPrioritySql([], 'kommun', { from: 0, to: 0 }, { from: -1, to: -1 }, 500, []));
    expect(Object.fromEntries(priority.map((r) => [r.name, r.current]))).toEqual({ A: expected.get('A'), B: expected.get('B') });
    // The area filter for a kommun takes its stadsdelar' points.
    const [{ n: inA }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE ${inAreasSql([{ name: 'A', kind: 'kommun' }])}`);
    expect(inA).toBe(expected.get('A'));
  });

  it('an areas import places the points in its own transaction, and undoing it takes them out again', async () => {
    await addIncident('a', 16.815, 59.965, null);
    await addIncident('b', 16.7, 59.7, null);
    await assignAreas(runner); // no areas yet: nothing to place in
    expect(await memberships()).toEqual({ a: '', b: '' });
    const file = { type: 'FeatureCollection' as const, features: [
      { type: 'Feature' as const, properties: { namn: 'Centrum', typ: 'stadsdel' }, geometry: centrum },
      { type: 'Feature' as const, properties: { namn: 'Exempelkommun', typ: 'kommun' }, geometry: kommun },
    ] };
    const result = await importAreas(runner, areaRowsFromGeoJson(file as never, 'test'), 2, 'append', false);
    // No assignAreas call: the import did it.
    expect(await memberships()).toEqual({ a: 'Centrum,Exempelkommun', b: 'Exempelkommun' });
    expect(await areas()).toEqual({ a: 'Centrum/geometry', b: '–/outside' });
    await undoImport({ runner }, result.importId!);
    expect(await memberships()).toEqual({ a: '', b: '' });
    expect(await areas()).toEqual({ a: '–/file', b: '–/file' });
  });

  it('places rows written in the same, still open transaction (their rowids start at 2^62, beyond a double)', async () => {
    await addArea('Centrum', 'stadsdel', centrum);
    await addArea('Exempelkommun', 'kommun', kommun);
    await assignAreas(runner);
    await runner.exec('BEGIN TRANSACTION');
    for (let i = 0; i < 40; i++) {
      // Alternating: a point in Centrum, a row with only its own area and no position, a point in the kommun only.
      if (i % 3 === 0) await addIncident(`p${i}`, 16.815, 59.965, null);
      else if (i % 3 === 1) await addIncident(`p${i}`, null, null, 'Lindby', 'none');
      else await addIncident(`p${i}`, 16.7, 59.7, null);
    }
    await placeInAreas(runner);
    await runner.exec('COMMIT');
    const names = await memberships();
    for (let i = 0; i < 40; i++) {
      expect(names[`p${i}`], `p${i}`).toBe(i % 3 === 0 ? 'Centrum,Exempelkommun' : i % 3 === 1 ? 'Lindby' : 'Exempelkommun');
    }
  });

  it('keeps two areas of different kinds with the same name apart (Stockholm the kommun is not Stockholm the län)', async () => {
    // The kommun Samma inside the län Samma, which is larger; a stadsdel named Samma elsewhere inside the län.
    await addArea('Samma', 'kommun', { type: 'Polygon', coordinates: [rect(16.0, 59.0, 16.1, 59.1)] });
    await addArea('Samma', 'län', { type: 'Polygon', coordinates: [rect(15.5, 58.5, 16.5, 59.5)] });
    await addArea('Samma', 'stadsdel', { type: 'Polygon', coordinates: [rect(16.3, 59.3, 16.35, 59.35)] });
    for (let i = 0; i < 2; i++) await addIncident(`k${i}`, 16.05, 59.05, null); // kommun and län
    for (let i = 0; i < 3; i++) await addIncident(`l${i}`, 15.7, 58.7, null); // län only
    await addIncident('s0', 16.32, 59.32, null); // stadsdel and län
    await addIncident('own', null, null, 'Samma', 'area'); // the file says Samma: every kind of that name
    await assignAreas(runner);
    const count = async (kind?: string) => (await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE ${inAreasSql([kind === undefined ? { name: 'Samma' } : { name: 'Samma', kind }])}`))[0].n;
    expect(await count('kommun')).toBe(3);
    expect(await count('län')).toBe(7);
    expect(await count('stadsdel')).toBe(2);
    expect(await count()).toBe(7); // a bare name (an old link): any kind
    const map = (await runner.rows<{ kind: string; area: string; n: number }>(areaCountsQuery([]).toString())).map((r) => `${r.kind}:${r.area}=${Number(r.n)}`).sort();
    expect(map).toEqual(['kommun:Samma=3', 'län:Samma=7', 'stadsdel:Samma=2']);
    // The key sum per area (what public view's noise is keyed on) is its rows' record keys summed, whatever the
    // query adds up first.
    for (const r of await runner.rows<{ kind: string; area: string; key: number }>(areaCountsQuery([]).toString())) {
      const [{ key }] = await runner.rows<{ key: number }>(`SELECT coalesce(sum(record_key), 0)::DOUBLE AS key FROM incidents WHERE ${inAreasSql([{ name: r.area, kind: r.kind }])}`);
      expect(Number(r.key), `${r.kind}:${r.area}`).toBe(key);
    }
    const goal = { id: 'g', dataset: 'incidents', filter: {}, measure: 'count', per_area: { kommun: 1, 'län': 1 } } as unknown as GoalDefinition;
    const goalRows = await runner.rows<{ area: string; kind: string; actual: number }>(goalPerAreaQuery(goal, { kind: 'count' }, { from: 0, to: 0 }, 0, ['kommun', 'län']));
    expect(goalRows.map((r) => `${r.kind}:${r.actual}`)).toEqual(['kommun:3', 'län:7']);
    const priority = await runner.rows<{ name: string; current: number }>(areaPrioritySql([], 'län', { from: 0, to: 0 }, { from: -1, to: -1 }, 500, []));
    expect(priority.map((r) => r.current)).toEqual([7]);
    // The Karta's lines under a kommun table: located incidents in no kommun (l0–l2, s0), and those without a position
    // in none — police events naming only "Samma län" (helper-66: 41 % of them were missing without a word).
    await addIncident('police', null, null, 'Samma län', 'area');
    await assignAreas(runner);
    await runner.rows("UPDATE incidents SET grid_e = 0 WHERE location_precision = 'point'"); // as the import's grid step does
    const outside = async (kind: string) => Object.fromEntries((await runner.rows<{ located: boolean; n: number }>(outsideKindCountQuery(kind)([]).toString())).map((r) => [String(r.located), Number(r.n)]));
    expect(await outside('kommun')).toEqual({ true: 4, false: 1 });
    expect(await outside('län')).toEqual({});
    // Every incident is in a kommun row or one of the two lines.
    const inKommun = (await runner.rows<{ n: number }>(areaCountsQuery([]).toString())).filter((r) => (r as unknown as { kind: string }).kind === 'kommun').reduce((s, r) => s + Number(r.n), 0);
    const [{ all }] = await runner.rows<{ all: number }>('SELECT count(*)::INTEGER AS "all" FROM incidents');
    expect(inKommun + 4 + 1).toBe(all);
  });
});

