// Which character encoding a file's bytes are in. Swedish exports arrive as UTF-8, UTF-8 with BOM, UTF-16 with
// BOM (Excel's "Unicode text") or Windows-1252 (older Excel "CSV"). Bytes that are not valid UTF-8 and have no
// BOM are read as Windows-1252 — every byte is a character there, so nothing is lost, only possibly misread,
// which the preview shows.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /**
   * Control bytes (NUL and the other C0 codes but tab, line feed, vertical tab — FileMaker's line break in a field —,
   * form feed and carriage return; DEL) in more than 1 %
   * of the first 64 KB (and more than 8) of a file that is not UTF-16, or a known non-text format's first bytes
   * (ZIP/xlsx, xls, gzip, PDF). A few NULs in a text file are a damaged row, rejected as such.
   */
  looksBinary: boolean;
  /** The bytes decided it (a BOM, UTF-16, or bytes beyond ASCII); false for plain ASCII, where any choice reads the same. */
  decided?: boolean;
  /**
   * The file has both valid UTF-8 characters and bytes that are not UTF-8 (a file pieced together from two
   * encodings): some rows read wrong whichever is chosen. Set by the whole-file pass (detectFileEncoding).
   */
  mixed?: boolean;
  /** With `mixed`: how many bytes are not UTF-8 (Utf8Tally.invalid). */
  invalidBytes?: number;
}

/**
 * The first bytes of files that are never CSV however they are named — an Excel workbook saved as "….csv" is the
 * common case (a tester's zip renamed .csv was read as "only a header row"): ZIP (xlsx, ods, docx, zip), the old
 * Office format (xls), gzip and PDF (Parquet has NUL bytes, caught above). Their "magic numbers" as each format's specification gives them.
 */
const CONTAINER_SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP local file header "PK\3\4" (also an empty archive's "PK\5\6" below)
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2 compound file (.xls)
  [0x1f, 0x8b], // gzip
  [0x25, 0x50, 0x44, 0x46, 0x2d], // "%PDF-"
];

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, looksBinary: false, decided: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, looksBinary: false, decided: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, looksBinary: false, decided: true };
  const sample = bytes.subarray(0, 1 << 16);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const half = sample.length / 2;
  // UTF-16 without BOM: ASCII text has a NUL in every other byte.
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return { encoding: 'utf-16le', bomLength: 0, looksBinary: false, decided: true };
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return { encoding: 'utf-16be', bomLength: 0, looksBinary: false, decided: true };
  // Binary formats are full of control bytes (random bytes: ~10 %, 0.4 % of them NUL); text has none but tab and line
  // ends. A text export with a NUL or two (a damaged row) is read, that row rejected (read-file.ts). Before, any NUL in
  // the first 64 KB refused the file whole, while one later passed into a stored value; counting NULs alone let a
  // file of random bytes through (helper-61: read as "mixed encodings").
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) control++;
  }
  const looksBinary = (control > 8 && control > sample.length * 0.01) || CONTAINER_SIGNATURES.some((signature) => signature.every((b, i) => bytes[i] === b));
  const decided = sample.some((b) => b >= 0x80);
  return { encoding: isValidUtf8(sample, sample.length < bytes.length) || mostlyUtf8(sample) ? 'utf-8' : 'windows-1252', bomLength: 0, looksBinary, decided };
}

/**
 * A UTF-8 file with a few broken bytes (a bad copy, a cut-off field) is still UTF-8: read as Windows-1252 every
 * å, ä and ö in it would turn into "Ã¥". Windows-1252 text almost never forms valid multi-byte sequences, so:
 * UTF-8 unless the stray bytes outnumber its valid multi-byte characters (those become U+FFFD; see Utf8Tally.isUtf8).
 */
export function mostlyUtf8(sample: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; ) {
    const b = sample[i];
    if (b < 0x80) { i++; continue; }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= sample.length;
    for (let k = 1; ok && k < length; k++) ok = (sample[i + k] & 0xc0) === 0x80;
    if (ok) { valid++; i += length; } else { invalid++; i++; }
  }
  // The same bar as Utf8Tally.isUtf8 (why there).
  return valid > 0 && invalid <= valid;
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

/** A word of the file as the chosen encoding reads it, and as the encoding its bytes point to reads it. */
export interface MisreadExample {
  read: string;
  detected: string;
}

const SINGLE_BYTE_OR_UTF8: readonly TextEncodingName[] = ['utf-8', 'windows-1252'];
// ASCII separators: both UTF-8 and Windows-1252 read ASCII bytes as themselves, so the two readings split into the
// same words and the first word that differs is the example.
const WORD_BREAK = /[\s,;|"'\t()[\]{}<>=:]+/;
const MAX_EXAMPLE = 40;

/**
 * Where the chosen encoding misreads the file: the first word that UTF-8 and Windows-1252 read differently, as
 * each reads it ("StÃ¶ld" read as Windows-1252 / "Stöld" as UTF-8; "St\uFFFDld" read as UTF-8 / "Stöld" as
 * Windows-1252). `chosen`: what the user (or a remembered import) picked; `detected`: what the bytes point to
 * (detectEncoding). Null when they agree, when either is UTF-16 (no common words), or when no word differs in the
 * first 64 KiB (plain ASCII). Words are cut to 40 characters.
 */
export function misreadExample(bytes: Uint8Array, chosen: TextEncodingName, detected: EncodingGuess): MisreadExample | null {
  if (chosen === detected.encoding || !detected.decided) return null;
  if (!SINGLE_BYTE_OR_UTF8.includes(chosen) || !SINGLE_BYTE_OR_UTF8.includes(detected.encoding)) return null;
  const sample = bytes.subarray(detected.bomLength, detected.bomLength + (1 << 16));
  const read = new TextDecoder(chosen).decode(sample).split(WORD_BREAK);
  const right = new TextDecoder(detected.encoding).decode(sample).split(WORD_BREAK);
  for (let i = 0; i < Math.min(read.length, right.length); i++) {
    if (read[i] !== right[i]) return { read: read[i].slice(0, MAX_EXAMPLE), detected: right[i].slice(0, MAX_EXAMPLE) };
  }
  return null;
}
