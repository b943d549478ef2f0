// A NUL byte (0x00) in a text export: one rule whatever the file's size and wherever the NUL sits — the row holding it
// is rejected as 'nul-byte' with its line, the rest imported; a file is refused as "not text" only when NULs are dense
// (binary formats). Before, one NUL in the first 64 KB refused a small file whole, and one later was stored in a value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAndScan } from '../../src/data/import/read-file';
import { planCsv } from '../../src/data/import/csv-plan';
import { importCsv } from '../../src/data/import/import-csv';
import { detectEncoding, type TextEncodingName } from '../../src/lib/parsing/text-encoding';
import { linesWithNul, Utf8Tally } from '../../src/lib/parsing/utf8-check';
import { createSchemaRunner } from '../../scripts/node-runner';

type Runner = Awaited<ReturnType<typeof createSchemaRunner>>;
const NUL = '\u0000';
const dialect = { delimiter: ';', quote: '"', header: true, skipLines: 0, columns: ['Datum', 'Brottstyp', 'Plats'] };

/** The file's bytes in `encoding` (Windows-1252 for characters below U+0100; UTF-16LE with its BOM). */
function encode(text: string, encoding: TextEncodingName): Uint8Array {
  if (encoding === 'windows-1252') return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  if (encoding === 'utf-16le') {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) { out[2 + 2 * i] = text.charCodeAt(i) & 0xff; out[3 + 2 * i] = text.charCodeAt(i) >> 8; }
    return out;
  }
  return new TextEncoder().encode(text);
}

describe('NUL bytes in a text export', () => {
  let runner: Runner;
  beforeEach(async () => { runner = await createSchemaRunner(); });
  afterEach(() => runner.close());

  /** Reads `bytes` as the app does (the page's pass, DuckDB reading the file or the pass's UTF-8 copy) and imports them. */
  async function importThrough(bytes: Uint8Array) {
    const guess = detectEncoding(bytes);
    expect(guess.looksBinary).toBe(false);
    const pass = await readAndScan(new Blob([bytes as Uint8Array<ArrayBuffer>]), guess, dialect, undefined, undefined, { keepBytes: guess.encoding !== 'utf-8' });
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-nul-')), 'upload.csv');
    writeFileSync(file, pass.utf8 ?? bytes.subarray(guess.bomLength));
    const result = await importCsv(runner, {
      fileName: file, scan: pass.scan, dialect, target: 'incidents', columns: { date: 'Datum', category: 'Brottstyp', place: 'Plats' }, decimal: ',',
      coordinates: null, mode: 'append', replaceExample: false, source: 'S', nulRecords: pass.nulRecords, invalidUtf8Records: pass.invalidUtf8Records,
    });
    const [{ n: stored }] = await runner.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM incidents WHERE contains(concat_ws('', category, place), chr(0))");
    return { pass, result, stored };
  }

  const padding = Array.from({ length: 2500 }, (_, i) => `2026-02-${String((i % 28) + 1).padStart(2, '0')};Stöld;Torget ${i}`); // ~75 KB
  it.each([
    ['one NUL in a small UTF-8 file (a tester: refused whole as "not text")', 'utf-8', '\n', ['2026-03-01;Stöld;Tor' + NUL + 'get', '2026-03-02;Rån;Parken'], [2]],
    ['a NUL past the first 64 KB (before: stored inside the value)', 'utf-8', '\n', [...padding, '2026-03-01;Stöld;Tor' + NUL + 'get', '2026-03-02;Rån;Parken'], [2502]],
    ['NULs in the first and last fields, the last line without its line end', 'utf-8', '\r\n', [NUL + '2026-03-01;Stöld;Torget', '2026-03-02;Rån;Parken', '2026-03-03;Rån;' + NUL], [2, 4]],
    ['a NUL on the second line of a quoted field: the record\'s line', 'utf-8', '\n', ['2026-03-01;Stöld;"Torget', 'norra' + NUL + ' delen"', '2026-03-02;Rån;Parken'], [2]],
    ['lone CR line ends, Windows-1252', 'windows-1252', '\r', ['2026-03-01;Stöld;Gärdet', '2026-03-02;Rån;P' + NUL + 'arken', '2026-03-03;Rån;Söder'], [3]],
    ['UTF-16 with its BOM (a NUL character in it)', 'utf-16le', '\r\n', ['2026-03-01;Stöld;Gärdet', '2026-03-02;Rån;P' + NUL + 'arken'], [3]],
  ] as const)('%s', async (_name, encoding, newline, rows, lines) => {
    const text = ['Datum;Brottstyp;Plats', ...rows].join(newline) + (rows.at(-1)!.endsWith(NUL) ? '' : newline);
    const { pass, result, stored } = await importThrough(encode(text, encoding));
    expect(pass.nulRecords).toEqual(lines);
    const nul = result.rejected.filter((r) => r.reason === 'nul-byte');
    expect(nul.map((r) => r.line)).toEqual(lines);
    expect(nul.every((r) => r.text?.includes('\u2400') && !r.text.includes(NUL))).toBe(true);
    expect(result.imported + result.rejected.length).toBe(result.rowsInFile);
    expect(result.imported).toBe(result.rowsInFile - lines.length);
    expect(stored).toBe(0);
  });

  it('reads a header with a NUL in a name (DuckDB\'s corpus: "String contains a NUL character", the import failed)', async () => {
    const bytes = new TextEncoder().encode(`Datum;Brotts${NUL}typ;Plats\n2026-03-01;Stöld;Torget\n`);
    const plan = planCsv(bytes);
    expect(plan.looksBinary).toBe(false);
    expect(plan.dialect.columns).toEqual(['Datum', 'Brotts\u2400typ', 'Plats']);
    const pass = await readAndScan(new Blob([bytes]), plan, plan.dialect);
    expect(pass.nulRecords).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'lagesbild-nul-')), 'upload.csv');
    writeFileSync(file, pass.utf8!);
    const result = await importCsv(runner, {
      fileName: file, scan: pass.scan, dialect: plan.dialect, target: 'incidents', columns: { date: 'Datum', category: 'Brotts\u2400typ' }, decimal: ',',
      coordinates: null, mode: 'append', replaceExample: false, source: 'S',
    });
    expect(result.imported).toBe(1);
  });

  it('is seen by the UTF-8 tally at every byte position: in a word of ASCII, beside å, unaligned, in the last bytes', () => {
    const text = new TextEncoder().encode('Datum;Brottstyp;Plats\n2026-03-01;Stöld;Gärdet åäö\n2026-03-02;Rån;Torget\n');
    for (let at = 0; at < text.length; at++) {
      for (const offset of [0, 1, 3]) {
        if (text[at] >= 0x80) continue; // a NUL inside a character would also make it invalid: another case
        // Pushed at a byte offset of 0, 1 or 3 in its buffer: the word loop where aligned, byte by byte where not.
        const buffer = new Uint8Array(offset + text.length);
        buffer.set(text, offset);
        buffer[offset + at] = 0;
        const tally = new Utf8Tally();
        tally.push(buffer.subarray(offset), true);
        expect(tally.nul, `NUL at ${at}, offset ${offset}`).toBe(true);
      }
    }
    const clean = new Utf8Tally();
    clean.push(text, true);
    expect(clean.nul).toBe(false);
  });

  it('finds the lines as the record scanner counts them (LF, CR, CRLF)', () => {
    expect(linesWithNul(new TextEncoder().encode(`a\r\nb${NUL}\rc\n${NUL}${NUL}\n\nd${NUL}`))).toEqual([2, 4, 6]);
    expect(linesWithNul(new TextEncoder().encode('no nul\n'))).toEqual([]);
  });

  it('still refuses files whose NULs are dense: binary formats', () => {
    const sqlite = new Uint8Array(4096);
    sqlite.set(new TextEncoder().encode('SQLite format 3\u0000'));
    for (let i = 100; i < 4096; i += 7) sqlite[i] = (i * 31) % 251 + 1;
    expect(detectEncoding(sqlite).looksBinary).toBe(true);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(detectEncoding(png).looksBinary).toBe(true);
    expect(detectEncoding(new TextEncoder().encode(`Datum;Brottstyp\n2026-03-01;St${NUL}öld\n`)).looksBinary).toBe(false);
    // Random bytes have few NULs (1 in 256) but ~10 % control bytes (helper-61: 20 kB of them read as "mixed encodings").
    let seed = 7;
    const random = Uint8Array.from({ length: 20_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect(random.filter((b) => b === 0).length / random.length).toBeLessThan(0.01);
    expect(detectEncoding(random).looksBinary).toBe(true);
    // Text keeps its tabs, line ends, form feeds and FileMaker's vertical tabs.
    expect(detectEncoding(new TextEncoder().encode('Datum\tBrottstyp\tBeskrivning\r\n' + '2026-03-01\tStöld\trad ett\vrad två\f\r\n'.repeat(200))).looksBinary).toBe(false);
  });
});
