// A Parquet file is decoded a few row groups at a time (parquet-file.ts): which groups go together.

/** Rows decoded at a time (whole row groups; a larger single group is read alone). */
export const PARQUET_CHUNK_ROWS = 250_000;

/**
 * Consecutive row groups (their indexes) in chunks of at most `maxRows` rows, in file order; a group larger than
 * `maxRows` is a chunk of its own. `rows`: each row group's row count.
 */
export function rowGroupChunks(rows: number[], maxRows: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let inCurrent = 0;
  rows.forEach((n, i) => {
    if (current.length && inCurrent + n > maxRows) {
      chunks.push(current);
      current = [];
      inCurrent = 0;
    }
    current.push(i);
    inCurrent += n;
  });
  if (current.length) chunks.push(current);
  return chunks;
}
