// UTF-8 validity over a whole file, not a sample: a Windows-1252 export sorted by date can be plain ASCII for
// its first megabytes and have its first "å" near the end. Two uses: deciding the encoding before the preview
// (`Utf8Tally`, streamed), and finding the lines whose bytes are not UTF-8 when the file is read as UTF-8
// (`markInvalidUtf8`), so those rows are rejected as "invalid bytes for UTF-8" instead of derailing the reader.

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead byte). Overlongs and surrogates are invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1];
  if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
  return length;
}

/** Counts valid multi-byte characters and invalid bytes over chunks (a character may span two chunks). */
export class Utf8Tally {
  valid = 0;
  invalid = 0;
  /**
   * A combining mark (U+0300–U+036F and the other combining blocks, as macOS tools write "o" + U+0308 for "ö")
   * or a compatibility letter (Å as the Ångström sign U+212B) was seen: the text may not be in NFC. Files without
   * one — nearly all — skip normalisation, which is slow in DuckDB.
   */
  composable = false;
  /** A NUL byte (0x00) was seen: the rows holding one are found afterwards (linesWithNul; read-file.ts). */
  nul = false;
  private carry = new Uint8Array(0);

  push(chunk: Uint8Array, last = false): void {
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    const n = bytes.length;
    let valid = 0;
    let invalid = 0;
    let composable = this.composable;
    let nul = this.nul;
    // Plain ASCII is skipped four bytes at a time where the buffer allows (most of a file is ASCII), each word also
    // tested for a zero byte ((w - 0x01010101) & ~w & 0x80808080: the classic "has a zero byte"; an indexOf(0) pass
    // over the chunks cost the 1M-row read ~0.8 s in the browser).
    const words = (bytes.byteOffset & 3) === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, n >> 2) : null;
    for (let i = 0; i < n; ) {
      const b = bytes[i];
      if (b < 0x80) {
        if (words !== null && (i & 3) === 0) {
          let k = i >> 2;
          for (; k < words.length; k++) {
            const w = words[k];
            if ((w & 0x80808080) !== 0) break;
            if (((w - 0x01010101) & ~w & 0x80808080) !== 0) nul = true;
          }
          if (k > i >> 2) i = k << 2;
          else {
            if (b === 0) nul = true;
            i++;
          }
        } else {
          if (b === 0) nul = true;
          i++;
        }
        continue;
      }
      // A lead byte in the last 3 bytes may be completed by the next chunk.
      if (!last && n - i < 4 && b >= 0xc2 && b <= 0xf4) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (i + need > n) { this.carry = bytes.slice(i); break; }
      }
      // Two-byte characters (å, ä, ö, é …) checked inline: most of a Swedish file's non-ASCII bytes.
      if (b >= 0xc2 && b <= 0xdf && i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80) {
        if (!composable && (b === 0xcc || (b === 0xcd && bytes[i + 1] <= 0xaf))) composable = true;
        valid++;
        i += 2;
        continue;
      }
      const length = sequenceLength(bytes, i);
      if (length) {
        if (!composable && mayNeedComposition(bytes, i)) composable = true;
        valid++;
        i += length;
      } else {
        invalid++;
        i++;
      }
    }
    this.valid += valid;
    this.invalid += invalid;
    this.composable = composable;
    this.nul = nul;
  }

  /**
   * UTF-8 when nothing is invalid, or when valid characters outnumber stray bytes twenty to one (a UTF-8 file
   * with a few broken bytes: read as Windows-1252 every å in it would become "Ã¥"). Windows-1252 text almost
   * never forms valid multi-byte sequences.
   */
  /**
   * UTF-8 unless bytes that are not UTF-8 outnumber the valid multi-byte characters. Windows-1252 Swedish text almost
   * never forms a valid UTF-8 sequence by chance (Å, Ä, Ö followed by €, NBSP or °), so valid characters are strong
   * evidence; a few stray bytes in a UTF-8 file are then rejected rows with a reason, where reading the file as
   * Windows-1252 garbled every å, ä and ö without a word (helper-58: 3 valid, 1 stray; the old bar was 20 to 1).
   */
  get isUtf8(): boolean {
    return this.invalid === 0 || (this.valid > 0 && this.invalid <= this.valid);
  }

  /** Any byte above ASCII seen: the bytes, not a default, decided. */
  get decided(): boolean {
    return this.valid + this.invalid > 0;
  }
}

/** A valid UTF-8 sequence at i that NFC could change: a combining mark, or Ω/K/Å as the Ohm, Kelvin and Ångström signs. */
function mayNeedComposition(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i];
  const second = bytes[i + 1];
  const third = bytes[i + 2];
  if (b === 0xcc || (b === 0xcd && second <= 0xaf)) return true; // U+0300–U+036F
  if (b === 0xe1) return second === 0xaa || second === 0xab || second === 0xb7; // U+1AB0–U+1AFF, U+1DC0–U+1DFF
  if (b === 0xe2) return second === 0x83 || (second === 0x84 && (third === 0xa6 || third === 0xaa || third === 0xab)); // U+20C0–U+20FF, U+2126, U+212A, U+212B
  return b === 0xef && second === 0xb8 && third >= 0xa0 && third <= 0xaf; // U+FE20–U+FE2F
}

/** True when the whole buffer is valid UTF-8; native, so it costs little on the common (valid) file. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const step = 1 << 22;
  try {
    for (let i = 0; i < bytes.length; i += step) decoder.decode(bytes.subarray(i, i + step), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces every byte that is not part of a valid UTF-8 character with "?" (in place: the length and every
 * delimiter, quote and newline stay where they were) and returns the physical lines (1-based) where that
 * happened. Line breaks are LF, CR or CRLF, as the record scanner counts them.
 */
export function markInvalidUtf8(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length) { i += length; continue; }
    bytes[i++] = 0x3f;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** How a NUL byte is shown wherever the app shows file text (column names, the rejected rows' text): U+2400 "␀". */
export const NUL_SYMBOL = '\u2400';

/**
 * The physical lines (1-based) holding a NUL byte (0x00), counted as markInvalidUtf8 counts them (LF, CR or CRLF).
 * A NUL is no character of any text export; one in a file is a damaged row, rejected as such (read-file.ts).
 */
export function linesWithNul(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = bytes.indexOf(0), from = 0; i !== -1; i = bytes.indexOf(0, i + 1)) {
    for (let k = from; k < i; k++) {
      const b = bytes[k];
      if (b === 0x0a || (b === 0x0d && bytes[k + 1] !== 0x0a)) line++;
    }
    from = i;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}
