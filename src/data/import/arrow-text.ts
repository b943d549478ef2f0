// What the page learns from a decoded Parquet chunk's text, read from its Arrow buffers before they go to DuckDB:
// - whether any text may need Unicode normalisation: a file with no combining mark anywhere (nearly every one) skips
//   the normalisation test in the import's checks (~0.4 s of a 1M-row import in the browser), as a CSV file does
//   after its UTF-8 pass (read-file.ts);
// - which rows hold a NUL byte: rejected as 'nul-byte', as a CSV row holding one is (read-file.ts). Stored, a NUL sits
//   inside a value nobody sees, and DuckDB's text functions stop at it.
import { DataType, tableFromIPC, type Data } from 'apache-arrow';
import { Utf8Tally } from '../../lib/parsing/utf8-check';

export interface ArrowTextFacts {
  /** Some value holds a character NFC can change (`Utf8Tally.composable`), or a text column's layout is not read here. */
  mayNeedNormalising: boolean;
  /** Record numbers (`firstRecord` for the chunk's first row), ascending, of rows with a NUL byte in a text value. */
  nulRecords: number[];
}

/**
 * Reads the text columns of the Arrow IPC stream `ipc` in place (does not keep or transfer the buffer). Plain text
 * (Utf8, LargeUtf8) is read from its value buffers; dictionary-encoded text from its dictionary, and row by row only
 * when the dictionary holds a NUL. Other text-carrying layouts (string view, lists, structs) count as needing
 * normalisation and are not searched for NUL bytes.
 */
export function arrowTextFacts(ipc: Uint8Array, firstRecord = 1): ArrowTextFacts {
  const table = tableFromIPC(ipc);
  const tally = new Utf8Tally();
  let mayNeedNormalising = false;
  const nulRows = new Set<number>();
  for (const field of table.schema.fields) {
    const type = field.type;
    const column = table.getChild(field.name);
    if (!column) continue;
    if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
      let row = 0;
      for (const data of column.data as Data[]) {
        const values = data.values as Uint8Array;
        tally.push(values, true);
        if (tally.nul) for (const r of rowsWithNul(data)) nulRows.add(row + r);
        row += data.length;
      }
    } else if (DataType.isDictionary(type) && (DataType.isUtf8(type.dictionary) || DataType.isLargeUtf8(type.dictionary))) {
      mayNeedNormalising = true;
      for (let i = 0; i < column.length; i++) {
        const value = column.get(i) as string | null;
        if (value !== null && value.includes('\u0000')) nulRows.add(i);
      }
    } else if (!isPlainType(type)) {
      mayNeedNormalising = true;
    }
  }
  return {
    mayNeedNormalising: mayNeedNormalising || tally.composable,
    nulRecords: [...nulRows].sort((a, b) => a - b).map((r) => r + firstRecord),
  };
}

/** True when some text value in `ipc` may need Unicode normalisation (see arrowTextFacts). */
export function arrowTextMayNeedNormalising(ipc: Uint8Array): boolean {
  return arrowTextFacts(ipc).mayNeedNormalising;
}

/** Rows of one Utf8/LargeUtf8 chunk whose value holds a zero byte: each NUL's byte position found in the offsets. */
function rowsWithNul(data: Data): number[] {
  const values = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  // Arrow JS slices the offsets with the data (Data._sliceBuffers): offsets[i] is row i's start in `values`.
  const at = (i: number) => Number(offsets[i]);
  const rows: number[] = [];
  for (let p = values.indexOf(0, at(0)); p !== -1 && p < at(data.length); p = values.indexOf(0, p + 1)) {
    // The row r with at(r) <= p < at(r + 1): binary search (empty values share an offset, so take the last such r).
    let lo = 0;
    let hi = data.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at(mid) <= p) lo = mid; else hi = mid - 1;
    }
    if (rows[rows.length - 1] !== lo) rows.push(lo);
    p = Math.max(p, at(lo + 1) - 1); // the rest of this row's bytes need no search
  }
  return rows;
}

/** Types that carry no text of their own (numbers, dates, times, booleans, binary, nulls). */
function isPlainType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type) || DataType.isDate(type) || DataType.isTime(type)
    || DataType.isTimestamp(type) || DataType.isInterval(type) || DataType.isBool(type) || DataType.isNull(type) || DataType.isBinary(type)
    || DataType.isFixedSizeBinary(type) || DataType.isDuration(type);
}
