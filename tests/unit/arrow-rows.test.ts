// Query results become row objects from the Arrow table's columns (arrow-rows.ts): the same rows, values and nulls
// as reading the table row by row, with BIGINT counts as numbers.
import { describe, expect, it } from 'vitest';
import { tableFromArrays, int64, int32, utf8, float64 } from '@uwdata/flechette';
import { arrowRows } from '../../src/data/arrow-rows';

describe('arrowRows', () => {
  it('gives the rows the table holds, nulls and all, BIGINTs as numbers', () => {
    const table = tableFromArrays(
      { ix: [1, -2, 3], n: [10n, 20n, 2n ** 40n], place: ['Torget', null, 'Å'], share: [0.5, null, 1], k: Int32Array.from([7, 8, 9]) },
      { types: { ix: int32(), n: int64(), place: utf8(), share: float64(), k: int32() }, useBigInt: true },
    );
    const byRow = (table.toArray() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    const rows = arrowRows<Record<string, unknown>>(table);
    expect(rows).toEqual(byRow);
    expect(rows[2]).toEqual({ ix: 3, n: 2 ** 40, place: 'Å', share: 1, k: 9 });
    expect(rows[1].place).toBeNull();
    expect(typeof rows[0].n).toBe('number');
  });

  it('reads a table with no rows', () => {
    expect(arrowRows(tableFromArrays({ a: [] }))).toEqual([]);
  });
});
