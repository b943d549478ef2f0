// Reads a file in chunks: transcodes to UTF-8 and counts records as it goes, reporting progress and stopping
// when cancelled. The whole UTF-8 text ends up in one buffer for DuckDB (registerFileBuffer).
import type { TextEncodingName } from '../../lib/parsing/text-encoding';
import { RecordScanner, type RecordScan, type ScanOptions } from './csv-records';

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

export async function readAndScan(
  file: Blob,
  encoding: { encoding: TextEncodingName; bomLength: number },
  scanOptions: ScanOptions,
  onProgress: (p: ReadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<{ utf8: Uint8Array; scan: RecordScan }> {
  const started = performance.now();
  const scanner = new RecordScanner(scanOptions);
  const reader = file.stream().getReader();
  const passThrough = encoding.encoding === 'utf-8';
  const decoder = passThrough ? null : new TextDecoder(encoding.encoding);
  const encoder = new TextEncoder();
  // UTF-8 input keeps its size; transcoded text is collected in chunks and joined once.
  let out = passThrough ? new Uint8Array(file.size) : null;
  const chunks: Uint8Array[] = [];
  let length = 0;
  let bytesRead = 0;
  let skip = encoding.bomLength;
  let lastReport = 0;
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
      scanner.push(utf8);
      if (out) out.set(utf8, length);
      else chunks.push(utf8);
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
    chunks.push(tail);
    length += tail.length;
  }
  if (!out) {
    out = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) { out.set(c, offset); offset += c.length; }
  }
  const scan = scanner.finish();
  onProgress({ bytesRead, totalBytes: file.size, records: scan.records, elapsedMs: performance.now() - started });
  return { utf8: out.subarray(0, length), scan };
}
