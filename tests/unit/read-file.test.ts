import { describe, expect, it } from 'vitest';
import { scanRecords } from '../../src/data/import/csv-records';
import { ImportCancelledError, readAndScan, type ReadProgress } from '../../src/data/import/read-file';

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
    expect(new TextDecoder().decode(utf8)).toBe(text);
    const whole = scanRecords(new TextEncoder().encode(text), scanOptions);
    expect(scan.records).toBe(6000);
    expect([...scan.startLines]).toEqual([...whole.startLines]);
    expect(progress.at(-1)).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length, records: 6000 });
  });

  it('transcodes Windows-1252 to UTF-8 across chunk boundaries', async () => {
    const { utf8, scan } = await readAndScan(new Blob([cp1252(text)]), { encoding: 'windows-1252', bomLength: 0 }, scanOptions);
    expect(new TextDecoder().decode(utf8)).toBe(text);
    expect(scan.records).toBe(6000);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAndScan(new Blob([utf8Of(text)]), { encoding: 'utf-8', bomLength: 0 }, scanOptions, undefined, controller.signal)).rejects.toBeInstanceOf(ImportCancelledError);
  });
});
