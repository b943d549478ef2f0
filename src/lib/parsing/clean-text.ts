// Text from a file as it is stored: Unicode NFC (macOS tools write "ö" as o + U+0308; both must be one name)
// and trimmed of every kind of space, including those JavaScript's trim leaves (zero-width space, word joiner).
const EDGES = /^[\s\u180e\u200b\u2060]+|[\s\u180e\u200b\u2060]+$/g;

export function cleanText(value: string): string {
  return value.normalize('NFC').replace(EDGES, '');
}
