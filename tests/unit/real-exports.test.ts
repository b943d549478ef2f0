// Issue 15: files shaped like what Swedish systems, Excel, SQL Server and macOS tools write, through the same
// plan → read → import path the page uses, with the values they must end up as.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planBytes, importPlanned } from './support/import-file';
import { createSchemaRunner } from '../../scripts/node-runner';

type Runner = Awaited<ReturnType<typeof createSchemaRunner>>;
const enc = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

let runner: Runner;
beforeEach(async () => { runner = await createSchemaRunner(); });
afterEach(() => runner.close());

describe('coordinates (1)', () => {
  it('imports a police export with X/Y (SWEREF 99 TM) headers: positions kept, northings outside Sweden rejected', async () => {
    const rows = ['Händelsenummer;Händelsedatum;Klockslag;Brottstyp;Område;X-koordinat (SWEREF 99 TM);Y-koordinat (SWEREF 99 TM);Beskrivning'];
    for (let i = 0; i < 40; i++) rows.push(`${i + 1};2026-03-${String((i % 28) + 1).padStart(2, '0')};22.15;Stöld;Centrum;${6580822 + i};674032;text`);
    rows.push('41;2026-03-05;10.00;Rån;Centrum;5580822;674032;utanför');
    rows.push('42;2026-03-05;10.00;Rån;Centrum;8580822;674032;utanför');
    const bytes = enc(rows.join('\r\n') + '\r\n');
    const plan = await planBytes(bytes);
    expect(plan.coordinates).toMatchObject({ crs: 'EPSG:3006', order: 'north-east', ambiguous: false });
    const result = await importPlanned(runner, bytes, plan);
    expect(result.imported).toBe(40);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([[42, 'outside-sweden'], [43, 'outside-sweden']]);
    const [{ n }] = await runner.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE location_precision = 'point' AND lat BETWEEN 59 AND 60`);
    expect(n).toBe(40);
  });
});

describe('encoding from the whole file (2)', () => {
  const asciiHead = Array.from({ length: 3000 }, (_, i) => `2026-01-01;Stold;Plats nummer ${i} i staden`).join('\r\n');
  const text = `Datum;Brottstyp;Plats\r\n${asciiHead}\r\n2026-02-01;Stöld;Östra torget\r\n2026-02-02;Skadegörelse;Åsgatan\r\n`;

  it('reads a Windows-1252 file whose first 64 kB are ASCII as Windows-1252: every row imported, å/ä/ö right', async () => {
    const bytes = cp1252(text);
    expect(bytes.indexOf(0xd6)).toBeGreaterThan(65536);
    const plan = await planBytes(bytes);
    expect(plan.encoding).toBe('windows-1252');
    const result = await importPlanned(runner, bytes, plan);
    expect(result).toMatchObject({ rowsInFile: 3002, imported: 3002, rejected: [] });
    const rows = await runner.rows<{ place: string }>(`SELECT place FROM incidents WHERE occurred_at >= DATE '2026-02-01' ORDER BY occurred_at`);
    expect(rows.map((r) => r.place)).toEqual(['Östra torget', 'Åsgatan']);
  });

  it('reports bytes that are not UTF-8 as that, row by row, when the file is read as UTF-8', async () => {
    const bytes = cp1252(text);
    const plan = { ...(await planBytes(bytes)), encoding: 'utf-8' as const };
    const result = await importPlanned(runner, bytes, plan);
    expect(result.rowsInFile).toBe(3002);
    expect(result.imported).toBe(3000);
    expect(result.rejected).toEqual([expect.objectContaining({ line: 3002, reason: 'invalid-encoding' }), expect.objectContaining({ line: 3003, reason: 'invalid-encoding' })]);
  });
});

describe('dates and times real systems write (3)', () => {
  const file = (rows: string[]) => enc(['Ärendenr;Datum;Tid;Brottstyp', ...rows].join('\n') + '\n');
  it('reads datetime2 fractions and a separate 0730 time; rejects implausible years with the range, and bad times as times', async () => {
    const bytes = file([
      'A1;2025-03-05 18:50:00.0000000;;Stöld', //   2
      'A2;2025-03-05T18:51:00.1234567;;Stöld', //   3
      'A3;2025-03-06;0730;Rån', //                   4
      'A4;2025-03-06;730;Rån', //                    5
      'A5;0025-03-11;1200;Hot', //                   6 a typo: year 25
      'A6;2205-03-07;1200;Hot', //                   7 a typo: year 2205
      'A7;2026-02-30;1200;Hot', //                   8 no such date
      'A8;2026-02-03;25.70;Hot', //                  9 no such time
      'A9;16-04-26;1200;Hot', //                    10 a two-digit year: no date, not "year 16"
      'A10;16.04.26;1200;Hot', //                   11 nor "year 26"
    ]);
    const plan = await planBytes(bytes);
    expect(plan.mapping).toMatchObject({ id: 'Ärendenr', date: 'Datum', time: 'Tid' });
    const result = await importPlanned(runner, bytes, plan, { years: { min: 1990, max: 2027 } });
    expect(result.imported).toBe(4);
    expect(result.years).toEqual({ min: 1990, max: 2027 });
    expect(result.rejected.map((r) => [r.line, r.reason, r.column, r.value])).toEqual([
      [6, 'year-out-of-range', 'Datum', '0025-03-11'],
      [7, 'year-out-of-range', 'Datum', '2205-03-07'],
      [8, 'no-such-date', 'Datum', '2026-02-30'],
      [9, 'bad-time', 'Tid', '25.70'],
      [10, 'bad-date', 'Datum', '16-04-26'],
      [11, 'bad-date', 'Datum', '16.04.26'],
    ]);
    const rows = await runner.rows<{ id: string; t: string }>(`SELECT id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS t FROM incidents ORDER BY id`);
    expect(rows.map((r) => [r.id, r.t])).toEqual([['A1', '2025-03-05 18:50:00'], ['A2', '2025-03-05 18:51:00'], ['A3', '2025-03-06 07:30:00'], ['A4', '2025-03-06 07:30:00']]);
  });
  it('takes a wider range when the user sets one', async () => {
    const result = await importPlanned(runner, file(['A1;1985-03-05;1200;Stöld', 'A2;2025-03-05;1200;Stöld']), await planBytes(file(['A1;1985-03-05;1200;Stöld'])), { years: { min: 1980, max: 2030 } });
    expect(result).toMatchObject({ imported: 2, rejected: [] });
  });
  it('tells a bad time after the date from a bad date in a single date-time column', async () => {
    const bytes = enc('Datum;Brottstyp\n2026-03-05 25.70;Hot\n2026-02-30 10:00;Hot\n2026-03-05 18:54:00.;Hot\n');
    const result = await importPlanned(runner, bytes, await planBytes(bytes));
    expect(result.rejected.map((r) => [r.reason, r.column, r.value])).toEqual([['bad-time', 'Datum', '2026-03-05 25.70'], ['no-such-date', 'Datum', '2026-02-30 10:00'], ['bad-time', 'Datum', '2026-03-05 18:54:00.']]);
  });
});

describe('Unicode text (4)', () => {
  it('stores every text column in NFC and trims every kind of space, so one word is one category', async () => {
    const nfd = 'Sto\u0308ld';
    const bytes = enc([
      'Datum;Brottstyp;Område;Plats;Beskrivning',
      `2026-03-01;${nfd};Ma\u030alo\u0308v;\u00a0Torget\u202f;Text`,
      '2026-03-02;Stöld;Målöv;Torget;Text',
      `2026-03-03;\u2003Stöld\u3000;Målöv\ufeff;\u200bTorget;\tText `,
      '2026-03-04;Skadegörelse\u00a0;Å\u0308ngby;Torget;Text', // not NFC-composable: Å + U+0308 stays two characters
    ].join('\n') + '\n');
    const result = await importPlanned(runner, bytes, await planBytes(bytes));
    expect(result).toMatchObject({ imported: 4, rejected: [] });
    const categories = await runner.rows<{ category: string; n: number }>(`SELECT category, count(*)::INTEGER AS n FROM incidents GROUP BY ALL ORDER BY category`);
    expect(categories).toEqual([{ category: 'Skadegörelse', n: 1 }, { category: 'Stöld', n: 3 }]);
    const [{ areas, places, descriptions }] = await runner.rows<{ areas: number; places: number; descriptions: number }>(
      `SELECT count(DISTINCT area)::INTEGER AS areas, count(DISTINCT place)::INTEGER AS places, count(DISTINCT description)::INTEGER AS descriptions FROM incidents WHERE category = 'Stöld'`);
    expect({ areas, places, descriptions }).toEqual({ areas: 1, places: 1, descriptions: 1 });
  });
  it('composes the Ångström sign and marks from other combining blocks, in every stored text field', async () => {
    const bytes = enc('Ärendenr;Datum;Brottstyp;Underkategori;Område;Plats;Beskrivning\n\u212B1;2026-03-01;Stöld;Cykel;\u212Bngby;Torget;Cafe\u0301\n');
    await importPlanned(runner, bytes, await planBytes(bytes));
    expect(await runner.rows('SELECT id, area, description FROM incidents')).toEqual([{ id: 'Å1', area: 'Ångby', description: 'Café' }]);
  });
  it('reads a composed file without normalising (the read found no combining mark), with the same values', async () => {
    const bytes = enc('Datum;Brottstyp;Plats\n2026-03-01;Stöld;\u00a0Torget\n');
    const result = await importPlanned(runner, bytes, await planBytes(bytes), { unicodeNormalize: false });
    expect(result.imported).toBe(1);
    expect(await runner.rows(`SELECT category, place FROM incidents`)).toEqual([{ category: 'Stöld', place: 'Torget' }]);
  });
});

describe('personnummer (5)', () => {
  it('finds and masks every form in the whole file, and counts each one', async () => {
    const forms = ['121212-1212', '121212\u20131212', '121212 1212', '121212\u00a01212', '19121212\u22121212', '1212121212', '191212121212'];
    const bytes = enc(['Datum;Brottstyp;Beskrivning', ...forms.map((f, i) => `2026-03-0${i + 1};Stöld;Anmälare ${f} hördes`)].join('\n') + '\n');
    const plan = await planBytes(bytes);
    expect(plan.personalData).toEqual([{ column: 'Beskrivning', found: 7, lookalike: 0 }]);
    const result = await importPlanned(runner, bytes, plan);
    expect(result.personalData).toEqual([{ column: 'Beskrivning', found: 7, action: 'mask' }]);
    const rows = await runner.rows<{ description: string }>(`SELECT DISTINCT description FROM incidents`);
    expect(rows).toEqual([{ description: 'Anmälare [personnummer] hördes' }]);
  });
});

describe('title lines above the header (6)', () => {
  const report = [
    'Anmälda brott i Exempelkommun;;;;', //        1 title
    'Period: 2025-01-01 – 2025-03-31;;;;', //      2 period
    ';;;;', //                                     3 empty Excel line
    'Ärendenr;Datum;Klockslag;Brottstyp;Plats', // 4 header
    'A1;2025-01-02;10.00;Stöld;Torget', //          5
    'A2;2025-01-03;11.00;Rån;Parken;extra', //      6 too many columns
    '', //                                          7 blank
    'A3;2025-13-01;12.00;Hot;Torget', //            8 no such date (month 13)
    'A4;2025-01-04;13.00;Hot;Torget', //            9
  ];
  it('finds the header row, skips the lines above, and numbers rejects by the file\'s own lines', async () => {
    const bytes = enc(report.join('\r\n') + '\r\n');
    const plan = await planBytes(bytes);
    expect(plan.dialect).toMatchObject({ delimiter: ';', skipLines: 3, columns: ['Ärendenr', 'Datum', 'Klockslag', 'Brottstyp', 'Plats'] });
    expect(plan.mapping).toMatchObject({ id: 'Ärendenr', date: 'Datum', time: 'Klockslag', category: 'Brottstyp', place: 'Plats' });
    expect(plan.previewRows[0]).toEqual(['A1', '2025-01-02', '10.00', 'Stöld', 'Torget']);
    const result = await importPlanned(runner, bytes, plan);
    expect(result.rowsInFile).toBe(4);
    expect(result.imported).toBe(2);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([[6, 'too-many-columns'], [8, 'no-such-date']]);
  });
  it('also with a blank line in the preamble, and takes the user\'s number', async () => {
    const lines = ['Rapport', '', ...report.slice(3)];
    const bytes = enc(lines.join('\n') + '\n');
    const plan = await planBytes(bytes);
    expect(plan.dialect.skipLines).toBe(2);
    expect((await importPlanned(runner, bytes, plan)).rejected.map((r) => r.line)).toEqual([5, 7]);
    const { replan } = await import('../../src/data/import/csv-plan');
    expect(replan(bytes, plan, { skipLines: 0 }).dialect.columns[0]).toBe('Rapport');
  });
  it('finds it under title lines of three values and more (tester), with or without an empty line', async () => {
    const data = ['Ärendenr;Datum;Tid;Brottstyp;Område', 'T1;2025-01-01;12:00;Stöld;Centrum', 'T2;2025-01-02;13:00;Rån;Hamnen', 'T3;2025-01-03;14:00;Hot;Centrum'];
    const titled = ['Brottsrapport;Exempelkommun;Kvartal 1 2025;;', 'Uttaget 2025-04-01 av;Analytiker;;;', ';;;;', ...data];
    expect((await planBytes(enc(titled.join('\n') + '\n'))).dialect).toMatchObject({ skipLines: 3, columns: data[0].split(';') });
    const noBlank = ['Brottsrapport;Exempelkommun;Kvartal 1 2025;;', 'Uttaget;Analytiker;;;', ...data];
    expect((await planBytes(enc(noBlank.join('\n') + '\n'))).dialect.skipLines).toBe(2);
  });
  it.each([';', ',', '\t', '|'])('finds it when data cells hold the delimiter in quotes (delimiter %j), with either quote', async (delimiter) => {
    // Addresses like "Storgatan 1, Malmö": split naively, each such line was one cell wider than the header.
    for (const quote of ['"', "'"]) {
      const q = (cell: string) => `${quote}${cell}${quote}`;
      const header = ['Ärendenr', 'Datum', 'Brottstyp', 'Plats'].join(delimiter);
      const data = Array.from({ length: 5 }, (_, i) => [`Q${i}`, `2025-01-0${i + 1}`, 'Stöld', q(`Storgatan ${i}${delimiter} uppgång B`)].join(delimiter));
      const preamble = ['Brottsrapport', `Period:${delimiter}2025-01`, delimiter.repeat(3)];
      const plan = await planBytes(enc([...preamble, header, ...data].join('\n') + '\n'), quote === '"' ? {} : { quote });
      expect(plan.dialect, `${JSON.stringify(delimiter)} ${quote}`).toMatchObject({ delimiter, skipLines: 3, columns: ['Ärendenr', 'Datum', 'Brottstyp', 'Plats'] });
      expect(plan.previewRows[0][3]).toBe(`Storgatan 0${delimiter} uppgång B`);
    }
  });
  it.each([';', '\t', '|'])('finds the delimiter %j under title lines when the data has decimal commas (tester: read as commas)', async (delimiter) => {
    // SWEREF 99 TM with decimals ("6162048,6") and amounts ("1,5"): a title line splits into one cell under the true
    // delimiter, so PapaParse's evenness guess over the whole text chose the comma, and the header was never found.
    const header = ['Ärendenr', 'Händelsedatum', 'Brottstyp', 'X-koordinat', 'Y-koordinat', 'Belopp'].join(delimiter);
    const data = Array.from({ length: 12 }, (_, i) => [`K${i}`, `2026-03-${String(i + 1).padStart(2, '0')}`, 'Stöld', `61620${10 + i},6`, `3749${10 + i},3`, `${i},5`].join(delimiter));
    const preambles = [
      ['Utdrag ur RAR – Malmö och Lund', delimiter.repeat(5)],
      ['Utdrag ur RAR – Malmö och Lund'],
      ['Utdrag ur RAR', `Period:${delimiter}2026-03-01 – 2026-03-31`, delimiter.repeat(5)],
      ['Utdrag ur RAR', '', `Uttaget 2026-04-01, av analytiker`, delimiter.repeat(5)],
    ];
    for (const preamble of preambles) {
      for (const newline of ['\n', '\r\n']) {
        const bytes = enc([...preamble, header, ...data].join(newline) + newline);
        const plan = await planBytes(bytes);
        expect(plan.dialect, JSON.stringify(preamble)).toMatchObject({ delimiter, skipLines: preamble.length, columns: header.split(delimiter) });
        expect(plan.previewRows[0]).toEqual(data[0].split(delimiter));
        // Into the same database: the first reading imports all 12, every later one finds them already loaded.
        const result = await importPlanned(runner, bytes, plan);
        const first = preamble === preambles[0] && newline === '\n';
        expect([result.rowsInFile, result.imported, result.rejected.length], JSON.stringify(result.rejected[0])).toEqual(first ? [12, 12, 0] : [12, 0, 12]);
      }
    }
    // Without title lines, and a comma file with title lines, read as before.
    expect((await planBytes(enc([header, ...data].join('\n') + '\n'))).dialect).toMatchObject({ delimiter, skipLines: 0 });
    const commaFile = ['Rapport', 'Ärendenr,Datum,Brottstyp', 'K1,2026-03-01,Stöld', 'K2,2026-03-02,Rån', 'K3,2026-03-03,Hot'];
    expect((await planBytes(enc(commaFile.join('\n') + '\n'))).dialect).toMatchObject({ delimiter: ',', skipLines: 1 });
    // One line under a "preamble" is no evidence: PapaParse's own case is a comma file (its last cell "c|d|e|f").
    expect((await planBytes(enc('a,b,c\na,b,c|d|e|f'))).dialect).toMatchObject({ delimiter: ',', skipLines: 0 });
  });
  it('finds the header again when the user changes the delimiter, unless the same choice sets the lines to skip', async () => {
    const lines = ['Utdrag', 'Period:;2026-03', ';;;', 'Ärendenr;Datum;Brottstyp;Plats', 'A1;2026-03-01;Stöld;Torget', 'A2;2026-03-02;Rån;Parken'];
    const bytes = enc(lines.join('\n') + '\n');
    const { replan } = await import('../../src/data/import/csv-plan');
    const wrong = replan(bytes, await planBytes(bytes), { delimiter: ',', skipLines: 4 });
    expect(wrong.dialect).toMatchObject({ delimiter: ',', skipLines: 4 });
    expect(replan(bytes, wrong, { delimiter: ';' }).dialect).toMatchObject({ delimiter: ';', skipLines: 3, columns: ['Ärendenr', 'Datum', 'Brottstyp', 'Plats'] });
    expect(replan(bytes, wrong, { delimiter: ';', skipLines: 1 }).dialect.skipLines).toBe(1);
    expect(replan(bytes, wrong, { header: true }).dialect.skipLines).toBe(4); // other choices keep the number
  });
  it('leaves an ordinary file, and one whose header has empty names, alone', async () => {
    expect((await planBytes(enc('Datum;Brottstyp\n2025-01-01;Stöld\n'))).dialect.skipLines).toBe(0);
    expect((await planBytes(enc('Datum;Brottstyp;;\n2025-01-01;Stöld;1;2\n2025-01-02;Rån;1;2\n'))).dialect.skipLines).toBe(0);
    expect((await planBytes(enc('Namn\nA\nB\n'))).dialect.skipLines).toBe(0);
  });
});

describe('a replace with no valid row (tester: an English sentence, no reasons)', () => {
  it('is refused with every row’s reason, the loaded data kept', async () => {
    const { NothingToImportError } = await import('../../src/data/import/import-csv');
    const bytes = enc('Ärendenr;Datum;Brottstyp\nB1;2025-13-01;Stöld\nB2;igår;Rån\nB3;;Hot\n');
    const plan = await planBytes(bytes);
    const before = (await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0].n;
    const error = await importPlanned(runner, bytes, plan, { mode: 'replace' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NothingToImportError);
    const refused = error as InstanceType<typeof NothingToImportError>;
    expect(refused.rowsInFile).toBe(3);
    expect(refused.rejected.map((r) => [r.line, r.reason, r.column, r.value])).toEqual([
      [2, 'no-such-date', 'Datum', '2025-13-01'], [3, 'bad-date', 'Datum', 'igår'], [4, 'missing-date', 'Datum', undefined],
    ]);
    expect((await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0].n).toBe(before);
  });

  it('lists every row, an unclosed quote’s line among them, so the reasons add up to the rows in the file', async () => {
    const { NothingToImportError } = await import('../../src/data/import/import-csv');
    const bytes = enc('Ärendenr;Datum;Brottstyp\nB1;2025-13-01;Stöld\nB2;2025-01-02;"Rån\n');
    const plan = await planBytes(bytes);
    const error = await importPlanned(runner, bytes, plan, { mode: 'replace' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NothingToImportError);
    const refused = error as InstanceType<typeof NothingToImportError>;
    expect(refused.rejected.map((r) => [r.line, r.reason])).toEqual([[2, 'no-such-date'], [3, 'unreadable']]);
    expect(refused.rejected[1].text).toBe('B2;2025-01-02;"Rån');
    expect(refused.rejected).toHaveLength(refused.rowsInFile);
  });
});

describe('re-import with another id mapping (7)', () => {
  const bytes = enc(['Ärendenr;Datum;Brottstyp;N;E;Beskrivning',
    'A1;2026-03-01 10:00;Stöld;6580822;674032;Cykel', 'A2;2026-03-01 10:00;Stöld;6580822;674032;Cykel', 'A3;2026-03-02 11:00;Rån;;;Väska'].join('\n') + '\n');
  const count = async () => (await runner.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0].n;
  it('does not double rows imported first without an id, then with one', async () => {
    const plan = await planBytes(bytes);
    const withoutId = { ...plan, mapping: { ...plan.mapping, id: undefined } };
    expect((await importPlanned(runner, bytes, withoutId)).imported).toBe(3);
    const again = await importPlanned(runner, bytes, plan);
    expect(again.imported).toBe(0);
    expect(again.rejected.map((r) => [r.line, r.reason, r.value])).toEqual([[2, 'same-content-loaded', 'A1'], [3, 'same-content-loaded', 'A2'], [4, 'same-content-loaded', 'A3']]);
    expect(await count()).toBe(3);
  });
  it('nor the other way round; rows with two different ids stay two rows', async () => {
    const plan = await planBytes(bytes);
    expect((await importPlanned(runner, bytes, plan)).imported).toBe(3);
    const again = await importPlanned(runner, bytes, { ...plan, mapping: { ...plan.mapping, id: undefined } });
    expect(again.rejected.map((r) => r.reason)).toEqual(['same-content-loaded', 'same-content-loaded', 'same-content-loaded']);
    expect(await count()).toBe(3);
    const other = enc('Ärendenr;Datum;Brottstyp;N;E;Beskrivning\nB1;2026-03-01 10:00;Stöld;6580822;674032;Cykel\n');
    expect((await importPlanned(runner, other, await planBytes(other))).imported).toBe(1);
  });
});
