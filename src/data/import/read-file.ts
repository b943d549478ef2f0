// Reads a file in chunks: transcodes to UTF-8 and counts records as it goes, reporting progress and stopping
// when cancelled. The whole UTF-8 text ends up in one buffer for DuckDB (registerFileBuffer).
import type { TextEncodingName } from '../../lib/parsing/text-encoding';
import { Utf8Tally, linesWithNul, markInvalidUtf8 } from '../../lib/parsing/utf8-check';
import { QUOTE_LINE_BYTES, quoteLineText, RecordScanner, recordStartOf, unifyLineEnds, type RecordScan, type ScanOptions } from './csv-records';

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
  elapsedMs: number;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; the data already loaded is untouched.');
    this.name = 'ImportCancelledError';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ImportCancelledError();
}

/**
 * Reads `file` once, in chunks: its records are scanned (start lines), UTF-8 validity tallied, progress reported.
 * Returns the text as UTF-8 bytes for DuckDB — or `utf8: null` when the file is valid UTF-8 already and `keepBytes`
 * is false: then DuckDB reads the file itself (a registered file handle; a UTF-8 BOM is skipped by its reader) and
 * the tab never holds a copy of it (1M rows: 150 MB in the page and 150 MB in DuckDB's heap, which never shrinks).
 * A file with bytes that are not UTF-8 is read again whole, to mark them; one whose records end in more than one way
 * (RecordScan.mixedLineEnds), to give DuckDB a copy with one kind (unifyLineEnds). Throws ImportCancelledError on `signal`.
 */
export async function readAndScan(
  file: Blob,
  encoding: { encoding: TextEncodingName; bomLength: number },
  scanOptions: ScanOptions,
  onProgress: (p: ReadProgress) => void = () => {},
  signal?: AbortSignal,
  { keepBytes = true }: { keepBytes?: boolean } = {},
): Promise<{ utf8: Uint8Array | null; scan: RecordScan; invalidUtf8Records: number[]; nulRecords: number[]; unicodeNormalize: boolean }> {
  const started = performance.now();
  const scanner = new RecordScanner(scanOptions);
  const reader = file.stream().getReader();
  const passThrough = encoding.encoding === 'utf-8';
  const decoder = passThrough ? null : new TextDecoder(encoding.encoding);
  const encoder = new TextEncoder();
  // UTF-8 passes through unchecked by the decoder, so its validity is tallied here (one cheap pass): DuckDB's
  // reader gives up on the rest of the file at the first invalid byte.
  const tally = passThrough ? new Utf8Tally() : null;
  const keep = keepBytes || !passThrough;
  // UTF-8 input keeps its size; transcoded text is collected in chunks and joined once.
  let out = passThrough && keep ? new Uint8Array(file.size) : null;
  const chunks: Uint8Array[] = [];
  let length = 0;
  let bytesRead = 0;
  let skip = encoding.bomLength;
  let lastReport = 0;
  // A NUL byte: UTF-8 passing through is looked at by the tally's word loop; transcoded text per chunk. The rows holding
  // one are found after the pass, when there are any.
  let sawNul = false;
  try {
    for (;;) {
      throwIfCancelled(signal);
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.length;
      let bytes: Uint8Array = value;
      if (skip > 0) {
        const cut = Math.min(skip, bytes.length);
        bytes = bytes.subarray(cut);
        skip -= cut;
      }
      const utf8 = decoder ? encoder.encode(decoder.decode(bytes, { stream: true })) : bytes;
      tally?.push(utf8);
      scanner.push(utf8);
      if (decoder && !sawNul && utf8.indexOf(0) !== -1) sawNul = true;
      if (out) out.set(utf8, length);
      else if (keep) chunks.push(utf8);
      length += utf8.length;
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        onProgress({ bytesRead, totalBytes: file.size, records: scanner.recordsSoFar, elapsedMs: now - started });
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (decoder) {
    const tail = encoder.encode(decoder.decode());
    scanner.push(tail);
    if (tail.indexOf(0) !== -1) sawNul = true;
    chunks.push(tail);
    length += tail.length;
  }
  if (!out && keep) {
    out = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) { out.set(c, offset); offset += c.length; }
  }
  const finished = scanner.finish();
  tally?.push(new Uint8Array(0), true);
  if (tally?.nul) sawNul = true;
  const invalid = tally !== null && tally.invalid > 0;
  // Bytes that are not UTF-8 must be marked in a copy DuckDB reads, and records that end in more than one way
  // (LF, CRLF, CR) unified in one: read again whole (rare: a mislabelled, damaged or pieced-together file).
  if (!out && (invalid || finished.mixedLineEnds)) out = new Uint8Array(await file.slice(encoding.bomLength).arrayBuffer());
  let utf8 = out ? out.subarray(0, keep ? length : out.length) : null;
  // A record lost to an unclosed quote gets its first line as its text (DuckDB gives none): from the kept bytes, or
  // read from the file at its offset (the bytes passed through, after the BOM).
  const offset = finished.unterminatedQuoteOffset;
  const quoteText = offset === null ? null
    : utf8 ? quoteLineText(finished, utf8)
    : quoteLineText(finished, new Uint8Array(await file.slice(encoding.bomLength + offset, encoding.bomLength + offset + QUOTE_LINE_BYTES).arrayBuffer()), offset);
  const scan: RecordScan = quoteText === null ? finished : { ...finished, unterminatedQuoteText: quoteText };
  // Rare (a file read as UTF-8 that isn't, or a damaged one): mark the bad bytes and reject their rows as such.
  const invalidUtf8Records = invalid && utf8 ? recordsOfLines(scan, markInvalidUtf8(utf8)) : [];
  // Rows holding a NUL byte (a damaged export): rejected as such, whatever the file's size (a NUL used to refuse a small
  // file whole as "not text" and pass into the stored value in a large one). DuckDB reads the file as it is; the bytes
  // are fetched again only to find the lines, when they were not kept.
  const nulRecords = sawNul
    ? recordsOfLines(scan, linesWithNul(utf8 ?? new Uint8Array(await file.slice(encoding.bomLength).arrayBuffer())))
    : [];
  if (scan.mixedLineEnds && utf8) utf8 = unifyLineEnds(utf8);
  onProgress({ bytesRead, totalBytes: file.size, records: scan.records, elapsedMs: performance.now() - started });
  performance.measure('lagesbild:read-file', { start: started, detail: { bytes: file.size } });
  // Windows-1252 has no combining marks; UTF-16 is not tallied, so it is normalised to be safe.
  const unicodeNormalize = tally ? tally.composable : encoding.encoding !== 'windows-1252';
  return { utf8, scan, invalidUtf8Records, nulRecords, unicodeNormalize };
}

/**
 * What the page's pass over a file learnt, when that pass runs while DuckDB already reads the file (csv-stage.ts readCsvStage): the
 * record scan, the start lines of records with bytes that are not UTF-8, whether text needs normalising — and, when
 * there were such bytes or mixed line ends, the name of a copy with them marked (unified), which DuckDB reads instead.
 */
export interface ScannedText {
  scan: RecordScan;
  invalidUtf8Records: number[];
  /** Start lines of records holding a NUL byte (rejected as 'nul-byte'). */
  nulRecords: number[];
  unicodeNormalize: boolean;
  /** A file name DuckDB must read instead of the request's (the file was not the UTF-8 it was taken for). */
  fileName?: string;
}

/** What `readAndScan` returns. */
export type ReadOutcome = Awaited<ReturnType<typeof readAndScan>>;

/**
 * The page's pass over a UTF-8 file (`pass`: readAndScan without keeping the bytes) as the import's read takes it beside
 * DuckDB's own read of the file (ScannedText): when the pass found bytes that are not UTF-8 it kept a copy
 * with them marked, which `registerCopy` hands to DuckDB under a name of its choosing, to be read instead.
 */
export function scanBesideRead(pass: () => Promise<ReadOutcome>, registerCopy: (bytes: Uint8Array) => Promise<string>): () => Promise<ScannedText> {
  return async () => {
    const outcome = await pass();
    const text = { scan: outcome.scan, invalidUtf8Records: outcome.invalidUtf8Records, nulRecords: outcome.nulRecords, unicodeNormalize: outcome.unicodeNormalize };
    return outcome.utf8 ? { ...text, fileName: await registerCopy(outcome.utf8) } : text;
  };
}

/** The start lines of the data records that contain the given physical lines (header and title lines excluded). */
export function recordsOfLines(scan: RecordScan, lines: number[]): number[] {
  const records = new Set<number>();
  for (const line of lines) {
    const start = recordStartOf(scan, line);
    if (start !== null) records.add(start);
  }
  return [...records];
}
