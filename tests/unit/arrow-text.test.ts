// A Parquet file's text is normalised only when a decoded chunk holds something NFC can change (arrow-text.ts). The
// chunks here are decoded by parquet-wasm's Node build from files native DuckDB wrote, as the page decodes them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dictionary, Int32, LargeUtf8, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { Table as WasmTable, WriterPropertiesBuilder, readParquet, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowTextFacts, arrowTextMayNeedNormalising } from '../../src/data/import/arrow-text';
import { createNodeRunner } from '../../scripts/node-runner';

describe('whether a decoded Parquet chunk may need Unicode normalisation', () => {
  let runner: Awaited<ReturnType<typeof createNodeRunner>>;
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-arrow-text-'));
  beforeAll(async () => { runner = await createNodeRunner(); });
  afterAll(() => runner.close());

  /** A Parquet file of one text column `v` (and numbers, a timestamp) with these values, decoded as the page does. */
  async function decoded(values: (string | null)[]): Promise<Uint8Array> {
    const file = join(dir, `f${Math.random().toString(36).slice(2)}.parquet`);
    const list = values.map((v) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`)).join(', ');
    await runner.exec(`COPY (SELECT i::INTEGER AS n, TIMESTAMP '2026-03-01' + to_days(i::INTEGER) AS t, 59.3 + i / 100 AS lat, v
      FROM (SELECT unnest([${list}]::VARCHAR[]) AS v, generate_subscripts([${list}]::VARCHAR[], 1) AS i)) TO '${file}' (FORMAT parquet)`);
    return readParquet(new Uint8Array(readFileSync(file))).intoIPCStream();
  }

  it('is false for Swedish text in composed form, ASCII and empty values — and for a file of numbers only', async () => {
    expect(arrowTextMayNeedNormalising(await decoded(['Stöld', 'Skadegörelse', 'Åby', 'Ängen', '', null, 'Rån i "centrum"']))).toBe(false);
    expect(arrowTextMayNeedNormalising(await decoded([]))).toBe(false);
  });

  it('is true when one value anywhere holds a combining mark or a sign NFC replaces', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `Plats ${i}`);
    for (const odd of ['Sto\u0308ld', 'A\u030Aby', '\u212Bngström', '\u2126hm', '\u212Aelvin', 'x\u1DC0', 'y\u20D7', 'z\uFE20']) {
      expect(arrowTextMayNeedNormalising(await decoded([...many, odd])), odd).toBe(true);
    }
  });

  it('is true for text in a layout it does not read (dictionary-encoded), false for plain columns of other types', () => {
    const dictionary = new Table({ v: vectorFromArray(['Stöld', 'Rån', 'Stöld'], new Dictionary(new Utf8(), new Int32())) });
    expect(arrowTextMayNeedNormalising(tableToIPC(dictionary, 'stream'))).toBe(true);
    const plain = tableFromArrays({ n: Int32Array.from([1, 2, 3]), x: Float64Array.from([1.5, 2.5, 3.5]) });
    expect(arrowTextMayNeedNormalising(tableToIPC(plain, 'stream'))).toBe(false);
  });

  // A NUL byte in a Parquet text value is found where it is, in every column, row group and position, as in a CSV
  // (read-file.ts): its row is rejected as 'nul-byte'. Expected rows are computed here with String.includes.
  describe('rows holding a NUL byte', () => {
    const NUL = '\u0000';
    const expectedRecords = (columns: (string | null)[][], first: number) =>
      columns[0].map((_, i) => i).filter((i) => columns.some((c) => c[i]?.includes(NUL))).map((i) => i + first);

    /** Arrow text columns `a` and `b` written to Parquet in row groups of `groupRows`, decoded as the page decodes them. */
    function throughParquet(a: (string | null)[], b: (string | null)[], groupRows: number): Uint8Array {
      const ipc = tableToIPC(new Table({ a: vectorFromArray(a, new Utf8()), b: vectorFromArray(b, new Utf8()), n: vectorFromArray(a.map((_, i) => i)) }), 'stream');
      const parquet = writeParquet(WasmTable.fromIPCStream(ipc), new WriterPropertiesBuilder().setMaxRowGroupSize(groupRows).build());
      return readParquet(parquet).intoIPCStream();
    }

    it('finds the NUL at the first, last and only byte of a value, beside empty values and nulls, in either column', () => {
      const a = ['Stöld', `${NUL}Rån`, 'Rån', '', null, `Åby${NUL}`, NUL, 'x', `a${NUL}${NUL}b${NUL}`, '', 'ok'];
      const b = ['p', 'q', null, `${NUL}`, 'r', 's', 't', 'Ängen', 'u', 'v', `w${NUL}`];
      for (const groupRows of [1, 2, 3, 1000]) {
        const facts = arrowTextFacts(throughParquet(a, b, groupRows), 1);
        expect(facts.nulRecords, `row groups of ${groupRows}`).toEqual(expectedRecords([a, b], 1));
        expect(facts.mayNeedNormalising).toBe(false);
      }
      expect(expectedRecords([a, b], 1)).toEqual([2, 4, 6, 7, 9, 11]);
    });

    it('numbers the rows from the chunk\'s first record, and finds none in clean text', () => {
      const many = Array.from({ length: 3000 }, (_, i) => (i % 997 === 5 ? `Plats ${NUL}${i}` : `Plats ${i}`));
      const plain = many.map(() => 'Stöld');
      expect(arrowTextFacts(throughParquet(many, plain, 700), 250_001).nulRecords).toEqual(expectedRecords([many, plain], 250_001));
      expect(arrowTextFacts(throughParquet(plain, plain, 700), 1).nulRecords).toEqual([]);
    });

    it('reads large text and dictionary-encoded text too', () => {
      const values = ['a', `b${NUL}`, null, 'c', `${NUL}`];
      const large = new Table({ v: vectorFromArray(values, new LargeUtf8()) });
      expect(arrowTextFacts(tableToIPC(large, 'stream'), 10).nulRecords).toEqual([11, 14]);
      const dictionary = new Table({ v: vectorFromArray(values, new Dictionary(new Utf8(), new Int32())) });
      expect(arrowTextFacts(tableToIPC(dictionary, 'stream'), 1).nulRecords).toEqual([2, 5]);
    });
  });
});
