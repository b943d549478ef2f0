// File writers: the canonical files the app opens with, and the same data the way real exports look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function csvField(value, delimiter) {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
}
export function toCsv(rows, columns, { delimiter = ',', newline = '\n', header = columns } = {}) {
  const lines = [header.map((h) => csvField(h, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => csvField(typeof c === 'function' ? c(row) : row[c], delimiter)).join(delimiter));
  return lines.join(newline) + newline;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; these are the characters Swedish exports use there.
const CP1252_EXTRA = new Map([[0x20ac, 0x80], [0x2013, 0x96], [0x2014, 0x97], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2026, 0x85]]);
export function encodeCp1252(text) {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[n++] = code;
    else bytes[n++] = CP1252_EXTRA.get(code) ?? 0x3f;
  }
  return bytes.subarray(0, n);
}

export function writeFile(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
