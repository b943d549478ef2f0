// Which character encoding a file's bytes are in. Swedish exports arrive as UTF-8, UTF-8 with BOM, UTF-16 with
// BOM (Excel's "Unicode text") or Windows-1252 (older Excel "CSV"). Bytes that are not valid UTF-8 and have no
// BOM are read as Windows-1252 — every byte is a character there, so nothing is lost, only possibly misread,
// which the preview shows.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** NUL bytes in a file that is not UTF-16: most likely not a text file at all. */
  looksBinary: boolean;
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, looksBinary: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, looksBinary: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, looksBinary: false };
  const sample = bytes.subarray(0, 1 << 16);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const half = sample.length / 2;
  // UTF-16 without BOM: ASCII text has a NUL in every other byte.
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return { encoding: 'utf-16le', bomLength: 0, looksBinary: false };
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return { encoding: 'utf-16be', bomLength: 0, looksBinary: false };
  const looksBinary = evenNul + oddNul > 0;
  return { encoding: isValidUtf8(sample, sample.length < bytes.length) ? 'utf-8' : 'windows-1252', bomLength: 0, looksBinary };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of a sample. */
function isValidUtf8(sample: Uint8Array, truncated: boolean): boolean {
  let end = sample.length;
  if (truncated) {
    // Back off to the start of the last (possibly incomplete) character.
    let i = end - 1;
    while (i > 0 && end - i < 4 && (sample[i] & 0xc0) === 0x80) i--;
    if (sample[i] >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array, guess: Pick<EncodingGuess, 'encoding' | 'bomLength'>): string {
  return new TextDecoder(guess.encoding).decode(bytes.subarray(guess.bomLength));
}
