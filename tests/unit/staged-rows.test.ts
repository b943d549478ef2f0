// What the checks learn of the staged rows as a whole: a record's physical line (an offset when every record is one
// line in order — no join, no line table — the line table otherwise: the same lines in the reject report either way),
// and whether the file writes its dates month first.
import { describe, expect, it } from 'vitest';
import { linearLines } from '../../src/data/import/csv-stage';
import { createSchemaRunner } from '../../scripts/node-runner';
import { importBytes } from './support/import-fixture';

const SEMICOLON = { delimiter: ';', quote: '"', header: true, skipLines: 0 } as const;

describe('the line of a staged record', () => {
  it('is an offset only when every record follows the one before on the next line', () => {
    expect(linearLines(Int32Array.from([2, 3, 4]))).toEqual({ offset: 1 });
    expect(linearLines(Int32Array.from([5, 6]))).toEqual({ offset: 4 });
    expect(linearLines(new Int32Array(0))).toEqual({ offset: 0 });
    expect(linearLines(Int32Array.from([2, 4, 5]))).toBeNull(); // a quoted newline, or a rejected or blank line
  });
});

describe('reject lines and texts, with and without the line table', () => {
  const base = { target: 'incidents' as const, decimal: ',' as const, coordinates: null, mode: 'append' as const, replaceExample: false, source: 'test.csv' };
  const columns = { id: 'Id', date: 'Datum', category: 'Brottstyp', description: 'Text' };
  const run = async (text: string, skipLines = 0) => {
    const runner = await createSchemaRunner();
    try {
      const result = await importBytes(runner, new TextEncoder().encode(text), { ...SEMICOLON, skipLines, columns: ['Id', 'Datum', 'Brottstyp', 'Text'] }, { ...base, columns });
      return { imported: result.imported, rejected: result.rejected.map((r) => [r.line, r.reason, r.value ?? null, r.text ?? null]) };
    } finally {
      runner.close();
    }
  };

  it('gives the same physical lines whether the records follow line by line or not', async () => {
    // Line by line, after a title line: line = record + 2.
    expect(await run('Rapport\nId;Datum;Brottstyp;Text\nA1;2026-04-01;Stöld;a\nA2;2026-02-30;Stöld;b\nA3;2026-04-02;;c\n', 1)).toEqual({
      imported: 1,
      rejected: [[4, 'no-such-date', '2026-02-30', 'A2;2026-02-30;Stöld;b'], [5, 'missing-category', null, 'A3;2026-04-02;;c']],
    });
    // A quoted newline in the first record moves every later record one line down: the line table.
    expect(await run('Id;Datum;Brottstyp;Text\nA1;2026-04-01;Stöld;"a\nb"\nA2;2026-02-30;Stöld;b\nA3;2026-04-02;;c\n')).toEqual({
      imported: 1,
      rejected: [[4, 'no-such-date', '2026-02-30', 'A2;2026-02-30;Stöld;b'], [5, 'missing-category', null, 'A3;2026-04-02;;c']],
    });
  });
});

describe('dates with the year last', () => {
  const base = { target: 'incidents' as const, decimal: ',' as const, coordinates: null, mode: 'append' as const, replaceExample: false, source: 'test.csv' };
  const columns = { id: 'Id', date: 'Datum', category: 'Brottstyp' };
  const run = async (dates: string[]) => {
    const runner = await createSchemaRunner();
    try {
      const text = ['Id;Datum;Brottstyp', ...dates.map((d, i) => `D${i + 1};${d};Stöld`)].join('\n') + '\n';
      const result = await importBytes(runner, new TextEncoder().encode(text), SEMICOLON, { ...base, columns });
      const days = await runner.rows<{ id: string; day: string }>(`SELECT id, strftime(occurred_at, '%Y-%m-%d') AS day FROM incidents ORDER BY id`);
      return { days: days.map((r) => [r.id, r.day]), rejected: result.rejected.map((r) => [r.line, r.reason, r.value]) };
    } finally {
      runner.close();
    }
  };

  it('are read day first, month first where day first names no month; a file that writes month first has its dates that could be either rejected (testers)', async () => {
    // A European file: 04/05/2026 is 4 May.
    expect(await run(['16/04/2026', '04/05/2026', '1-2-2026', '2026-04-03'])).toEqual({
      days: [['D1', '2026-04-16'], ['D2', '2026-05-04'], ['D3', '2026-02-01'], ['D4', '2026-04-03']], rejected: [],
    });
    // An American file: 04/16/2026 proves month first, so 04/05/2026 is not silently 4 May — every date that could be
    // either day is rejected with the reason; an ISO date in the same file is still read, and so is every date with
    // one reading only (04/16/2026, 12-31-2025 month first; 16/04/2026, 13-1-2026 day first; 04/04/2026 either way —
    // testers saw them rejected as uncertain).
    expect(await run(['04/16/2026', '04/05/2026', '12-01-2026', '2026-04-03', '16/04/2026', '13-1-2026', '12-31-2025', '1/2/2026', '04/04/2026', '04/31/2026'])).toEqual({
      days: [['D1', '2026-04-16'], ['D4', '2026-04-03'], ['D5', '2026-04-16'], ['D6', '2026-01-13'], ['D7', '2025-12-31'], ['D9', '2026-04-04']],
      rejected: [[3, 'month-first-date', '04/05/2026'], [4, 'month-first-date', '12-01-2026'], [9, 'month-first-date', '1/2/2026'], [11, 'no-such-date', '04/31/2026']],
    });
  });
});
