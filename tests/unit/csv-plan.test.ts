import { describe, expect, it } from 'vitest';
import { completePlan, outcomeName, planCsv, planTable, rememberable, remembersFor, replan, setMapping } from '../../src/data/import/csv-plan';

const enc = (s: string) => new TextEncoder().encode(s);
function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
}

describe('the import plan', () => {
  it('detects the police Excel export: cp1252, semicolons, comma decimals, SWEREF 99 TM', () => {
    const plan = planCsv(cp1252('Diarienummer;Händelsedatum;Klockslag;Brottstyp;N;E\r\nA1;2026-03-01;22.15;Stöld;6580822;674032\r\nA2;2026-03-02;07.05;Rån;6581000;674100\r\n'));
    expect(plan.encoding).toBe('windows-1252');
    expect(plan.dialect).toMatchObject({ delimiter: ';', header: true, columns: ['Diarienummer', 'Händelsedatum', 'Klockslag', 'Brottstyp', 'N', 'E'] });
    expect(plan.target).toBe('incidents');
    expect(plan.mapping).toMatchObject({ id: 'Diarienummer', date: 'Händelsedatum', time: 'Klockslag', category: 'Brottstyp', north: 'N', east: 'E' });
    expect(plan.decimal).toBe(',');
    expect(plan.coordinates).toEqual({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false });
    expect(plan.previewRows).toHaveLength(2);
  });

  it('detects UTF-16 tab text with WGS 84 in long/lat order and point decimals', () => {
    const text = 'Datum\tKategori\tLong\tLat\n2026-03-01\tStöld\t18.0686\t59.3293\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const plan = planCsv(utf16);
    expect(plan.encoding).toBe('utf-16le');
    expect(plan.dialect.delimiter).toBe('\t');
    expect(plan.decimal).toBe('.');
    expect(plan.mapping).toMatchObject({ north: 'Lat', east: 'Long' });
    expect(plan.coordinates).toMatchObject({ crs: 'EPSG:4326', order: 'north-east' });
  });

  it('asks when coordinates fit both SWEREF 99 TM and a local zone, or fit nothing', () => {
    expect(planCsv(enc('Datum;Typ;X;Y\n2026-03-01;Stöld;6580822;153000\n')).coordinates?.ambiguous).toBe(true);
    expect(planCsv(enc('Datum;Typ;X;Y\n2026-03-01;Stöld;12;13\n')).coordinates).toMatchObject({ ambiguous: true, fitsNone: true });
    // Both fit: not "fits none" (the message differs).
    expect(planCsv(enc('Datum;Typ;X;Y\n2026-03-01;Stöld;6580822;153000\n')).coordinates?.fitsNone).toBeUndefined();
  });

  it('tells the system from the rows after the preview when the preview\'s positions are all empty, and says when no row has one (helper-57)', () => {
    const empty = Array.from({ length: 80 }, (_, i) => `2026-03-01;Stöld ${i};;`);
    // SWEREF 99 TM from row 81 on: decided from them, not asked.
    const later = planCsv(enc(['Datum;Typ;N;E', ...empty, '2026-03-02;Rån;6580822;674032', '2026-03-02;Rån;6581822;675032'].join('\n') + '\n'));
    expect(later.previewRows).toHaveLength(50);
    expect(later.coordinates).toMatchObject({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false });
    // Degrees, found the same way.
    expect(planCsv(enc(['Datum;Typ;N;E', ...empty, '2026-03-02;Rån;59,33;18,06'].join('\n') + '\n')).coordinates).toMatchObject({ crs: 'EPSG:4326', order: 'north-east', ambiguous: false });
    // No pair anywhere: asked, and said as that — not "fits both" nor "fits none".
    const none = planCsv(enc(['Datum;Typ;N;E', ...empty].join('\n') + '\n'));
    expect(none.coordinates).toMatchObject({ ambiguous: true, fitsNone: false, noValues: true });
    expect(none.previewRows.length + none.laterRows!.length).toBe(80);
    expect(none.rowsAllRead).toBe(true);
  });

  it('reads a first row that is data as a row, not as names (helper-56), and keeps headers that only look like dates', () => {
    for (const first of ['2026-03-01;Stöld;Centrum', '2026-03-01 10:00;Stöld;Centrum', '1/3 2026;Stöld;Centrum', '01.03.2026;Stöld;Centrum']) {
      const plan = planCsv(enc([first, '2026-03-02;Rån;Söder', '2026-03-03;Hot;Norr'].join('\n') + '\n'));
      expect(plan.dialect.header, first).toBe(false);
      expect(plan.firstRowIsData, first).toBe(true);
      expect(plan.dialect.columns, first).toEqual(['Kolumn 1', 'Kolumn 2', 'Kolumn 3']);
      expect(plan.previewRows, first).toHaveLength(3);
      // Still without a header after another setting changes, and still said.
      expect(replan(enc(first + '\n2026-03-02;Rån;Söder\n'), plan, { target: 'interventions' }).firstRowIsData, first).toBe(true);
    }
    // Names, even a date as a name over counts (a pivoted table), are a header.
    for (const text of ['Datum;Brottstyp\n2026-03-01;Stöld\n', 'Område;2026-03-01;2026-03-08\nCentrum;5;7\nSöder;2;3\n']) {
      const plan = planCsv(enc(text));
      expect(plan.dialect.header, text).toBe(true);
      expect(plan.firstRowIsData, text).toBeUndefined();
    }
    // Said otherwise by the user: as said.
    expect(planCsv(enc('2026-03-01;Stöld\n2026-03-02;Rån\n'), { header: true }).dialect.header).toBe(true);
  });

  it('previews every row of a file whose lines end in several ways (helper-58: rows merged after a change of kind)', () => {
    for (const [a, b] of [['\r\n', '\n'], ['\n', '\r\n'], ['\r', '\n'], ['\n', '\r'], ['\r\n', '\r']]) {
      const text = ['Id;Datum;Brottstyp', 'P1;2026-03-01;Stöld', 'P2;2026-03-02;"Två' + a + 'rader"'].join(a) + a + ['P3;2026-03-03;Rån', '', 'P4;2026-03-04;Hot'].join(b) + b;
      const plan = planCsv(enc(text));
      expect(plan.previewRows.map((r) => r[0]), JSON.stringify([a, b])).toEqual(['P1', 'P2', 'P3', 'P4']);
      expect(plan.previewRows[1][2]).toBe('Två\nrader');
    }
  });

  it('applies a remembered mapping under the delimiter the file was found to use, with the file\'s own decimal mark (helper-58)', () => {
    const semicolon = planCsv(enc('Datum;Brottstyp;Plats;N;E\n2026-03-01;Stöld;Torget;59,31;18,01\n'));
    const remembered = rememberable(setMapping(semicolon, 'place', undefined));
    const comma = enc('Datum,Brottstyp,Plats,N,E\n2026-03-01,Stöld,Torget,59.31,18.01\n');
    const detected = planCsv(comma).dialect.delimiter;
    expect(detected).toBe(',');
    const plan = planCsv(comma, {}, remembersFor(remembered, detected));
    expect(plan.dialect.columns).toEqual(['Datum', 'Brottstyp', 'Plats', 'N', 'E']);
    expect(plan.mapping.place).toBeUndefined(); // the remembered mapping, not the suggestion
    expect(plan.mapping).toMatchObject({ date: 'Datum', category: 'Brottstyp', north: 'N', east: 'E' });
    expect(plan.decimal).toBe('.');
    // Under the remembered delimiter, all of it applies.
    expect(remembersFor(remembered, ';')).toEqual(remembered);
  });

  it('reads a table\'s text coordinates with decimal commas (Parquet, helper-58), and says when values don\'t read as numbers', () => {
    const table = planTable(['Datum', 'Brottstyp', 'N', 'E'], [['2026-03-01 10:00:00', 'Stöld', '59,31', '18,01'], ['2026-03-02 11:00:00', 'Rån', '', '']]);
    expect(table.decimal).toBe(',');
    expect(table.coordinates).toMatchObject({ crs: 'EPSG:4326', ambiguous: false });
    // Typed numbers (cast to text with a point) keep the point.
    expect(planTable(['Datum', 'Brottstyp', 'N', 'E'], [['2026-03-01 10:00:00', 'Stöld', '59.31', '18.01']]).decimal).toBe('.');
    // Values in both columns that are no numbers: not "no coordinates", but unreadable.
    const words = planCsv(enc('Datum;Brottstyp;N;E\n2026-03-01;Stöld;norr;öster\n'));
    expect(words.coordinates).toMatchObject({ ambiguous: true, noValues: false, unreadable: true });
  });

  it('says when the system from the header or the last import puts the points outside Sweden and the values fit another (helper-58)', () => {
    const header = planCsv(enc('Datum;Brottstyp;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM)\n2026-03-01;Stöld;59,36;18,06\n2026-03-02;Rån;59,33;18,07\n'));
    expect(header.coordinates).toMatchObject({ crs: 'EPSG:3006', named: true, valuesFit: { crs: 'EPSG:4326', order: 'north-east' } });
    const wgs = enc('Datum;Brottstyp;N;E\n2026-03-01;Stöld;59,36;18,06\n2026-03-02;Rån;59,33;18,07\n');
    const sweref = rememberable(planCsv(enc('Datum;Brottstyp;N;E\n2026-03-01;Stöld;6580822;674032\n')));
    expect(planCsv(wgs, {}, sweref).coordinates).toMatchObject({ crs: 'EPSG:3006', valuesFit: { crs: 'EPSG:4326' } });
    // The values inside Sweden under the chosen system: nothing said.
    expect(planCsv(enc('Datum;Brottstyp;N;E\n2026-03-01;Stöld;6580822;674032\n'), {}, sweref).coordinates?.valuesFit).toBeUndefined();
    expect(planCsv(enc('Datum;Brottstyp;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM)\n2026-03-01;Stöld;6580822;674032\n')).coordinates?.valuesFit).toBeUndefined();
  });

  it('says which fields a remembered mapping leaves unmapped that the file\'s columns fit (helper-58: positions lost in the next export)', () => {
    const file = enc('Datum;Brottstyp;Plats;N;E\n2026-03-01;Stöld;Torget;59,33;18,06\n');
    const first = planCsv(file);
    const remembered = rememberable(setMapping(setMapping(first, 'north', undefined), 'east', undefined));
    const next = planCsv(file, {}, remembered);
    expect(next.mapping.north).toBeUndefined();
    expect(next.leftUnmapped).toEqual({ north: 'N', east: 'E' });
    // Nothing to say when the remembered mapping maps what the file has.
    expect(planCsv(file, {}, rememberable(first)).leftUnmapped).toBeUndefined();
  });

  it('takes latitude/longitude headers over degrees as WGS 84 even outside Sweden (tester: an earthquake file was asked "SWEREF 99 TM or a local zone?")', () => {
    for (const [lat, lon] of [['latitude', 'longitude'], ['Lat', 'Lng'], ['Breddgrad', 'Längdgrad'], ['LATITUD', 'LONGITUD']]) {
      const plan = planCsv(enc(`time,${lat},${lon},mag\n2026-03-01T10:00:00Z,10.753,-62.6296,4.1\n2026-03-02T11:00:00Z,-33.1,151.2,5.0\n`));
      expect(plan.mapping, lat).toMatchObject({ north: lat, east: lon });
      expect(plan.coordinates, lat).toEqual({ crs: 'EPSG:4326', order: 'north-east', ambiguous: false, named: true });
    }
    // Names alone are not enough: values that can't be degrees still ask, and say they fit nothing.
    expect(planCsv(enc('time,latitude,longitude\n2026-03-01,250.5,12.0\n')).coordinates).toMatchObject({ ambiguous: true, fitsNone: true });
  });

  it('follows the user: delimiter, header, target, mapping, decimal', () => {
    const bytes = enc('a|b|c\n2026-01-01|Medborgardialog|12,5\n');
    let plan = planCsv(bytes);
    expect(plan.dialect.delimiter).toBe('|');
    plan = replan(bytes, plan, { header: false });
    expect(plan.dialect.columns).toEqual(['Kolumn 1', 'Kolumn 2', 'Kolumn 3']);
    expect(plan.previewRows).toHaveLength(2);
    plan = replan(bytes, plan, { header: true, target: 'interventions' });
    plan = setMapping(setMapping(plan, 'date', 'a'), 'type', 'b');
    expect(plan.outcomes).toEqual([{ column: 'c', name: 'c' }]);
    expect(plan.decimal).toBe(',');
    expect(completePlan(plan, { decimal: '.' }).decimal).toBe('.');
  });

  it('reads apostrophe-quoted files when told to', () => {
    const bytes = enc("Datum;Brottstyp;Beskrivning\n2026-01-01;Stöld;'Cykel; röd'\n");
    expect(planCsv(bytes).previewRows[0]).toHaveLength(4);
    const plan = replan(bytes, planCsv(bytes), { quote: "'" });
    expect(plan.dialect.quote).toBe("'");
    expect(plan.previewRows[0]).toEqual(['2026-01-01', 'Stöld', 'Cykel; röd']);
  });

  it('makes duplicate and empty headers unique and names outcome columns safely', () => {
    const plan = planCsv(enc('Datum;Datum;;Typ;typ\n2026-01-01;2026-01-02;x;y;z\n'));
    expect(plan.dialect.columns).toEqual(['Datum', 'Datum (2)', 'Kolumn 3', 'Typ', 'typ (2)']);
    expect(outcomeName('Varav ej tidigare kända')).toBe('varav_ej_tidigare_kanda');
    expect(outcomeName('"; DROP TABLE x; --')).toBe('drop_table_x');
    // A numeric column named like one of the table's own would write into it (grid_e, the record key …).
    expect(outcomeName('Grid E')).toBe('grid_e_utfall');
    expect(outcomeName('record_key')).toBe('record_key_utfall');
    expect(outcomeName('Epoch day')).toBe('epoch_day_utfall');
  });
});

describe('coordinates named in the header (issue 15)', () => {
  it('maps the police X/Y SWEREF 99 TM columns, N = X, and takes the system from the header', () => {
    const csv = 'Händelsenummer;Händelsedatum;Klockslag;Brottstyp;Område;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM);Beskrivning\n'
      + '1;2026-03-01;22.15;Stöld;Centrum;6580822;674032;x\n2;2026-03-02;07.05;Rån;Norr;6581000;674100;y\n';
    const plan = planCsv(enc(csv));
    expect(plan.mapping).toMatchObject({ id: 'Händelsenummer', north: 'X-koordinat (SWEREF 99 TM)', east: 'Y-koordinat (SWEREF 99 TM)' });
    expect(plan.coordinates).toEqual({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false, named: true });
  });
  it('uses a named system even when magnitudes would leave it ambiguous, and the order from magnitudes', () => {
    // A local zone's eastings alone can't name the zone: the header settles it. X holds eastings here (the
    // English convention), so N/E are the other way round from the mapping.
    const csv = 'Datum;Brottstyp;X (SWEREF 99 15 00);Y (SWEREF 99 15 00)\n2026-03-01;Stöld;150000;6580822\n2026-03-02;Rån;160000;6581000\n';
    expect(planCsv(enc(csv)).coordinates).toEqual({ crs: 'EPSG:3009', order: 'east-north', ambiguous: false, named: true });
  });
});

describe('a remembered plan', () => {
  it('reads the next file of the same kind with the quote chosen last time, and finds its lines above the header again', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const first = planCsv(enc("Datum;Brottstyp;Plats\n2026-01-01;Stöld;'Torget; norra'\n"), { quote: "'" });
    const remembered = rememberable(first);
    expect(remembered).toMatchObject({ quote: "'", skipLines: 0, header: true });
    // The next export has a title line above the header: found again, not the remembered 0.
    const rows = Array.from({ length: 6 }, (_, i) => `2026-02-0${i + 1};Rån;'Gatan; ${i + 4}'`).join('\n');
    const next = planCsv(enc(`Rapport över anmälda brott\nPeriod: februari\n;;\nDatum;Brottstyp;Plats\n${rows}\n`), {}, remembered);
    expect(next.dialect.skipLines).toBe(3);
    expect(next.dialect.quote).toBe("'");
    expect(next.previewRows[0]).toEqual(['2026-02-01', 'Rån', 'Gatan; 4']);
    // A mapping remembered before the quote was kept reads with the default.
    const { quote: _, ...older } = remembered;
    expect(planCsv(enc('Datum;Brottstyp\n2026-01-01;"Stöld; grov"\n'), {}, older).previewRows[0]).toEqual(['2026-01-01', 'Stöld; grov']);
  });
});
