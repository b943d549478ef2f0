import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areaRowsFromGeoJson, suggestAreaMapping, type FeatureCollection } from '../../src/data/area-features';
import { importAreas } from '../../src/data/import/import-areas';
import { fromWgs84 } from '../../src/lib/parsing/coordinates';
import { createSchemaRunner } from '../../scripts/node-runner';

// A square around Stockholm's centre, and one around Uppsala's, as a kommun file has them.
const square = (lat: number, lon: number, d = 0.02) => [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
const kommuner: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { kom_namn: 'Stockholm', lan_code: '01' }, geometry: { type: 'Polygon', coordinates: square(59.33, 18.07) } },
    { type: 'Feature', properties: { kom_namn: 'Uppsala', lan_code: '03' }, geometry: { type: 'Polygon', coordinates: square(59.86, 17.64) } },
    { type: 'Feature', properties: { kom_namn: '' }, geometry: { type: 'Polygon', coordinates: square(57.7, 11.97) } },
    { type: 'Feature', properties: { kom_namn: 'Punkt' }, geometry: { type: 'Point', coordinates: [18, 59] } },
    { type: 'Feature', properties: { kom_namn: 'Berlin' }, geometry: { type: 'Polygon', coordinates: square(52.52, 13.4) } },
    { type: 'Feature', properties: { kom_namn: 'Tom' }, geometry: null },
  ],
};

describe('area boundaries', () => {
  let runner: Awaited<ReturnType<typeof createSchemaRunner>>;
  beforeEach(async () => {
    runner = await createSchemaRunner();
  });
  afterEach(() => runner.close());

  it('suggests the name property and reads WGS 84, accounting for every feature', () => {
    const mapping = suggestAreaMapping(kommuner);
    // `kom_namn` names kommuner: the kind is suggested (helper-64 typed it by hand); a plain name suggests none.
    expect(mapping).toMatchObject({ nameKey: 'kom_namn', kindKey: null, fixedKind: 'kommun', crs: 'EPSG:4326', crsAmbiguous: false });
    const plain = { ...kommuner, features: kommuner.features.map((f) => ({ ...f, properties: { namn: 'X' } })) };
    expect(suggestAreaMapping(plain as FeatureCollection)).toMatchObject({ nameKey: 'namn', fixedKind: null });
    const deso = { ...kommuner, features: kommuner.features.map((f) => ({ ...f, properties: { DESO: '0114A0010' } })) };
    expect(suggestAreaMapping(deso as FeatureCollection)).toMatchObject({ nameKey: 'DESO', fixedKind: 'DeSO' });
    const kinded = { ...kommuner, features: kommuner.features.map((f) => ({ ...f, properties: { kom_namn: 'X', typ: 'kommun' } })) };
    expect(suggestAreaMapping(kinded as FeatureCollection)).toMatchObject({ kindKey: 'typ', fixedKind: null });
    // A plain `name` whose values are all län suggests "län" (helper-65: the regions file got no kind); kommun names
    // that are also län names ("Stockholm", "Uppsala") alone do not, nor does a mix.
    const named = (names: string[]) => ({ type: 'FeatureCollection', features: names.map((name) => ({ ...kommuner.features[0], properties: { name } })) }) as FeatureCollection;
    expect(suggestAreaMapping(named(['Gävleborg', 'Stockholm', 'Västra Götaland'])).fixedKind).toBe('län');
    expect(suggestAreaMapping(named(['Gävleborgs län', 'Stockholms län', 'Skåne län'])).fixedKind).toBe('län');
    expect(suggestAreaMapping(named(['Stockholm', 'Uppsala', 'Örebro'])).fixedKind).toBeNull();
    expect(suggestAreaMapping(named(['Stockholms län', 'Uppsala', 'Örebro'])).fixedKind).toBe('län');
    expect(suggestAreaMapping(named(['Gävleborg', 'Sandviken', 'Skåne'])).fixedKind).toBeNull();
    expect(suggestAreaMapping(named(['Gävleborg', 'Skåne'])).fixedKind).toBeNull(); // too few to tell
    const { rows, rejected } = areaRowsFromGeoJson(kommuner, 'kommuner.geojson', { fixedKind: 'kommun' });
    expect(rows.map((r) => [r.name, r.kind])).toEqual([['Stockholm', 'kommun'], ['Uppsala', 'kommun']]);
    expect(rejected).toEqual([
      { line: 3, reason: 'missing-name', column: 'kom_namn', value: '', text: '{"kom_namn":""} · Polygon' },
      { line: 4, reason: 'not-polygon', column: 'geometry', value: 'Point', text: '{"kom_namn":"Punkt"} · Point' },
      { line: 5, reason: 'outside-sweden', text: '{"kom_namn":"Berlin"} · Polygon' },
      { line: 6, reason: 'no-geometry', text: '{"kom_namn":"Tom"} · null' },
    ]);
    expect(rows[0].min_lat).toBeCloseTo(59.31, 6);
  });

  it('rejects an area whose name or kind holds a NUL character, showing it as ␀', () => {
    const nul = (properties: Record<string, string>) => ({ type: 'Feature' as const, properties, geometry: { type: 'Polygon' as const, coordinates: square(59.33, 18.07) } });
    const file: FeatureCollection = { type: 'FeatureCollection', features: [nul({ namn: 'Söder\u0000', typ: 'stadsdel' }), nul({ namn: 'Norr', typ: 'stads\u0000del' }), nul({ namn: '\u0000', typ: 'stadsdel' }), nul({ namn: 'Väst', typ: 'stadsdel' })] };
    const { rows, rejected } = areaRowsFromGeoJson(file, 'delar.geojson', { nameKey: 'namn', kindKey: 'typ' });
    expect(rows.map((r) => r.name)).toEqual(['Väst']);
    expect(rejected.map((r) => [r.line, r.reason, r.column, r.value])).toEqual([
      [1, 'nul-byte', 'namn', 'Söder␀'], [2, 'nul-byte', 'typ', 'stads␀del'], [3, 'nul-byte', 'namn', '␀'],
    ]);
  });

  it('converts SWEREF 99 TM boundaries named by a crs member, and by magnitude when not named', () => {
    const toTm = (c: FeatureCollection): FeatureCollection => ({
      ...c,
      features: c.features.slice(0, 2).map((f) => ({
        ...f,
        geometry: { type: 'Polygon', coordinates: (f.geometry!.coordinates as number[][][]).map((ring) => ring.map(([lon, lat]) => { const p = fromWgs84('EPSG:3006', lat, lon); return [p.east, p.north]; })) },
      })),
    });
    const declared = { ...toTm(kommuner), crs: { properties: { name: 'urn:ogc:def:crs:EPSG::3006' } } };
    expect(suggestAreaMapping(declared)).toMatchObject({ crs: 'EPSG:3006', crsAmbiguous: false });
    const undeclared = toTm(kommuner);
    expect(suggestAreaMapping(undeclared)).toMatchObject({ crs: 'EPSG:3006', crsAmbiguous: false });
    const { rows } = areaRowsFromGeoJson(declared, 'x');
    expect(rows[0].min_lat).toBeCloseTo(59.31, 5);
    expect(rows[0].max_lon).toBeCloseTo(18.09, 5);
  });

  it('appends by name and kind, replaces on request, and never replaces with nothing', async () => {
    const first = areaRowsFromGeoJson(kommuner, 'a', { fixedKind: null }); // no kind (kom_namn would suggest one)
    const once = await importAreas(runner, first, 6, 'append', false);
    expect(once).toMatchObject({ rowsInFile: 6, imported: 2 });
    expect(once.replacedAreas).toBeUndefined();
    // Read again: each area replaced by its new version, by name and kind — listed, for the summary to name them.
    const again = await importAreas(runner, first, 6, 'append', false);
    expect(again).toMatchObject({ imported: 2 });
    expect(again.replacedAreas?.map((a) => a.name).sort()).toEqual(first.rows.map((r) => r.name).sort());
    expect(again.replacedAreas?.every((a) => a.kind === first.rows[0].kind)).toBe(true);
    const count = async () => (await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM areas'))[0].n;
    expect(await count()).toBe(2);
    // Same name, other kind: a new area, not a new version.
    const asLan = areaRowsFromGeoJson(kommuner, 'b', { fixedKind: 'län' });
    await importAreas(runner, asLan, 6, 'append', false);
    expect(await count()).toBe(4);
    await importAreas(runner, asLan, 6, 'append', false);
    expect(await count()).toBe(4);
    // The kind whatever its case and spaces: the same län again, not two more kinds of it.
    for (const typed of ['Län ', ' LÄN', 'län']) {
      const again = await importAreas(runner, areaRowsFromGeoJson(kommuner, 'c', { fixedKind: typed }), 6, 'append', false);
      expect(again.replacedAreas?.map((a) => a.kind)).toEqual(['län', 'län']);
    }
    expect(await count()).toBe(4);
    // Without a kind, names loaded with one (the län): said — each is an area of its own beside the län.
    const bare = await importAreas(runner, areaRowsFromGeoJson(kommuner, 'd', { fixedKind: null, kindKey: null }), 6, 'append', false);
    // (the file's first import had no kind either: those two are replaced, the län ones are named)
    expect(first.rows[0].kind).toBeNull();
    expect(bare.sameNameOtherKind).toEqual(first.rows.map((r) => ({ name: r.name, kind: 'län' })));
    expect(await count()).toBe(4);
    expect((await runner.rows<{ kind: string }>('SELECT DISTINCT kind FROM areas ORDER BY kind')).map((r) => r.kind)).toEqual([first.rows[0].kind, 'län'].sort());
    await expect(importAreas(runner, { rows: [], rejected: [] }, 1, 'replace', false)).rejects.toThrow(/kept/);
    expect(await count()).toBe(4);
    await importAreas(runner, { rows: first.rows.slice(0, 1), rejected: [] }, 1, 'replace', false);
    expect(await count()).toBe(1);
  });
});

describe('area populations (issue 15)', () => {
  const square2 = (lat: number, lon: number, d = 0.02) => [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
  const feature = (name: string, befolkning: unknown) => ({ type: 'Feature' as const, properties: { namn: name, befolkning }, geometry: { type: 'Polygon' as const, coordinates: square2(59.33, 18.07) } });
  it('keeps unknown unknown, reads Swedish numbers, and reports what it cannot read', () => {
    const collection: FeatureCollection = { type: 'FeatureCollection', features: [
      feature('Null', null), feature('Saknas', undefined), feature('Tom', ''), feature('Mellanslag', '12 345'), feature('Hårt mellanslag', '12\u00a0345'),
      feature('Tal', 4200), feature('Text', '4200'), feature('Decimal', '1 234,0'), feature('Noll', 0), feature('Okänt', 'ca 5 tusen'), feature('Negativ', -5),
      feature('Sto\u0308ld\u200b', 1),
      // Tester: "1.234" was stored as 1; dots between thousands are read as such. A negative is said to be one.
      feature('Punkter', '1.234'), feature('Miljon', '12.345.678'), feature('Minus', '−10'), feature('Bråk', '1.5'),
    ] };
    const { rows, notes } = areaRowsFromGeoJson(collection, 'omr.geojson', { fixedKind: 'stadsdel' });
    expect(rows.map((r) => [r.name, r.population])).toEqual([
      ['Null', null], ['Saknas', null], ['Tom', null], ['Mellanslag', 12345], ['Hårt mellanslag', 12345],
      ['Tal', 4200], ['Text', 4200], ['Decimal', 1234], ['Noll', 0], ['Okänt', null], ['Negativ', null], ['Stöld', 1],
      ['Punkter', 1234], ['Miljon', 12345678], ['Minus', null], ['Bråk', 2],
    ]);
    expect(notes).toEqual([
      { line: 10, column: 'befolkning', value: 'ca 5 tusen', problem: 'unreadable-population' },
      { line: 11, column: 'befolkning', value: '-5', problem: 'negative-population' },
      { line: 15, column: 'befolkning', value: '−10', problem: 'negative-population' },
    ]);
  });
});
