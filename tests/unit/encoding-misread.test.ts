// A file read in the wrong encoding imports without a single rejected row ("StÃ¶ld" is a valid category), so the
// import card says so before the import, with a word of the file as each encoding reads it.
import { describe, expect, it } from 'vitest';
import { detectEncoding, misreadExample } from '../../src/lib/parsing/text-encoding';
import { detectFileEncoding } from '../../src/data/import/file-encoding';
import { planCsv, replan } from '../../src/data/import/csv-plan';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of Latin-1 text (every character here is below U+0100). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));
const LETTERS = ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', 'ü'];

describe('misreadExample', () => {
  it.each(LETTERS)('gives the first misread word of a UTF-8 file read as Windows-1252 (%s)', (letter) => {
    const bytes = utf8(`Datum;Brottstyp;Plats\n2026-01-01;Hot;Torget\n2026-01-02;R${letter}n;Stor${letter}ngen\n`);
    const example = misreadExample(bytes, 'windows-1252', detectEncoding(bytes));
    // The independent reading: the word's UTF-8 bytes, each byte one Windows-1252 character ("ö" → "Ã¶").
    const misread = [...utf8(letter)].map((b) => new TextDecoder('windows-1252').decode(Uint8Array.of(b))).join('');
    expect(example).toEqual({ read: `R${misread}n`, detected: `R${letter}n` });
    expect(misread).toHaveLength(2);
  });

  it.each(LETTERS)('gives the first misread word of a Windows-1252 file read as UTF-8 (%s)', (letter) => {
    const bytes = cp1252(`Datum;Brottstyp\n2026-01-01;Hot\n2026-01-02;R${letter}n\n`);
    const example = misreadExample(bytes, 'utf-8', detectEncoding(bytes));
    expect(example).toEqual({ read: 'R\ufffdn', detected: `R${letter}n` });
  });

  it('says nothing when the choice is what the bytes point to, for plain ASCII, or for UTF-16', () => {
    const swedish = utf8('Datum;Brottstyp\n2026-01-01;Stöld\n');
    expect(misreadExample(swedish, 'utf-8', detectEncoding(swedish))).toBeNull();
    const ascii = utf8('Datum;Brottstyp\n2026-01-01;Hot\n');
    expect(misreadExample(ascii, 'windows-1252', detectEncoding(ascii))).toBeNull();
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'Datum;Stöld\n'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(misreadExample(utf16, 'windows-1252', detectEncoding(utf16))).toBeNull();
  });

  it('skips a UTF-8 byte-order mark: the first word is not the mark misread', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Område;Brottstyp\nNorr;Stöld\n')]);
    expect(misreadExample(bytes, 'windows-1252', detectEncoding(bytes))).toEqual({ read: 'OmrÃ¥de', detected: 'Område' });
  });
});

describe('the import plan', () => {
  it('carries the misread word when the user picks the other encoding, and drops it when they pick back', () => {
    const bytes = utf8('Datum;Brottstyp;Plats\n2026-01-01;Misshandel;Gågatan\n');
    const plan = planCsv(bytes);
    expect(plan.encoding).toBe('utf-8');
    expect(plan.misread).toBeUndefined();
    const wrong = replan(bytes, plan, { encoding: 'windows-1252' });
    expect(wrong.misread).toEqual({ read: 'GÃ¥gatan', detected: 'Gågatan', detectedEncoding: 'utf-8' });
    expect(wrong.previewRows[0][2]).toBe('GÃ¥gatan');
    expect(replan(bytes, wrong, { encoding: 'utf-8' }).misread).toBeUndefined();
  });
});

describe('files that are not text whatever their name', () => {
  it('are told by their first bytes even without a NUL: ZIP/xlsx, xls, gzip, PDF', () => {
    const starts = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x1f, 0x8b], [...'%PDF-1.7'].map((c) => c.charCodeAt(0))];
    for (const start of starts) {
      const bytes = new Uint8Array([...start, ...new TextEncoder().encode('Datum;Brottstyp\n2026-03-01;Stöld\n')]);
      expect(detectEncoding(bytes).looksBinary, start.join(',')).toBe(true);
    }
  });

  it('text that merely begins with those letters is still text', () => {
    for (const text of ['PK;Datum\n1;2026-03-01\n', 'PDF;Datum\n', '%PDF;Datum\n', 'PAR1;x\n']) {
      expect(detectEncoding(new TextEncoder().encode(text)).looksBinary, text).toBe(false);
    }
  });

  it('takes a UTF-8 file with a stray Windows-1252 byte as UTF-8, whole-file and from the first bytes (helper-58: 3 valid, 1 stray)', async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const bytes = new Uint8Array([...enc('Datum;Brottstyp;Plats\n2026-03-01;Stöld;Gärdet\n2026-03-02;R'), 0xe5, ...enc('n;Norr\n2026-03-03;Inbrott;Söder\n')]);
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
    expect((await detectFileEncoding(new Blob([bytes]), bytes)).encoding).toBe('utf-8');
    // Windows-1252 text is still Windows-1252, even with a pair that happens to be valid UTF-8 ("Ä°": C4 B0).
    const cp = new Uint8Array([...enc('Plats\nG'), 0xe4, ...enc('rdet\nS'), 0xf6, ...enc('der\n'), 0xc4, 0xb0, ...enc('\n')]);
    expect(detectEncoding(cp).encoding).toBe('windows-1252');
    expect((await detectFileEncoding(new Blob([cp]), cp)).encoding).toBe('windows-1252');
  });

  it('says a file mixes encodings when it has both valid UTF-8 and stray bytes, whichever wins (helper-59)', async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    // More stray bytes than valid characters: Windows-1252 wins, and the mix is said.
    const bytes = new Uint8Array([...enc('Datum;Brottstyp;Plats\n2026-03-01;Rån;Norr\n2026-03-02;St'), 0xf6, ...enc('ld;S'), 0xf6, ...enc('der\n')]);
    const guess = await detectFileEncoding(new Blob([bytes]), bytes);
    expect(guess).toMatchObject({ encoding: 'windows-1252', mixed: true });
    expect(planCsv(bytes, {}, null, guess).mixedEncoding).toBe(true);
    // One encoding throughout: nothing to say.
    const plain = enc('Datum;Brottstyp\n2026-03-01;Rån\n');
    expect((await detectFileEncoding(new Blob([plain]), plain)).mixed).toBeUndefined();
  });
});

describe('a stray byte only above the data', () => {
  it('is not "mixed encodings" when every byte that is not UTF-8 is in the header (helper-61: two warnings, every row imported)', async () => {
    const { detectFileEncoding } = await import('../../src/data/import/file-encoding');
    const { planCsv } = await import('../../src/data/import/csv-plan');
    const enc = (t: string) => new TextEncoder().encode(t);
    const header = new Uint8Array([...enc('Datum;Brottstyp;Omr'), 0xe5, ...enc('de\n2026-03-01;Stöld;Gärdet\n2026-03-02;Rån;Söder\n')]);
    const detected = await detectFileEncoding(new Blob([header]), header);
    expect(detected).toMatchObject({ encoding: 'utf-8', mixed: true, invalidBytes: 1 });
    expect(planCsv(header, {}, null, detected).mixedEncoding).toBeUndefined();
    // The same byte in a row: that row reads wrong, said.
    const row = new Uint8Array([...enc('Datum;Brottstyp;Område\n2026-03-01;Stöld;G'), 0xe4, ...enc('rdet\n2026-03-02;Rån;Söder\n')]);
    expect(planCsv(row, {}, null, await detectFileEncoding(new Blob([row]), row)).mixedEncoding).toBe(true);
  });
});
