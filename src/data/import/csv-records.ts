// An independent count of a CSV file's records, with the physical line each starts on. DuckDB's reader drops
// what follows an unterminated quote without reporting it, so "imported + rejected = rows in the file" needs
// a count of our own. Same rules as DuckDB's reader with quote = escape = '"': a quote opens only at the start
// of a field; "" inside quotes is a quote; newlines inside quotes belong to the field. Bytes, not characters:
// delimiter, quote and newlines are ASCII, so this works on UTF-8 (and on Windows-1252 before transcoding).

export interface RecordScan {
  /** Records after the header, i.e. the rows the file holds. */
  records: number;
  /** 1-based physical line on which each data record starts: what the user is told. */
  startLines: Int32Array;
  /** The same records as DuckDB's reader numbers them in its rejects table: newlines inside quotes not counted. */
  readerLines: Int32Array;
  /** Line of the header record (0 when there is none). */
  headerLine: number;
  /** Start line of a record whose quote never closed (it swallows the rest of the file), or null. */
  unterminatedQuoteLine: number | null;
  /** Byte offset (in the scanned bytes) where that record starts, or null: its text is read from there (quoteLineText). */
  unterminatedQuoteOffset: number | null;
  /** That record's first line (quoteLineText), where whoever scanned had the bytes to read it. */
  unterminatedQuoteText?: string;
  /**
   * Whether records end in more than one way (LF, CRLF, a lone CR) outside quotes: DuckDB's reader takes the first
   * kind it meets for the whole file and stops with "The CSV Parser state machine reached an invalid state" at another
   * (a file put together from a Windows and a Unix export). Such a file is read from a copy with one kind (unifyLineEnds).
   */
  mixedLineEnds: boolean;
}

export interface ScanOptions {
  delimiter: string;
  quote: string;
  header: boolean;
  /** Physical lines before the header (a report's title, period and empty lines), as DuckDB's `skip` counts them. */
  skipLines?: number;
}

const LF = 0x0a;
const CR = 0x0d;
// Kinds of record ends, as bits of RecordScanner.lineEnds.
const END_LF = 1;
const END_CRLF = 2;
const END_CR = 4;

export class RecordScanner {
  private readonly delimiter: number;
  private readonly quote: number;
  private starts: Int32Array = new Int32Array(1024);
  private readerStarts: Int32Array = new Int32Array(1024);
  private count = 0;
  private line = 1;
  private readerLine = 1;
  private recordReaderLine = 1;
  private inQuotes = false;
  private atFieldStart = true;
  private recordHasContent = false;
  private recordStartLine = 1;
  /** Byte offset of the current record's start, over every chunk pushed (`consumed`: bytes of the chunks before). */
  private recordStartOffset = 0;
  private consumed = 0;
  private quoteClosedPending = false;
  private previousWasCR = false;
  /** Whether the last CR ended a record's line outside quotes (its kind is known at the next byte: LF or not). */
  private crEndedLine = false;
  /** The kinds of line end seen outside quotes (END_* bits). */
  private lineEnds = 0;

  /**
   * Rows seen so far, for progress reports while streaming: records less the header and the lines before it (a
   * title line is one record; the count the import reports, `records` of finish(), is exact).
   */
  get recordsSoFar(): number {
    return Math.max(0, this.count - (this.options.skipLines ?? 0) - (this.options.header ? 1 : 0));
  }

  /** 1 for the bytes the scan must look at (delimiter, quote, LF, CR), 0 for the rest. */
  private readonly special = new Uint8Array(256);

  constructor(private readonly options: ScanOptions) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quote ? options.quote.charCodeAt(0) : -1;
    for (const b of [this.delimiter, this.quote, LF, CR]) if (b >= 0 && b < 256) this.special[b] = 1;
  }

  /**
   * Feed the next chunk of bytes (files are streamed in chunks). The state is held in locals through the loop and
   * written back at the end (read and written on `this` for every byte, the scan of a 150 MB file took ~1.0 s in
   * Node; now ~0.43 s), and ordinary bytes are skipped in a tight loop. The same states and transitions: the record
   * scanner's unit tests (import-csv.test.ts), the fuzz test against DuckDB's reader and the CSV corpora.
   */
  push(bytes: Uint8Array): void {
    const { delimiter, quote } = this;
    let { line, readerLine, inQuotes, atFieldStart, recordHasContent, quoteClosedPending, previousWasCR, crEndedLine, lineEnds } = this;
    // Bytes other than the delimiter, the quote and line ends change nothing but "at the start of a field": inside a
    // record and outside quotes they are skipped in a tight loop.
    const special = this.special;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      if (recordHasContent && !inQuotes && !previousWasCR && special[bytes[i]] === 0) {
        while (i + 1 < n && special[bytes[i + 1]] === 0) i++;
        atFieldStart = false;
        continue;
      }
      const b = bytes[i];
      if (crEndedLine) {
        lineEnds |= b === LF ? END_CRLF : END_CR;
        crEndedLine = false;
      }
      if (previousWasCR && b === LF) {
        // CRLF: the CR already ended the line.
        previousWasCR = false;
        continue;
      }
      previousWasCR = b === CR;
      if (inQuotes) {
        if (quoteClosedPending) {
          quoteClosedPending = false;
          if (b === quote) continue; // "" → a literal quote
          inQuotes = false; // the quote closed the field: handle b below
        } else if (b === quote) {
          quoteClosedPending = true;
          continue;
        } else {
          if (b === LF || b === CR) line++;
          continue;
        }
      }
      if (b === LF || b === CR) {
        if (recordHasContent) {
          this.endRecord();
          recordHasContent = false;
          inQuotes = false;
          quoteClosedPending = false;
        }
        if (b === CR) crEndedLine = true;
        else lineEnds |= END_LF;
        line++;
        readerLine++;
        atFieldStart = true;
        continue;
      }
      if (!recordHasContent) {
        recordHasContent = true;
        this.recordStartLine = line;
        this.recordReaderLine = readerLine;
        this.recordStartOffset = this.consumed + i;
      }
      if (b === delimiter) {
        atFieldStart = true;
      } else if (b === quote && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else {
        atFieldStart = false;
      }
    }
    Object.assign(this, { line, readerLine, inQuotes, atFieldStart, recordHasContent, quoteClosedPending, previousWasCR, crEndedLine, lineEnds });
    this.consumed += n;
  }

  finish(): RecordScan {
    let unterminatedQuoteLine: number | null = null;
    let unterminatedQuoteOffset: number | null = null;
    if (this.inQuotes && !this.quoteClosedPending) {
      unterminatedQuoteLine = this.recordStartLine;
      unterminatedQuoteOffset = this.recordStartOffset;
    }
    if (this.recordHasContent) this.endRecord();
    const lineEnds = this.lineEnds | (this.crEndedLine ? END_CR : 0);
    const all = this.starts.subarray(0, this.count);
    // Records that start on a skipped line are not rows (blank lines among them are no records at all).
    const skipLines = this.options.skipLines ?? 0;
    let skip = 0;
    while (skip < all.length && all[skip] <= skipLines) skip++;
    const firstIsHeader = this.options.header && all.length > skip;
    const headerLine = firstIsHeader ? all[skip] : 0;
    const first = skip + (firstIsHeader ? 1 : 0);
    const startLines = all.subarray(first);
    const readerLines = this.readerStarts.subarray(first, this.count);
    // More than one bit set: more than one kind.
    return { records: startLines.length, startLines, readerLines, headerLine, unterminatedQuoteLine, unterminatedQuoteOffset, mixedLineEnds: (lineEnds & (lineEnds - 1)) !== 0 };
  }

  private endRecord(): void {
    if (this.count === this.starts.length) {
      const bigger = new Int32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
      const biggerReader = new Int32Array(this.readerStarts.length * 2);
      biggerReader.set(this.readerStarts);
      this.readerStarts = biggerReader;
    }
    this.readerStarts[this.count] = this.recordReaderLine;
    this.starts[this.count++] = this.recordStartLine;
    this.recordHasContent = false;
    this.inQuotes = false;
    this.quoteClosedPending = false;
  }
}

export function scanRecords(bytes: Uint8Array, options: ScanOptions): RecordScan {
  const scanner = new RecordScanner(options);
  scanner.push(bytes);
  const scan = scanner.finish();
  const text = quoteLineText(scan, bytes);
  return text === null ? scan : { ...scan, unterminatedQuoteText: text };
}

/**
 * Physical line numbers of the rows DuckDB accepted, in file order: the k-th accepted row is the k-th record
 * that is neither in DuckDB's rejects (matched by DuckDB's own line numbering) nor lost after an unterminated
 * quote. Also returns the physical lines of the rejected records, and of records DuckDB neither accepted nor
 * rejected.
 */
export function acceptedLines(scan: RecordScan, rejectedReaderLines: number[], accepted: number) {
  const rejected = new Set(rejectedReaderLines);
  const lines = new Int32Array(accepted);
  let k = 0;
  const unaccounted: number[] = [];
  const rejectedPhysical = new Map<number, number>();
  for (let i = 0; i < scan.records; i++) {
    const readerLine = scan.readerLines[i];
    if (rejected.has(readerLine)) {
      rejectedPhysical.set(readerLine, scan.startLines[i]);
      continue;
    }
    if (k < accepted) lines[k++] = scan.startLines[i];
    else unaccounted.push(scan.startLines[i]);
  }
  return { lines: lines.subarray(0, k), unaccounted, rejectedPhysical };
}

/** The start line of the data record that a physical line belongs to; null before the first data record. */
export function recordStartOf(scan: RecordScan, line: number): number | null {
  const starts = scan.startLines;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || line < starts[0]) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= line) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo];
}

/**
 * A copy of `bytes` (UTF-8 or any ASCII-compatible text) with every line end — CRLF, a lone CR, LF — written as LF,
 * for DuckDB's reader, which reads one kind per file (RecordScan.mixedLineEnds). Each line end stays one line end, so
 * line numbers do not change; a line break inside a quoted field becomes LF too (its CR is dropped).
 */
export function unifyLineEnds(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === CR) {
      out[n++] = LF;
      if (bytes[i + 1] === LF) i++;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Bytes of a record lost to an unclosed quote that are shown as its text: its first line, at most this long. */
export const QUOTE_LINE_BYTES = 400;

/**
 * The first line of the record whose quote never closed, as UTF-8 text (`bytes`: what was scanned, or at least from
 * `RecordScan.unterminatedQuoteOffset` on), for the report's "row as read": DuckDB gives it no text. Null without one.
 */
export function quoteLineText(scan: RecordScan, bytes: Uint8Array, offset = 0): string | null {
  if (scan.unterminatedQuoteOffset === null) return null;
  const start = scan.unterminatedQuoteOffset - offset;
  const head = bytes.subarray(start, start + QUOTE_LINE_BYTES);
  const text = new TextDecoder().decode(head);
  return text.split(/\r\n?|\n/, 1)[0];
}
