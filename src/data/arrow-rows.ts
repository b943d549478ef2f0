// Query results as plain row objects, the shape every model takes: Arrow tables from the coordinator become
// arrays of objects, and BIGINT counts become numbers (counts here stay far below 2^53).
/** What the coordinator returns: a flechette Arrow table. */
interface ColumnarArrow {
  numRows: number;
  toColumns(): Record<string, ArrayLike<unknown>>;
}

/**
 * The rows of an Arrow table (flechette's, as the coordinator returns them), BIGINTs as numbers. Built from the
 * table's columns, one object per row: reading rows as objects and copying each (the way before 2026-12-02) made
 * three objects and an entries array per row — ~30 MB of garbage for the Karta's 100 000 counts per cell and week,
 * part of the tab's peak after a few map steps.
 */
export function arrowRows<T>(data: unknown): T[] {
  const table = data as ColumnarArrow;
  const columns = Object.entries(table.toColumns());
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) rows[i] = {};
  for (const [name, values] of columns) {
    for (let i = 0; i < table.numRows; i++) {
      const v = values[i];
      rows[i][name] = typeof v === 'bigint' ? Number(v) : v;
    }
  }
  return rows as T[];
}
