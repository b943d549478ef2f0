// Issue 15: files shaped like what Swedish systems, Excel, SQL Server and macOS tools write, through the same
// plan → read → import path the page uses, with the values they must end up as.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planBytes, importPlanned } from './support/import-file';
import { createSchemaRunner } from './support/node-runner';

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
