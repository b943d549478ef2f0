// The encoding of a whole file, decided before the preview. The first bytes decide a BOM and UTF-16; whether
// the rest is UTF-8 or Windows-1252 is decided by every byte of the file, streamed (a Windows-1252 export
// sorted by date can be plain ASCII for its first megabytes). One pass in JS: ~0.25 s per 150 MB here.
import { detectEncoding, type EncodingGuess } from '../../lib/parsing/text-encoding';
import { Utf8Tally } from '../../lib/parsing/utf8-check';

export async function detectFileEncoding(file: Blob, head: Uint8Array): Promise<EncodingGuess> {
  const start = detectEncoding(head);
  if (start.bomLength > 0 || start.encoding.startsWith('utf-16')) return start;
  const tally = new Utf8Tally();
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      tally.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  tally.push(new Uint8Array(0), true);
  return { ...start, encoding: tally.isUtf8 ? 'utf-8' : 'windows-1252', decided: tally.decided, ...(tally.valid > 0 && tally.invalid > 0 ? { mixed: true, invalidBytes: tally.invalid } : {}) };
}
