// Whether a decoded Parquet chunk's text may need Unicode normalisation, read from its Arrow buffers in the page: a
// file with no combining mark anywhere (nearly every one) skips the normalisation test in the import's checks
// (~0.4 s of a 1M-row import in the browser), as a CSV file does after its UTF-8 pass (read-file.ts).
import { DataType, tableFromIPC, type Data } from 'apache-arrow';
import { Utf8Tally } from '../../lib/parsing/utf8-check';

/**
 * True when some text value in the Arrow IPC stream `ipc` holds a character Unicode NFC can change (utf8-check.ts
 * `Utf8Tally.composable`), or when a text-like column comes in a layout not read here (dictionary, string view …):
 * then normalising is the safe answer. Reads the bytes in place; does not keep or transfer the buffer.
 */
export function arrowTextMayNeedNormalising(ipc: Uint8Array): boolean {
  const table = tableFromIPC(ipc);
  const tally = new Utf8Tally();
  for (const field of table.schema.fields) {
    const type = field.type;
    if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
      for (const data of table.getChild(field.name)?.data ?? []) {
        tally.push((data as Data).values as Uint8Array, true);
        if (tally.composable) return true;
      }
    } else if (!isPlainType(type)) {
      return true;
    }
  }
  return false;
}

/** Types that carry no text of their own (numbers, dates, times, booleans, binary, nulls). */
function isPlainType(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type) || DataType.isDate(type) || DataType.isTime(type)
    || DataType.isTimestamp(type) || DataType.isInterval(type) || DataType.isBool(type) || DataType.isNull(type) || DataType.isBinary(type)
    || DataType.isFixedSizeBinary(type) || DataType.isDuration(type);
}
