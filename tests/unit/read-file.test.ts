import { describe, expect, it } from 'vitest';
import { RecordScanner, scanRecords } from '../../src/data/import/csv-records';
import { ImportCancelledError, readAndScan, type ReadProgress } from '../../src/data/import/read-file';
import { Utf8Tally } from '../../src/lib/parsing/utf8-check';

function cp1252(s: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
}
const utf8Of = (s: string) => new Uint8Array(new TextEncoder().encode(s));
// ~400 kB: several stream chunks, with å/ä/ö, quoted newlines and CRLF falling across chunk boundaries.
const text = 'Datum;Plats;Beskrivning\r\n' + Array.from({ length: 6000 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')};Östermalmstorg ${i};"Händelse ${i}\r\nmed två rader, åäö"`).join('\r\n') + '\r\n';
const scanOptions = { delimiter: ';', quote: '"', header: true };

describe('reading a file in chunks', () => {
  it('passes UTF-8 through (BOM skipped) and counts the same records as a whole-file scan', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Of(text)]);
    const progress: ReadProgress[] = [];
    const { utf8, scan } = await readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 3 }, scanOptions, (p) => progress.push(p));
    expect(new TextDecoder().decode(utf8!)).toBe(text);
    const whole = scanRecords(new TextEncoder().encode(text), scanOptions);
    expect(scan.records).toBe(6000);
    expect([...scan.startLines]).toEqual([...whole.startLines]);
    expect(progress.at(-1)).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length, records: 6000 });
  });

  it('transcodes Windows-1252 to UTF-8 across chunk boundaries', async () => {
    const { utf8, scan } = await readAndScan(new Blob([cp1252(text)]), { encoding: 'windows-1252', bomLength: 0 }, scanOptions);
    expect(new TextDecoder().decode(utf8!)).toBe(text);
    expect(scan.records).toBe(6000);
  });

  it('keeps no copy of a valid UTF-8 file when DuckDB is to read the file itself, and the same scan', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Of(text)]);
    const kept = await readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 3 }, scanOptions);
    const direct = await readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 3 }, scanOptions, undefined, undefined, { keepBytes: false });
    expect(direct.utf8).toBeNull();
    expect([...direct.scan.startLines]).toEqual([...kept.scan.startLines]);
    expect(direct.unicodeNormalize).toBe(kept.unicodeNormalize);
    // Windows-1252 is transcoded whatever is asked: DuckDB reads only UTF-8.
    const transcoded = await readAndScan(new Blob([cp1252(text)]), { encoding: 'windows-1252', bomLength: 0 }, scanOptions, undefined, undefined, { keepBytes: false });
    expect(new TextDecoder().decode(transcoded.utf8!)).toBe(text);
  });

  it('reads a file with bytes that are not UTF-8 again whole, to mark them, when no copy was kept', async () => {
    // Line 3 (the second record) holds a Windows-1252 "ö" in a file read as UTF-8.
    const bytes = new Uint8Array([...utf8Of('Datum;Plats\n2026-01-01;Torget\n2026-01-02;'), 0xf6, ...utf8Of('rby\n2026-01-03;Åby\n')]);
    const kept = await readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 0 }, scanOptions);
    const direct = await readAndScan(new Blob([bytes]), { encoding: 'utf-8', bomLength: 0 }, scanOptions, undefined, undefined, { keepBytes: false });
    expect(kept.invalidUtf8Records).toEqual([3]);
    expect(direct.invalidUtf8Records).toEqual([3]);
    expect([...direct.utf8!]).toEqual([...kept.utf8!]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAndScan(new Blob([utf8Of(text)]), { encoding: 'utf-8', bomLength: 0 }, scanOptions, undefined, controller.signal)).rejects.toBeInstanceOf(ImportCancelledError);
  });
});

describe('rows counted while streaming', () => {
  it('counts rows, not the title line or the header, and ends at the rows the scan reports', () => {
    const text = new TextEncoder().encode('Rapport v. 12\nDatum;Brottstyp\n2026-03-01;Stöld\n2026-03-02;Rån\n2026-03-03;Rån\n');
    const options = { delimiter: ';', quote: '"', header: true, skipLines: 1 };
    const scanner = new RecordScanner(options);
    scanner.push(text.subarray(0, 30));
    expect(scanner.recordsSoFar).toBeLessThanOrEqual(1);
    scanner.push(text.subarray(30));
    expect(scanner.recordsSoFar).toBe(3);
    expect(scanner.finish().records).toBe(3);
    expect(scanRecords(text, options).records).toBe(3);
  });
});

describe('the UTF-8 tally (ASCII skipped four bytes at a time)', () => {
  it('counts the same wherever the ASCII runs, the chunk boundaries and the buffer’s alignment fall', () => {
    for (let k = 0; k < 9; k++) {
      for (let m = 0; m < 9; m++) {
        // å (2 bytes), a stray 0xff, € (3 bytes), a combining diaeresis (U+0308): 3 valid, 1 invalid, composable.
        const body = [...Array(k).fill(0x61), 0xc3, 0xa5, ...Array(m).fill(0x78), 0xff, 0xe2, 0x82, 0xac, 0x6f, 0xcc, 0x88, ...Array(m).fill(0x79)];
        for (const shift of [0, 1, 2, 3]) {
          // A view at an odd offset takes the byte-at-a-time path; offset 0 the four-byte one.
          const bytes = new Uint8Array(new ArrayBuffer(body.length + 4), shift, body.length);
          bytes.set(body);
          for (let cut = 0; cut <= bytes.length; cut += 3) {
            const tally = new Utf8Tally();
            tally.push(bytes.subarray(0, cut));
            tally.push(bytes.subarray(cut));
            tally.push(new Uint8Array(0), true);
            expect([tally.valid, tally.invalid, tally.composable]).toEqual([3, 1, true]);
          }
        }
      }
    }
    const plain = new Utf8Tally();
    plain.push(new TextEncoder().encode('Stöld;Åby;'.repeat(50)), true);
    expect([plain.valid, plain.invalid, plain.composable, plain.isUtf8]).toEqual([100, 0, false, true]);
  });

  it('keeps the first line of a record lost to an unclosed quote, found across chunks, with and without the bytes kept (BOM, Windows-1252)', async () => {
    const broken = text + '2026-02-01;Söder;"öppet citat utan slut\r\n2026-02-02;Norr;efter\r\n';
    const expected = '2026-02-01;Söder;"öppet citat utan slut';
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Of(broken)]);
    for (const keepBytes of [true, false]) {
      const { scan } = await readAndScan(new Blob([bom]), { encoding: 'utf-8', bomLength: 3 }, scanOptions, undefined, undefined, { keepBytes });
      expect(scan.unterminatedQuoteLine, String(keepBytes)).toBe(12002);
      expect(scan.unterminatedQuoteText, String(keepBytes)).toBe(expected);
    }
    const { scan } = await readAndScan(new Blob([cp1252(broken)]), { encoding: 'windows-1252', bomLength: 0 }, scanOptions);
    expect(scan.unterminatedQuoteText).toBe(expected);
    expect(scanRecords(utf8Of(broken), scanOptions).unterminatedQuoteText).toBe(expected);
    expect(scanRecords(utf8Of(text), scanOptions).unterminatedQuoteText).toBeUndefined();
  });
});
