// Query results as plain row objects, the shape every model takes: Arrow tables from the coordinator become
// arrays of objects, and BIGINT counts become numbers (counts here stay far below 2^53).
interface ArrowLike {
  toArray(): unknown[];
}

interface ColumnarArrow {
  numRows: number;
  toColumns(): Record<string, ArrayLike<unknown>>;
}

function isColumnar(data: unknown): data is ColumnarArrow {
  return typeof (data as ColumnarArrow).toColumns === 'function' && typeof (data as ColumnarArrow).numRows === 'number';
}

/**
 * The rows of an Arrow table (flechette's, as the coordinator returns them), BIGINTs as numbers. Built from the
 * table's columns, one object per row: reading rows as objects and copying each (the way before 2026-12-02) made
 * three objects and an entries array per row — ~30 MB of garbage for the Karta's 100 000 counts per cell and week,
 * part of the tab's peak after a few map steps.
 */
export function arrowRows<T>(data: unknown): T[] {
  if (!isColumnar(data)) {
    const rows = (data as ArrowLike).toArray() as Record<string, unknown>[];
    return rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
      return out as T;
    });
  }
  const columns = Object.entries(data.toColumns());
  const rows: Record<string, unknown>[] = new Array(data.numRows);
  for (let i = 0; i < data.numRows; i++) rows[i] = {};
  for (const [name, values] of columns) {
    for (let i = 0; i < data.numRows; i++) {
      const v = values[i];
      rows[i][name] = typeof v === 'bigint' ? Number(v) : v;
    }
  }
  return rows as T[];
}
